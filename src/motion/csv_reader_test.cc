#include "motion/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace bb::motion {
namespace {

struct Parsed {
  Status status;
  std::vector<Sample> samples;
  CsvReport report;
};

// Feeds `text` in chunks of `chunk` bytes, as a file or a socket would.
Parsed parse(const std::string& text, CsvOptions options = {}, std::size_t chunk = 1 << 16) {
  MotionCsvReader reader(options);
  Parsed out;
  for (std::size_t offset = 0; offset < text.size(); offset += chunk) {
    out.status = reader.push(std::string_view(text).substr(offset, chunk), out.samples);
    if (!out.status.ok()) return out;
  }
  out.status = reader.finish(out.samples);
  out.report = reader.report();
  return out;
}

TEST(MotionCsvReader, ReadsSecondsAndAxesInG) {
  const Parsed p = parse("t_s,ax_g,ay_g,az_g\n0.00,0,0,1\n0.01,0.1,0.2,0.9\n");
  ASSERT_TRUE(p.status.ok()) << p.status.error().describe();
  ASSERT_EQ(p.samples.size(), 2u);
  EXPECT_DOUBLE_EQ(p.samples[1].t, 0.01);
  EXPECT_DOUBLE_EQ(p.samples[1].y, 0.2);
  EXPECT_EQ(p.report.units, Units::kG);
  EXPECT_EQ(p.report.units_source, UnitsSource::kHeader);
  EXPECT_EQ(p.report.time_column, "t_s");
}

TEST(MotionCsvReader, UnderstandsCommonHeaderSpellings) {
  const std::vector<std::string> headers = {
      "t,ax,ay,az",
      "time,x,y,z",
      "seconds_elapsed,x,y,z",
      "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z "
      "(m/s^2)\"",
      "time,gFx,gFy,gFz",
      "t_s,ax_m_s2,ay_m_s2,az_m_s2",
      "elapsed (s),x-axis (g),y-axis (g),z-axis (g)",
      "time,X_value,Y_value,Z_value",
  };
  for (const std::string& header : headers) {
    const Parsed p = parse(header + "\n0,0,0,1\n0.01,0,0,1\n");
    EXPECT_TRUE(p.status.ok()) << header << ": "
                               << (p.status.ok() ? "" : p.status.error().describe());
    EXPECT_EQ(p.samples.size(), 2u) << header;
  }
}

TEST(MotionCsvReader, TakesUnitsFromNamesAndConvertsToG) {
  const Parsed p = parse("t_s,ax_m_s2,ay_m_s2,az_m_s2\n0,0,0,9.80665\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.report.units, Units::kMetersPerSecond2);
  EXPECT_NEAR(p.samples[0].z, 1.0, 1e-12);
}

TEST(MotionCsvReader, InfersUnitsFromTheRestingMagnitudeAndSaysSo) {
  std::string text = "time,x,y,z\n";
  for (int i = 0; i < 60; ++i) text += std::to_string(i * 0.01) + ",0.1,0.2,9.79\n";
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.report.units, Units::kMetersPerSecond2);
  EXPECT_EQ(p.report.units_source, UnitsSource::kRestingMagnitude);
  EXPECT_NEAR(p.report.resting_magnitude, 9.79, 0.01);
  EXPECT_EQ(p.samples.size(), 60u);
  EXPECT_NEAR(p.samples[5].z, 9.79 / kStandardGravity, 1e-9);
}

TEST(MotionCsvReader, OverrideWinsOverInference) {
  CsvOptions options;
  options.units = Units::kG;
  const Parsed p = parse("time,x,y,z\n0,0,0,9.8\n", options);
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.report.units_source, UnitsSource::kOverride);
  EXPECT_DOUBLE_EQ(p.samples[0].z, 9.8);
}

TEST(MotionCsvReader, FlagsLinearAccelerationWithoutGravity) {
  std::string text = "time,x,y,z\n";
  for (int i = 0; i < 200; ++i) {
    const double wobble = 0.3 * std::sin(i * 0.3);
    text += std::to_string(i * 0.01) + "," + std::to_string(wobble) + ",0.05," +
            std::to_string(-wobble) + "\n";
  }
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok());
  EXPECT_TRUE(p.report.gravity_removed);
  EXPECT_TRUE(parse("t,Linear Acceleration x (m/s^2),Linear Acceleration y (m/s^2),"
                    "Linear Acceleration z (m/s^2)\n0,0,0,0\n")
                  .report.gravity_removed);
}

