#include "sim/sweep/sweep_file.h"

#include <google/protobuf/text_format.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "model/time.h"
#include "model/version.h"
#include "sim/scenario/loader.h"
#include "sim/scenario/text_parser.h"
#include "sim/sweep/field_selector.h"
#include "sim/sweep/files.h"
#include "sim/sweep/number_text.h"

namespace chaintrace::sweep {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using sim::Diagnostic;
using sim::FieldPath;

constexpr int kMaxSteps = 1000;
constexpr int kMaxSeeds = 10000;
constexpr std::size_t kMaxPoints = 1000000;
constexpr double kSecondsPerDay = 86400.0;

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  const auto alpha = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (!alpha(s.front())) return false;
  for (char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '_') return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reports errors located in one sweep file.
class Reporter {
 public:
  Reporter(std::string file, const sim::ParseInfoTree* tree,
           std::vector<Diagnostic>* out)
      : file_(std::move(file)), tree_(tree), out_(out) {}

  // An error at `path` (a path in the Sweep message), located at the
  // deepest part of it the file wrote.
  void Error(const FieldPath& path, std::string message) {
    Diagnostic d{file_, 0, 0, path.ToString(), std::move(message)};
    const sim::ParseInfoTree* tree = tree_;
    const Descriptor* type = Sweep::descriptor();
    for (const sim::PathSegment& segment : path.segments()) {
      if (tree == nullptr || type == nullptr) break;
      const FieldDescriptor* field = type->FindFieldByName(segment.name);
      if (field == nullptr) break;
      const int index = field->is_repeated() ? segment.index : -1;
      if (field->is_repeated() && index < 0) break;
      const auto location = tree->GetLocation(field, index);
      if (location.line < 0) break;
      d.line = location.line + 1;
      d.column = location.column + 1;
      if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) break;
      tree = tree->GetTreeForNested(field, index);
      type = field->message_type();
    }
    out_->push_back(std::move(d));
  }

  std::size_t errors() const { return out_->size(); }

 private:
  std::string file_;
  const sim::ParseInfoTree* tree_;
  std::vector<Diagnostic>* out_;
};

// The plot position of `value`: a number, or a duration in days.
std::optional<double> PlotPosition(std::string_view value, bool* duration) {
  if (auto number = ParseFiniteNumber(value)) return number;
  const Result<Seconds> d = ParseDuration(value);
  if (!d.ok()) return std::nullopt;
  *duration = true;
  return static_cast<double>(*d) / kSecondsPerDay;
}

bool IsIntegral(const FieldDescriptor& f) {
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
      return true;
    default:
      return false;
  }
}

bool IsNumeric(const FieldDescriptor& f) {
  return IsIntegral(f) || f.cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE ||
         f.cpp_type() == FieldDescriptor::CPPTYPE_FLOAT;
}

// Expands `range` into values; integral: rounded to integers.
std::vector<std::string> RangeValues(const Range& range, bool integral,
                                     const FieldPath& at, Reporter* report) {
  const int steps = range.steps();
  if (!range.has_from() || !range.has_to()) {
    report->Error(at, "a range needs both from and to");
    return {};
  }
  if (!std::isfinite(range.from()) || !std::isfinite(range.to())) {
    report->Error(at, "from and to must be finite");
    return {};
  }
  if (steps < 2 || steps > kMaxSteps) {
    report->Error(at.Field("steps"),
                  "steps must be in [2, " + std::to_string(kMaxSteps) + "]");
    return {};
  }
  if (range.log() && (range.from() <= 0 || range.to() <= 0)) {
    report->Error(at.Field("log"), "a log range needs from and to > 0");
    return {};
  }
  std::vector<std::string> values;
  std::set<std::string> seen;
  for (int i = 0; i < steps; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(steps - 1);
    double v = range.log()
                   ? range.from() * std::pow(range.to() / range.from(), t)
                   : range.from() + (range.to() - range.from()) * t;
    if (i == steps - 1) v = range.to();
    std::string text =
        integral ? FormatShortest(std::round(v)) : FormatShortest(v);
    if (!seen.insert(text).second) {
      report->Error(at, "values repeat once rounded to integers (" + text +
                            "): use fewer steps");
      return {};
    }
    values.push_back(std::move(text));
  }
  return values;
}

