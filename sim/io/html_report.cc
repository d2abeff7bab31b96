#include "sim/io/html_report.h"

#include <algorithm>
#include <array>
#include <filesystem>

#include "model/time.h"
#include "model/version.h"
#include "sim/io/flow_svg.h"
#include "sim/io/xml_escape.h"
#include "sim/sweep/files.h"
#include "sim/sweep/number_text.h"

namespace chaintrace::io {
namespace {

namespace fs = std::filesystem;
using google::protobuf::FieldDescriptor;
using sweep::FormatFixed;

constexpr std::size_t kMaxReportBytes = std::size_t{256} << 20;
constexpr std::size_t kMaxPlotBytes = std::size_t{16} << 20;

constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.6em 0; display: block;
        max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
td { white-space: nowrap; }
th { background: #f0f0f0; } td.name, th.name { text-align: left; }
.flow { display: block; margin: 0.8em 0; border: 1px solid #ddd;
        max-width: 100%; height: auto; }
figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; }
.note { color: #555; font-size: 0.9em; }
)";

std::string Base64(std::string_view bytes) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = byte(i) << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::string Cell(std::string_view text, bool name = false) {
  return std::string(name ? "<td class=\"name\">" : "<td>") + XmlEscape(text) +
         "</td>";
}

std::string Head(std::string_view text, bool name = false) {
  return std::string(name ? "<th class=\"name\">" : "<th>") + XmlEscape(text) +
         "</th>";
}

std::string Percent(double share) { return FormatFixed(share * 100, 1) + " %"; }

// A metric value as shown: shares in percent, USD short, counts whole.
std::string MetricText(const report::Metrics& m, const FieldDescriptor& f) {
  const auto* r = m.GetReflection();
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetInt64(m, &f));
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetInt32(m, &f));
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      const double v = r->GetDouble(m, &f);
      const std::string& name = f.name();
      if (name.size() > 4 && name.substr(name.size() - 4) == "_usd") {
        return FormatUsdShort(v);
      }
      if (name == "anonymity_set") return FormatFixed(v, 1);
      return Percent(v);
    }
    default:
      return "";
  }
}

// "2020-09-26 02:14 (day 117.1)" from seconds since the report's start.
std::string When(const report::Report& report, std::int64_t seconds) {
  std::string day =
      "day " + FormatFixed(static_cast<double>(seconds) / 86400.0, 1);
  const Result<UnixSeconds> start = ParseCalendarTime(report.start());
  if (!start.ok()) return day;
  std::string date = FormatCalendarTime(*start + seconds);
  if (date.size() >= 16) date = date.substr(0, 10) + " " + date.substr(11, 5);
  return date + " (" + day + ")";
}

void Provenance(const report::Report& r, std::string* o) {
  const auto& p = r.provenance();
  *o += "<table>\n";
  const auto row = [&](const char* key, const std::string& value) {
    *o += "<tr>" + Head(key, true) + Cell(value, true) + "</tr>\n";
  };
  row("scenario", p.scenario());
  row("scenario SHA-256", p.scenario_sha256());
  row("seed", std::to_string(p.seed()));
  row("background scale", FormatFixed(p.scale(), 2));
  row("start", r.start());
  row("chaintrace", p.chaintrace_version());
  *o += "</table>\n";
}

void Attacks(const report::Report& r, std::string* o) {
  *o += "<h2>Attacks</h2>\n<table>\n<tr>" + Head("attack", true) +
        Head("group", true) + Head("victim", true) + Head("theft", true) +
        Head("stolen") + Head("cashed out") + Head("held") + Head("fees") +
        Head("stages") + "</tr>\n";
  for (const report::AttackSummary& a : r.attacks()) {
    *o += "<tr>" + Cell(a.name(), true) + Cell(a.group(), true) +
          Cell(a.victim(), true) + Cell(When(r, a.time()), true) +
          Cell(FormatUsdShort(a.stolen_usd())) +
          Cell(FormatUsdShort(a.cashed_out_usd())) +
          Cell(FormatUsdShort(a.held_usd())) +
          Cell(FormatUsdShort(a.fees_usd())) +
          Cell(std::to_string(a.stages_size())) + "</tr>\n";
  }
  *o +=
      "</table>\n<p class=\"note\">USD at the price of each moment: "
      "stolen at the theft, cashed out at each deposit, held at the end of "
      "the ledger, fees when paid. A rising price can make held exceed "
      "stolen.</p>\n<h2>Flow of stolen funds</h2>\n<p class=\"note\">Victim "
      "\u2192 laundering stages in plan order \u2192 cash-out, held and "
      "fees; heights proportional to stolen USD entering each stage.</p>\n";
  for (const report::AttackSummary& a : r.attacks()) *o += RenderFlowSvg(a);
}

void TracerMetrics(const report::Report& r, std::string* o) {
  const auto& type = *report::Metrics::descriptor();
  std::vector<const FieldDescriptor*> shown;
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* f = type.field(i);
    for (const report::TracerReport& t : r.tracers()) {
      if (t.metrics().GetReflection()->HasField(t.metrics(), f)) {
        shown.push_back(f);
        break;
      }
    }
  }
  *o += "<h2>Tracers</h2>\n<table>\n<tr>" + Head("tracer", true);
  for (const FieldDescriptor* f : shown) {
    std::string name = f->name();
    std::replace(name.begin(), name.end(), '_', ' ');
    *o += Head(name);
  }
  *o += "</tr>\n";
  for (const report::TracerReport& t : r.tracers()) {
    *o += "<tr>" + Cell(t.id().empty() ? t.tracer() : t.id(), true);
    for (const FieldDescriptor* f : shown) {
      const bool has = t.metrics().GetReflection()->HasField(t.metrics(), f);
      *o += Cell(has ? MetricText(t.metrics(), *f) : "\u2013");
    }
    *o += "</tr>\n";
  }
  *o += "</table>\n";
}

