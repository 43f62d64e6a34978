// One step of power iteration towards the main axis of a running 3x3 covariance: the direction
// along which the signal varies most (the vertical, while jumping). Shared by the detector and
// by the gravity restoration of the counter.
#pragma once

#include <cmath>

namespace bb::motion {

// `cov` holds xx xy xz yy yz zz; `axis` (unit length) moves towards the main axis, and stays as
// it was when the covariance gives no direction.
inline void step_towards_main_axis(const double (&cov)[6], double (&axis)[3]) {
  const double nx = cov[0] * axis[0] + cov[1] * axis[1] + cov[2] * axis[2];
  const double ny = cov[1] * axis[0] + cov[3] * axis[1] + cov[4] * axis[2];
  const double nz = cov[2] * axis[0] + cov[4] * axis[1] + cov[5] * axis[2];
  const double norm = std::sqrt(nx * nx + ny * ny + nz * nz);
  if (norm > 1e-12 && std::isfinite(norm)) {
    axis[0] = nx / norm;
    axis[1] = ny / norm;
    axis[2] = nz / norm;
  }
}

}  // namespace bb::motion
