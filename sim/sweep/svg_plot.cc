#include "sim/sweep/svg_plot.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/io/xml_escape.h"
#include "sim/sweep/number_text.h"

namespace chaintrace::sweep {
namespace {

using io::XmlEscape;

constexpr double kWidth = 760;
constexpr double kHeight = 460;
constexpr double kLeft = 80;
constexpr double kRight = 200;  // legend column
constexpr double kTop = 48;
constexpr double kBottom = 78;

// Colour-blind-safe palette (Okabe and Ito); line styles repeat after it.
constexpr std::array<const char*, 8> kColours = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7",
    "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr std::array<const char*, 3> kDashes = {"", "6 3", "2 3"};

std::string Num(double v) { return FormatFixed(v, 2); }

struct Scale {
  double lo = 0;
  double hi = 1;
  double from = 0;  // pixels
  double to = 1;
  bool log = false;
  double operator()(double v) const {
    const double a = log ? std::log10(lo) : lo;
    const double b = log ? std::log10(hi) : hi;
    const double t = ((log ? std::log10(v) : v) - a) / (b - a);
    return from + (to - from) * t;
  }
};

Ticks LogTicks(double low, double high) {
  Ticks t;
  const int first = static_cast<int>(std::floor(std::log10(low)));
  const int last = static_cast<int>(std::ceil(std::log10(high)));
  const bool fine = last - first <= 2;
  for (int e = first; e <= last; ++e) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (!fine && m != 1.0) continue;
      const double v = m * std::pow(10.0, e);
      if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9))
        t.values.push_back(v);
    }
    t.decimals = std::max(t.decimals, -e);
  }
  if (t.values.empty()) t.values = {low, high};
  return t;
}

}  // namespace

