#ifndef CHAINTRACE_SIM_TRACE_MIXER_POOLS_H_
#define CHAINTRACE_SIM_TRACE_MIXER_POOLS_H_

// Fixed-denomination mixing pools on ACCOUNT chains (Tornado Cash style) and
// their deposits and withdrawals, as the demixer (sim/trace/demix.h) reads
// them. A pool is an ACCOUNT-chain address that either
//   - carries a LABEL_MIXER label (its group is its service, so the pools
//     of one mixer — one per denomination — form one group), or
//   - matches the ledger pattern of a fixed-denomination pool: at least
//     `min_pattern_deposits` credits from other addresses, all of one asset
//     and one amount d, and at least as many debits, each paying out in
//     total d or less but at least d minus the relayer fee allowance (its
//     group is the address itself).
// A deposit is a credit to a pool by a transaction that does not debit it;
// the depositor is the transaction's first debited address. A withdrawal is
// a transaction debiting a pool; its recipient is its largest output to
// another address (the relayer's cut is the smaller one), its amount the
// sum of those outputs. Sources: Wu et al. 2022, "Tutela: An Open-Source
// Tool for Assessing User-Privacy on Ethereum and Tornado Cash"; Béres et
// al. 2021, "Blockchain is Watching You: Profiling and Deanonymizing
// Ethereum Users" (both define pools, deposits and withdrawals this way).
// O(inputs + outputs + addresses).

#include <cstdint>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/address_activity.h"
#include "sim/trace/output_map.h"

namespace chaintrace::trace {

struct MixerPoolOptions {
  int min_pattern_deposits = 5;
  // Largest relayer fee, in basis points of the deposit.
  Amount max_fee_bp = 100;
};

struct MixerDeposit {
  ChainId chain = ChainId::kNone;
  OutputId output = OutputId::kNone;  // the credit to the pool
  AddressId pool = AddressId::kNone;
  AddressId depositor = AddressId::kNone;
  Seconds time = 0;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;
  Amount fee = 0;  // of the deposit transaction
};

struct MixerWithdrawal {
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  OutputId recipient_output = OutputId::kNone;
  AddressId pool = AddressId::kNone;
  AddressId recipient = AddressId::kNone;
  Seconds time = 0;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;  // paid out in total
  Amount fee = 0;     // of the withdrawal transaction
};

struct MixerPools {
  // Per AddressId: 1 for a pool.
  std::vector<std::uint8_t> is_pool;
  // Per AddressId: the pool's group (service index, or 2^32 + address
  // index for an unlabelled pool); meaningful for pools only.
  std::vector<std::uint64_t> group;
  // In ledger order per chain, chains in id order.
  std::vector<MixerDeposit> deposits;
  std::vector<MixerWithdrawal> withdrawals;
};

// Pools are found on ACCOUNT chains only, and `activity` is read for their
// addresses only (ActivityScope::kAccountChains suffices).
MixerPools FindMixerPools(const Ledger& ledger, const Labels& labels,
                          const AddressActivity& activity,
                          const MixerPoolOptions& options);

// Per output that is one of `pools`' deposits: its index in pools.deposits
// (the last, should an output be listed twice).
OutputMap<std::uint32_t> IndexDeposits(const MixerPools& pools);

// Whether a withdrawal of `paid` can pay out a deposit of `deposited`:
// deposited - fee allowance <= paid <= deposited.
bool PaysOut(Amount deposited, Amount paid, Amount max_fee_bp);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_MIXER_POOLS_H_
