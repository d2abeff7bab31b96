#ifndef CHAINTRACE_MODEL_LEDGER_DECODE_H_
#define CHAINTRACE_MODEL_LEDGER_DECODE_H_

// Builds a LedgerFile from chaintrace.ledger messages fed one at a time, in
// the order of the binary stream (proto/ledger.proto): the header first;
// entities and attacks before the addresses and transactions whose truth
// names them; an address before the transactions that name it (unless
// auto_create_addresses, the text form's rule); a transaction after those
// whose outputs it spends; thefts and cash-outs after their transactions;
// a label after its address.
// Memory stays proportional to the model, never to a whole message.
//
// Each method returns an error without location ("chain 'btc' transaction
// 'tx7': input 1: double spend: ..."); the caller, who knows where the
// message came from, prefixes the location. Ground-truth references (owner,
// attack, exchange) must name declared entities and attacks.

#include <vector>

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "model/ledger_file.h"
#include "model/status.h"
#include "proto/ledger.pb.h"

namespace chaintrace {

struct DecodeOptions {
  // Create addresses that a transaction names but no Address declared, on
  // the transaction's chain with an empty type (the text form's rule).
  bool auto_create_addresses = false;
  // Check value conservation of each transaction as it is added.
  bool check_conservation = true;
  // ReadOptions::lenient (model/ledger_io.h).
  bool lenient = false;
};

class LedgerDecoder {
 public:
  explicit LedgerDecoder(DecodeOptions options) : options_(options) {}

  bool has_header() const { return has_header_; }

  // Errors: unknown format or version, bad calendar start, bad chain or
  // asset declarations, native asset not declared on its chain.
  Status AddHeader(const ledger::Header& header);
  Status AddEntity(const ledger::Entity& entity);
  Status AddAttack(const ledger::Attack& attack);
  Status AddAddress(const ledger::Address& address);
  // `site` (optional) is set to the part of the transaction at fault.
  Status AddTransaction(const ledger::Transaction& tx, TxErrorSite* site);
  Status AddTheft(const ledger::Theft& theft);
  Status AddCashOut(const ledger::CashOut& cash_out);
  // Errors: unknown chain or address (created when auto_create_addresses),
  // no kind or service, a second different label for the address.
  Status AddLabel(const ledger::Label& label);

  // The file read. Truth is present when any entity, attack, cash-out or
  // truth field was seen. Precondition: called once.
  LedgerFile Finish();

 private:
  Status RequireHeader() const;
  // The address `name` on `chain`, created if allowed; kNone if unknown.
  AddressId ResolveAddress(ChainId chain, const std::string& name);
  // The output `index` of transaction `txid` on `chain`, or an error.
  Result<OutputId> ResolveOutput(ChainId chain, const std::string& txid,
                                 std::uint32_t index) const;

  DecodeOptions options_;
  bool has_header_ = false;
  bool saw_truth_ = false;
  LedgerFile file_;
  GroundTruth truth_;
  std::vector<InputSpec> inputs_;
  std::vector<OutputSpec> outputs_;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LEDGER_DECODE_H_
