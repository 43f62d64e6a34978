// An SVG picture of a session: |a| over time in rows, every detected jump marked, the metrics
// beside it. Pure: the caller decides where the text goes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "motion/jump_detector.h"
#include "motion/sample.h"
#include "motion/session.h"

namespace bb::motion {

// Minimum and maximum |a| per time bin: constant memory however long the recording.
class SignalEnvelope {
 public:
  // `duration_s`: time of the last sample (known from a first pass over the file).
  explicit SignalEnvelope(double duration_s);
  void push(const Sample& sample);

  [[nodiscard]] double row_seconds() const { return row_seconds_; }
  [[nodiscard]] int rows() const { return rows_; }
  [[nodiscard]] static constexpr int bins_per_row() { return kBinsPerRow; }
  [[nodiscard]] double low(int bin) const { return low_[bin]; }
  [[nodiscard]] double high(int bin) const { return high_[bin]; }
  [[nodiscard]] bool filled(int bin) const { return high_[bin] >= low_[bin]; }

 private:
  static constexpr int kBinsPerRow = 600;
  static constexpr int kMaxRows = 40;
  double row_seconds_ = 30;
  int rows_ = 1;
  std::vector<float> low_;
  std::vector<float> high_;
};

struct PlotLabels {
  std::string title;
  std::string placement;
};

[[nodiscard]] std::string render_svg(const SignalEnvelope& envelope,
                                     const std::vector<JumpEvent>& events,
                                     const SessionSummary& summary, const PlotLabels& labels);

}  // namespace bb::motion
