#include "model/conservation.h"

#include <optional>
#include <string>

#include "model/amount.h"

namespace chaintrace {

Status CheckTxConservation(const Ledger& ledger, ChainId chain, TxId tx) {
  const TxStore& s = ledger.txs(chain);
  if (s.coinbase(tx)) return Status::Ok();
  const auto error = [&](const std::string& what) {
    return Status::Error("chain '" + ledger.chain(chain).name +
                         "' transaction '" + std::string(s.txid(tx)) +
                         "': value not conserved: " + what);
  };
  std::optional<Amount> in = 0;
  for (InputId i : s.inputs(tx)) {
    in = CheckedAdd(*in, s.input_amount(i));
    if (!in) return error("sum of inputs overflows int64");
  }
  std::optional<Amount> out = 0;
  for (OutputId o : s.outputs(tx)) {
    out = CheckedAdd(*out, s.output_amount(o));
    if (!out) return error("sum of outputs overflows int64");
  }
  const bool fee_in_asset = ledger.chain(chain).is_utxo() ||
                            s.asset(tx) == ledger.chain(chain).native_asset;
  if (fee_in_asset) {
    const auto spent = CheckedAdd(*out, s.fee(tx));
    if (!spent) return error("outputs + fee overflow int64");
    if (*in != *spent) {
      return error("inputs " + std::to_string(*in) + " != outputs " +
                   std::to_string(*out) + " + fee " +
                   std::to_string(s.fee(tx)));
    }
  } else if (*in != *out) {
    return error("token inputs " + std::to_string(*in) + " != outputs " +
                 std::to_string(*out));
  }
  return Status::Ok();
}

Status CheckConservation(const Ledger& ledger) {
  for (ChainId c : ledger.chain_ids()) {
    for (TxId t : ledger.txs(c).txs()) {
      if (Status st = CheckTxConservation(ledger, c, t); !st.ok()) return st;
    }
  }
  return Status::Ok();
}

}  // namespace chaintrace
