#include "motion/simulator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace bb::motion {
namespace {

constexpr double kPi = std::numbers::pi;

// A small deterministic generator (splitmix64): the same numbers on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  double uniform() {  // [0, 1)
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<double>(z >> 11) * 0x1.0p-53;
  }
  double normal() {  // Box-Muller
    const double u1 = std::max(uniform(), 1e-300);
    const double u2 = uniform();
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * kPi * u2);
  }

 private:
  std::uint64_t state_;
};

// Rises from 0 at t = 0 to `peak` at t = tau and decays: a landing transient.
double transient(double t, double peak, double tau) {
  if (t < 0) return 0;
  return peak * (t / tau) * std::exp(1 - t / tau);
}
constexpr double kTransientImpulsePerPeak =
    2.718281828459045;  // integral of transient / (peak tau)

constexpr double kPhaseS = 0.2;        // landing and push-off each take this long on slow contacts
constexpr double kRampS = 0.02;        // the load builds over this long after touchdown
constexpr double kReleaseShare = 0.3;  // the push-off unloads to 0 g over its last 30%

struct Timeline {
  double takeoff_first = 0;  // end of the push-off from standing
  std::vector<double> touchdowns;
  std::vector<double> takeoffs;  // takeoffs[i] ends the contact that began at touchdowns[i]
  double flight = 0;
  double transient_peak = 0;
  double transient_tau = 0.03;
};

// Push-off of length `length` ending at take-off (u in [0, length)): 1 g plus a half-sine, the
// whole unloading to 0 g at the end; its impulse beyond body weight gives the take-off speed.
double push_off(double u, double length, double speed_over_g) {
  const auto weight = [&](double x) {
    const double release = (1 - kReleaseShare) * length;
    return x < release ? 1.0 : (length - x) / (kReleaseShare * length);
  };
  // B solves  integral of w (1 + B sin) - length = speed / g, integrated numerically once.
  constexpr int kSteps = 400;
  double integral_w = 0;
  double integral_w_sin = 0;
  for (int k = 0; k < kSteps; ++k) {
    const double x = (k + 0.5) * length / kSteps;
    integral_w += weight(x) * length / kSteps;
    integral_w_sin += weight(x) * std::sin(kPi * x / length) * length / kSteps;
  }
  const double b = (speed_over_g + length - integral_w) / integral_w_sin;
  return weight(u) * (1 + b * std::sin(kPi * u / length));
}

// Landing of length `length` from touchdown (t in [0, length)): the load ramps up to body weight
// and a half-sine on top stops the fall; the transient is part of that impulse.
double landing(double t, double length, double speed_over_g, const Timeline& line) {
  const double transient_impulse =
      line.transient_peak * line.transient_tau * kTransientImpulsePerPeak;
  const double ramp_impulse = length - kRampS / 2;
  const double b =
      std::max(0.0, speed_over_g + length - ramp_impulse - transient_impulse) / (2 * length / kPi);
  return std::min(1.0, t / kRampS) + b * std::sin(kPi * t / length);
}

// Vertical specific force of the body (in g) at time t: 1 standing, 0 airborne.
double body_force(const Timeline& line, double t) {
  const double speed_over_g = line.flight / 2;  // take-off speed / g
  const double push_start = line.takeoff_first - kPhaseS;
  if (t < push_start) return 1;
  if (t < line.takeoff_first) return push_off(t - push_start, kPhaseS, speed_over_g);
  // The contact under way (or the flight before it): the last touchdown not after t.
  const auto next = std::upper_bound(line.touchdowns.begin(), line.touchdowns.end(), t);
  if (next == line.touchdowns.begin()) return 0;  // first flight
  {
    const std::size_t i = static_cast<std::size_t>(next - line.touchdowns.begin()) - 1;
    const double down = line.touchdowns[i];
    const bool last = i + 1 == line.touchdowns.size();
    const double up = line.takeoffs[i];
    if (!last && t >= up) return 0;  // airborne after this contact
    const double local = t - down;
    const double spike = transient(local, line.transient_peak, line.transient_tau);
    const double contact = up - down;
    if (last) {  // land and come to rest
      return spike + (local < kPhaseS ? landing(local, kPhaseS, speed_over_g, line) : 1.0);
    }
    if (contact >= 2 * kPhaseS) {  // land, stand a moment, push off again
      if (local < kPhaseS) return spike + landing(local, kPhaseS, speed_over_g, line);
      if (t >= up - kPhaseS) return spike + push_off(t - (up - kPhaseS), kPhaseS, speed_over_g);
      return spike + 1;
    }
    // A short bounce: one half-sine whose impulse is body weight times the whole period.
    const double transient_impulse =
        line.transient_peak * line.transient_tau * kTransientImpulsePerPeak;
    const double needed = std::max(0.0, contact + line.flight - transient_impulse);
    return spike + kPi / 2 * needed / contact * std::sin(kPi * local / contact);
  }
  return 1;
}

}  // namespace

