// `chaintrace trace LEDGER --tracer NAME [seeds] ...`: run one registered
// tracer on a ledger file (binary or text) from the given seeds, or from the
// thefts the ledger reports, and print or write what it found.

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/atomic_file.h"
#include "model/ledger_io.h"
#include "sim/trace/registry.h"
#include "tools/chaintrace/commands.h"
#include "tools/chaintrace/trace_report.h"

namespace chaintrace::tools {
namespace {

struct TraceOptions {
  std::string ledger;
  std::vector<std::string> seed_outputs;
  std::vector<std::string> seed_addresses;
  std::string tracer;
  int max_hops = 0;
  bool drop_fee_taint = false;
  bool haircut_eigen = false;
  std::string csv;
  std::string json;
  std::size_t top = 10;
  bool list_tracers = false;
};

// A bad command-line value: printed as "error: <option> '<value>': <why>".
class BadSeed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] void Fail(std::string_view option, std::string_view value,
                       const std::string& why) {
  throw BadSeed(std::string(option) + " '" + std::string(value) + "': " + why);
}

ChainId ChainNamed(const Ledger& ledger, std::string_view option,
                   std::string_view value, std::string_view name) {
  const ChainId chain = ledger.FindChain(name);
  if (chain == ChainId::kNone) {
    Fail(option, value, "no chain '" + std::string(name) + "' in the ledger");
  }
  return chain;
}

// CHAIN:TXID:INDEX[=AMOUNT]; the txid is everything between the first and
// the last colon, AMOUNT is in decimal units of the output's asset.
trace::Seed ParseSeedOutput(const Ledger& ledger, std::string_view value) {
  constexpr std::string_view kOption = "--seed-output";
  const std::size_t eq = value.find('=');
  const std::string_view ref = value.substr(0, eq);
  const std::size_t first = ref.find(':');
  const std::size_t last = ref.rfind(':');
  if (first == std::string_view::npos || first == last) {
    Fail(kOption, value, "expected CHAIN:TXID:INDEX[=AMOUNT]");
  }
  const ChainId chain =
      ChainNamed(ledger, kOption, value, ref.substr(0, first));
  const TxStore& s = ledger.txs(chain);
  const std::string_view txid = ref.substr(first + 1, last - first - 1);
  const TxId tx = s.FindTx(txid);
  if (tx == TxId::kNone) {
    Fail(kOption, value, "no transaction '" + std::string(txid) + "'");
  }
  const std::string_view index_text = ref.substr(last + 1);
  std::size_t index = 0;
  if (index_text.empty() ||
      index_text.find_first_not_of("0123456789") != std::string_view::npos ||
      index_text.size() > 9) {
    Fail(kOption, value, "output index must be a number");
  }
  index = std::stoul(std::string(index_text));
  if (index >= s.outputs(tx).size()) {
    Fail(kOption, value,
         "transaction '" + std::string(txid) + "' has " +
             std::to_string(s.outputs(tx).size()) + " outputs");
  }
  const OutputId output = s.outputs(tx)[index];
  Amount amount = s.output_amount(output);
  if (eq != std::string_view::npos) {
    const AssetInfo& asset = ledger.asset(s.asset(tx));
    const Result<Amount> parsed =
        ParseDecimalAmount(value.substr(eq + 1), asset.decimals);
    if (!parsed.ok()) Fail(kOption, value, parsed.message());
    if (*parsed > amount) {
      Fail(kOption, value,
           "amount exceeds the output's " +
               FormatDecimalAmount(amount, asset.decimals) + " " + asset.name);
    }
    amount = *parsed;
  }
  return trace::Seed{chain, output, amount, ""};
}

// CHAIN:ADDRESS: every output paid to the address, whole.
std::vector<trace::Seed> ParseSeedAddress(const Ledger& ledger,
                                          std::string_view value) {
  constexpr std::string_view kOption = "--seed-address";
  const std::size_t colon = value.find(':');
  if (colon == std::string_view::npos || colon + 1 == value.size()) {
    Fail(kOption, value, "expected CHAIN:ADDRESS");
  }
  const ChainId chain =
      ChainNamed(ledger, kOption, value, value.substr(0, colon));
  const AddressId address = ledger.FindAddress(chain, value.substr(colon + 1));
  if (address == AddressId::kNone) {
    Fail(kOption, value, "no such address on the chain");
  }
  std::vector<trace::Seed> seeds;
  const TxStore& s = ledger.txs(chain);
  for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
    if (s.output_address(o) == address) {
      seeds.push_back({chain, o, s.output_amount(o), ""});
    }
  }
  if (seeds.empty()) Fail(kOption, value, "nothing is paid to the address");
  return seeds;
}

