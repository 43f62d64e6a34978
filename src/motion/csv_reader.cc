#include "motion/csv_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "base/date.h"

namespace bb::motion {
namespace {

constexpr std::size_t kMaxLineBytes = 1 << 16;  // longer "lines" are not a sensor export
// Units are inferred from the magnitude while the sensor is still: the first window of
// kStillRows rows whose |a| varies by less than kStillSpread of its mean. Rows are held until one
// is found, at most kMaxHeldRows (then the median of all held rows decides).
constexpr std::size_t kStillRows = 25;
constexpr double kStillSpread = 0.03;
constexpr std::size_t kMaxHeldRows = 4096;
constexpr int kClipHitsToReport = 3;

std::string_view trim(std::string_view s) {
  // Every character trimmed is at most '\'' (39): a field that starts and ends above it, as
  // numbers do, is returned as it is without the loops.
  if (!s.empty() && static_cast<unsigned char>(s.front()) > '\'' &&
      static_cast<unsigned char>(s.back()) > '\'') {
    return s;
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '"' || s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '"' || s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits `line` on `sep` into at most `fields.size()` views; returns the number of fields seen.
template <std::size_t N>
std::size_t split(std::string_view line, char sep, std::array<std::string_view, N>& fields) {
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    const std::string_view field =
        line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (count < N) fields[count] = field;
    ++count;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return count;
}

// Plain decimals ("-0.123456", at most 15 digits), which are nearly every field of an export,
// read without from_chars. The digits as an integer (below 2^53) and a power of ten up to 10^15
// are both exact doubles and one division is correctly rounded, so the result is the same
// double from_chars gives (Clinger's fast path, Clinger 1990). False when the text is anything
// else; from_chars then decides.
bool parse_plain_decimal(std::string_view text, bool decimal_comma, double& value) {
  static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                            1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  constexpr int kMaxDigits = 15;
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t digits = 0;
  int count = 0;
  const char* const integer_start = p;
  while (p != end && static_cast<unsigned>(*p - '0') < 10 && count < kMaxDigits) {
    digits = digits * 10 + static_cast<unsigned>(*p - '0');
    ++p;
    ++count;
  }
  if (p == integer_start) return false;
  int fraction = 0;
  if (p != end) {
    if (*p != '.' && !(decimal_comma && *p == ',')) return false;
    ++p;
    const char* const fraction_start = p;
    while (p != end && static_cast<unsigned>(*p - '0') < 10 && count < kMaxDigits) {
      digits = digits * 10 + static_cast<unsigned>(*p - '0');
      ++p;
      ++count;
    }
    fraction = static_cast<int>(p - fraction_start);
    if (fraction == 0 || p != end) return false;
  }
  double magnitude = static_cast<double>(digits);
  if (fraction > 0) magnitude /= kPowersOfTen[fraction];
  value = negative ? -magnitude : magnitude;
  return true;
}

// The first `wanted` fields of `line` (at most N): stops there, since a row needs no more.
// Returns how many fields were seen, which is at least `wanted` when the row has them.
template <std::size_t N>
std::size_t split_leading(std::string_view line, char sep, std::size_t wanted,
                          std::array<std::string_view, N>& fields) {
  const char* start = line.data();
  const char* const end = start + line.size();
  std::size_t count = 0;
  while (count < wanted && count < N) {
    const char* const next = static_cast<const char*>(
        std::memchr(start, sep, static_cast<std::size_t>(end - start)));
    const char* const field_end = next == nullptr ? end : next;
    fields[count++] = std::string_view(start, static_cast<std::size_t>(field_end - start));
    if (next == nullptr) break;
    start = next + 1;
  }
  return count;
}

bool parse_number(std::string_view text, bool decimal_comma, double& value) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  if (parse_plain_decimal(text, decimal_comma, value)) return true;
  if (decimal_comma && text.find(',') != std::string_view::npos) {
    char buffer[64];
    if (text.size() >= sizeof buffer) return false;
    std::memcpy(buffer, text.data(), text.size());
    std::replace(buffer, buffer + text.size(), ',', '.');
    const auto [ptr, ec] = std::from_chars(buffer, buffer + text.size(), value);
    return ec == std::errc() && ptr == buffer + text.size() && std::isfinite(value);
  }
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(value);
}

bool read_int(std::string_view& text, std::size_t digits, int& value) {
  if (text.size() < digits) return false;
  value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  text.remove_prefix(digits);
  return true;
}

bool expect(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lowercase letters and digits only: "Acceleration x (m/s^2)" -> "accelerationxms2".
std::string alnum(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

// The name without a parenthesised or bracketed unit: "Time (s)" -> "Time ".
std::string_view without_unit(std::string_view s) {
  const std::size_t open = s.find_first_of("([");
  return open == std::string_view::npos ? s : s.substr(0, open);
}

// Units written in a column name, if any.
Units units_in_name(std::string_view raw) {
  const std::string name = lowercase(raw);
  if (name.find("m/s") != std::string::npos || name.find("m_s2") != std::string::npos ||
      name.find("ms2") != std::string::npos || name.find("ms^2") != std::string::npos) {
    return Units::kMetersPerSecond2;
  }
  if (name.find("(g)") != std::string::npos || name.find("[g]") != std::string::npos ||
      (name.size() > 2 && name.ends_with("_g")) || name.starts_with("gf")) {
    return Units::kG;
  }
  return Units::kAuto;
}

// Which axis (0, 1, 2) a column holds, or -1. Higher `rank` = preferred when several match.
int axis_of(std::string_view raw, int& rank) {
  std::string base = alnum(without_unit(raw));
  for (const char* suffix : {"ms2", "mss"}) {
    if (base.size() > std::strlen(suffix) + 1 && base.ends_with(suffix)) {
      base.resize(base.size() - std::strlen(suffix));
    }
  }
  if (base.size() > 2 && base.ends_with("g") && lowercase(raw).ends_with("_g")) base.pop_back();
  for (const char* skip : {"gyro", "rotation", "gravity", "magnet", "quaternion", "orientation",
                           "angle", "euler", "rate"}) {
    if (base.find(skip) != std::string::npos) return -1;
  }
  for (const char* suffix : {"axis", "value"}) {
    if (base.size() > std::strlen(suffix) && base.ends_with(suffix)) {
      base.resize(base.size() - std::strlen(suffix));
    }
  }
  if (base.empty()) return -1;
  const char letter = base.back();
  if (letter < 'x' || letter > 'z') return -1;
  const std::string prefix = base.substr(0, base.size() - 1);
  struct Known {
    const char* prefix;
    int rank;
  };
  static constexpr Known kKnown[] = {
      {"", 3},
      {"a", 3},
      {"acc", 3},
      {"accel", 3},
      {"gf", 3},
      {"accelerometer", 4},
      {"acceleration", 3},
      {"raw", 2},
      {"useracceleration", 1},
      {"linearacceleration", 1},
      {"linear", 1},
      {"la", 1},
  };
  for (const Known& known : kKnown) {
    if (prefix == known.prefix) {
      rank = known.rank;
      return letter - 'x';
    }
  }
  return -1;
}

// Which axis (0, 1, 2) of the phone's own gravity estimate a column holds ("gravityX",
// "gravity_x", "Gravity x (m/s^2)"), or -1.
int gravity_axis_of(std::string_view raw) {
  const std::string base = alnum(without_unit(raw));
  if (base.size() != std::strlen("gravity") + 1 || !base.starts_with("gravity")) return -1;
  const char letter = base.back();
  return letter >= 'x' && letter <= 'z' ? letter - 'x' : -1;
}

// How strongly a column name says "time", 0 for not at all.
int time_rank(std::string_view raw, double& scale, bool& scale_from_name) {
  const std::string lower = lowercase(raw);
  const std::string base = alnum(raw);
  scale_from_name = true;
  scale = 1;
  if (base == "ts" || base == "times" || base == "secondselapsed" || base == "elapseds" ||
      base == "elapsed" || base == "timesec" || base == "seconds") {
    return 6;
  }
  if (base == "t" || base == "time") {
    scale_from_name = false;
    return 5;
  }
  if (base.find("time") != std::string::npos || base.find("epoch") != std::string::npos ||
      base.starts_with("t")) {
    if (base.ends_with("ns") || lower.find("(ns)") != std::string::npos) {
      scale = 1e-9;
      return 3;
    }
    if (base.ends_with("ms") || lower.find("(ms)") != std::string::npos) {
      scale = 1e-3;
      return 3;
    }
    if (base.find("time") != std::string::npos || base.find("epoch") != std::string::npos) {
      scale_from_name = false;
      return 2;
    }
  }
  if (base.find("date") != std::string::npos) {
    scale_from_name = false;
    return 1;
  }
  return 0;
}

// Seconds from a bare number whose unit the header did not say: epoch nanoseconds and
// milliseconds are recognised by their size.
double guess_time_scale(double value) {
  const double magnitude = std::fabs(value);
  if (magnitude > 1e16) return 1e-9;
  if (magnitude > 1e11) return 1e-3;
  return 1;
}

}  // namespace

const char* to_string(Units units) {
  switch (units) {
    case Units::kAuto:
      return "auto";
    case Units::kG:
      return "g";
    case Units::kMetersPerSecond2:
      return "m/s^2";
    case Units::kRaw256:
      return "1/256 g counts";
  }
  return "?";
}

bool parse_date_time(std::string_view text, double& seconds) {
  text = trim(text);
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() >= 11 && text[2] == '-' && std::isalpha(static_cast<unsigned char>(text[3]))) {
    // "07-Mar-2023 11:05:21.664"
    static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    if (!read_int(text, 2, day) || !expect(text, '-')) return false;
    const std::string name = lowercase(text.substr(0, 3));
    for (int i = 0; i < 12; ++i) {
      if (name == kMonths[i]) month = i + 1;
    }
    text.remove_prefix(3);
    if (month == 0 || !expect(text, '-') || !read_int(text, 4, year)) return false;
  } else {
    if (!read_int(text, 4, year) || !expect(text, '-') || !read_int(text, 2, month) ||
        !expect(text, '-') || !read_int(text, 2, day)) {
      return false;
    }
  }
  const std::optional<Date> date = Date::from_ymd(year, month, day);
  if (!date) return false;
  if (text.empty() || (text.front() != ' ' && text.front() != 'T')) return false;
  text.remove_prefix(1);
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!read_int(text, 2, hour) || !expect(text, ':') || !read_int(text, 2, minute) ||
      !expect(text, ':') || !read_int(text, 2, second) || hour > 23 || minute > 59 || second > 60) {
    return false;
  }
  double fraction = 0;
  if (!text.empty() && (text.front() == '.' || text.front() == ',')) {
    text.remove_prefix(1);
    double scale = 0.1;
    while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
      fraction += (text.front() - '0') * scale;
      scale *= 0.1;
      text.remove_prefix(1);
    }
  }
  if (!text.empty() && text.front() == 'Z') text.remove_prefix(1);
  if (!text.empty()) return false;
  seconds = static_cast<double>(date->days_since_epoch()) * 86400.0 + hour * 3600.0 +
            minute * 60.0 + second + fraction;
  return true;
}

MotionCsvReader::MotionCsvReader(CsvOptions options) : options_(options) {
  if (options_.units != Units::kAuto) {
    units_known_ = true;
    report_.units = options_.units;
    report_.units_source = UnitsSource::kOverride;
  }
}

Status MotionCsvReader::push(std::string_view bytes, std::vector<Sample>& out) {
  if (failed_) return error_;
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    if (newline == std::string_view::npos) {
      if (carry_.size() + bytes.size() > kMaxLineBytes) {
        ++line_number_;
        return reject("line is longer than 64 KiB: not a sensor CSV");
      }
      carry_.append(bytes);
      return Status::success();
    }
    ++line_number_;
    Status status;
    if (carry_.empty()) {
      status = parse_line(bytes.substr(0, newline), out);
    } else {
      carry_.append(bytes.substr(0, newline));
      status = parse_line(carry_, out);
      carry_.clear();
    }
    if (!status.ok()) return status;
    bytes.remove_prefix(newline + 1);
  }
  return Status::success();
}

