#include "sim/eval/report_csv.h"

#include <optional>

#include "sim/eval/expectations.h"
#include "sim/eval/format.h"

namespace chaintrace::eval {
namespace {

// Quotes a CSV field when it holds a comma, quote or line break.
std::string Field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

void Row(std::string* out, const report::TracerReport& t,
         const std::string& attack, const report::Metrics& m,
         std::optional<int> lost) {
  *out += Field(t.tracer()) + "," + Field(t.id()) + "," + Field(attack);
  for (int i = 1; i <= scenario::Metric_MAX; ++i) {
    if (!scenario::Metric_IsValid(i)) continue;
    const auto v = MetricValue(m, static_cast<scenario::Metric>(i));
    *out += ",";
    if (v) *out += FormatNumber(*v);
  }
  *out += ",";
  if (lost) *out += std::to_string(*lost);
  *out += "," + FormatNumber(t.run_time_s()) + "\n";
}

}  // namespace

std::string FormatMetricsCsv(const report::Report& report) {
  std::string out = "tracer,id,attack";
  for (int i = 1; i <= scenario::Metric_MAX; ++i) {
    if (!scenario::Metric_IsValid(i)) continue;
    out += "," + MetricName(static_cast<scenario::Metric>(i));
  }
  out += ",lost_at_stage,run_time_s\n";
  for (const report::TracerReport& t : report.tracers()) {
    Row(&out, t, "all", t.metrics(), std::nullopt);
    for (const report::AttackMetrics& am : t.per_attack()) {
      Row(&out, t, am.attack(), am.metrics(), am.lost_at_stage());
    }
  }
  return out;
}

}  // namespace chaintrace::eval
