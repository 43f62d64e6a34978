#include "motion/session.h"

#include <gtest/gtest.h>

#include <vector>

#include "motion/simulator.h"

namespace bb::motion {
namespace {

std::vector<JumpEvent> at_times(const std::vector<double>& times, double impact = 2.5,
                                double flight = 0.15) {
  std::vector<JumpEvent> events;
  for (const double t : times) events.push_back({t, flight, impact, false});
  return events;
}

TEST(Session, EmptyHasNoMetrics) {
  const SessionSummary s = summarize({}, Placement::kPocket);
  EXPECT_EQ(s.jumps, 0);
  EXPECT_EQ(s.cadence_per_min, 0);
  EXPECT_TRUE(s.feedback.empty());
}

TEST(Session, SteadyRunGivesCadenceRunAndActiveTime) {
  std::vector<double> times;
  for (int i = 0; i < 20; ++i) times.push_back(1.0 + 0.5 * i);
  const SessionSummary s = summarize(at_times(times), Placement::kPocket);
  EXPECT_EQ(s.jumps, 20);
  EXPECT_NEAR(s.cadence_per_min, 120, 1e-9);
  EXPECT_NEAR(s.rhythm_cv, 0, 1e-9);
  EXPECT_EQ(s.trips, 0);
  EXPECT_EQ(s.longest_run, 20);
  EXPECT_NEAR(s.active_seconds, 10.0, 1e-9);  // 19 intervals plus the first jump's own cycle
  EXPECT_NEAR(s.jump_height_cm, 100 * jump_height_m(0.15), 1e-9);
  ASSERT_EQ(s.feedback.size(), 1u);
  EXPECT_EQ(s.feedback[0], "Steady, low and soft: good form.");
}

TEST(Session, SlowRopeTurnsAtTheWristAreARhythmNotTrips) {
  // 50 turns a minute: 1.2 s apart, slower than a jump at the pocket is counted, but a turn the
  // wrist counts.
  std::vector<double> times;
  for (int i = 0; i < 20; ++i) times.push_back(1.0 + 1.2 * i);
  const SessionSummary s = summarize(at_times(times, 0, 0), Placement::kWrist);
  EXPECT_NEAR(s.cadence_per_min, 50, 0.5);
  EXPECT_EQ(s.trips, 0);
  EXPECT_EQ(s.longest_run, 20);
}

TEST(Session, TripsAndRestsBreakRuns) {
  std::vector<double> times;
  for (int i = 0; i < 10; ++i) times.push_back(0.5 * i);        // 0 .. 4.5
  for (int i = 0; i < 15; ++i) times.push_back(6.5 + 0.5 * i);  // a 2 s trip, then 15 jumps
  for (int i = 0; i < 5; ++i) times.push_back(30.0 + 0.5 * i);  // a long rest, then 5
  const SessionSummary s = summarize(at_times(times), Placement::kPocket);
  EXPECT_EQ(s.trips, 1);
  EXPECT_EQ(s.rests, 1);
  EXPECT_EQ(s.longest_run, 15);
  EXPECT_NEAR(s.cadence_per_min, 120, 1e-9);
  bool mentions_trip = false;
  for (const std::string& note : s.feedback)
    mentions_trip |= note.find("trip") != std::string::npos;
  EXPECT_TRUE(mentions_trip);
}

TEST(Session, FeedbackForHighHardAndUnevenJumps) {
  std::vector<double> times;
  double t = 0;
  for (int i = 0; i < 30; ++i) {
    t += i % 2 == 0 ? 0.4 : 0.6;  // uneven: CV 0.2
    times.push_back(t);
  }
  // 0.25 s of flight is 7.7 cm; 5 g in a pocket is a hard landing.
  const SessionSummary s = summarize(at_times(times, 5.0, 0.25), Placement::kPocket);
  EXPECT_GT(s.rhythm_cv, SessionTuning::kUnevenRhythmCv);
  ASSERT_EQ(s.feedback.size(), 3u);
  EXPECT_NE(s.feedback[0].find("higher than the rope needs"), std::string::npos);
  EXPECT_NE(s.feedback[1].find("land softly"), std::string::npos);
  EXPECT_NE(s.feedback[2].find("uneven"), std::string::npos);
  // The same peaks at the ankle are ordinary.
  const SessionSummary ankle = summarize(at_times(times, 5.0, 0), Placement::kAnkle);
  for (const std::string& note : ankle.feedback) EXPECT_EQ(note.find("softly"), std::string::npos);
  EXPECT_EQ(ankle.jump_height_cm, 0);
}

TEST(Session, CadenceOverTimeFollowsAChange) {
  std::vector<double> times;
  double t = 0;
  for (int i = 0; i < 20; ++i) times.push_back(t += 0.6);  // 100 per minute for 12 s
  for (int i = 0; i < 30; ++i) times.push_back(t += 0.4);  // then 150 per minute
  const SessionSummary s = summarize(at_times(times), Placement::kPocket);
  ASSERT_GE(s.cadence_over_time.size(), 2u);
  EXPECT_NEAR(s.cadence_over_time.front().per_min, 100, 1);
  EXPECT_NEAR(s.cadence_over_time.back().per_min, 150, 1);
}

TEST(Session, SimulatedSessionEndToEnd) {
  SimulatedSession session;
  session.cadence_per_min = 110;
  session.height_m = 0.04;
  session.jumps = 40;
  const Simulation sim = simulate(session);
  JumpDetector detector(Placement::kPocket);
  std::vector<JumpEvent> events;
  for (const Sample& s : sim.samples) detector.push(s, events);
  detector.finish(events);
  const SessionSummary s = summarize(events, Placement::kPocket);
  EXPECT_EQ(s.jumps, 40);
  EXPECT_NEAR(s.cadence_per_min, 110, 2);  // landings fall on a 10 ms grid
  EXPECT_NEAR(s.jump_height_cm, 4.0, 1.0);
  EXPECT_LT(s.rhythm_cv, 0.05);
  EXPECT_EQ(s.longest_run, 40);
}

}  // namespace
}  // namespace bb::motion
