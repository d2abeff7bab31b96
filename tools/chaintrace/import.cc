// `chaintrace import --format transfers-csv|bitcoin-json FILE... --out
// LEDGER [--chain NAME] [--asset NAME --decimals N] [--token-decimals T=N]
// [--labels CSV]`: turn real chain data into a ledger file (no ground
// truth) that every other command reads (sim/io/transfers_csv.h,
// sim/io/bitcoin_json.h, sim/io/labels_csv.h).

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "model/ledger_io.h"
#include "sim/io/bitcoin_json.h"
#include "sim/io/labels_csv.h"
#include "sim/io/transfers_csv.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct ImportCommandOptions {
  std::string format;
  std::vector<std::string> files;
  std::string out;
  std::string chain;
  std::string asset;
  int decimals = -1;
  std::vector<std::string> token_decimals;
  std::string labels;
};

std::optional<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<io::ImportedLedger> ImportTransfers(const ImportCommandOptions& o) {
  if (o.files.size() != 1) {
    return Status::Error("transfers-csv takes exactly one FILE");
  }
  io::TransfersCsvOptions options;
  if (!o.chain.empty()) options.chain = o.chain;
  if (!o.asset.empty()) options.asset = o.asset;
  if (o.decimals >= 0) options.decimals = o.decimals;
  for (const std::string& spec : o.token_decimals) {
    const std::size_t eq = spec.rfind('=');
    int decimals = -1;
    if (eq != std::string::npos && eq > 0) {
      try {
        decimals = std::stoi(spec.substr(eq + 1));
      } catch (const std::exception&) {
        decimals = -1;
      }
    }
    if (decimals < 0 || decimals > kMaxDecimals) {
      return Status::Error("--token-decimals '" + spec +
                           "': expected TOKEN=N with N in 0..18");
    }
    options.token_decimals.push_back({spec.substr(0, eq), decimals});
  }
  const std::optional<std::string> text = ReadText(o.files[0]);
  if (!text) return Status::Error(o.files[0] + ": cannot read");
  return io::ImportTransfersCsv(*text, o.files[0], options);
}

Result<io::ImportedLedger> ImportBitcoin(const ImportCommandOptions& o) {
  if (!o.token_decimals.empty()) {
    return Status::Error("--token-decimals applies to transfers-csv only");
  }
  io::BitcoinJsonOptions options;
  if (!o.chain.empty()) options.chain = o.chain;
  if (!o.asset.empty()) options.asset = o.asset;
  if (o.decimals >= 0) options.decimals = o.decimals;
  io::BitcoinJsonImporter importer(options);
  for (const std::string& file : o.files) {
    if (Status st = importer.AddFile(file); !st.ok()) return st;
  }
  return importer.Finish();
}

int RunImport(const ImportCommandOptions& o) {
  Result<io::ImportedLedger> imported =
      o.format == "transfers-csv"  ? ImportTransfers(o)
      : o.format == "bitcoin-json" ? ImportBitcoin(o)
                                   : Result<io::ImportedLedger>(Status::Error(
                                         "unknown import format '" + o.format +
                                         "' (known: transfers-csv, "
                                         "bitcoin-json)"));
  if (!imported.ok()) {
    std::cerr << imported.message() << "\n";
    return kExitBadInput;
  }
  LedgerFile& file = imported->file;
  const io::ImportStats& stats = imported->stats;
  std::size_t labels = 0;
  if (!o.labels.empty()) {
    const std::optional<std::string> text = ReadText(o.labels);
    if (!text) {
      std::cerr << o.labels << ": cannot read\n";
      return kExitBadInput;
    }
    const ChainId chain = IdFromIndex<ChainId>(0);
    const Result<io::LabelsCsvStats> read = io::ReadLabelsCsv(
        *text, o.labels,
        io::LabelsCsvOptions{
            chain, !file.ledger.chain(chain).is_utxo(),
            file.ledger.chain(chain).is_utxo() ? "" : "account"},
        &file);
    if (!read.ok()) {
      std::cerr << read.message() << "\n";
      return kExitBadInput;
    }
    labels = read->labels;
  }
  if (Status st = WriteLedger(file, o.out); !st.ok()) {
    std::cerr << st.message() << "\n";
    return kExitBadInput;
  }
  std::cout << o.out << ": " << stats.transactions << " transactions ("
            << stats.external_transactions << " synthetic 'external:' "
            << "coinbase transactions with " << stats.external_outputs
            << " credits for value from outside the input), "
            << file.ledger.address_count() << " addresses, " << labels
            << " labels";
  if (stats.blocks > 0) std::cout << ", " << stats.blocks << " blocks";
  std::cout << "\n";
  if (stats.zero_value_rows > 0) {
    std::cout << "skipped " << stats.zero_value_rows
              << " rows of value 0 (they move nothing), lines";
    for (std::size_t line : stats.zero_value_lines) std::cout << " " << line;
    if (stats.zero_value_rows > stats.zero_value_lines.size()) {
      std::cout << " ...";
    }
    std::cout << "\n";
  }
  if (stats.zero_value_outputs > 0) {
    std::cout << "not stored: " << stats.zero_value_outputs
              << " outputs of value 0 (unspendable)\n";
  }
  if (stats.estimated_inputs > 0) {
    std::cout << "estimated: " << stats.estimated_inputs
              << " external inputs share their transaction's known total "
                 "evenly (use getblock verbosity 3 for exact prevouts)\n";
  }
  return kExitOk;
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Turn real chain data into a ledger file (no ground truth): "
      "transfers-csv (account-chain transfer lists as explorers and "
      "BigQuery export them) or bitcoin-json (Bitcoin Core `getblock <hash> "
      "2` output, one or many blocks). Malformed input is reported as "
      "file:line: message and nothing is written. See README 'Import'");
  cmd->add_option("--format", options->format, "transfers-csv or bitcoin-json")
      ->required();
  cmd->add_option("FILE", options->files,
                  "Input: one CSV file, or one or more JSON files")
      ->required();
  cmd->add_option("--out", options->out,
                  "Ledger file to write (.textproto: text, else binary)")
      ->required();
  cmd->add_option("--chain", options->chain, "Chain name (default eth / btc)");
  cmd->add_option("--asset", options->asset,
                  "Native asset name (default ETH / BTC)");
  cmd->add_option("--decimals", options->decimals,
                  "Decimal places of the native asset's base unit (default 9 "
                  "for ETH, i.e. gwei, so int64 holds 9.2e9 ETH; 8 for BTC)")
      ->check(CLI::Range(0, 18));
  cmd->add_option("--token-decimals", options->token_decimals,
                  "TOKEN=N: decimal places of a token (transfers-csv; other "
                  "tokens get --decimals); repeatable");
  cmd->add_option("--labels", options->labels,
                  "CSV of address,kind,service labels (kind: "
                  "exchange_deposit, exchange_wallet, mixer, bridge, dex, "
                  "otc, coinjoin) stored as the ledger's labels");
  cmd->callback([options, exit_code] { *exit_code = RunImport(*options); });
}

}  // namespace chaintrace::tools