Status MotionCsvReader::finish(std::vector<Sample>& out) {
  if (failed_) return error_;
  if (!carry_.empty()) {
    ++line_number_;
    const std::string last = std::move(carry_);
    carry_.clear();
    if (Status status = parse_line(last, out); !status.ok()) return status;
  }
  if (!header_done_ && report_.rows == 0 && pending_.empty()) {
    return reject("no data rows: the file is empty");
  }
  if (!units_known_) decide_units();
  for (const Row& row : pending_) emit(row, out);
  pending_.clear();
  if (report_.rows == 0) return reject("no data rows with a time and three accelerations");
  return Status::success();
}

Status MotionCsvReader::reject(std::string message) {
  failed_ = true;
  error_ = Error::invalid("line " + std::to_string(line_number_), std::move(message));
  return error_;
}

Status MotionCsvReader::parse_line(std::string_view line, std::vector<Sample>& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line_number_ == 1 && line.size() >= 3 && static_cast<unsigned char>(line[0]) == 0xEF &&
      static_cast<unsigned char>(line[1]) == 0xBB && static_cast<unsigned char>(line[2]) == 0xBF) {
    line.remove_prefix(3);  // UTF-8 byte order mark
  }
  if (trim(line).empty()) return Status::success();
  if (!header_done_) {
    bool consumed = false;
    if (Status status = parse_header(line, consumed); !status.ok()) return status;
    if (consumed) return Status::success();
  }
  return parse_row(line, out);
}

