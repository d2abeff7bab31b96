#include "sim/trace/taint_walk.h"

#include <algorithm>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

#include "model/huge_pages.h"
#include "sim/trace/apportion.h"
#include "sim/trace/attribution.h"
#include "sim/trace/haircut_exact.h"
#include "sim/trace/hop.h"
#include "sim/trace/prefetch.h"
#include "sim/trace/taint_pools.h"

namespace chaintrace::trace {
namespace {

struct ModelRules {
  SplitRule split;
  PoolRule pool;
  // UTXO: consume a transaction's inputs last to first.
  bool reverse_inputs;
};

ModelRules RulesOf(TaintModel model) {
  switch (model) {
    case TaintModel::kPoison:
      return {SplitRule::kPoison, PoolRule::kPoison, false};
    case TaintModel::kHaircut:
      return {SplitRule::kProRata, PoolRule::kProRata, false};
    case TaintModel::kFifo:
      return {SplitRule::kInOrder, PoolRule::kOldestFirst, false};
    case TaintModel::kLifo:
      return {SplitRule::kInOrder, PoolRule::kNewestFirst, true};
    case TaintModel::kTiho:
      return {SplitRule::kTaintHighestOut, PoolRule::kTaintFirst, false};
    case TaintModel::kSeniority:
      return {SplitRule::kTaintFirst, PoolRule::kTaintFirst, false};
  }
  return {SplitRule::kProRata, PoolRule::kProRata, false};
}

// Inputs ahead whose spent outputs' taint is prefetched: spends are
// scattered over the whole ledger, so the walk waits on memory otherwise.
constexpr std::size_t kPrefetch = 16;
// Likewise on account chains, transactions ahead whose pools are prefetched.
constexpr std::size_t kPrefetchTxs = 8;

Amount TaintOf(std::span<const Lot> lots) {
  Amount taint = 0;
  for (const Lot& lot : lots) taint += lot.taint;
  return taint;
}

// A seed as the walk applies it: per output, the seeds' sum capped at the
// output's amount.
struct SeedAt {
  OutputId output = OutputId::kNone;
  Amount amount = 0;
};

std::vector<SeedAt> SeedsOfChain(const Ledger& ledger, ChainId chain,
                                 std::span<const Seed> seeds) {
  std::vector<SeedAt> out;
  for (const Seed& seed : seeds) {
    if (seed.chain == chain) out.push_back({seed.output, seed.amount});
  }
  std::sort(out.begin(), out.end(), [](const SeedAt& a, const SeedAt& b) {
    return a.output < b.output;
  });
  std::vector<SeedAt> merged;
  for (const SeedAt& s : out) {
    if (!merged.empty() && merged.back().output == s.output) {
      merged.back().amount += s.amount;
    } else {
      merged.push_back(s);
    }
  }
  const TxStore& store = ledger.txs(chain);
  for (SeedAt& s : merged) {
    s.amount = std::min(s.amount, store.output_amount(s.output));
  }
  return merged;
}

class TaintWalk {
 public:
  TaintWalk(TaintModel model, const TracerOptions& options,
            const TraceInput& input)
      : rules_(RulesOf(model)),
        exact_(model == TaintModel::kHaircut),
        options_(options),
        ledger_(*input.ledger),
        labels_(input.labels) {
    stops_.assign(ledger_.address_count(), 0);
    if (labels_ != nullptr) {
      for (AddressId a : labels_->LabelledAddresses()) {
        if (Index(a) < stops_.size() && TaintStopsAt(labels_->label(a).kind)) {
          stops_[Index(a)] = 1;
          has_stops_ = true;
        }
      }
    }
  }

  // `out` comes from MakeEmptyResult: its output_taint is sized and 0.
  void Run(ChainId chain, std::span<const SeedAt> seeds, ChainTrace* out) {
    const TxStore& s = ledger_.txs(chain);
    AssignHuge<std::int32_t>(&out->output_hop, s.output_count(), -1);
    AssignHuge<Amount>(&out->input_taint, s.input_count(), 0);
    AssignHuge<Amount>(&out->fee_taint, s.tx_count(), 0);
    out->output_score.clear();
    if (ledger_.chain(chain).is_utxo()) {
      RunUtxo(s, seeds, out);
    } else {
      RunAccount(chain, s, seeds, out);
    }
  }

 private:
  bool BeyondLimit(std::int32_t hop_in) const {
    return options_.max_hops > 0 && hop_in + 1 > options_.max_hops;
  }

