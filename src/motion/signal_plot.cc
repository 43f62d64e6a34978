#include "motion/signal_plot.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace bb::motion {
namespace {

constexpr double kRowHeight = 110;
constexpr double kPlotLeft = 50;
constexpr double kPlotWidth = 900;
constexpr double kPanelWidth = 330;
constexpr double kTop = 40;
constexpr double kTopG = 8;  // the y axis spans 0-8 g; higher peaks are drawn at the edge

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    }
  }
  return out;
}

std::string number(double value, int decimals = 1) {
  return fmt::format("{:.{}f}", value, decimals);
}

}  // namespace

SignalEnvelope::SignalEnvelope(double duration_s) {
  if (!std::isfinite(duration_s) || duration_s < 0) duration_s = 0;
  row_seconds_ = std::max(30.0, std::ceil(duration_s / kMaxRows));
  rows_ = std::clamp(static_cast<int>(std::floor(duration_s / row_seconds_)) + 1, 1, kMaxRows);
  low_.assign(static_cast<std::size_t>(rows_) * kBinsPerRow, std::numeric_limits<float>::max());
  high_.assign(low_.size(), std::numeric_limits<float>::lowest());
}

void SignalEnvelope::push(const Sample& s) {
  if (!std::isfinite(s.t) || s.t < 0) return;
  const double bin_seconds = row_seconds_ / kBinsPerRow;
  const double position = s.t / bin_seconds;
  if (position >= static_cast<double>(low_.size())) return;
  const auto bin = static_cast<std::size_t>(position);
  const auto mag = static_cast<float>(std::sqrt(s.x * s.x + s.y * s.y + s.z * s.z));
  if (!std::isfinite(mag)) return;
  low_[bin] = std::min(low_[bin], mag);
  high_[bin] = std::max(high_[bin], mag);
}