Status MotionCsvReader::parse_header(std::string_view line, bool& consumed) {
  if (line.starts_with("sep=") && line.size() >= 5) {
    report_.separator = line[4];
    consumed = true;
    return Status::success();
  }
  const bool explicit_separator = line_number_ > 1 && report_.separator != ',';
  if (!explicit_separator) {
    const auto count = [&](char c) { return std::count(line.begin(), line.end(), c); };
    if (count(';') > 0) {
      report_.separator = ';';
    } else if (count('\t') > 0) {
      report_.separator = '\t';
    } else {
      report_.separator = ',';
    }
  }
  header_done_ = true;
  std::array<std::string_view, 64> fields;
  const std::size_t count = std::min<std::size_t>(split(line, report_.separator, fields), 64);
  double probe = 0;
  const std::string_view first = trim(fields[0]);
  if (parse_number(first, report_.separator == ';', probe) || parse_date_time(first, probe)) {
    // Headerless: time,x,y,z.
    if (count < 4) return reject("a headerless row needs a time and three accelerations");
    report_.has_header = false;
    report_.time_column = "column 1";
    for (int axis = 0; axis < 3; ++axis) {
      report_.axis_columns[axis] = "column " + std::to_string(axis + 2);
    }
    time_scale_ = 0;  // decided from the first value
    consumed = false;
    return Status::success();
  }
  report_.has_header = true;
  consumed = true;
  int best_time = 0;
  int best_axis_rank[3] = {0, 0, 0};
  int found[3] = {-1, -1, -1};
  int gravity_found[3] = {-1, -1, -1};
  Units header_units = Units::kAuto;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view name = trim(fields[i]);
    double scale = 1;
    bool scale_from_name = true;
    const int rank = time_rank(name, scale, scale_from_name);
    if (rank > best_time) {
      best_time = rank;
      time_index_ = static_cast<int>(i);
      time_scale_ = scale_from_name ? scale : 0;
      report_.time_column = std::string(name);
    }
    if (const int g = gravity_axis_of(name); g >= 0) gravity_found[g] = static_cast<int>(i);
    int axis_rank = 0;
    const int axis = axis_of(name, axis_rank);
    if (axis >= 0 && axis_rank > best_axis_rank[axis]) {
      best_axis_rank[axis] = axis_rank;
      found[axis] = static_cast<int>(i);
      report_.axis_columns[axis] = std::string(name);
      if (axis == 0) header_units = units_in_name(name);
    }
  }
  if (best_time == 0) {
    return reject(
        "no time column in the header (expected a name such as t, t_s, time, "
        "seconds_elapsed or \"Time (s)\")");
  }
  for (int axis = 0; axis < 3; ++axis) {
    if (found[axis] < 0) {
      return reject(std::string("no ") + static_cast<char>('x' + axis) +
                    " acceleration column in the header (expected a name such as ax, x, gFx, "
                    "ax_g or \"Acceleration x (m/s^2)\")");
    }
    axis_index_[axis] = found[axis];
  }
  // "Linear" or "user" acceleration: the app has already subtracted gravity.
  // An export may also hold the gravity it subtracted (iOS device motion: gravity and user
  // acceleration side by side); whether to add it back is decided with the units, from the
  // rows (decide_units).
  gravity_removed_by_name_ = best_axis_rank[0] == 1;
  if (gravity_found[0] >= 0 && gravity_found[1] >= 0 && gravity_found[2] >= 0) {
    for (int axis = 0; axis < 3; ++axis) {
      gravity_index_[axis] = gravity_found[axis];
      min_fields_ = std::max(min_fields_, gravity_found[axis] + 1);
    }
  } else if (gravity_removed_by_name_) {
    report_.gravity_removed = true;
  }
  min_fields_ = std::max(
      min_fields_, 1 + std::max({time_index_, axis_index_[0], axis_index_[1], axis_index_[2]}));
  if (!units_known_ && header_units != Units::kAuto) {
    units_known_ = true;
    report_.units = header_units;
    report_.units_source = UnitsSource::kHeader;
    unit_scale_ = header_units == Units::kMetersPerSecond2 ? 1 / kStandardGravity : 1;
  }
  if (units_known_) decide_units();
  return Status::success();
}