  // Apportions lots_, whose taint is `taint`, over the outputs [begin, end)
  // of a transaction whose nearest tainted input is `hop_in` hops from a
  // seed; returns the fee's taint. A pro-rata split needs only `taint`, so
  // the UTXO walk builds no lots for it.
  Amount Spread(const TxStore& s, std::size_t begin, std::size_t end,
                Amount fee, Amount taint, std::int32_t hop_in,
                ChainTrace* out) {
    const std::span<const Amount> amounts =
        s.output_amounts().subspan(begin, end - begin);
    const std::span<Amount> taints =
        std::span<Amount>(out->output_taint).subspan(begin, end - begin);
    const Amount fee_taint =
        rules_.split == SplitRule::kProRata
            ? apportioner_.ProRata(taint, amounts, fee, taints)
            : apportioner_.Apportion(rules_.split, lots_, amounts, fee, taints);
    for (std::size_t o = begin; o < end; ++o) {
      if (out->output_taint[o] > 0) out->output_hop[o] = hop_in + 1;
    }
    return options_.drop_fee_taint ? 0 : fee_taint;
  }

  // Applies the seeds of the outputs before `end` (to `exact` too, when
  // given).
  void ApplySeeds(const TxStore& s, std::span<const SeedAt> seeds,
                  std::size_t* next, std::size_t end, ChainTrace* out,
                  ExactHaircutUtxo* exact) const {
    while (*next < seeds.size() && Index(seeds[*next].output) < end) {
      const std::size_t o = Index(seeds[*next].output);
      out->output_taint[o] = seeds[*next].amount;
      out->output_hop[o] = seeds[*next].amount > 0 ? 0 : -1;
      if (exact != nullptr) {
        exact->Seed(o, seeds[*next].amount, s.output_amounts()[o],
                    has_stops_ && stops_[Index(s.output_addresses()[o])] != 0);
      }
      ++*next;
    }
  }

  void RunUtxo(const TxStore& s, std::span<const SeedAt> seeds,
               ChainTrace* out) {
    if (exact_) {
      ExactHaircutUtxo exact(s.output_count(), options_.max_hops);
      WalkUtxo<true>(s, seeds, &exact, out);
      out->output_score = exact.TakeScores();
    } else {
      WalkUtxo<false>(s, seeds, nullptr, out);
    }
  }

  // The UTXO walk; kExact: solve the exact fractions in `exact` too. Two
  // instantiations, so that the common loop keeps its state in registers
  // and tests nothing per input for the exact side it does not have.
  template <bool kExact>
  void WalkUtxo(const TxStore& s, std::span<const SeedAt> seeds,
                ExactHaircutUtxo* exact, ChainTrace* out) {
    const std::uint32_t* in_begin = s.input_begins().data();
    const std::uint32_t* out_begin = s.output_begins().data();
    const OutputId* spent = s.input_spents().data();
    const Amount* in_amount = s.input_amounts().data();
    const AddressId* out_address = s.output_addresses().data();
    const Amount* out_amount = s.output_amounts().data();
    const Amount* fees = s.fees().data();
    Amount* taint_of = out->output_taint.data();
    std::int32_t* hop_of = out->output_hop.data();
    Amount* input_taint = out->input_taint.data();
    Amount* fee_taint = out->fee_taint.data();
    const bool poison = rules_.split == SplitRule::kPoison;
    const bool has_stops = has_stops_;
    const std::uint8_t* stops = stops_.data();
    const std::size_t inputs = s.input_count();
    std::vector<std::uint8_t> out_stop;  // per output of a transaction
    std::size_t next_seed = 0;
    for (std::size_t t = 0; t < s.tx_count(); ++t) {
      const std::size_t ib = in_begin[t];
      const std::size_t ie = in_begin[t + 1];
      Amount taint = 0;
      Amount value = 0;
      std::int32_t hop_in = -1;
      for (std::size_t i = ib; i < ie; ++i) {
        if (i + kPrefetch < inputs) {
          const std::size_t ahead = Index(spent[i + kPrefetch]);
          PrefetchLine(taint_of + ahead);
          PrefetchLine(hop_of + ahead);
          if constexpr (kExact) exact->Prefetch(ahead);
        }
        const std::size_t o = Index(spent[i]);
        if constexpr (kExact) exact->Spend(o);
        const Amount tau = taint_of[o];
        value += in_amount[i];
        if (tau == 0 || (has_stops && stops[Index(out_address[o])] != 0)) {
          continue;
        }
        input_taint[i] = tau;
        taint += tau;
        hop_in = NearerHop(hop_in, hop_of[o]);
      }
      const std::size_t ob = out_begin[t];
      const std::size_t oe = out_begin[t + 1];
      if (taint > 0 && BeyondLimit(hop_in)) {
        for (std::size_t i = ib; i < ie; ++i) input_taint[i] = 0;
      } else if (taint > 0) {
        Amount paid = fees[t];
        if (!poison) {
          for (std::size_t o = ob; o < oe; ++o) paid += out_amount[o];
        }
        if (poison || (taint == value && value == paid)) {
          // Wholly tainted (or poison): every rule taints everything.
          for (std::size_t o = ob; o < oe; ++o) {
            taint_of[o] = out_amount[o];
            hop_of[o] = hop_in + 1;
          }
          fee_taint[t] = options_.drop_fee_taint ? 0 : fees[t];
        } else {
          if (rules_.split != SplitRule::kProRata) {
            lots_.clear();
            for (std::size_t i = ib; i < ie; ++i) {
              lots_.push_back(Lot{in_amount[i], input_taint[i]});
            }
            if (rules_.reverse_inputs) {
              std::reverse(lots_.begin(), lots_.end());
            }
          }
          fee_taint[t] = Spread(s, ob, oe, fees[t], taint, hop_in, out);
        }
      }
      if constexpr (kExact) {
        out_stop.clear();
        if (has_stops) {
          for (std::size_t o = ob; o < oe; ++o) {
            out_stop.push_back(stops[Index(out_address[o])]);
          }
        }
        exact->EndTx(ob, s.output_amounts().subspan(ob, oe - ob), fees[t],
                     out_stop);
      }
      ApplySeeds(s, seeds, &next_seed, oe, out, exact);
    }
  }