// Fills x, checks names, the seeds and plots of `plan` from `sweep`; shared
// by sweep files and manifests.
void FinishPlan(const Sweep& sweep, Reporter* report, SweepPlan* plan) {
  const FieldPath root;
  std::set<std::string> names;
  std::size_t points = 1;
  for (std::size_t k = 0; k < plan->axes.size(); ++k) {
    SweepAxis& axis = plan->axes[k];
    const FieldPath at = root.Element("axes", static_cast<int>(k));
    if (!IsIdentifier(axis.name)) {
      report->Error(at.Field("name"),
                    "axis name must be an identifier ([A-Za-z][A-Za-z0-9_]*)");
    } else if (!names.insert(axis.name).second) {
      report->Error(at.Field("name"),
                    "axis name '" + axis.name + "' is used twice");
    }
    std::set<std::string> seen;
    for (std::size_t v = 0; v < axis.values.size(); ++v) {
      if (!seen.insert(axis.values[v]).second) {
        report->Error(at.Element("values", static_cast<int>(v)),
                      "value '" + axis.values[v] + "' is listed twice");
      }
      axis.x.push_back(PlotPosition(axis.values[v], &axis.durations));
    }
    if (axis.values.empty()) {
      report->Error(at, "an axis needs values or a range");
    } else {
      points *= axis.values.size();
    }
  }
  if (plan->axes.empty())
    report->Error(root, "a sweep needs at least one axis");
  if (points > kMaxPoints) {
    report->Error(root.Element("axes", 0),
                  "the grid has " + std::to_string(points) +
                      " points; at most " + std::to_string(kMaxPoints));
  }

  const Seeds& seeds = sweep.seeds();
  const FieldPath seeds_at = root.Field("seeds");
  if (seeds.list_size() > 0) {
    if (seeds.has_count() || seeds.has_first()) {
      report->Error(seeds_at,
                    "give seeds as count (and first) or as list, "
                    "not both");
    }
    std::set<std::uint64_t> seen;
    for (int i = 0; i < seeds.list_size(); ++i) {
      if (!seen.insert(seeds.list(i)).second) {
        report->Error(
            seeds_at.Element("list", i),
            "seed " + std::to_string(seeds.list(i)) + " is listed twice");
      }
      plan->seeds.push_back(seeds.list(i));
    }
    if (seeds.list_size() > kMaxSeeds) {
      report->Error(seeds_at,
                    "at most " + std::to_string(kMaxSeeds) + " seeds");
    }
  } else if (seeds.count() < 1 || seeds.count() > kMaxSeeds) {
    report->Error(seeds_at.Field("count"),
                  "count must be in [1, " + std::to_string(kMaxSeeds) + "]");
  } else if (seeds.first() >
             UINT64_MAX - static_cast<std::uint64_t>(seeds.count())) {
    report->Error(seeds_at.Field("first"), "first + count overflows");
  } else {
    for (int i = 0; i < seeds.count(); ++i) {
      plan->seeds.push_back(seeds.first() + static_cast<std::uint64_t>(i));
    }
  }

  // Plots: the given ones, or one per plottable axis and metric.
  std::vector<Plot> plots(sweep.plots().begin(), sweep.plots().end());
  if (plots.empty()) {
    std::vector<scenario::Metric> metrics;
    metrics.reserve(static_cast<std::size_t>(sweep.metrics_size()) + 1);
    for (int i = 0; i < sweep.metrics_size(); ++i) {
      metrics.push_back(sweep.metrics(i));
    }
    if (metrics.empty()) metrics.push_back(scenario::VALUE_RECALL);
    for (const SweepAxis& axis : plan->axes) {
      bool plottable = !axis.x.empty();
      for (const auto& x : axis.x) plottable = plottable && x.has_value();
      if (!plottable) continue;
      for (scenario::Metric m : metrics) {
        Plot p;
        p.set_x(axis.name);
        p.set_y(m);
        plots.push_back(std::move(p));
      }
    }
  }
  std::set<std::string> plot_names;
  for (std::size_t i = 0; i < plots.size(); ++i) {
    Plot& p = plots[i];
    const FieldPath at = root.Element("plots", static_cast<int>(i));
    if (p.y() == scenario::METRIC_UNSPECIFIED) {
      report->Error(at.Field("y"), "a plot needs a metric y");
      continue;
    }
    const SweepAxis* axis = nullptr;
    for (const SweepAxis& a : plan->axes) {
      if (a.name == p.x()) axis = &a;
    }
    if (axis == nullptr) {
      report->Error(at.Field("x"), "no axis named '" + p.x() + "'");
      continue;
    }
    for (std::size_t v = 0; v < axis->x.size(); ++v) {
      if (!axis->x[v]) {
        report->Error(at.Field("x"), "axis '" + p.x() + "' value '" +
                                         axis->values[v] +
                                         "' is neither a number nor a "
                                         "duration and cannot be plotted");
        break;
      }
      if (p.log_x() && *axis->x[v] <= 0) {
        report->Error(at.Field("log_x"), "a log axis needs every value > 0");
        break;
      }
    }
    if (!p.has_name()) {
      p.set_name(Lower(scenario::Metric_Name(p.y())) + "_vs_" + p.x());
    }
    if (!IsIdentifier(p.name())) {
      report->Error(at.Field("name"), "plot name must be an identifier");
    } else if (!plot_names.insert(p.name()).second) {
      report->Error(at.Field("name"),
                    "plot name '" + p.name() + "' is used twice");
    }
    if (p.error_bars() == ERROR_BARS_UNSPECIFIED) p.set_error_bars(MIN_MAX);
    if (!p.has_title()) p.set_title(plan->name);
  }
  plan->plots = std::move(plots);
  plan->tracers.assign(sweep.tracers().begin(), sweep.tracers().end());

  // The manifest: everything resolved, nothing left to defaults.
  Sweep& m = plan->manifest;
  m = sweep;
  m.set_name(plan->name);
  m.clear_plots();
  for (const Plot& p : plan->plots) *m.add_plots() = p;
  m.clear_metrics();
  m.clear_seeds();
  for (std::uint64_t s : plan->seeds) m.mutable_seeds()->add_list(s);
  for (std::size_t k = 0;
       k < plan->axes.size() && k < static_cast<std::size_t>(m.axes_size());
       ++k) {
    Axis* a = m.mutable_axes(static_cast<int>(k));
    a->clear_range();
    a->clear_values();
    for (const std::string& v : plan->axes[k].values) a->add_values(v);
  }
}