Status MotionCsvReader::parse_row(std::string_view line, std::vector<Sample>& out) {
  std::array<std::string_view, 64> fields;
  const std::size_t count =
      split_leading(line, report_.separator, static_cast<std::size_t>(min_fields_), fields);
  const bool decimal_comma = report_.separator == ';';
  const auto bad = [&](std::string message) -> Status {
    if (options_.strictness == Strictness::kLenient) {
      if (report_.skipped_rows == 0) report_.first_skipped_line = line_number_;
      ++report_.skipped_rows;
      return Status::success();
    }
    return reject(std::move(message) + " (use --lenient to skip such rows)");
  };
  if (count < static_cast<std::size_t>(min_fields_)) {
    return bad("expected at least " + std::to_string(min_fields_) + " fields, found " +
               std::to_string(count));
  }
  Row row{line_number_, 0, {0, 0, 0}, {0, 0, 0}};
  const std::string_view time_text = trim(fields[time_index_]);
  double time_value = 0;
  if (parse_number(time_text, decimal_comma, time_value)) {
    if (time_scale_ == 0) time_scale_ = guess_time_scale(time_value);
    if (report_.time_format == TimeFormat::kDateTime && report_.rows + pending_.size() > 0) {
      return bad("time '" + std::string(time_text) + "' is a number, earlier rows had dates");
    }
    report_.time_format = time_scale_ == 1e-9   ? TimeFormat::kNanoseconds
                          : time_scale_ == 1e-3 ? TimeFormat::kMilliseconds
                                                : TimeFormat::kSeconds;
    row.time_value = time_value * time_scale_;
  } else if (parse_date_time(time_text, time_value)) {
    report_.time_format = TimeFormat::kDateTime;
    row.time_value = time_value;
  } else {
    return bad("time '" + std::string(time_text.substr(0, 40)) + "' is not a number or a date");
  }
  for (int axis = 0; axis < 3; ++axis) {
    const std::string_view text = fields[axis_index_[axis]];
    if (!parse_number(text, decimal_comma, row.axes[axis])) {
      return bad(std::string("acceleration ") + static_cast<char>('x' + axis) + " '" +
                 std::string(trim(text).substr(0, 40)) + "' is not a number");
    }
    if (gravity_index_[axis] >= 0) {
      const std::string_view gravity_text = fields[gravity_index_[axis]];
      if (!parse_number(gravity_text, decimal_comma, row.gravity[axis])) {
        return bad(std::string("gravity ") + static_cast<char>('x' + axis) + " '" +
                   std::string(trim(gravity_text).substr(0, 40)) + "' is not a number");
      }
    }
  }
  if (units_known_) {
    emit(row, out);
  } else {
    pending_.push_back(row);
    if (pending_.size() >= kMaxHeldRows || still_window_found()) {
      decide_units();
      for (const Row& held : pending_) emit(held, out);
      pending_.clear();
    }
  }
  return Status::success();
}