  void RunAccount(ChainId chain, const TxStore& s,
                  std::span<const SeedAt> seeds, ChainTrace* out) {
    // One pool per (address, asset of this chain).
    std::vector<std::uint32_t> local(ledger_.asset_count(), 0);
    std::size_t assets = 0;
    for (std::size_t a = 0; a < ledger_.asset_count(); ++a) {
      if (ledger_.asset(IdFromIndex<AssetId>(a)).chain == chain) {
        local[a] = static_cast<std::uint32_t>(assets++);
      }
    }
    const std::size_t pools = ledger_.address_count() * assets;
    if (exact_) {
      HaircutAccountPools haircut(pools, s.output_count(), options_.max_hops);
      WalkAccount(chain, s, seeds, local, assets, &haircut, out);
      out->output_score = haircut.TakeScores();
    } else {
      PlainPools plain{TaintPools(rules_.pool, pools)};
      WalkAccount(chain, s, seeds, local, assets, &plain, out);
    }
  }

  // TaintPools under the interface WalkAccount uses, for the models that
  // solve no exact fractions.
  struct PlainPools {
    TaintPools pools;
    void Prefetch(std::size_t pool) const { pools.Prefetch(pool); }
    void PrefetchEnds(std::size_t pool) const { pools.PrefetchEnds(pool); }
    void Reach(std::size_t /*pool*/) {}
    std::int32_t Debit(std::size_t pool, Amount amount, bool /*counts*/,
                       std::vector<Lot>* taken) {
      return pools.Debit(pool, amount, taken);
    }
    void EndDebits(Amount /*total*/) {}
    void Credit(std::size_t /*output*/, std::size_t pool, Lot lot,
                std::int32_t hop, Amount /*seed*/, bool /*stop*/) {
      pools.Credit(pool, lot, hop);
    }
  };