struct ParsedSweep {
  Sweep sweep;
  sim::ParseInfoTree tree;
};

bool Parse(const std::string& path, ParsedSweep* parsed,
           std::vector<Diagnostic>* diagnostics) {
  const Result<std::string> text = ReadWholeFile(path, std::size_t{16} << 20);
  if (!text.ok()) {
    diagnostics->push_back(Diagnostic{path, 0, 0, "", text.message()});
    return false;
  }
  return sim::ParseTextMessage(*text, path, "sweep",
                               sim::kDefaultRecursionLimit, &parsed->sweep,
                               &parsed->tree, diagnostics);
}

}  // namespace

SweepLoadResult LoadSweepFile(const std::string& path) {
  SweepLoadResult result;
  ParsedSweep parsed;
  if (!Parse(path, &parsed, &result.diagnostics)) return result;
  const Sweep& sweep = parsed.sweep;
  Reporter report(path, &parsed.tree, &result.diagnostics);
  const FieldPath root;
  SweepPlan plan;
  plan.file = path;
  plan.name = sweep.has_name() ? sweep.name()
                               : std::filesystem::path(path).stem().string();
  if (sweep.has_scenario_sha256()) {
    report.Error(root.Field("scenario_sha256"),
                 "is written by chaintrace in its output; leave it unset");
  }
  if (!sweep.has_scenario() || sweep.scenario().empty()) {
    report.Error(root.Field("scenario"), "the base scenario file is required");
    return result;
  }
  const std::filesystem::path scenario_path =
      std::filesystem::path(path).parent_path() / sweep.scenario();
  sim::LoadResult base = sim::LoadScenarioFile(scenario_path.string());
  if (!base.ok()) {
    report.Error(
        root.Field("scenario"),
        "the base scenario '" + scenario_path.string() + "' does not load:");
    for (Diagnostic& d : base.diagnostics) {
      result.diagnostics.push_back(std::move(d));
    }
    return result;
  }
  const scenario::Scenario& scenario = base.scenario->scenario;

  for (int k = 0; k < sweep.axes_size(); ++k) {
    const Axis& in = sweep.axes(k);
    const FieldPath at = root.Element("axes", k);
    SweepAxis axis;
    axis.name = in.name();
    axis.unit = in.unit();
    bool integral = false;
    bool numeric = true;
    if (in.field_size() == 0) report.Error(at, "an axis needs a field");
    for (int j = 0; j < in.field_size(); ++j) {
      const FieldPath field_at = at.Element("field", j);
      auto selector = ParseFieldSelector(in.field(j));
      if (!selector.ok()) {
        report.Error(field_at, selector.message());
        continue;
      }
      auto resolved = ResolveFieldSelector(scenario, *selector);
      if (!resolved.ok()) {
        report.Error(field_at, "in the base scenario: " + resolved.message());
        continue;
      }
      const FieldDescriptor* leaf = LeafField(scenario, *resolved);
      integral = integral || IsIntegral(*leaf);
      numeric = numeric && IsNumeric(*leaf);
      axis.fields.push_back(*resolved);
    }
    if (in.values_size() > 0 && in.has_range()) {
      report.Error(at.Field("range"), "give values or a range, not both");
    } else if (in.has_range()) {
      if (!numeric) {
        report.Error(at.Field("range"),
                     "a range needs numeric fields; list the values instead");
      } else {
        axis.values =
            RangeValues(in.range(), integral, at.Field("range"), &report);
      }
    } else {
      axis.values.assign(in.values().begin(), in.values().end());
    }
    // Every value must suit every field.
    for (std::size_t v = 0; v < axis.values.size(); ++v) {
      for (const FieldPath& field : axis.fields) {
        const Status s =
            CheckFieldValue(*LeafField(scenario, field), axis.values[v]);
        if (!s.ok()) {
          report.Error(in.has_range()
                           ? at.Field("range")
                           : at.Element("values", static_cast<int>(v)),
                       field.ToString() + ": " + s.message());
        }
      }
    }
    plan.axes.push_back(std::move(axis));
  }
  FinishPlan(sweep, &report, &plan);
  plan.manifest.set_scenario_sha256(base.scenario->sha256);
  if (!result.diagnostics.empty()) return result;
  plan.base = scenario;
  result.plan = std::move(plan);
  return result;
}