bool MotionCsvReader::still_window_found() {
  if (pending_.size() < kStillRows) return false;
  double low = 1e300;
  double high = 0;
  double sum = 0;
  for (std::size_t i = pending_.size() - kStillRows; i < pending_.size(); ++i) {
    const Row& row = pending_[i];
    const double m = std::sqrt(row.axes[0] * row.axes[0] + row.axes[1] * row.axes[1] +
                               row.axes[2] * row.axes[2]);
    low = std::min(low, m);
    high = std::max(high, m);
    sum += m;
  }
  const double mean = sum / static_cast<double>(kStillRows);
  if (mean <= 0 || high - low > kStillSpread * mean) return false;
  // Smooth motion can also be steady for a moment: only gravity's own size counts as rest.
  const bool gravity_sized = (mean >= 0.8 && mean <= 1.25) || (mean >= 7.8 && mean <= 12.3) ||
                             (mean >= 200 && mean <= 320);
  if (!gravity_sized) return false;
  report_.resting_magnitude = mean;
  still_found_ = true;
  return true;
}

void MotionCsvReader::decide_gravity_columns() {
  if (gravity_index_[0] < 0) return;
  // The acceleration columns lack gravity when their mean vector is small beside the gravity
  // columns' size (the body's own acceleration averages out); with no rows yet, the names say.
  bool lacks_gravity = gravity_removed_by_name_;
  if (!pending_.empty()) {
    double mean[3] = {0, 0, 0};
    double gravity_size = 0;
    for (const Row& row : pending_) {
      for (int a = 0; a < 3; ++a) mean[a] += row.axes[a];
      gravity_size += std::sqrt(row.gravity[0] * row.gravity[0] +
                                row.gravity[1] * row.gravity[1] + row.gravity[2] * row.gravity[2]);
    }
    const double mean_size = std::sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
    lacks_gravity = gravity_size > 0 && mean_size < 0.5 * gravity_size;
  }
  if (!lacks_gravity) {
    if (gravity_removed_by_name_) report_.gravity_removed = true;
    return;
  }
  add_gravity_ = true;
  report_.gravity_added_from_columns = true;
  for (Row& row : pending_) {
    for (int a = 0; a < 3; ++a) {
      row.axes[a] += row.gravity[a];
      row.gravity[a] = 0;
    }
  }
}

