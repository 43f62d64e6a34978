// The detector on simulated sessions, where the truth is known exactly.
#include "motion/jump_detector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "motion/jump_counter.h"
#include "motion/simulator.h"

namespace bb::motion {
namespace {

std::vector<JumpEvent> detect(const std::vector<Sample>& samples, Placement placement) {
  JumpDetector detector(placement);
  std::vector<JumpEvent> events;
  for (const Sample& s : samples) detector.push(s, events);
  detector.finish(events);
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_LT(events[i - 1].t, events[i].t) << "events out of order or repeated";
  }
  return events;
}

// Each simulated landing matched to one event: the reported time is the landing peak, shortly
// after touchdown.
void expect_matches(const Simulation& sim, const std::vector<JumpEvent>& events,
                    double height_tolerance_m, bool check_height) {
  ASSERT_EQ(events.size(), sim.jumps.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const double delay = events[i].t - sim.jumps[i].touchdown_t;
    EXPECT_GE(delay, -0.02) << "jump " << i;
    EXPECT_LE(delay, 0.1) << "jump " << i;
    if (check_height) {
      EXPECT_NEAR(jump_height_m(events[i].flight_s), jump_height_m(sim.jumps[i].flight_s),
                  height_tolerance_m)
          << "jump " << i;
    }
  }
}

TEST(JumpDetector, PocketCountsEveryJumpAndMeasuresHeightAcrossCadencesAndHeights) {
  for (const double cadence : {60.0, 90.0, 120.0, 160.0, 200.0}) {
    for (const double height : {0.02, 0.03, 0.06, 0.10}) {
      if (cadence >= 160 && height > 0.06) continue;  // no time left on the ground
      SimulatedSession session;
      session.placement = Placement::kPocket;
      session.cadence_per_min = cadence;
      session.height_m = height;
      session.jumps = 25;
      session.seed = static_cast<std::uint64_t>(cadence * 1000 + height * 100);
      const Simulation sim = simulate(session);
      SCOPED_TRACE(testing::Message() << "cadence " << cadence << " height " << height);
      expect_matches(sim, detect(sim.samples, Placement::kPocket), 0.01, true);
    }
  }
}

TEST(JumpDetector, ChestBehavesLikePocket) {
  SimulatedSession session;
  session.placement = Placement::kChest;
  const Simulation sim = simulate(session);
  expect_matches(sim, detect(sim.samples, Placement::kChest), 0.01, true);
}

TEST(JumpDetector, AnkleCountsLandingsNotPushOffs) {
  for (const double cadence : {60.0, 100.0, 140.0, 200.0}) {
    SimulatedSession session;
    session.placement = Placement::kAnkle;
    session.cadence_per_min = cadence;
    session.jumps = 40;
    const Simulation sim = simulate(session);
    SCOPED_TRACE(testing::Message() << "cadence " << cadence);
    const auto events = detect(sim.samples, Placement::kAnkle);
    expect_matches(sim, events, 0, false);
    for (const JumpEvent& e : events) EXPECT_GT(e.impact_g, 6);
  }
}

// A phone strapped loosely to the ankle smooths the 9 g landing spike into a bump of 2-3 g over
// tens of milliseconds; the landing's impulse is kept, and that is what is counted. (The
// simulator's contacts last the period less the flight: at these cadences they stay within the
// 0.25 s a soft landing may take; longer ones are not read as soft landings, docs/motion.md.)
TEST(JumpDetector, AnkleCountsSoftLandingsByTheirImpulse) {
  const std::pair<double, double> cadences_and_heights[] = {{170, 0.03}, {200, 0.03}};
  for (const auto& [cadence, height] : cadences_and_heights) {
    for (const double mount : {0.05, 0.08}) {
      SimulatedSession session;
      session.placement = Placement::kAnkle;
      session.cadence_per_min = cadence;
      session.height_m = height;
      session.soft_mount_s = mount;
      session.jumps = 30;
      session.seed = static_cast<std::uint64_t>(cadence * 10 + mount * 1000);
      const Simulation sim = simulate(session);
      SCOPED_TRACE(testing::Message() << "cadence " << cadence << " mount " << mount);
      JumpDetector detector(Placement::kAnkle);
      std::vector<JumpEvent> events;
      double latest_report = 0;
      for (const Sample& s : sim.samples) {
        const std::size_t before = events.size();
        detector.push(s, events);
        for (std::size_t i = before; i < events.size(); ++i) {
          latest_report = std::max(latest_report, s.t - events[i].t);
        }
      }
      detector.finish(events);
      ASSERT_EQ(events.size(), sim.jumps.size());
      for (std::size_t i = 0; i < events.size(); ++i) {
        const double delay = events[i].t - sim.jumps[i].touchdown_t;
        EXPECT_GE(delay, -0.02) << "jump " << i;
        EXPECT_LE(delay, 0.1) << "jump " << i;
        EXPECT_GT(events[i].impulse_s, 0) << "jump " << i << ": not read as a soft landing";
        // The impulse carries the flight's momentum, g t_f (less what the mount spreads outside
        // the rise).
        EXPECT_GE(events[i].impulse_s, sim.jumps[i].flight_s * 0.6) << "jump " << i;
      }
      EXPECT_LE(latest_report, 0.25);  // the detector's promise for every landing
    }
  }
}

TEST(JumpDetector, AnkleSoftPathLeavesStandingAndSwayAlone) {
  // Standing, then slow sway of the leg (|a| 1 +- 0.3 g at 1 Hz): u swings, but no flight
  // precedes a rise strong enough to carry one.
  std::vector<Sample> samples;
  for (int k = 0; k < 3000; ++k) {
    const double t = k * 0.01;
    const double sway = t < 10 ? 0 : 0.3 * std::sin(2 * 3.141592653589793 * t);
    samples.push_back({t, 0.0, 1.0 + sway, 0.0});
  }
  EXPECT_TRUE(detect(samples, Placement::kAnkle).empty());
}

// The wrist shows the rope turning, not the landing: a turn cut off when the session stops may
// be lost, so the count is exact to within one. Slow turns (50-80 a minute, where the landing and
// the push-off are separate swings) count once, not twice; 200 a minute counts every turn.
TEST(JumpDetector, WristCountsRopeTurns) {
  for (const double cadence : {50.0, 60.0, 70.0, 80.0, 120.0, 180.0, 200.0}) {
    SimulatedSession session;
    session.placement = Placement::kWrist;
    session.cadence_per_min = cadence;
    session.jumps = 40;
    const Simulation sim = simulate(session);
    SCOPED_TRACE(testing::Message() << "cadence " << cadence);
    const double counted = static_cast<double>(detect(sim.samples, Placement::kWrist).size());
    EXPECT_NEAR(counted, static_cast<double>(sim.jumps.size()), 1.0);
  }
}

// Jumps without a rope, arms still: the wrist rides with the body and every jump is one cycle of
// the same movement, so it shows once per jump, never more.
TEST(JumpDetector, WristShowsVerticalJumpsWithoutARopeOncePerJump) {
  SimulatedSession session;
  session.placement = Placement::kWrist;
  session.wrist_motion = WristMotion::kRidingWithBody;
  session.jumps = 30;
  session.height_m = 0.1;
  const Simulation sim = simulate(session);
  const auto events = detect(sim.samples, Placement::kWrist);
  EXPECT_LE(events.size(), sim.jumps.size());
  EXPECT_GE(events.size() + 1, sim.jumps.size());
}

TEST(JumpDetector, StandingStillIsNotAJump) {
  SimulatedSession session;
  session.jumps = 0;
  session.standing_before_s = 30;
  for (const Placement p : {Placement::kPocket, Placement::kAnkle, Placement::kWrist}) {
    session.placement = p;
    const Simulation sim = simulate(session);
    EXPECT_TRUE(detect(sim.samples, p).empty()) << to_string(p);
  }
}

TEST(JumpDetector, ASingleJumpFromStandingCountsOnceNotAtThePushOff) {
  for (const Placement p : {Placement::kPocket, Placement::kAnkle}) {
    SimulatedSession session;
    session.placement = p;
    session.jumps = 1;
    session.height_m = 0.08;
    const Simulation sim = simulate(session);
    expect_matches(sim, detect(sim.samples, p), 0.01, p == Placement::kPocket);
  }
}

TEST(JumpDetector, ClippedSensorStillCountsAndFlagsImpacts) {
  SimulatedSession session;
  session.placement = Placement::kPocket;
  session.clip_g = 2.0;
  session.height_m = 0.05;
  const Simulation sim = simulate(session);
  const auto events = detect(sim.samples, Placement::kPocket);
  expect_matches(sim, events, 0.01, true);
  int clipped = 0;
  for (const JumpEvent& e : events) clipped += e.impact_clipped ? 1 : 0;
  EXPECT_GT(clipped, static_cast<int>(events.size()) / 2);
}

TEST(JumpDetector, GapsSplitSegmentsAndAreNeverBridged) {
  SimulatedSession session;
  session.placement = Placement::kPocket;
  session.jumps = 30;
  session.gaps = {{6.0, 8.0}};
  const Simulation sim = simulate(session);
  JumpDetector detector(Placement::kPocket);
  std::vector<JumpEvent> events;
  for (const Sample& s : sim.samples) detector.push(s, events);
  detector.finish(events);
  EXPECT_EQ(detector.segments(), 2);
  // Landings whose free fall or peak window touches the gap are lost; none is invented.
  std::size_t expected = 0;
  for (const SimulatedJump& j : sim.jumps) {
    if (j.touchdown_t < 6.0 - 0.25 || j.touchdown_t > 8.0 + 0.7) ++expected;
  }
  for (const JumpEvent& e : events) EXPECT_FALSE(e.t > 5.9 && e.t < 8.0) << e.t;
  EXPECT_LE(events.size(), sim.jumps.size());
  EXPECT_GE(events.size(), expected);
}

TEST(JumpDetector, ReportsEachLandingWithin250Milliseconds) {
  for (const Placement p : {Placement::kPocket, Placement::kAnkle}) {
    SimulatedSession session;
    session.placement = p;
    const Simulation sim = simulate(session);
    JumpDetector detector(p);
    std::vector<JumpEvent> events;
    for (const Sample& s : sim.samples) {
      const std::size_t before = events.size();
      detector.push(s, events);
      for (std::size_t i = before; i < events.size(); ++i) {
        EXPECT_LE(s.t - events[i].t, 0.25) << to_string(p) << " event at " << events[i].t;
      }
    }
    EXPECT_EQ(events.size(), sim.jumps.size());
  }
}

TEST(JumpDetector, IrregularAndBurstyTimestampsGiveTheSameCount) {
  SimulatedSession session;
  session.placement = Placement::kPocket;
  session.rate_hz = 200;
  session.timing_jitter_s = 0.004;
  Simulation sim = simulate(session);
  // A bursty logger: every five readings share the stamp of the last one.
  for (std::size_t i = 0; i + 5 <= sim.samples.size(); i += 5) {
    for (std::size_t k = 0; k < 4; ++k) sim.samples[i + k].t = sim.samples[i + 4].t;
  }
  EXPECT_EQ(detect(sim.samples, Placement::kPocket).size(), sim.jumps.size());
}

TEST(JumpDetector, ArbitraryValuesAreDroppedNotTrusted) {
  SimulatedSession session;
  session.placement = Placement::kPocket;
  Simulation sim = simulate(session);
  std::vector<Sample> dirty;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < sim.samples.size(); ++i) {
    dirty.push_back(sim.samples[i]);
    if (i % 97 == 0) dirty.push_back({nan, 1, 1, 1});
    if (i % 89 == 0) dirty.push_back({sim.samples[i].t, inf, 0, 0});
    if (i % 83 == 0) dirty.push_back({sim.samples[i].t - 5, 1, 0, 0});  // time going back
  }
  JumpDetector detector(Placement::kPocket);
  std::vector<JumpEvent> events;
  for (const Sample& s : dirty) detector.push(s, events);
  detector.finish(events);
  EXPECT_EQ(events.size(), sim.jumps.size());
  EXPECT_GT(detector.dropped_samples(), 0);
}

TEST(JumpDetector, GuessesThePlacementFromTheSignal) {
  for (const Placement p : {Placement::kPocket, Placement::kAnkle, Placement::kWrist}) {
    SimulatedSession session;
    session.placement = p;
    const Simulation sim = simulate(session);
    PlacementGuesser guesser;
    for (const Sample& s : sim.samples) guesser.push(s);
    EXPECT_EQ(guesser.guess(), p) << to_string(p);
  }
}

TEST(JumpDetector, HeightFollowsFlightTime) {
  // h = g t^2 / 8: a 0.2 s flight is 4.9 cm.
  EXPECT_NEAR(jump_height_m(0.2), 0.049, 0.0005);
  EXPECT_EQ(jump_height_m(0), 0);
}

TEST(JumpDetector, ParsesPlacements) {
  Placement p = Placement::kAuto;
  EXPECT_TRUE(parse_placement("waist", p));
  EXPECT_EQ(p, Placement::kPocket);
  EXPECT_TRUE(parse_placement("ankle", p));
  EXPECT_EQ(p, Placement::kAnkle);
  EXPECT_FALSE(parse_placement("knee", p));
}

}  // namespace
}  // namespace bb::motion