  // The account walk over `pools`: PlainPools, or HaircutAccountPools,
  // which keeps the integer pools and solves the exact fractions in one
  // record per pool.
  template <typename Pools>
  void WalkAccount(ChainId chain, const TxStore& s,
                   std::span<const SeedAt> seeds,
                   std::span<const std::uint32_t> local, std::size_t assets,
                   Pools* pools, ChainTrace* out) {
    constexpr bool kExact = !std::is_same_v<Pools, PlainPools>;
    const bool ordered = rules_.pool == PoolRule::kOldestFirst ||
                         rules_.pool == PoolRule::kNewestFirst;
    const AssetId native = ledger_.chain(chain).native_asset;
    const auto pool_of = [&](AddressId address, AssetId asset) {
      return Index(address) * assets + local[Index(asset)];
    };
    std::size_t exact_seed = 0;  // seeds[exact_seed] is the next to credit

    const std::span<const std::uint32_t> in_begin = s.input_begins();
    const std::span<const std::uint32_t> out_begin = s.output_begins();
    const std::span<const AddressId> in_address = s.input_addresses();
    const std::span<const Amount> in_amount = s.input_amounts();
    const std::span<const AddressId> out_address = s.output_addresses();
    const std::span<const Amount> out_amount = s.output_amounts();
    std::size_t next_seed = 0;
    // Pools are scattered over the address table: load those of the
    // transaction kPrefetchTxs ahead while this one is walked.
    // Calls f(pool) for each pool transaction t debits or credits.
    const auto for_each_pool = [&](std::size_t t, auto&& f) {
      const AssetId asset = s.asset(IdFromIndex<TxId>(t));
      for (std::size_t i = in_begin[t]; i < in_begin[t + 1]; ++i) {
        f(pool_of(in_address[i], asset));
      }
      for (std::size_t o = out_begin[t]; o < out_begin[t + 1]; ++o) {
        f(pool_of(out_address[o], asset));
      }
    };
    const auto prefetch = [&](std::size_t t) {
      for_each_pool(t, [&](std::size_t pool) { pools->Prefetch(pool); });
    };
    // Then, half way, the lots the ordered rules will take or merge into
    // (the pools' ends have arrived by then).
    const auto prefetch_ends = [&](std::size_t t) {
      if constexpr (!kExact) {
        for_each_pool(t, [&](std::size_t pool) { pools->PrefetchEnds(pool); });
      }
    };
    for (std::size_t t = 0; t < s.tx_count(); ++t) {
      if (t + kPrefetchTxs < s.tx_count()) prefetch(t + kPrefetchTxs);
      if (ordered && t + kPrefetchTxs / 2 < s.tx_count()) {
        prefetch_ends(t + kPrefetchTxs / 2);
      }
      const TxId tx = IdFromIndex<TxId>(t);
      const AssetId asset = s.asset(tx);
      const std::size_t ib = in_begin[t];
      const std::size_t ie = in_begin[t + 1];
      lots_.clear();
      Amount taint = 0;
      std::int32_t hop_in = -1;
      for (std::size_t i = ib; i < ie; ++i) {
        pools->Reach(pool_of(in_address[i], asset));
      }
      for (std::size_t i = ib; i < ie; ++i) {
        const std::size_t first = lots_.size();
        const std::int32_t hop = pools->Debit(pool_of(in_address[i], asset),
                                              in_amount[i], true, &lots_);
        const Amount tau = TaintOf(std::span<const Lot>(lots_).subspan(first));
        out->input_taint[i] = tau;
        taint += tau;
        hop_in = NearerHop(hop_in, hop);
      }
      Amount fee_taint = 0;
      Amount split_fee = s.fees()[t];
      if (asset != native) {
        split_fee = 0;
        if (ie > ib && s.fees()[t] > 0) {
          fee_lots_.clear();
          pools->Debit(pool_of(in_address[ib], native), s.fees()[t], false,
                       &fee_lots_);
          fee_taint = options_.drop_fee_taint ? 0 : TaintOf(fee_lots_);
        }
      }
      if constexpr (kExact) {
        Amount total = split_fee;
        for (std::size_t o = out_begin[t]; o < out_begin[t + 1]; ++o) {
          total += out_amount[o];
        }
        pools->EndDebits(total);
      }
      if (taint > 0 && BeyondLimit(hop_in)) {
        for (std::size_t i = ib; i < ie; ++i) out->input_taint[i] = 0;
        taint = 0;
      }
      if (taint > 0) {
        fee_taint += Spread(s, out_begin[t], out_begin[t + 1], split_fee, taint,
                            hop_in, out);
      }
      out->fee_taint[t] = fee_taint;
      ApplySeeds(s, seeds, &next_seed, out_begin[t + 1], out, nullptr);
      for (std::size_t o = out_begin[t]; o < out_begin[t + 1]; ++o) {
        const AddressId address = out_address[o];
        const bool stop = stops_[Index(address)] != 0;
        Amount seed = -1;
        if constexpr (kExact) {
          if (exact_seed < seeds.size() &&
              Index(seeds[exact_seed].output) == o) {
            seed = seeds[exact_seed++].amount;
          }
        }
        pools->Credit(o, pool_of(address, asset),
                      Lot{out_amount[o], stop ? 0 : out->output_taint[o]},
                      out->output_hop[o], seed, stop);
      }
    }
  }

  ModelRules rules_;
  // Haircut: solve the exact real-valued fractions too (output_score).
  bool exact_;
  TracerOptions options_;
  const Ledger& ledger_;
  const Labels* labels_;
  std::vector<std::uint8_t> stops_;  // per AddressId
  bool has_stops_ = false;
  std::vector<Lot> lots_;
  std::vector<Lot> fee_lots_;
  Apportioner apportioner_;
};

}  // namespace

bool TaintStopsAt(LabelKind kind) {
  return kind == common::LABEL_EXCHANGE_DEPOSIT ||
         kind == common::LABEL_EXCHANGE_WALLET || kind == common::LABEL_OTC;
}

Result<TraceResult> TraceTaint(TaintModel model, const TracerOptions& options,
                               const TraceInput& input) {
  if (input.ledger == nullptr) return Status::Error("no ledger to trace");
  const Ledger& ledger = *input.ledger;
  if (Status st = CheckSeeds(ledger, input.seeds); !st.ok()) return st;
  TraceResult result = MakeEmptyResult(ledger);
  TaintWalk walk(model, options, input);
  for (ChainId c : ledger.chain_ids()) {
    walk.Run(c, SeedsOfChain(ledger, c, input.seeds), &result.chains[Index(c)]);
  }
  FlagAndAttribute(ledger, input.labels, &result);
  return result;
}

}  // namespace chaintrace::trace