TEST(MotionCsvReader, AddsTheExportsOwnGravityBackToUserAcceleration) {
  // iOS device motion (Sensor Logger's WristMotion): gravity and user acceleration side by
  // side, in g. Their sum is what the sensor felt: gravity is in the samples, nothing estimated.
  std::string text =
      "time,seconds_elapsed,rotationRateX,gravityX,gravityY,gravityZ,accelerationX,"
      "accelerationY,accelerationZ\n";
  for (int i = 0; i < 100; ++i) {
    text += "17191026812793874" + std::to_string(10 + i) + "," + std::to_string(i * 0.01) +
            ",0.5,-0.6,0,-0.8," + (i == 50 ? "0.3,0,-0.4" : "0,0,0") + "\n";
  }
  const Parsed p = parse(text, {}, 7);
  ASSERT_TRUE(p.status.ok()) << p.status.error().message;
  EXPECT_TRUE(p.report.gravity_added_from_columns);
  EXPECT_FALSE(p.report.gravity_removed);
  ASSERT_EQ(p.samples.size(), 100u);
  EXPECT_NEAR(p.samples[0].x, -0.6, 1e-9);
  EXPECT_NEAR(p.samples[0].z, -0.8, 1e-9);
  EXPECT_NEAR(p.samples[50].x, -0.3, 1e-9);
  EXPECT_NEAR(p.samples[50].z, -1.2, 1e-9);
  // A gravity field that is not a number is an error naming it, like an axis.
  const Parsed bad = parse(
      "t,gravity_x,gravity_y,gravity_z,linear_acceleration_x,linear_acceleration_y,"
      "linear_acceleration_z\n0,0,0,1,0,0,0\n0.01,0,zero,1,0,0,0\n");
  ASSERT_FALSE(bad.status.ok());
  EXPECT_NE(bad.status.error().message.find("gravity y 'zero'"), std::string::npos)
      << bad.status.error().message;
  // Without all three gravity columns the file stays gravity-removed.
  EXPECT_TRUE(parse("t,gravity_x,linear_acceleration_x,linear_acceleration_y,"
                    "linear_acceleration_z\n0,0,0,0,0\n")
                  .report.gravity_removed);
}

TEST(MotionCsvReader, ReadsHeaderlessRowsWithDatesOrEpochTimes) {
  const Parsed dates = parse("2025-10-24 16:51:03.970,0,0,1\n2025-10-24 16:51:03.980,0,0,1\n");
  ASSERT_TRUE(dates.status.ok()) << dates.status.error().describe();
  EXPECT_FALSE(dates.report.has_header);
  EXPECT_EQ(dates.report.time_format, TimeFormat::kDateTime);
  EXPECT_NEAR(dates.samples[1].t, 0.01, 1e-6);

  const Parsed ms = parse("epoch (ms),x,y,z\n1547832339908,0,0,1\n1547832339988,0,0,1\n");
  ASSERT_TRUE(ms.status.ok());
  EXPECT_NEAR(ms.samples[1].t, 0.08, 1e-6);

  const Parsed ns = parse("time,z,y,x\n1667581571396870000,1,0,0\n1667581571406892000,1,0,0\n");
  ASSERT_TRUE(ns.status.ok());
  EXPECT_EQ(ns.report.time_format, TimeFormat::kNanoseconds);
  EXPECT_NEAR(ns.samples[1].t, 0.010022, 1e-6);
  EXPECT_DOUBLE_EQ(ns.samples[0].z, 1.0);  // z,y,x column order honoured
}

TEST(MotionCsvReader, SemicolonsDecimalCommasAndSepLine) {
  const Parsed p = parse("sep=;\nTime (s);ax (g);ay (g);az (g)\n0,5;0;0;1\n0,51;0;0,5;1\n");
  ASSERT_TRUE(p.status.ok()) << p.status.error().describe();
  EXPECT_EQ(p.report.separator, ';');
  ASSERT_EQ(p.samples.size(), 2u);
  EXPECT_NEAR(p.samples[1].t, 0.01, 1e-12);
  EXPECT_DOUBLE_EQ(p.samples[1].y, 0.5);
}

TEST(MotionCsvReader, CrlfBomMissingFinalNewlineExtraColumnsAndENotation) {
  const Parsed p = parse("\xEF\xBB\xBFtime,ax,ay,az\r\n0,0,0,1,extra\r\n1.0E-2,0,0,1.0E0");
  ASSERT_TRUE(p.status.ok()) << p.status.error().describe();
  ASSERT_EQ(p.samples.size(), 2u);
  EXPECT_DOUBLE_EQ(p.samples[1].z, 1.0);
}

TEST(MotionCsvReader, SameSamplesWhateverTheChunking) {
  std::string text = "t_s,ax_g,ay_g,az_g\n";
  for (int i = 0; i < 500; ++i) text += std::to_string(i * 0.01) + ",0.1,-0.2,0.98\n";
  const Parsed whole = parse(text);
  for (const std::size_t chunk : {1u, 3u, 7u, 64u, 4096u}) {
    const Parsed pieces = parse(text, {}, chunk);
    ASSERT_TRUE(pieces.status.ok());
    ASSERT_EQ(pieces.samples.size(), whole.samples.size()) << chunk;
    for (std::size_t i = 0; i < whole.samples.size(); ++i) {
      EXPECT_EQ(pieces.samples[i].t, whole.samples[i].t);
      EXPECT_EQ(pieces.samples[i].x, whole.samples[i].x);
    }
  }
}

