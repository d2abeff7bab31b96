#ifndef CHAINTRACE_SIM_IO_HTML_REPORT_H_
#define CHAINTRACE_SIM_IO_HTML_REPORT_H_

// One self-contained HTML page from a run's report (proto/report.proto):
// provenance, a summary per attack, the flow of each attack's stolen funds
// (flow_svg.h, inline SVG), per-tracer metrics, per-exchange true vs
// attributed USD, recall after each stage, and any SVG plots given (as
// data: URIs). Inline CSS only, no scripts, no network: it opens offline.
// The same inputs give the same bytes.

#include <string>
#include <vector>

#include "model/status.h"
#include "proto/report.pb.h"

namespace chaintrace::io {

struct NamedSvg {
  std::string name;  // shown as the plot's caption
  std::string svg;   // the document's bytes
};

std::string RenderHtmlReport(const report::Report& report,
                             const std::vector<NamedSvg>& plots);

// Reads RUN_DIR/report.pb and every *.svg in RUN_DIR and its plots/ folder
// (sorted by path) and renders them.
Result<std::string> HtmlReportFromRunDir(const std::string& run_dir);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_HTML_REPORT_H_