void MotionCsvReader::decide_units() {
  decide_gravity_columns();
  bool no_gravity = false;
  double mean_vector = 0;
  if (!pending_.empty() && !still_found_) {
    // No moment of rest: gravity is then the mean acceleration vector, because the body's own
    // acceleration averages out (its velocity stays bounded). Without gravity that mean is
    // near zero compared with the typical magnitude.
    double mean[3] = {0, 0, 0};
    std::vector<double> magnitudes;
    magnitudes.reserve(pending_.size());
    for (const Row& row : pending_) {
      for (int a = 0; a < 3; ++a) mean[a] += row.axes[a];
      magnitudes.push_back(std::sqrt(row.axes[0] * row.axes[0] + row.axes[1] * row.axes[1] +
                                     row.axes[2] * row.axes[2]));
    }
    const double n = static_cast<double>(pending_.size());
    const double gravity = std::sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]) / n;
    std::nth_element(magnitudes.begin(), magnitudes.begin() + magnitudes.size() / 2,
                     magnitudes.end());
    const double typical = magnitudes[magnitudes.size() / 2];
    // With gravity in the signal the mean vector is 1 g and the median |a| stays near it (below
    // 2 g even at the ankle while jumping), so a mean below half the median means no gravity.
    // The mean can shrink below gravity (the phone turning) but never grow past it: a mean
    // between 1.3 (above 1 g) and 4.5 (below 9.8 m/s^2 turned a lot) is no gravity reading.
    no_gravity = gravity < 0.5 * typical || typical == 0 || (gravity > 1.3 && gravity < 4.5);
    report_.resting_magnitude = no_gravity ? typical : gravity;
    mean_vector = gravity;
  }
  const double rest = report_.resting_magnitude;
  if (!units_known_) {
    units_known_ = true;
    if (no_gravity && (report_.resting_magnitude > 1.5 || mean_vector > 1.3)) {
      // Gravity removed, the body's own acceleration remains: a median above 1.5 g is not a
      // person moving, the same median in m/s^2 (0.15 g) is.
      report_.units = Units::kMetersPerSecond2;
      report_.units_source = UnitsSource::kRestingMagnitude;
    } else if (pending_.empty() || no_gravity) {
      report_.units = Units::kG;
      report_.units_source = UnitsSource::kDefault;
    } else {
      report_.units_source = UnitsSource::kRestingMagnitude;
      // Gravity alone reads 1 g, 9.81 m/s^2 or 256 counts; the bands leave room for motion.
      if (rest >= 4.5 && rest <= 25) {
        report_.units = Units::kMetersPerSecond2;
      } else if (rest >= 120 && rest <= 600) {
        report_.units = Units::kRaw256;
      } else if (rest > 25) {
        report_.units = Units::kMetersPerSecond2;
      } else {
        report_.units = Units::kG;
        if (rest < 0.5) report_.units_source = UnitsSource::kDefault;
      }
    }
  }
  switch (report_.units) {
    case Units::kMetersPerSecond2:
      unit_scale_ = 1 / kStandardGravity;
      break;
    case Units::kRaw256:
      unit_scale_ = 1.0 / 256.0;
      break;
    default:
      unit_scale_ = 1;
  }
  if (no_gravity || (!pending_.empty() && rest * unit_scale_ < 0.5)) report_.gravity_removed = true;
}