std::string render_svg(const SignalEnvelope& envelope, const std::vector<JumpEvent>& events,
                       const SessionSummary& summary, const PlotLabels& labels) {
  const int rows = envelope.rows();
  const double width = kPlotLeft + kPlotWidth + kPanelWidth;
  const double height = std::max(kTop + rows * kRowHeight + 20, 420.0);
  const double seconds = envelope.row_seconds();
  const int bins = SignalEnvelope::bins_per_row();
  const auto x_of = [&](double t_in_row) { return kPlotLeft + t_in_row / seconds * kPlotWidth; };
  const auto y_of = [&](int row, double g) {
    const double clamped = std::clamp(g, 0.0, kTopG);
    return kTop + row * kRowHeight + (kRowHeight - 15) * (1 - clamped / kTopG);
  };
  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(width, 0) + "\" height=\"" +
         number(height, 0) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  svg += "<text x=\"" + number(kPlotLeft, 0) + "\" y=\"22\" font-size=\"15\">" +
         escape(labels.title) + ": |a| in g, red marks = detected jumps (" +
         std::to_string(summary.jumps) + ")</text>\n";
  for (int row = 0; row < rows; ++row) {
    const double base = kTop + row * kRowHeight;
    // Grid lines at 0, 1 (gravity), 2, 4 and 8 g, and a tick every 5 s.
    for (const double g : {0.0, 1.0, 2.0, 4.0, 8.0}) {
      svg += "<line x1=\"" + number(kPlotLeft, 0) + "\" x2=\"" + number(kPlotLeft + kPlotWidth, 0) +
             "\" y1=\"" + number(y_of(row, g)) + "\" y2=\"" + number(y_of(row, g)) +
             "\" stroke=\"" + (g == 1.0 ? "#99c" : "#ddd") + "\"/>\n";
      svg += "<text x=\"" + number(kPlotLeft - 6, 0) + "\" y=\"" + number(y_of(row, g) + 4) +
             "\" text-anchor=\"end\" fill=\"#667\" font-size=\"9\">" + number(g, 0) + "g</text>\n";
    }
    const double tick = seconds <= 60 ? 5 : std::ceil(seconds / 12 / 5) * 5;
    for (double t = 0; t <= seconds + 1e-9; t += tick) {
      svg += "<text x=\"" + number(x_of(t)) + "\" y=\"" + number(base + kRowHeight - 2) +
             "\" text-anchor=\"middle\" fill=\"#667\" font-size=\"9\">" +
             number(row * seconds + t, 0) + " s</text>\n";
    }
    // The envelope as one closed band.
    std::string upper;
    std::string lower;
    for (int b = 0; b < bins; ++b) {
      const int bin = row * bins + b;
      if (!envelope.filled(bin)) continue;
      const double x = x_of((b + 0.5) * seconds / bins);
      upper += number(x) + "," + number(y_of(row, envelope.high(bin))) + " ";
      lower = number(x) + "," + number(y_of(row, envelope.low(bin)) + 0.6) + " " + lower;
    }
    if (!upper.empty()) {
      svg += "<polygon points=\"" + upper + lower +
             "\" fill=\"#333\" stroke=\"#333\" "
             "stroke-width=\"0.6\"/>\n";
    }
  }
  for (const JumpEvent& e : events) {
    if (!std::isfinite(e.t) || e.t < 0) continue;
    const int row = static_cast<int>(e.t / seconds);
    if (row >= rows) continue;
    const double x = x_of(e.t - row * seconds);
    svg += "<line x1=\"" + number(x) + "\" x2=\"" + number(x) + "\" y1=\"" +
           number(kTop + row * kRowHeight) + "\" y2=\"" + number(y_of(row, 0)) +
           "\" stroke=\"#d22\" stroke-opacity=\"0.45\"/>\n";
    const double g = e.impact_g > 0 ? e.impact_g : 1.0;
    svg += "<circle cx=\"" + number(x) + "\" cy=\"" + number(y_of(row, g)) +
           "\" r=\"3\" fill=\"none\" stroke=\"#d22\" stroke-width=\"1.5\"/>\n";
  }
  // The metrics panel.
  const double px = kPlotLeft + kPlotWidth + 20;
  double py = kTop + 10;
  const auto line = [&](const std::string& text, const char* weight = "normal") {
    svg += "<text x=\"" + number(px, 0) + "\" y=\"" + number(py, 0) + "\" font-weight=\"" + weight +
           "\">" + escape(text) + "</text>\n";
    py += 18;
  };
  line("Session", "bold");
  line("placement: " + labels.placement);
  line("jumps: " + std::to_string(summary.jumps));
  line("active: " + number(summary.active_seconds, 0) + " s");
  line("cadence: " + number(summary.cadence_per_min, 0) + " per min (median)");
  line("rhythm CV: " + number(summary.rhythm_cv, 3));
  line("trips: " + std::to_string(summary.trips) +
       ", longest run: " + std::to_string(summary.longest_run));
  line(summary.jump_height_cm > 0 ? "jump height: " + number(summary.jump_height_cm) + " cm"
                                  : std::string("jump height: not shown at this placement"));
  line(summary.impact_g > 0 ? "impact: " + number(summary.impact_g) + " g" +
                                  (summary.impact_clipped ? " (sensor range)" : "")
                            : std::string("impact: not shown at this placement"));
  py += 8;
  line("Form", "bold");
  for (const std::string& note : summary.feedback) {
    // Wrap at about 48 characters.
    std::string rest = note;
    while (!rest.empty()) {
      std::size_t cut = rest.size();
      if (cut > 48) {
        cut = rest.rfind(' ', 48);
        if (cut == std::string::npos || cut == 0) cut = 48;
      }
      line(rest.substr(0, cut));
      rest = cut < rest.size() ? rest.substr(cut + (rest[cut] == ' ' ? 1 : 0)) : std::string();
    }
    py += 4;
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace bb::motion