Status WriteText(const std::string& path, const std::string& text) {
  return WriteFileAtomically(path,
                             [&](int fd) { return WriteAll(fd, text, path); });
}

int RunTrace(const TraceOptions& options) {
  if (options.list_tracers) {
    for (const trace::TracerInfo& info : trace::RegisteredTracers()) {
      std::cout << info.name
                << std::string(
                       info.name.size() < 12 ? 12 - info.name.size() : 1, ' ')
                << info.summary << "\n";
    }
    return kExitOk;
  }
  if (options.ledger.empty() || options.tracer.empty()) {
    std::cerr << "error: trace needs LEDGER and --tracer NAME (see "
                 "--list-tracers)\n";
    return kExitBadInput;
  }
  trace::TracerOptions tracer_options;
  tracer_options.max_hops = options.max_hops;
  tracer_options.drop_fee_taint = options.drop_fee_taint;
  tracer_options.haircut_eigen = options.haircut_eigen;
  auto tracer = trace::MakeTracer(options.tracer, tracer_options);
  if (!tracer.ok()) {
    std::cerr << "error: --tracer: " << tracer.message() << "\n";
    return kExitBadInput;
  }
  const Result<LedgerFile> file = ReadLedger(options.ledger);
  if (!file.ok()) {
    std::cerr << "error: " << file.message() << "\n";
    return kExitBadInput;
  }
  const Ledger& ledger = file->ledger;
  std::vector<trace::Seed> seeds;
  try {
    for (const std::string& s : options.seed_outputs) {
      seeds.push_back(ParseSeedOutput(ledger, s));
    }
    for (const std::string& s : options.seed_addresses) {
      const std::vector<trace::Seed> more = ParseSeedAddress(ledger, s);
      seeds.insert(seeds.end(), more.begin(), more.end());
    }
  } catch (const BadSeed& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kExitBadInput;
  }
  if (seeds.empty()) {
    seeds = trace::SeedsFromThefts(ledger);
    if (seeds.empty()) {
      std::cerr << "error: " << options.ledger
                << " reports no thefts; give --seed-output or "
                   "--seed-address\n";
      return kExitBadInput;
    }
  }
  const auto result =
      (*tracer)->Trace(trace::TraceInput{&ledger, seeds, &file->labels});
  if (!result.ok()) {
    std::cerr << "error: " << result.message() << "\n";
    return kExitBadInput;
  }
  const TraceReportInput report{&*file,         options.ledger, options.tracer,
                                tracer_options, seeds,          &*result,
                                options.top};
  if (!options.csv.empty()) {
    if (Status st = WriteText(options.csv, FormatTraceCsv(report)); !st.ok()) {
      std::cerr << "error: " << st.message() << "\n";
      return kExitBadInput;
    }
  }
  if (!options.json.empty()) {
    if (Status st = WriteText(options.json, FormatTraceJson(report));
        !st.ok()) {
      std::cerr << "error: " << st.message() << "\n";
      return kExitBadInput;
    }
  }
  std::cout << FormatTraceTable(report);
  return kExitOk;
}

}  // namespace

void AddTraceCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<TraceOptions>();
  CLI::App* cmd = app.add_subcommand(
      "trace",
      "Run a tracer on a ledger file (binary or .textproto) from seeds "
      "(default: the thefts the ledger reports) and print the value it "
      "attributes to labelled services, the flagged addresses and the top "
      "tainted outputs");
  cmd->add_option("LEDGER", options->ledger, "Ledger file");
  cmd->add_option("--seed-output", options->seed_outputs,
                  "CHAIN:TXID:INDEX[=AMOUNT]: a stolen output; AMOUNT in "
                  "decimal asset units (default: the whole output)");
  cmd->add_option("--seed-address", options->seed_addresses,
                  "CHAIN:ADDRESS: every output paid to the address, whole");
  cmd->add_option("--tracer", options->tracer,
                  "Tracer name (see --list-tracers)");
  cmd->add_option("--max-hops", options->max_hops,
                  "Stop this many transactions from a seed (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--drop-fee-taint", options->drop_fee_taint,
                "Taint models: drop the taint fees carry");
  cmd->add_flag("--haircut-eigen", options->haircut_eigen,
                "haircut: solve the exact fractions as a sparse system with "
                "Eigen (a cross-check of the fused solve; same scores, "
                "slower)");
  cmd->add_option("--csv", options->csv,
                  "Write one row per tainted output to this CSV file");
  cmd->add_option("--json", options->json,
                  "Write the result as JSON to this file");
  cmd->add_option("--top", options->top,
                  "Rows of the top tainted outputs table (default 10)");
  cmd->add_flag("--list-tracers", options->list_tracers,
                "Print the registered tracers and exit");
  cmd->callback([options, exit_code] { *exit_code = RunTrace(*options); });
}

}  // namespace chaintrace::tools