Ticks NiceTicks(double low, double high, int target) {
  Ticks t;
  if (!(high > low)) {
    const double pad = low == 0 ? 1 : std::fabs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const double raw = (high - low) / std::max(target, 1);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  const double first = std::floor(low / step + 1e-9) * step;
  const double last = std::ceil(high / step - 1e-9) * step;
  const auto n = static_cast<int>(std::llround((last - first) / step));
  for (int i = 0; i <= n; ++i) t.values.push_back(first + step * i);
  t.decimals =
      std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  return t;
}

std::string RenderSvgPlot(const PlotData& data) {
  // Data ranges.
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  bool any = false;
  for (const PlotSeries& s : data.series) {
    for (const PlotPoint& p : s.points) {
      if (!any) {
        x_lo = x_hi = p.x;
        y_lo = std::min(0.0, p.low);
        y_hi = p.high;
        any = true;
      }
      x_lo = std::min(x_lo, p.x);
      x_hi = std::max(x_hi, p.x);
      y_lo = std::min(y_lo, p.low);
      y_hi = std::max(y_hi, p.high);
    }
  }
  if (data.y_is_share && y_lo >= 0 && y_hi <= 1) {
    y_lo = 0;
    y_hi = 1;
  }
  const Ticks xt = data.log_x ? LogTicks(x_lo, x_hi) : NiceTicks(x_lo, x_hi, 6);
  const Ticks yt = NiceTicks(y_lo, y_hi, 5);
  Scale xs{data.log_x ? std::min(x_lo, xt.values.front()) : xt.values.front(),
           data.log_x ? std::max(x_hi, xt.values.back()) : xt.values.back(),
           kLeft, kWidth - kRight, data.log_x};
  if (!(xs.hi > xs.lo)) xs.hi = xs.lo + 1;
  Scale ys{yt.values.front(), yt.values.back(), kHeight - kBottom, kTop, false};

  std::string o;
  o += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
       Num(kWidth) + "\" height=\"" + Num(kHeight) + "\" viewBox=\"0 0 " +
       Num(kWidth) + " " + Num(kHeight) +
       "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  o += "<title>" +
       XmlEscape(data.title + ": " + data.y_label + " vs " + data.x_label) +
       "</title>\n";
  o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  o += "<text class=\"title\" x=\"" + Num(kWidth / 2) +
       "\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">" +
       XmlEscape(data.title) + "</text>\n";

  // Grid, ticks and tick labels.
  o += "<g class=\"grid\" stroke=\"#e0e0e0\" stroke-width=\"1\">\n";
  for (double v : yt.values) {
    o += "<line x1=\"" + Num(xs.from) + "\" y1=\"" + Num(ys(v)) + "\" x2=\"" +
         Num(xs.to) + "\" y2=\"" + Num(ys(v)) + "\"/>\n";
  }
  for (double v : xt.values) {
    o += "<line x1=\"" + Num(xs(v)) + "\" y1=\"" + Num(ys.from) + "\" x2=\"" +
         Num(xs(v)) + "\" y2=\"" + Num(ys.to) + "\"/>\n";
  }
  o += "</g>\n";
  o += "<g class=\"axes\" stroke=\"#333333\" stroke-width=\"1\">\n";
  o += "<line x1=\"" + Num(xs.from) + "\" y1=\"" + Num(ys.from) + "\" x2=\"" +
       Num(xs.to) + "\" y2=\"" + Num(ys.from) + "\"/>\n";
  o += "<line x1=\"" + Num(xs.from) + "\" y1=\"" + Num(ys.from) + "\" x2=\"" +
       Num(xs.from) + "\" y2=\"" + Num(ys.to) + "\"/>\n";
  o += "</g>\n";
  o += "<g class=\"x-ticks\" text-anchor=\"middle\">\n";
  for (double v : xt.values) {
    o += "<text x=\"" + Num(xs(v)) + "\" y=\"" + Num(ys.from + 18) + "\">" +
         FormatFixed(v, xt.decimals) + "</text>\n";
  }
  o += "</g>\n<g class=\"y-ticks\" text-anchor=\"end\">\n";
  for (double v : yt.values) {
    o += "<text x=\"" + Num(xs.from - 6) + "\" y=\"" + Num(ys(v) + 4) + "\">" +
         FormatFixed(v, yt.decimals) + "</text>\n";
  }
  o += "</g>\n";
  o += "<text class=\"x-label\" x=\"" + Num((xs.from + xs.to) / 2) + "\" y=\"" +
       Num(ys.from + 42) + "\" text-anchor=\"middle\">" +
       XmlEscape(data.x_label) + "</text>\n";
  const double ymid = (ys.from + ys.to) / 2;
  o += "<text class=\"y-label\" x=\"20\" y=\"" + Num(ymid) +
       "\" text-anchor=\"middle\" transform=\"rotate(-90 20 " + Num(ymid) +
       ")\">" + XmlEscape(data.y_label) + "</text>\n";
  o += "<text class=\"note\" x=\"" + Num(xs.from) + "\" y=\"" +
       Num(kHeight - 10) + "\" font-size=\"10\" fill=\"#555555\">" +
       XmlEscape(data.note) + "</text>\n";

  // Series: error bars, line, markers.
  for (std::size_t i = 0; i < data.series.size(); ++i) {
    const PlotSeries& s = data.series[i];
    const std::string colour = kColours[i % kColours.size()];
    const std::string dash = kDashes[(i / kColours.size()) % kDashes.size()];
    o += "<g class=\"series-group\" data-label=\"" + XmlEscape(s.label) +
         "\">\n";
    for (const PlotPoint& p : s.points) {
      const double x = xs(p.x);
      o += "<line class=\"error-bar\" x1=\"" + Num(x) + "\" y1=\"" +
           Num(ys(p.low)) + "\" x2=\"" + Num(x) + "\" y2=\"" + Num(ys(p.high)) +
           "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>\n";
    }
    o += "<polyline class=\"series\" data-label=\"" + XmlEscape(s.label) +
         "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") +
         " points=\"";
    for (std::size_t k = 0; k < s.points.size(); ++k) {
      if (k > 0) o += ' ';
      o += Num(xs(s.points[k].x)) + "," + Num(ys(s.points[k].mean));
    }
    o += "\"/>\n";
    for (const PlotPoint& p : s.points) {
      o += "<circle cx=\"" + Num(xs(p.x)) + "\" cy=\"" + Num(ys(p.mean)) +
           "\" r=\"3\" fill=\"" + colour + "\"/>\n";
    }
    o += "</g>\n";
  }

  // Legend.
  o += "<g class=\"legend\">\n";
  for (std::size_t i = 0; i < data.series.size(); ++i) {
    const double y = kTop + 8 + 18 * static_cast<double>(i);
    const std::string colour = kColours[i % kColours.size()];
    const std::string dash = kDashes[(i / kColours.size()) % kDashes.size()];
    o += "<line x1=\"" + Num(kWidth - kRight + 16) + "\" y1=\"" + Num(y) +
         "\" x2=\"" + Num(kWidth - kRight + 40) + "\" y2=\"" + Num(y) +
         "\" stroke=\"" + colour + "\" stroke-width=\"2\"" +
         (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    o += "<text x=\"" + Num(kWidth - kRight + 46) + "\" y=\"" + Num(y + 4) +
         "\">" + XmlEscape(data.series[i].label) + "</text>\n";
  }
  if (data.series.empty()) {
    o += "<text x=\"" + Num(kWidth - kRight + 16) + "\" y=\"" + Num(kTop + 12) +
         "\">no data</text>\n";
  }
  o += "</g>\n</svg>\n";
  return o;
}

}  // namespace chaintrace::sweep