void Exchanges(const report::Report& r, std::string* o) {
  *o += "<h2>Cash-out at exchanges: true vs attributed</h2>\n";
  for (const report::TracerReport& t : r.tracers()) {
    if (t.exchanges().empty()) continue;
    *o += "<h3>" + XmlEscape(t.id().empty() ? t.tracer() : t.id()) +
          "</h3>\n<table>\n<tr>" + Head("exchange", true) +
          Head("country", true) + Head("region", true) + Head("true") +
          Head("attributed") + Head("correct") + "</tr>\n";
    for (const report::ExchangeAttribution& e : t.exchanges()) {
      *o += "<tr>" + Cell(e.exchange(), true) + Cell(e.country(), true) +
            Cell(common::Region_Name(e.region()), true) +
            Cell(FormatUsdShort(e.true_usd())) +
            Cell(FormatUsdShort(e.attributed_usd())) +
            Cell(FormatUsdShort(e.correct_usd())) + "</tr>\n";
    }
    *o += "</table>\n";
  }
}

void StageRecall(const report::Report& r, std::string* o) {
  bool any = false;
  for (const report::TracerReport& t : r.tracers()) {
    any = any || !t.per_attack().empty();
  }
  if (!any) return;
  *o +=
      "<h2>Where each tracer lost the trail</h2>\n<p class=\"note\">Value "
      "recall after each stage; the stage where it dropped most is "
      "marked.</p>\n";
  for (const report::AttackSummary& a : r.attacks()) {
    *o += "<h3>" + XmlEscape(a.name()) + "</h3>\n<table>\n<tr>" +
          Head("tracer", true);
    for (int s = 0; s < a.stages_size(); ++s) {
      *o += Head(std::to_string(s + 1) + ". " + a.stages(s).kind());
    }
    *o += "</tr>\n";
    for (const report::TracerReport& t : r.tracers()) {
      for (const report::AttackMetrics& m : t.per_attack()) {
        if (m.attack() != a.name()) continue;
        *o += "<tr>" + Cell(t.id().empty() ? t.tracer() : t.id(), true);
        for (int s = 0; s < a.stages_size(); ++s) {
          std::string text = s < m.recall_by_stage_size()
                                 ? Percent(m.recall_by_stage(s))
                                 : "\u2013";
          if (s == m.lost_at_stage()) text += " \u2190 lost";
          *o += Cell(text);
        }
        *o += "</tr>\n";
      }
    }
    *o += "</table>\n";
  }
}

}  // namespace

std::string RenderHtmlReport(const report::Report& report,
                             const std::vector<NamedSvg>& plots) {
  const std::string title =
      "chaintrace report: " + (report.provenance().scenario().empty()
                                   ? std::string("run")
                                   : report.provenance().scenario());
  std::string o;
  o +=
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  o += "<title>" + XmlEscape(title) + "</title>\n<style>" + kStyle +
       "</style>\n</head>\n<body>\n";
  o += "<h1>" + XmlEscape(title) + "</h1>\n";
  Provenance(report, &o);
  Attacks(report, &o);
  TracerMetrics(report, &o);
  Exchanges(report, &o);
  StageRecall(report, &o);
  if (!plots.empty()) {
    o += "<h2>Sweep plots</h2>\n";
    for (const NamedSvg& p : plots) {
      o += "<figure><img alt=\"" + XmlEscape(p.name) +
           "\" src=\"data:image/svg+xml;base64," + Base64(p.svg) +
           "\"><figcaption>" + XmlEscape(p.name) + "</figcaption></figure>\n";
    }
  }
  o += "<p class=\"note\">Written by chaintrace " + XmlEscape(kVersion) +
       ". Amounts in USD at the time of each event.</p>\n</body>\n</html>\n";
  return o;
}

Result<std::string> HtmlReportFromRunDir(const std::string& run_dir) {
  const std::string path = (fs::path(run_dir) / "report.pb").string();
  const Result<std::string> bytes = sweep::ReadWholeFile(path, kMaxReportBytes);
  if (!bytes.ok()) return bytes.status();
  report::Report report;
  if (!report.ParseFromString(*bytes)) {
    return Status::Error(path +
                         ": not a binary chaintrace report "
                         "(report.proto)");
  }
  std::vector<fs::path> files;
  for (const fs::path& dir : {fs::path(run_dir), fs::path(run_dir) / "plots"}) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() == ".svg" && !name.empty() &&
          name.front() != '.') {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<NamedSvg> plots;
  for (const fs::path& f : files) {
    const Result<std::string> svg =
        sweep::ReadWholeFile(f.string(), kMaxPlotBytes);
    if (!svg.ok()) return svg.status();
    plots.push_back(NamedSvg{f.lexically_relative(run_dir).string(), *svg});
  }
  return RenderHtmlReport(report, plots);
}

}  // namespace chaintrace::io
