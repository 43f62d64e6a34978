// MotionCsvReader: a streaming parser for accelerometer CSV exports from phone apps and wearables.
// Bytes go in (any chunking), samples in g with time in seconds from the first sample come out.
// Memory stays constant however long the file: only the current partial line and the first few
// rows (while the units are still being inferred) are held.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "motion/sample.h"

namespace bb::motion {

enum class Units { kAuto, kG, kMetersPerSecond2, kRaw256 };  // kRaw256: 1/256 g counts
enum class Strictness { kStrict, kLenient };                 // lenient: skip and count bad rows

[[nodiscard]] const char* to_string(Units units);

struct CsvOptions {
  Units units = Units::kAuto;
  Strictness strictness = Strictness::kStrict;
};

enum class TimeFormat { kSeconds, kMilliseconds, kNanoseconds, kDateTime };
enum class UnitsSource { kOverride, kHeader, kRestingMagnitude, kDefault };

// What the reader inferred and what it saw, so the user can be told.
struct CsvReport {
  bool has_header = false;
  char separator = ',';
  bool decimal_comma = false;
  std::string time_column;  // header name, or "column 1" without a header
  std::string axis_columns[3];
  TimeFormat time_format = TimeFormat::kSeconds;
  Units units = Units::kG;
  UnitsSource units_source = UnitsSource::kDefault;
  double resting_magnitude = 0;   // median |a| of the first rows, in the file's own units
  std::int64_t rows = 0;          // samples produced
  std::int64_t skipped_rows = 0;  // malformed rows skipped in lenient mode
  std::int64_t first_skipped_line = 0;
  std::int64_t repeated_timestamps = 0;
  std::int64_t backwards_timestamps = 0;  // rows dropped because time went back
  std::int64_t gaps = 0;                  // holes longer than kGapSeconds
  double clip_level_g = 0;                // > 0: some axis sat at this |value| repeatedly
  double duration_s = 0;
  bool gravity_removed = false;  // resting magnitude near zero: "linear acceleration" export
  // The export also held the phone's own gravity estimate (gravityX/Y/Z beside user
  // acceleration, as iOS device motion gives it): it was added back, so the samples are what
  // the sensor felt and gravity_removed stays false.
  bool gravity_added_from_columns = false;
  // Per continuous segment (split at holes longer than kGapSeconds): a logging pause must not
  // dilute the rate. The rate is the longest segment's; without any segment that spans time
  // (every row alone between holes) it falls back to rows over the whole duration.
  std::int64_t segments = 0;
  double longest_segment_s = 0;
  double sampling_rate_hz = 0;
};

class MotionCsvReader {
 public:
  explicit MotionCsvReader(CsvOptions options = {});

  // Parses every complete line in `bytes` and appends the resulting samples to `out`.
  // After an error the reader stays failed.
  Status push(std::string_view bytes, std::vector<Sample>& out);
  // Parses the final line (a missing last newline is fine) and flushes rows held for inference.
  Status finish(std::vector<Sample>& out);

  [[nodiscard]] const CsvReport& report() const { return report_; }

 private:
  struct Row {
    std::int64_t line;
    double time_value;  // seconds (relative or epoch); see time_to_seconds
    double axes[3];
    double gravity[3];  // the export's own gravity columns, 0 without them
  };

  Status parse_line(std::string_view line, std::vector<Sample>& out);
  Status parse_header(std::string_view line, bool& consumed);
  Status parse_row(std::string_view line, std::vector<Sample>& out);
  Status reject(std::string message);
  void decide_gravity_columns();
  void decide_units();
  [[nodiscard]] bool still_window_found();
  void emit(const Row& row, std::vector<Sample>& out);
  void track_clipping(double value_g, int axis);

  CsvOptions options_;
  CsvReport report_;
  std::string carry_;  // the partial last line of the previous chunk
  std::int64_t line_number_ = 0;
  bool header_done_ = false;
  bool failed_ = false;
  Error error_;
  int time_index_ = 0;
  int axis_index_[3] = {1, 2, 3};
  int gravity_index_[3] = {-1, -1, -1};  // the export's gravity columns, when it has all three
  bool gravity_removed_by_name_ = false;  // "linear" or "user" acceleration columns
  bool add_gravity_ = false;              // decided with the units: add the gravity columns
  int min_fields_ = 4;
  double time_scale_ = 1;  // multiplies the time value into seconds
  bool units_known_ = false;
  double unit_scale_ = 1;     // multiplies values into g
  std::vector<Row> pending_;  // rows held until the units are known (bounded)
  bool still_found_ = false;
  bool have_first_time_ = false;
  double first_time_ = 0;
  double last_time_ = 0;
  double clip_max_[3] = {0, 0, 0};
  int clip_hits_[3] = {0, 0, 0};
  double segment_start_ = 0;  // time of the current segment's first row
  std::int64_t segment_rows_ = 0;
  void close_segment();
};

// The longest hole in the time stamps that is still treated as continuous data (bursty loggers
// deliver holes up to about 150 ms in continuous recordings); longer holes split segments.
inline constexpr double kGapSeconds = 0.25;

// Parses "YYYY-MM-DD[T ]hh:mm:ss[.fff][Z]" or "DD-Mon-YYYY hh:mm:ss[.fff]" into seconds since
// 1970-01-01 (no time zone); false if the text is not such a time stamp.
[[nodiscard]] bool parse_date_time(std::string_view text, double& seconds);

}  // namespace bb::motion