// Plain decimals take a shortcut past from_chars; they must come out as the very same doubles,
// including the digit counts where the shortcut ends (15) and starts to hand over (16 and more),
// negative zero, leading zeros and a decimal comma.
TEST(MotionCsvReader, PlainDecimalsReadExactlyAsFromChars) {
  std::vector<std::string> numbers = {"0", "-0", "-0.000", "007.50", "1", "12", "0.1", "-0.3",
                                      "123456789012345", "1234567890123456", "0.123456789012345",
                                      "0.1234567890123456", "-9.99999999999999", "1e3", "1.",
                                      "4503599627370497", "9007199254740993"};
  std::uint64_t state = 12345;
  for (int i = 0; i < 3000; ++i) {  // random digit strings of 1 to 18 digits, point anywhere
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const int length = 1 + static_cast<int>((state >> 33) % 18);
    std::string digits;
    for (int k = 0; k < length; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      digits.push_back(static_cast<char>('0' + (state >> 33) % 10));
    }
    const std::size_t point = (state >> 40) % (digits.size() + 1);
    std::string number = (state >> 50) % 2 ? "-" : "";
    number += point == 0 ? digits : digits.substr(0, point) + "." + digits.substr(point);
    if (point == digits.size()) number = (state >> 50) % 2 ? "-" + digits : digits;
    numbers.push_back(number);
  }
  for (const bool decimal_comma : {false, true}) {
    std::string text = decimal_comma ? "t;ax;ay;az\n" : "t,ax_g,ay_g,az_g\n";
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      std::string value = numbers[i];
      if (decimal_comma) std::replace(value.begin(), value.end(), '.', ',');
      const char sep = decimal_comma ? ';' : ',';
      text += std::to_string(i) + sep + value + sep + "0" + sep + "1\n";
    }
    const Parsed p = parse(text, CsvOptions{Units::kG, Strictness::kStrict});
    ASSERT_TRUE(p.status.ok()) << p.status.error().describe();
    ASSERT_EQ(p.samples.size(), numbers.size());
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      double expected = 0;
      const std::string& n = numbers[i];
      const auto result = std::from_chars(n.data(), n.data() + n.size(), expected);
      ASSERT_TRUE(result.ec == std::errc() && result.ptr == n.data() + n.size()) << n;
      // Bit for bit: the sign of zero too.
      EXPECT_EQ(std::memcmp(&p.samples[i].x, &expected, sizeof expected), 0)
          << n << " read as " << p.samples[i].x;
    }
  }
}

TEST(MotionCsvReader, MalformedFieldIsAnErrorWithTheLineNumber) {
  const Parsed p = parse("t,ax,ay,az\n0,0,0,1\n0.01,0,abc,1\n0.02,0,0,1\n");
  ASSERT_FALSE(p.status.ok());
  EXPECT_EQ(p.status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(p.status.error().field, "line 3");
  EXPECT_NE(p.status.error().message.find("'abc'"), std::string::npos);
}

TEST(MotionCsvReader, LenientModeSkipsAndCountsBadRows) {
  CsvOptions options;
  options.strictness = Strictness::kLenient;
  const Parsed p = parse("t,ax,ay,az\n0,0,0,1\n0.01,0,,1\n0.02,0,0\n0.03,0,0,1\n", options);
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.samples.size(), 2u);
  EXPECT_EQ(p.report.skipped_rows, 2);
  EXPECT_EQ(p.report.first_skipped_line, 3);
}

TEST(MotionCsvReader, CountsRepeatedBackwardsAndMissingTime) {
  const Parsed p = parse("t,ax,ay,az\n0,0,0,1\n0,0,0,1\n0.01,0,0,1\n0.005,0,0,1\n2.0,0,0,1\n");
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.report.repeated_timestamps, 1);
  EXPECT_EQ(p.report.backwards_timestamps, 1);
  EXPECT_EQ(p.report.gaps, 1);
  EXPECT_EQ(p.samples.size(), 4u);
}

TEST(MotionCsvReader, DetectsClippingAtTheSensorRange) {
  std::string text = "t,ax,ay,az\n";
  for (int i = 0; i < 50; ++i) {
    text += std::to_string(i * 0.01) + ",0," + (i % 10 == 0 ? "2.0" : "0.3") + ",1\n";
  }
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok());
  EXPECT_DOUBLE_EQ(p.report.clip_level_g, 2.0);
}

