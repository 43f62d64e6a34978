// A physically motivated simulator of jumping, for tests: known jumps in, accelerometer samples
// out. The body is a point mass: while airborne the sensor reads 0 g (free fall); on the ground
// the feet push with a half-sine force whose impulse over a whole cycle equals body weight times
// the period, so the body leaves the ground with exactly the speed the flight time needs. A short
// landing transient rides on top (sharp at the ankle, soft in a pocket); the wrist adds the rope
// turning around it. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "motion/jump_detector.h"
#include "motion/sample.h"

namespace bb::motion {

// At the wrist: the hand circles once per rope turn; or it rides with the body (jumps without a
// rope, arms still) and reads the body's free fall and landings, like a pocket; or, as well, the
// arms swing up for each take-off and come down for the landing (a jump with an arm swing).
enum class WristMotion { kTurningRope, kRidingWithBody, kSwingingArms };

struct SimulatedSession {
  Placement placement = Placement::kPocket;
  double rate_hz = 100;
  double standing_before_s = 2;
  double standing_after_s = 2;
  int jumps = 30;
  double cadence_per_min = 120;
  double height_m = 0.03;
  double noise_g = 0.02;                        // white noise per axis, standard deviation
  double clip_g = 0;                            // > 0: every axis saturates at +-clip_g
  double timing_jitter_s = 0;                   // sample times wander by up to this much
  std::vector<std::pair<double, double>> gaps;  // [start, end) with no samples
  // Ankle: > 0 for a phone strapped loosely to the leg, which follows it through a soft coupling:
  // what the leg feels averaged over this long (the impulse of each landing is kept, its spike
  // spread into a bump of a few g).
  double soft_mount_s = 0;
  std::uint64_t seed = 1;
  WristMotion wrist_motion = WristMotion::kTurningRope;
};

struct SimulatedJump {
  double touchdown_t = 0;
  double flight_s = 0;
};

struct Simulation {
  std::vector<Sample> samples;
  std::vector<SimulatedJump> jumps;  // landings only: the push-off from standing is not one
};

[[nodiscard]] Simulation simulate(const SimulatedSession& session);

}  // namespace bb::motion
