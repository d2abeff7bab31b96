// `chaintrace export LEDGER --format csv|graphml|dot|json [--stolen-only]
// --out PATH`: write a ledger for analysts' tools (sim/io/export.h).

#include "sim/io/export.h"

#include <iostream>
#include <memory>
#include <string>

#include "model/ledger_io.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct ExportCommandOptions {
  std::string ledger;
  std::string format;
  std::string out;
  bool stolen_only = false;
};

int RunExport(const ExportCommandOptions& options) {
  const Result<io::ExportFormat> format = io::ParseExportFormat(options.format);
  if (!format.ok()) {
    std::cerr << "chaintrace export: " << format.message() << "\n";
    return kExitBadInput;
  }
  const Result<LedgerFile> file = ReadLedger(options.ledger);
  if (!file.ok()) {
    std::cerr << file.message() << "\n";
    return kExitBadInput;
  }
  const Result<io::ExportStats> stats = io::ExportLedger(
      *file, io::ExportOptions{*format, options.stolen_only}, options.out);
  if (!stats.ok()) {
    std::cerr << "chaintrace export: " << stats.message() << "\n";
    return kExitBadInput;
  }
  std::cout << options.out << ": " << stats->transactions << " transactions, "
            << stats->inputs << " inputs, " << stats->outputs << " outputs, "
            << stats->addresses << " addresses"
            << (options.stolen_only ? " (stolen subgraph)" : "") << "\n";
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write a ledger for analysts' tools: csv (a directory of CSV files for "
      "pandas/spreadsheets), graphml (networkx, igraph, Gephi), dot "
      "(Graphviz) or json. Graphs are address-transaction flow graphs; "
      "amounts are exact decimal text plus integer base units. See README "
      "'Export' for every column");
  cmd->add_option("LEDGER", options->ledger, "Ledger file (binary or text)")
      ->required();
  cmd->add_option("--format", options->format, "csv, graphml, dot or json")
      ->required();
  cmd->add_option("--out", options->out,
                  "Output path (a directory for csv), written atomically")
      ->required();
  cmd->add_flag("--stolen-only", options->stolen_only,
                "Only the subgraph carrying stolen value (outputs with ground "
                "truth stolen > 0, the transactions creating or spending them "
                "and their addresses); needs ground truth, else exit 2");
  cmd->callback([options, exit_code] { *exit_code = RunExport(*options); });
}

}  // namespace chaintrace::tools