TEST(MotionCsvReader, ExplainsMissingColumnsAndEmptyInput) {
  const Parsed no_time = parse("a,b,c,d\n1,2,3,4\n");
  ASSERT_FALSE(no_time.status.ok());
  EXPECT_NE(no_time.status.error().message.find("time column"), std::string::npos);
  const Parsed no_axis = parse("time,ax,ay,temperature\n1,2,3,4\n");
  ASSERT_FALSE(no_axis.status.ok());
  EXPECT_NE(no_axis.status.error().message.find("no z acceleration"), std::string::npos);
  EXPECT_FALSE(parse("").status.ok());
  EXPECT_FALSE(parse("t,ax,ay,az\n").status.ok());
  EXPECT_FALSE(parse(std::string(70000, 'x')).status.ok());
}

TEST(MotionCsvReader, ParsesDateTimes) {
  double seconds = 0;
  ASSERT_TRUE(parse_date_time("1970-01-02T00:00:01.5Z", seconds));
  EXPECT_DOUBLE_EQ(seconds, 86401.5);
  ASSERT_TRUE(parse_date_time("07-Mar-2023 11:05:21.664", seconds));
  EXPECT_FALSE(parse_date_time("2025-02-30 00:00:00", seconds));
  EXPECT_FALSE(parse_date_time("12:00:00", seconds));
}

// Every real export in ../shared/data/formats that holds acceleration is read without error.
TEST(MotionCsvReader, ReadsTheRealExportsOfTheFormatsFolder) {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(BB_SOURCE_DIR) / ".." / "shared" / "data" / "formats";
  if (!fs::is_directory(root)) GTEST_SKIP() << "formats folder not present";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".csv") || name.find("Metadata") != std::string::npos) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const Parsed p = parse(bytes.str(), {}, 4096);
    EXPECT_TRUE(p.status.ok()) << name << ": "
                               << (p.status.ok() ? "" : p.status.error().describe());
    EXPECT_GT(p.samples.size(), 100u) << name;
    ++files;
  }
  EXPECT_GT(files, 10);
}

}  // namespace
}  // namespace bb::motion

namespace bb::motion {
namespace {

TEST(MotionCsvReader, SamplingRateIsMeasuredWithinContinuousSegments) {
  // 10 s at 100 Hz, a 400 s logging pause, then 1 s more: averaged over the whole file that
  // would be 2.7 Hz, yet every continuous part runs at 100 Hz.
  std::string text = "t_s,ax_g,ay_g,az_g\n";
  char line[64];
  for (int i = 0; i <= 1000; ++i) {
    std::snprintf(line, sizeof line, "%.2f,0,0,1\n", i * 0.01);
    text += line;
  }
  for (int i = 0; i <= 100; ++i) {
    std::snprintf(line, sizeof line, "%.2f,0,0,1\n", 410 + i * 0.01);
    text += line;
  }
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok()) << p.status.error().describe();
  EXPECT_EQ(p.report.gaps, 1);
  EXPECT_EQ(p.report.segments, 2);
  EXPECT_NEAR(p.report.longest_segment_s, 10.0, 1e-6);
  EXPECT_NEAR(p.report.sampling_rate_hz, 100.0, 0.5);
}

TEST(MotionCsvReader, EveryRowAloneBetweenHolesFallsBackToTheFileRate) {
  // One row every 0.5 s: each row is its own segment, the rate is rows over duration.
  std::string text = "t_s,ax_g,ay_g,az_g\n";
  char line[64];
  for (int i = 0; i < 20; ++i) {
    std::snprintf(line, sizeof line, "%.2f,0,0,1\n", i * 0.5);
    text += line;
  }
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok());
  EXPECT_EQ(p.report.segments, 20);
  EXPECT_NEAR(p.report.sampling_rate_hz, 20 / 9.5, 0.01);
}

TEST(MotionCsvReader, LinearAccelerationWithoutUnitsInTheHeaderIsRecognised) {
  // Gravity removed, values in m/s^2 that the header does not name: the mean vector is near
  // zero, the median |a| (about 5) too large for g.
  std::string text = "time,ax,ay,az\n";
  char line[96];
  for (int i = 0; i < 3000; ++i) {
    const double phase = i * 0.13;
    std::snprintf(line, sizeof line, "%.2f,%.3f,%.3f,%.3f\n", i * 0.01, 5 * std::sin(phase),
                  4 * std::cos(phase * 1.3), 3 * std::sin(phase * 0.7 + 1));
    text += line;
  }
  const Parsed p = parse(text);
  ASSERT_TRUE(p.status.ok());
  EXPECT_TRUE(p.report.gravity_removed);
  EXPECT_EQ(p.report.units, Units::kMetersPerSecond2);
}

}  // namespace
}  // namespace bb::motion
