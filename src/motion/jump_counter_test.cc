// The counter (detector, gravity restoration, plausibility gate) on simulated sessions and on
// event patterns that are not jumping.
#include "motion/jump_counter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <vector>

#include "motion/simulator.h"

namespace bb::motion {
namespace {

std::vector<JumpEvent> count(const std::vector<Sample>& samples, Placement placement,
                             Gravity gravity, GateCounts* gate = nullptr) {
  JumpCounter counter(placement, gravity);
  std::vector<JumpEvent> events;
  for (const Sample& s : samples) counter.push(s, events);
  counter.finish(events);
  if (gate) *gate = counter.gate();
  return events;
}

// What a phone's linear acceleration gives: the simulator's vertical (1 g) taken off.
std::vector<Sample> without_gravity(std::vector<Sample> samples) {
  const double norm = std::sqrt(0.28 * 0.28 + 0.90 * 0.90 + 0.33 * 0.33);
  for (Sample& s : samples) {
    s.x -= 0.28 / norm;
    s.y -= 0.90 / norm;
    s.z -= 0.33 / norm;
  }
  return samples;
}

TEST(JumpCounter, CountsEveryJumpOfARhythmAtEachPlacement) {
  for (const Placement p : {Placement::kPocket, Placement::kChest, Placement::kAnkle,
                            Placement::kWrist}) {
    SimulatedSession session;
    session.placement = p;
    const Simulation sim = simulate(session);
    GateCounts gate;
    const auto events = count(sim.samples, p, Gravity::kIncluded, &gate);
    // The wrist may set aside its first turn while the turning mean still rises.
    const std::size_t slack = p == Placement::kWrist ? 1 : 0;
    EXPECT_LE(events.size(), sim.jumps.size()) << to_string(p);
    EXPECT_GE(events.size() + slack, sim.jumps.size()) << to_string(p);
    EXPECT_EQ(gate.runs, 1) << to_string(p);
  }
}

TEST(JumpCounter, CountsFromGravityRemovedInput) {
  for (const Placement p : {Placement::kPocket, Placement::kAnkle, Placement::kWrist}) {
    for (const double cadence : {90.0, 120.0, 160.0}) {
      SimulatedSession session;
      session.placement = p;
      session.cadence_per_min = cadence;
      const Simulation sim = simulate(session);
      const auto events = count(without_gravity(sim.samples), p, Gravity::kRemoved);
      // The estimated vertical wobbles: within 3 of the truth.
      EXPECT_LE(std::abs(static_cast<int>(events.size()) - static_cast<int>(sim.jumps.size())), 3)
          << to_string(p) << " at " << cadence;
    }
  }
}

TEST(JumpCounter, WithoutRestorationGravityRemovedInputCountsNothing) {
  // The restoration is what makes it work: read as if gravity were in it, nothing is a jump.
  SimulatedSession session;
  const Simulation sim = simulate(session);
  EXPECT_TRUE(count(without_gravity(sim.samples), Placement::kPocket, Gravity::kIncluded).empty());
}

TEST(JumpCounter, AFewJumpsOutOfRhythmAreNotCounted) {
  // Three jumps, each followed by a long pause: jump-like, never a rhythm.
  SimulatedSession session;
  session.jumps = 1;
  std::vector<Sample> samples;
  for (int k = 0; k < 3; ++k) {
    session.seed = static_cast<std::uint64_t>(k + 1);
    for (Sample s : simulate(session).samples) {
      s.t += k * 10.0;
      samples.push_back(s);
    }
  }
  GateCounts gate;
  EXPECT_TRUE(count(samples, Placement::kPocket, Gravity::kIncluded, &gate).empty());
  EXPECT_EQ(gate.candidates, 3);
  EXPECT_EQ(gate.no_rhythm, 3);
  const std::string why = explain_gate(gate, Placement::kPocket);
  EXPECT_NE(why.find("does not look like jumping"), std::string::npos) << why;
}

TEST(JumpCounter, StandingStillSaysNothingJumpLikeWasSeen) {
  SimulatedSession session;
  session.jumps = 0;
  session.standing_before_s = 20;
  GateCounts gate;
  for (const Placement p : {Placement::kPocket, Placement::kAnkle, Placement::kWrist}) {
    EXPECT_TRUE(count(simulate(session).samples, p, Gravity::kIncluded, &gate).empty());
    EXPECT_NE(explain_gate(gate, p).find("no jumps counted"), std::string::npos);
  }
}

TEST(JumpCounter, AWristWithoutARopeTurningCountsNothing) {
  // Jumping without a rope, sensor at the wrist: the body's rhythm is there, the hand's circle
  // is not, so the wrist's rope-turn count must not run.
  SimulatedSession session;
  session.placement = Placement::kPocket;  // the body's motion only
  const Simulation sim = simulate(session);
  EXPECT_TRUE(count(sim.samples, Placement::kWrist, Gravity::kIncluded).empty());
}

TEST(JumpCounter, CountsRopeTurnsAtTheWristFrom50To200AMinute) {
  for (const double cadence : {50.0, 60.0, 80.0, 200.0}) {
    SimulatedSession session;
    session.placement = Placement::kWrist;
    session.cadence_per_min = cadence;
    const Simulation sim = simulate(session);
    for (const Gravity gravity : {Gravity::kIncluded, Gravity::kRemoved}) {
      const auto samples =
          gravity == Gravity::kRemoved ? without_gravity(sim.samples) : sim.samples;
      const auto events = count(samples, Placement::kWrist, gravity);
      EXPECT_LE(std::abs(static_cast<int>(events.size()) - static_cast<int>(sim.jumps.size())), 1)
          << cadence << (gravity == Gravity::kRemoved ? " gravity removed" : "");
    }
  }
}

// Vertical jumps with a wrist sensor and no rope: the arms swing up for each take-off and down
// for the landing. Those swings are not a rope's turns, and the wrist counts rope turns: set aside
// with the reason, in a steady series and in short series alike, with or without gravity.
TEST(JumpCounter, JumpsWithAnArmSwingAreNotRopeTurns) {
  SimulatedSession steady;
  steady.placement = Placement::kWrist;
  steady.wrist_motion = WristMotion::kSwingingArms;
  steady.height_m = 0.1;
  GateCounts gate;
  EXPECT_TRUE(count(simulate(steady).samples, Placement::kWrist, Gravity::kIncluded, &gate).empty());
  EXPECT_GT(gate.candidates, 0);
  EXPECT_NE(explain_gate(gate, Placement::kWrist).find("without a rope turning"),
            std::string::npos);

  // Four series of three jumps, 1.5 s apart, with a pause between series.
  SimulatedSession series = steady;
  series.jumps = 3;
  series.cadence_per_min = 40;
  std::vector<Sample> samples;
  double offset = 0;
  for (int k = 0; k < 4; ++k) {
    series.seed = static_cast<std::uint64_t>(k + 1);
    for (Sample s : simulate(series).samples) {
      s.t += offset;
      samples.push_back(s);
    }
    offset = samples.back().t + 0.01;
  }
  EXPECT_TRUE(count(samples, Placement::kWrist, Gravity::kIncluded).empty());
  EXPECT_TRUE(count(without_gravity(samples), Placement::kWrist, Gravity::kRemoved).empty());
}

TEST(JumpCounter, ARunNeverBridgesAHole) {
  // Five jumps with a 0.3 s hole after the second: neither side is a run of four, together they
  // would be one if the hole were bridged.
  SimulatedSession session;
  session.jumps = 5;
  session.cadence_per_min = 100;  // 0.6 s a jump
  const Simulation sim = simulate(session);
  const double hole_start = sim.jumps[1].touchdown_t + 0.15;
  session.gaps = {{hole_start, hole_start + 0.3}};
  GateCounts gate;
  const auto events = count(simulate(session).samples, Placement::kPocket, Gravity::kIncluded,
                            &gate);
  EXPECT_TRUE(events.empty());
  EXPECT_GE(gate.no_rhythm, 3);
}

TEST(JumpCounter, ListsEachEventSetAsideAndTheGatePerSegment) {
  // The run-breaking hole of the test above: two segments, each event listed with its reason,
  // and each segment's counts adding up to the whole.
  SimulatedSession session;
  session.jumps = 5;
  session.cadence_per_min = 100;
  const Simulation sim = simulate(session);
  const double hole_start = sim.jumps[1].touchdown_t + 0.15;
  session.gaps = {{hole_start, hole_start + 0.3}};
  JumpCounter counter(Placement::kPocket, Gravity::kIncluded);
  std::vector<JumpEvent> events;
  for (const Sample& s : simulate(session).samples) counter.push(s, events);
  counter.finish(events);
  const GateCounts& gate = counter.gate();
  ASSERT_EQ(counter.set_aside().size(), static_cast<std::size_t>(gate.candidates - gate.kept));
  for (std::size_t k = 0; k < counter.set_aside().size(); ++k) {
    EXPECT_EQ(counter.set_aside()[k].reason, SetAsideReason::kNoRhythm);
    if (k > 0) {
      EXPECT_GE(counter.set_aside()[k].t, counter.set_aside()[k - 1].t);
    }
  }
  ASSERT_EQ(counter.segments().size(), 2u);
  const SegmentGate& first = counter.segments()[0];
  const SegmentGate& second = counter.segments()[1];
  EXPECT_LT(first.end_s, hole_start + 0.01);
  EXPECT_GT(second.start_s, hole_start + 0.29);
  EXPECT_NEAR(first.rate_hz, 100, 5);
  EXPECT_EQ(first.counts.candidates + second.counts.candidates, gate.candidates);
  EXPECT_EQ(first.counts.no_rhythm + second.counts.no_rhythm, gate.no_rhythm);
  EXPECT_GE(first.counts.candidates, 1);
  EXPECT_GE(second.counts.candidates, 2);
}

// With one foot carrying the sensor in a skipping step, the ankle sees a landing on every
// second turn: 70 turns a minute give a landing every 1.7 s, still a rhythm at the ankle (but
// not at the pocket, whose sensor rides with the body and feels every landing).
TEST(JumpCounter, AnkleCountsALandingOnEverySecondTurn) {
  SimulatedSession session;
  session.placement = Placement::kAnkle;
  session.cadence_per_min = 35;
  session.jumps = 12;
  const Simulation sim = simulate(session);
  EXPECT_EQ(count(sim.samples, Placement::kAnkle, Gravity::kIncluded).size(), sim.jumps.size());
  session.placement = Placement::kPocket;
  EXPECT_TRUE(count(simulate(session).samples, Placement::kPocket, Gravity::kIncluded).empty());
}

TEST(JumpCounter, GuessesTheAnkleFromSoftLandingsAndStillThePocketFromFreeFalls) {
  SimulatedSession session;
  session.placement = Placement::kAnkle;
  session.soft_mount_s = 0.08;
  session.cadence_per_min = 160;
  PlacementGuesser ankle;
  for (const Sample& s : simulate(session).samples) ankle.push(s);
  EXPECT_EQ(ankle.guess(), Placement::kAnkle);
  EXPECT_EQ(ankle.confidence(), GuessConfidence::kHigh);
  EXPECT_EQ(ankle.ankle_soft_landings(), ankle.counts()[0]);
  // A pocket's landings are soft too and the ankle's counter reads them, but the free fall
  // before each one means a sensor riding with the body.
  for (const double cadence : {90.0, 120.0, 160.0}) {
    SimulatedSession pocket_session;
    pocket_session.placement = Placement::kPocket;
    pocket_session.cadence_per_min = cadence;
    PlacementGuesser pocket;
    for (const Sample& s : simulate(pocket_session).samples) pocket.push(s);
    EXPECT_EQ(pocket.guess(), Placement::kPocket) << cadence;
  }
}

TEST(JumpCounter, GuessesThePlacementAndSaysHowSure) {
  for (const Placement p : {Placement::kPocket, Placement::kAnkle, Placement::kWrist}) {
    SimulatedSession session;
    session.placement = p;
    PlacementGuesser guesser;
    for (const Sample& s : simulate(session).samples) guesser.push(s);
    EXPECT_EQ(guesser.guess(), p) << to_string(p);
    EXPECT_NE(guesser.confidence(), GuessConfidence::kNone) << to_string(p);
  }
  SimulatedSession still;
  still.jumps = 0;
  PlacementGuesser guesser;
  for (const Sample& s : simulate(still).samples) guesser.push(s);
  (void)guesser.guess();
  EXPECT_EQ(guesser.confidence(), GuessConfidence::kNone);
}

}  // namespace
}  // namespace bb::motion