SweepLoadResult LoadSweepManifest(const std::string& path) {
  SweepLoadResult result;
  ParsedSweep parsed;
  if (!Parse(path, &parsed, &result.diagnostics)) return result;
  const Sweep& sweep = parsed.sweep;
  Reporter report(path, &parsed.tree, &result.diagnostics);
  SweepPlan plan;
  plan.file = path;
  plan.name = sweep.name();
  for (const Axis& in : sweep.axes()) {
    SweepAxis axis;
    axis.name = in.name();
    axis.unit = in.unit();
    axis.values.assign(in.values().begin(), in.values().end());
    plan.axes.push_back(std::move(axis));
  }
  FinishPlan(sweep, &report, &plan);
  if (!result.diagnostics.empty()) return result;
  result.plan = std::move(plan);
  return result;
}

std::string ManifestText(const Sweep& manifest) {
  std::string text;
  google::protobuf::TextFormat::Printer printer;
  printer.PrintToString(manifest, &text);
  // The version is part of the text, so outputs of different chaintrace
  // versions (whose numbers may differ) are not merged.
  return std::string("# Resolved sweep written by chaintrace ") + kVersion +
         "; read by `chaintrace sweep merge`.\n# proto-file: "
         "proto/sweep.proto\n# proto-message: chaintrace.sweep.Sweep\n" +
         text;
}

}  // namespace chaintrace::sweep