void MotionCsvReader::track_clipping(double value_g, int axis) {
  const double magnitude = std::fabs(value_g);
  if (magnitude > clip_max_[axis] + 1e-9) {
    clip_max_[axis] = magnitude;
    clip_hits_[axis] = 1;
  } else if (magnitude >= clip_max_[axis] - 1e-9) {
    ++clip_hits_[axis];
  }
}

void MotionCsvReader::emit(const Row& row, std::vector<Sample>& out) {
  if (!have_first_time_) {
    have_first_time_ = true;
    first_time_ = row.time_value;
    last_time_ = row.time_value;
  }
  const double t = row.time_value - first_time_;
  const double last = last_time_ - first_time_;
  if (report_.rows > 0) {
    if (t < last) {
      ++report_.backwards_timestamps;
      return;
    }
    if (t == last) ++report_.repeated_timestamps;
    if (t - last > kGapSeconds) {
      ++report_.gaps;
      close_segment();
    }
  }
  if (segment_rows_ == 0) {
    segment_start_ = t;
    ++report_.segments;
  }
  ++segment_rows_;
  last_time_ = row.time_value;
  Sample sample{t, row.axes[0] * unit_scale_, row.axes[1] * unit_scale_, row.axes[2] * unit_scale_};
  if (add_gravity_) {  // held rows had it added when this was decided (their gravity is 0 now)
    sample.x += row.gravity[0] * unit_scale_;
    sample.y += row.gravity[1] * unit_scale_;
    sample.z += row.gravity[2] * unit_scale_;
  }
  track_clipping(sample.x, 0);
  track_clipping(sample.y, 1);
  track_clipping(sample.z, 2);
  double clip = 0;
  for (int axis = 0; axis < 3; ++axis) {
    // A sensor range is at least 1.5 g; repeated hits of the same extreme mean a flat top.
    if (clip_hits_[axis] >= kClipHitsToReport && clip_max_[axis] >= 1.5) {
      clip = std::max(clip, clip_max_[axis]);
    }
  }
  report_.clip_level_g = clip;
  report_.duration_s = t;
  ++report_.rows;
  out.push_back(sample);
  // Kept current so that the report is right however far the reading got.
  const double span = t - segment_start_;
  if (span > report_.longest_segment_s) {
    report_.longest_segment_s = span;
    report_.sampling_rate_hz = static_cast<double>(segment_rows_ - 1) / span;
  } else if (report_.longest_segment_s == 0 && report_.duration_s > 0) {
    report_.sampling_rate_hz = static_cast<double>(report_.rows) / report_.duration_s;
  }
}

void MotionCsvReader::close_segment() { segment_rows_ = 0; }

}  // namespace bb::motion
