// `chaintrace report RUN_DIR --html FILE`: one self-contained HTML page from
// a run's report.pb and the SVG plots found next to it.

#include <iostream>
#include <memory>
#include <string>

#include "sim/io/html_report.h"
#include "sim/sweep/files.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct ReportOptions {
  std::string run_dir;
  std::string html;
};

int RunReport(const ReportOptions& options) {
  const Result<std::string> html = io::HtmlReportFromRunDir(options.run_dir);
  if (!html.ok()) {
    std::cerr << "error: " << html.message() << "\n";
    return kExitBadInput;
  }
  if (Status s = sweep::WriteWholeFile(options.html, *html); !s.ok()) {
    std::cerr << "error: " << s.message() << "\n";
    return kExitBadInput;
  }
  std::cout << "wrote " << options.html << "\n";
  return kExitOk;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Write a run's report (RUN_DIR/report.pb, with any SVG plots in "
      "RUN_DIR and RUN_DIR/plots) as one self-contained HTML page that works "
      "offline: summary, flow of stolen funds, per-tracer metrics, "
      "per-exchange true vs attributed USD, plots.");
  cmd->add_option("RUN_DIR", options->run_dir, "Run directory")->required();
  cmd->add_option("--html", options->html, "HTML file to write")->required();
  cmd->callback([options, exit_code] { *exit_code = RunReport(*options); });
}

}  // namespace chaintrace::tools
