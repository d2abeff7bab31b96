#ifndef CHAINTRACE_MODEL_LEDGER_ENCODE_H_
#define CHAINTRACE_MODEL_LEDGER_ENCODE_H_

// Turns a LedgerFile into chaintrace.ledger Records, one at a time, in the
// canonical order of the binary stream: header; entities; attacks; every
// address (by AddressId); labels (by AddressId); transactions of all chains
// merged by time (ties: lower ChainId first, then TxId); thefts; cash-outs.
// Fields equal to their reader's default (empty type, zero fee, native asset,
// absent truth) are left out, so that encoding is canonical: decode(encode(x))
// == x and encoding twice gives identical bytes.

#include <functional>

#include "model/ledger_file.h"
#include "model/status.h"
#include "proto/ledger.pb.h"

namespace chaintrace {

// Calls `sink` with each record; stops at, and returns, the first error it
// returns. The record passed is reused between calls.
Status ForEachRecord(const LedgerFile& file,
                     const std::function<Status(const ledger::Record&)>& sink);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LEDGER_ENCODE_H_
