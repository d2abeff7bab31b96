#ifndef CHAINTRACE_SIM_TRACE_SERVICE_MATCH_H_
#define CHAINTRACE_SIM_TRACE_SERVICE_MATCH_H_

// Matching value that enters a labelled service to the value it pays out:
// bridges (a lock on one chain, a release on another) and swaps (a DEX pool
// takes one asset and pays another on the same chain). Services are known
// only by their labels (LABEL_BRIDGE, LABEL_DEX). A transfer in is an
// output paying a labelled address of the service from a transaction that
// does not debit the service; a transfer out is an output of a transaction
// debiting the service, paying an address outside it.
//
// A transfer out is a candidate for a transfer in when it is made by the
// same service, within `window` after it, and — bridges — on another chain,
// or — swaps — on the same chain in another asset. Values are compared
//   - when both assets have a USD price path, in USD at each transfer's
//     time: out >= in * (1 - max_fee - tolerance), out <= in * (1 +
//     tolerance). The path is the public market price, not the pool's
//     price, which the ledger does not reveal; tolerance absorbs slippage
//     and market moves. (USD is used for this comparison only; amounts
//     stay exact integers.)
//   - otherwise, for bridges, in whole units (the asset is assumed wrapped
//     1:1): in * (1 - max_fee) <= out <= in;
//   - otherwise (swaps without prices) the values are unknown and only
//     address and timing can match.
// Rules, per transfer in (in time order), each transfer matched at most
// once; any ambiguity means no match:
//   1. address (score 1.0): the first candidate paying an address of the
//      same name as the sender (the same key on both chains, or a router
//      paying the swapper back), value compatible or unknown;
//   2. value (0.8): exactly one value-compatible candidate, which in turn
//      has exactly one value-compatible transfer in before it;
//   3. timing (0.5, swaps only, values unknown): exactly one candidate,
//      which has exactly one transfer in before it in the window.
// Sources: Mazorra et al. 2023, "Tracing Cross-chain Transactions between
// EVM-based Blockchains: An Analysis of Ethereum-Polygon Bridges" (a
// deposit matched to a withdrawal by amount minus fee within a time
// window, and by address). Swaps apply the same method to a swap's two
// legs; that is this project's design, as analytics vendors describe
// cross-asset tracing without publishing a method.
//
// Cost: O(n log n) for n transfers; scans stop after `max_scan` entries
// and then count as ambiguous.

#include <cstdint>
#include <span>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"
#include "model/time.h"
#include "sim/trace/output_map.h"

namespace chaintrace::trace {

struct ServiceTransfer {
  ChainId chain = ChainId::kNone;
  OutputId output = OutputId::kNone;
  ServiceId service = ServiceId::kNone;
  // The sender (in) or recipient (out).
  AddressId counterparty = AddressId::kNone;
  Seconds time = 0;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;
};

enum class MatchMethod : std::uint8_t { kAddress, kValue, kTiming };
float MatchScore(MatchMethod m);

struct ServiceMatchOptions {
  LabelKind kind = common::LABEL_BRIDGE;
  Seconds window = 86400;
  Amount max_fee_bp = 200;
  Amount tolerance_bp = 300;
  int max_scan = 64;
};

// Bridges: kind LABEL_BRIDGE, 1 day, fee <= 2 %, tolerance 3 %.
ServiceMatchOptions BridgeMatchOptions();
// Swaps: kind LABEL_DEX, 1 hour, fee <= 1 %, tolerance 10 %.
ServiceMatchOptions SwapMatchOptions();

struct ServiceMatching {
  static constexpr std::uint32_t kNoMatch = 0xFFFFFFFF;
  // Transfers in and out, each in (chain, ledger) order.
  std::vector<ServiceTransfer> ins;
  std::vector<ServiceTransfer> outs;
  // Per transfer in: the matched transfer out, or kNoMatch; and how.
  std::vector<std::uint32_t> out_of_in;
  std::vector<MatchMethod> method_of_in;
};

ServiceMatching MatchServiceTransfers(const Ledger& ledger,
                                      const Labels& labels,
                                      const ServiceMatchOptions& options);

// A transfer into a service: which of several matchings, and which of its
// transfers in (`in` kNoMatch: none).
struct ServiceInRef {
  std::uint8_t matching = 0;
  std::uint32_t in = ServiceMatching::kNoMatch;
};

// Per output that is a transfer into a service in one of `matchings`
// (bridge and swap): which (the later matching's, should both list it).
OutputMap<ServiceInRef> IndexServiceIns(
    std::span<const ServiceMatching> matchings);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_SERVICE_MATCH_H_