Simulation simulate(const SimulatedSession& session) {
  Simulation out;
  Random random(session.seed);
  const double period = 60.0 / std::clamp(session.cadence_per_min, 20.0, 300.0);
  Timeline line;
  line.flight = std::sqrt(8 * std::max(session.height_m, 0.0) / kStandardGravity);
  line.flight = std::min(line.flight, period - 0.1);  // keep some ground contact
  line.takeoff_first = session.standing_before_s + kPhaseS;
  double t = line.takeoff_first;
  for (int i = 0; i < session.jumps; ++i) {
    t += line.flight;
    line.touchdowns.push_back(t);
    out.jumps.push_back({t, line.flight});
    t += period - line.flight;
    line.takeoffs.push_back(t);
  }
  const double end = (line.touchdowns.empty() ? line.takeoff_first : line.touchdowns.back()) +
                     kPhaseS + session.standing_after_s;

  // Placement decides the landing transient and what rides on the body's motion.
  // Pocket, chest: soft tissue damps the impact; it grows with the landing speed g t / 2.
  const double landing_speed = kStandardGravity * line.flight / 2;
  line.transient_peak = std::max(0.5, 2.0 * landing_speed);
  line.transient_tau = 0.03;
  if (session.placement == Placement::kAnkle) {
    line.transient_peak = 9.0;
    line.transient_tau = 0.008;
  }
  // The sensor is tilted: the vertical is not along one axis.
  const double up[3] = {0.28, 0.90, 0.33};
  const double up_norm = std::sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
  const double step = 1.0 / session.rate_hz;
  // A loose mount: a moving average of what the leg feels (before noise and clipping).
  const int mount_samples = session.placement == Placement::kAnkle && session.soft_mount_s > 0
                                ? std::max(1, static_cast<int>(session.soft_mount_s / step + 0.5))
                                : 1;
  std::vector<std::array<double, 3>> felt;
  std::array<double, 3> felt_sum{0, 0, 0};
  for (std::int64_t k = 0;; ++k) {
    double ts = static_cast<double>(k) * step;
    if (session.timing_jitter_s > 0) ts += (random.uniform() - 0.5) * session.timing_jitter_s;
    if (ts > end) break;
    bool in_gap = false;
    for (const auto& [a, b] : session.gaps) in_gap = in_gap || (ts >= a && ts < b);
    const double n0 = random.normal();
    const double n1 = random.normal();
    const double n2 = random.normal();
    if (in_gap || ts < 0) continue;
    const double vertical = session.jumps == 0 ? 1.0 : body_force(line, ts);
    double a[3];
    for (int axis = 0; axis < 3; ++axis) a[axis] = vertical * up[axis] / up_norm;
    if (session.placement == Placement::kAnkle) {
      // The foot swings while airborne: a smooth forward-backward acceleration.
      const auto next = std::upper_bound(line.touchdowns.begin(), line.touchdowns.end(), ts);
      if (next != line.touchdowns.end()) {
        const double lift = *next - line.flight;
        if (ts >= lift) a[2] += 1.5 * std::sin(2 * kPi * (ts - lift) / line.flight);
      }
    }
    if (session.placement == Placement::kWrist &&
        session.wrist_motion == WristMotion::kTurningRope) {
      // The hand circles once per rope turn, strongest while jumping.
      // One turn per jump; the hand circles (an ellipse, so one direction dominates) and its
      // centripetal acceleration never lets the wrist read free fall.
      const double turning = ts - line.takeoff_first;
      if (turning >= 0 && turning < session.jumps * period) {
        const double phase = 2 * kPi * turning / period;
        a[0] += 2.0 * std::sin(phase);
        a[1] += 1.2 * std::cos(phase);
      }
    }
    if (session.placement == Placement::kWrist &&
        session.wrist_motion == WristMotion::kSwingingArms) {
      // Each arm swing: one cycle of 3 g forward and back over 0.4 s ending at take-off, and
      // a smaller one as the arms come down to meet the landing.
      for (std::size_t j = 0; j < line.touchdowns.size(); ++j) {
        const double takeoff = line.touchdowns[j] - line.flight;
        const double up_swing = ts - (takeoff - 0.4);
        if (up_swing >= 0 && up_swing < 0.4) a[2] += 3.0 * std::sin(2 * kPi * up_swing / 0.4);
        const double down_swing = ts - (line.touchdowns[j] - 0.15);
        if (down_swing >= 0 && down_swing < 0.3) a[2] -= 1.5 * std::sin(2 * kPi * down_swing / 0.3);
      }
    }
    if (mount_samples > 1) {
      felt.push_back({a[0], a[1], a[2]});
      for (int axis = 0; axis < 3; ++axis) felt_sum[axis] += a[axis];
      if (felt.size() > static_cast<std::size_t>(mount_samples)) {
        const std::array<double, 3>& oldest = felt[felt.size() - 1 - mount_samples];
        for (int axis = 0; axis < 3; ++axis) felt_sum[axis] -= oldest[axis];
      }
      const double n = static_cast<double>(std::min<std::size_t>(felt.size(), mount_samples));
      for (int axis = 0; axis < 3; ++axis) a[axis] = felt_sum[axis] / n;
    }
    a[0] += session.noise_g * n0;
    a[1] += session.noise_g * n1;
    a[2] += session.noise_g * n2;
    if (session.clip_g > 0) {
      for (double& v : a) v = std::clamp(v, -session.clip_g, session.clip_g);
    }
    out.samples.push_back({ts, a[0], a[1], a[2]});
  }
  return out;
}

}  // namespace bb::motion
