// `chaintrace verify LEDGER`: check a ledger file against every invariant of
// model/verify.h. Exit 0 when it holds them all; 1 with the findings, the
// first offending transaction named and the count of all findings; 2 when
// the file cannot be read.

#include "model/verify.h"

#include <cstddef>
#include <iostream>
#include <memory>
#include <string>

#include "model/ground_truth.h"
#include "model/ledger_io.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct VerifyOptions {
  std::string ledger;
  std::size_t max_findings = 20;
  bool accounts = false;
  bool quiet = false;
};

// One line per attack and asset (terms that are 0 beyond seeded, held and
// fees left out), then one per outstanding service claim.
void PrintAccounts(const LedgerFile& file, const VerifyResult& result) {
  for (const StolenAccount& a : result.accounts) {
    const AssetInfo& asset = file.ledger.asset(a.asset);
    std::cout << "  attack '" << file.truth->attack(a.attack).name << "' "
              << asset.name << ": seeded " << a.seeded;
    if (a.converted_in != 0) std::cout << " + converted in " << a.converted_in;
    if (a.exact) {
      std::cout << " = held " << a.held << " + fees " << a.fees;
    } else {
      std::cout << ", held at most " << a.held;
    }
    if (a.claims != 0) std::cout << " + claims " << a.claims;
    if (a.converted_out != 0) {
      std::cout << " + converted out " << a.converted_out;
    }
    std::cout << (a.exact ? "\n" : " (account chain)\n");
  }
  for (const ServiceClaim& c : result.claims) {
    const Entity& service = file.truth->entity(c.service);
    std::cout << "  attack '" << file.truth->attack(c.attack).name << "' "
              << file.ledger.asset(c.asset).name << ": "
              << (c.cash_out ? "cash-out " : "claim ") << c.amount << " at '"
              << service.name << "' (" << common::EntityKind_Name(service.kind)
              << ")\n";
  }
}

int RunVerify(const VerifyOptions& options) {
  ReadOptions read;
  read.check_conservation = false;  // reported as findings
  read.lenient = true;
  const Result<LedgerFile> file = ReadLedger(options.ledger, read);
  if (!file.ok()) {
    std::cerr << file.message() << "\n"
              << options.ledger << ": cannot be verified (unreadable)\n";
    return kExitBadInput;
  }
  const VerifyResult result = VerifyLedger(*file);
  const std::string& path = options.ledger;
  if (result.ok()) {
    if (!options.quiet) {
      std::size_t txs = 0;
      for (ChainId c : file->ledger.chain_ids()) {
        txs += file->ledger.txs(c).tx_count();
      }
      std::cout << path << ": ok (" << file->ledger.chain_count() << " chains, "
                << txs << " transactions, " << file->ledger.thefts().size()
                << " thefts, "
                << (file->truth ? "ground truth consistent" : "no ground truth")
                << ")\n";
      if (options.accounts) PrintAccounts(*file, result);
    }
    return kExitOk;
  }
  const std::size_t n = result.findings.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (options.max_findings != 0 && i >= options.max_findings) {
      std::cerr << path << ": ... " << (n - i) << " more\n";
      break;
    }
    const Finding& f = result.findings[i];
    std::cerr << path << ": " << FindingKindName(f.kind) << ": " << f.message
              << "\n";
  }
  const Finding& first = result.findings.front();
  std::cerr << path << ": FAILED: " << n << (n == 1 ? " finding" : " findings")
            << "; first: ";
  if (first.chain != ChainId::kNone) {
    std::cerr << "chain '" << file->ledger.chain(first.chain).name
              << "' transaction '"
              << file->ledger.txs(first.chain).txid(first.tx) << "'";
  } else {
    std::cerr << "the ground truth's accounts";
  }
  std::cerr << " (" << FindingKindName(first.kind) << ")\n";
  if (options.accounts && file->truth) PrintAccounts(*file, result);
  return kExitCheckFailed;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<VerifyOptions>();
  CLI::App* cmd = app.add_subcommand(
      "verify",
      "Check a ledger file: value conservation, no double spends, time "
      "order, no negative account balances, and ground-truth consistency "
      "(stolen amounts within output values, every attack's stolen value "
      "accounted for). Exit 0 clean, 1 with findings (the first offending "
      "transaction named), 2 unreadable.");
  cmd->add_option("LEDGER", options->ledger,
                  "Ledger file (.textproto/.txtpb/.pbtxt: text, else binary)")
      ->required();
  cmd->add_option("--max-findings", options->max_findings,
                  "Print at most N findings (0: all); the count is always "
                  "printed")
      ->default_val(20);
  cmd->add_flag(
      "--accounts", options->accounts,
      "Print each attack's stolen-value account (seeded, converted in, "
      "held, fees, service claims, converted out) and the claims services "
      "still hold (cash-outs at exchanges)");
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print nothing when the ledger is clean");
  cmd->callback([options, exit_code] { *exit_code = RunVerify(*options); });
}

}  // namespace chaintrace::tools
