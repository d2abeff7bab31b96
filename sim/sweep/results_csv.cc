#include "sim/sweep/results_csv.h"

#include <charconv>

#include "sim/io/csv.h"
#include "sim/sweep/number_text.h"

namespace chaintrace::sweep {
namespace {

using google::protobuf::FieldDescriptor;

constexpr std::size_t kFixedColumns = 3;  // point, seed, tracer

const google::protobuf::Descriptor& MetricsType() {
  return *report::Metrics::descriptor();
}

void AppendRow(const std::vector<std::string>& fields, std::string* out) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) *out += ',';
    io::AppendCsvField(fields[i], out);
  }
  *out += '\n';
}

std::string MetricText(const report::Metrics& m, const FieldDescriptor& f) {
  const auto* r = m.GetReflection();
  if (!r->HasField(m, &f)) return "";
  switch (f.cpp_type()) {
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return FormatShortest(r->GetDouble(m, &f));
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetInt64(m, &f));
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetInt32(m, &f));
    default:
      return "";
  }
}

}  // namespace

std::string MetricColumnName(scenario::Metric metric) {
  std::string name = scenario::Metric_Name(metric);
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return name;
}

Result<std::size_t> MetricIndex(scenario::Metric metric) {
  const FieldDescriptor* f =
      MetricsType().FindFieldByName(MetricColumnName(metric));
  if (f == nullptr) {
    return Status::Error("metric " + scenario::Metric_Name(metric) +
                         " has no field in report.Metrics");
  }
  return static_cast<std::size_t>(f->index());
}

std::string ResultHeader(const SweepPlan& plan) {
  std::vector<std::string> names = {"point", "seed", "tracer"};
  for (const SweepAxis& axis : plan.axes) names.push_back(axis.name);
  for (int i = 0; i < MetricsType().field_count(); ++i) {
    names.push_back(MetricsType().field(i)->name());
  }
  std::string out;
  AppendRow(names, &out);
  return out;
}

std::string ResultRows(const SweepPlan& plan, const GridPoint& point,
                       std::uint64_t seed, const report::Report& report) {
  std::string out;
  for (const report::TracerReport& t : report.tracers()) {
    std::vector<std::string> fields = {point.id, std::to_string(seed),
                                       t.id().empty() ? t.tracer() : t.id()};
    for (std::size_t k = 0; k < plan.axes.size(); ++k) {
      fields.push_back(plan.axes[k].values[point.value_index[k]]);
    }
    for (int i = 0; i < MetricsType().field_count(); ++i) {
      fields.push_back(MetricText(t.metrics(), *MetricsType().field(i)));
    }
    AppendRow(fields, &out);
  }
  return out;
}

Result<std::vector<ResultRow>> ParseResults(const SweepPlan& plan,
                                            std::string_view text,
                                            const std::string& name) {
  const std::string header = ResultHeader(plan);
  if (text.substr(0, header.size()) != header) {
    return Status::Error(name +
                         ":1: the header differs from this sweep's columns "
                         "(the output belongs to another sweep?)");
  }
  const std::size_t axes = plan.axes.size();
  const std::size_t metrics =
      static_cast<std::size_t>(MetricsType().field_count());
  const std::size_t width = kFixedColumns + axes + metrics;
  io::CsvReader reader(text.substr(header.size()));
  std::vector<ResultRow> rows;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) {
    const std::string where =
        name + ":" + std::to_string(reader.line() + 1) + ": ";
    if (fields.size() != width) {
      return Status::Error(where + "expected " + std::to_string(width) +
                           " fields, found " + std::to_string(fields.size()));
    }
    ResultRow row;
    row.point = fields[0];
    const std::string& seed = fields[1];
    const auto [ptr, ec] =
        std::from_chars(seed.data(), seed.data() + seed.size(), row.seed);
    if (ec != std::errc() || ptr != seed.data() + seed.size()) {
      std::string message = where;
      message += "bad seed '" + seed + "'";
      return Status::Error(message);
    }
    row.tracer = fields[2];
    row.axis_values.assign(
        fields.begin() + kFixedColumns,
        fields.begin() + static_cast<std::ptrdiff_t>(kFixedColumns + axes));
    for (std::size_t m = 0; m < metrics; ++m) {
      const std::string& v = fields[kFixedColumns + axes + m];
      if (v.empty()) {
        row.metrics.emplace_back();
        continue;
      }
      const std::optional<double> number = ParseFiniteNumber(v);
      if (!number) {
        std::string message = where;
        message += "bad number '" + v + "' in column ";
        message += MetricsType().field(static_cast<int>(m))->name();
        return Status::Error(message);
      }
      row.metrics.push_back(number);
    }
    AppendRow(fields, &row.line);
    rows.push_back(std::move(row));
  }
  if (!reader.ok()) return Status::Error(reader.Error(name));
  return rows;
}

}  // namespace chaintrace::sweep
