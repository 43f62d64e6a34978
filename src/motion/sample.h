// One accelerometer reading, the unit every part of the motion library exchanges.
#pragma once

namespace bb::motion {

inline constexpr double kStandardGravity = 9.80665;  // m/s^2 per g

// Time in seconds from the first sample of the recording; acceleration in g, gravity included.
struct Sample {
  double t = 0;
  double x = 0;
  double y = 0;
  double z = 0;
};

}  // namespace bb::motion
