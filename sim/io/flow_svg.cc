#include "sim/io/flow_svg.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/sweep/number_text.h"

namespace chaintrace::io {
namespace {

using sweep::FormatFixed;

constexpr double kNodeWidth = 18;
constexpr double kColumnGap = 130;
constexpr double kMarginX = 30;
constexpr double kTop = 40;
constexpr double kFlowHeight = 240;
constexpr double kMinNode = 2;
constexpr double kSecondsPerDay = 86400.0;

std::string Num(double v) { return FormatFixed(v, 2); }

struct Node {
  std::string label;   // first line under the node
  std::string detail;  // second line
  std::string kind;    // CSS class suffix and colour key
  double usd = 0;
  double x = 0;
  double y = 0;
  double height = 0;
};

const char* Colour(const std::string& kind) {
  if (kind == "victim") return "#B2182B";
  if (kind == "cashout") return "#2166AC";
  if (kind == "held") return "#762A83";
  if (kind == "fees") return "#999999";
  if (kind == "mixer" || kind == "coinjoin") return "#1B7837";
  if (kind == "peel_chain" || kind == "split" || kind == "consolidate") {
    return "#E08214";
  }
  if (kind == "dex_swap" || kind == "bridge" || kind == "otc") return "#35978F";
  return "#8C6D31";
}

// A band of height `h` from the right edge of `from` at `y0` to the left
// edge of `to` at `y1`, as a closed path of two cubic curves.
std::string Band(const Node& from, double y0, const Node& to, double y1,
                 double h, const std::string& title) {
  const double x0 = from.x + kNodeWidth;
  const double x1 = to.x;
  const double mid = (x0 + x1) / 2;
  return "<path class=\"band\" d=\"M" + Num(x0) + "," + Num(y0) + " C" +
         Num(mid) + "," + Num(y0) + " " + Num(mid) + "," + Num(y1) + " " +
         Num(x1) + "," + Num(y1) + " L" + Num(x1) + "," + Num(y1 + h) + " C" +
         Num(mid) + "," + Num(y1 + h) + " " + Num(mid) + "," + Num(y0 + h) +
         " " + Num(x0) + "," + Num(y0 + h) + " Z\" fill=\"" + Colour(to.kind) +
         "\" fill-opacity=\"0.35\"><title>" + XmlEscape(title) +
         "</title></path>\n";
}

std::string Days(std::int64_t seconds) {
  return "day " + FormatFixed(static_cast<double>(seconds) / kSecondsPerDay, 1);
}

}  // namespace

std::string FormatUsdShort(double usd) {
  const double a = std::fabs(usd);
  const char* suffix = "";
  double v = usd;
  if (a >= 1e9) {
    v = usd / 1e9;
    suffix = "B";
  } else if (a >= 1e6) {
    v = usd / 1e6;
    suffix = "M";
  } else if (a >= 1e3) {
    v = usd / 1e3;
    suffix = "k";
  }
  const double av = std::fabs(v);
  const int decimals = av >= 100 ? 0 : av >= 10 ? 1 : 2;
  return "$" + FormatFixed(v, *suffix == '\0' ? 0 : decimals) + suffix;
}

std::string RenderFlowSvg(const report::AttackSummary& attack) {
  // Columns: victim, stages, outcomes.
  std::vector<Node> chain;
  chain.push_back(Node{attack.victim().empty() ? "victim" : attack.victim(),
                       "stolen " + FormatUsdShort(attack.stolen_usd()),
                       "victim", attack.stolen_usd()});
  for (int i = 0; i < attack.stages_size(); ++i) {
    const report::StageSummary& s = attack.stages(i);
    chain.push_back(Node{std::to_string(i + 1) + ". " + s.kind(),
                         FormatUsdShort(s.in_usd()) + ", " +
                             Days(s.start_time()) + ", " +
                             std::to_string(s.transactions()) + " tx",
                         s.kind(), s.in_usd()});
  }
  std::vector<Node> outcomes;
  const auto outcome = [&](const char* label, const char* kind, double usd) {
    if (usd > 0) {
      outcomes.push_back(Node{label, FormatUsdShort(usd), kind, usd});
    }
  };
  outcome("cashed out", "cashout", attack.cashed_out_usd());
  outcome("held", "held", attack.held_usd());
  outcome("fees", "fees", attack.fees_usd());

  double largest = 0;
  for (const Node& n : chain) largest = std::max(largest, n.usd);
  double outcome_total = 0;
  for (const Node& n : outcomes) outcome_total += n.usd;
  largest = std::max(largest, outcome_total);
  const double scale = largest > 0 ? kFlowHeight / largest : 0;
  const std::size_t columns = chain.size() + (outcomes.empty() ? 0 : 1);
  const double width = 2 * kMarginX + kNodeWidth +
                       kColumnGap * static_cast<double>(columns - 1) + 90;
  const double height = kTop + kFlowHeight + 30 * 3 + 20;

  for (std::size_t i = 0; i < chain.size(); ++i) {
    Node& n = chain[i];
    n.x = kMarginX + kColumnGap * static_cast<double>(i);
    n.height = std::max(kMinNode, n.usd * scale);
    n.y = kTop;
  }
  double y = kTop;
  const double outcome_x =
      kMarginX + kColumnGap * static_cast<double>(chain.size());
  for (Node& n : outcomes) {
    n.x = outcome_x;
    n.y = y;
    n.height = std::max(kMinNode, n.usd * scale);
    y += n.height + 14;
  }

  std::string o;
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" role=\"img\" "
       "width=\"" +
       Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " +
       Num(width) + " " + Num(height) +
       "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  o += "<title>" + XmlEscape("Flow of stolen funds: " + attack.name()) +
       "</title>\n";
  o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  o += "<text x=\"" + Num(kMarginX) + "\" y=\"20\" font-size=\"13\">" +
       XmlEscape(attack.name() + ": " + attack.group() + " \u2192 " +
                 FormatUsdShort(attack.stolen_usd()) + " stolen") +
       "</text>\n";
  // Bands first, under the nodes.
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    const double h =
        std::max(kMinNode, std::min(chain[i].usd, chain[i + 1].usd) * scale);
    o += Band(chain[i], chain[i].y, chain[i + 1], chain[i + 1].y, h,
              chain[i].label + " \u2192 " + chain[i + 1].label + ": " +
                  FormatUsdShort(std::min(chain[i].usd, chain[i + 1].usd)));
  }
  if (!outcomes.empty()) {
    const Node& last = chain.back();
    double source_y = last.y;
    for (const Node& n : outcomes) {
      o += Band(
          last, source_y, n, n.y, n.height,
          last.label + " \u2192 " + n.label + ": " + FormatUsdShort(n.usd));
      source_y += n.height;
    }
  }
  // Chain labels sit on one baseline under the tallest node, clear of the
  // bands.
  double label_y = kTop;
  for (const Node& n : chain) label_y = std::max(label_y, n.y + n.height);
  const auto draw = [&](const Node& n, bool label_right, double drop) {
    o += "<rect class=\"node node-" + XmlEscape(n.kind) + "\" x=\"" + Num(n.x) +
         "\" y=\"" + Num(n.y) + "\" width=\"" + Num(kNodeWidth) +
         "\" height=\"" + Num(n.height) + "\" fill=\"" + Colour(n.kind) +
         "\"><title>" + XmlEscape(n.label + ": " + n.detail) +
         "</title></rect>\n";
    if (label_right) {
      o += "<text x=\"" + Num(n.x + kNodeWidth + 6) + "\" y=\"" +
           Num(n.y + 10) + "\">" + XmlEscape(n.label) + "</text>\n";
      o += "<text x=\"" + Num(n.x + kNodeWidth + 6) + "\" y=\"" +
           Num(n.y + 23) + "\" fill=\"#555555\">" + XmlEscape(n.detail) +
           "</text>\n";
    } else {
      o += "<text x=\"" + Num(n.x) + "\" y=\"" + Num(label_y + 14 + drop) +
           "\">" + XmlEscape(n.label) + "</text>\n";
      o += "<text x=\"" + Num(n.x) + "\" y=\"" + Num(label_y + 27 + drop) +
           "\" fill=\"#555555\" font-size=\"10\">" + XmlEscape(n.detail) +
           "</text>\n";
    }
  };
  // Labels of neighbouring columns alternate between two rows so that long
  // ones do not overlap.
  for (std::size_t i = 0; i < chain.size(); ++i) {
    draw(chain[i], false, static_cast<double>(i % 2) * 28);
  }
  for (const Node& n : outcomes) draw(n, true, 0);
  o += "</svg>\n";
  return o;
}

}  // namespace chaintrace::io
