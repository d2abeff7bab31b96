#include "sim/trace/haircut_system.h"

#include <Eigen/SparseCore>
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "sim/trace/hop.h"
#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

constexpr std::uint32_t kNoRow = 0xFFFFFFFF;

// The unit lower triangular matrix (I - W) in compressed row storage, built
// one row at a time in order, and its right-hand side.
class TriangularSystem {
 public:
  // Starts the next row; returns its index.
  std::uint32_t BeginRow(double rhs) {
    outer_.push_back(static_cast<std::int32_t>(inner_.size()));
    rhs_.push_back(rhs);
    return static_cast<std::uint32_t>(rhs_.size() - 1);
  }
  // Adds w * x_column to the current row's x (column < row).
  void Add(std::uint32_t column, double w) {
    inner_.push_back(static_cast<std::int32_t>(column));
    values_.push_back(-w);
  }
  std::size_t rows() const { return rhs_.size(); }

  // The solution x of (I - W) x = b.
  Eigen::VectorXd Solve() {
    const auto n = static_cast<Eigen::Index>(rhs_.size());
    outer_.push_back(static_cast<std::int32_t>(inner_.size()));
    const Eigen::Map<
        const Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>>
        matrix(n, n, static_cast<Eigen::Index>(values_.size()), outer_.data(),
               inner_.data(), values_.data());
    Eigen::VectorXd x = Eigen::Map<const Eigen::VectorXd>(rhs_.data(), n);
    matrix.triangularView<Eigen::UnitLower>().solveInPlace(x);
    outer_.pop_back();
    return x;
  }

 private:
  std::vector<std::int32_t> outer_;
  std::vector<std::int32_t> inner_;
  std::vector<double> values_;
  std::vector<double> rhs_;
};

class SystemBuilder {
 public:
  SystemBuilder(const TraceInput& input, ChainId chain,
                const TracerOptions& options)
      : ledger_(*input.ledger),
        s_(ledger_.txs(chain)),
        chain_(chain),
        options_(options),
        stops_(ledger_.address_count(), 0),
        seed_(s_.output_count(), -1.0) {
    if (input.labels != nullptr) {
      for (AddressId a : input.labels->LabelledAddresses()) {
        if (Index(a) < stops_.size() &&
            TaintStopsAt(input.labels->label(a).kind)) {
          stops_[Index(a)] = 1;
          has_stops_ = true;
        }
      }
    }
    for (const Seed& seed : input.seeds) {
      if (seed.chain != chain) continue;
      double& s = seed_[Index(seed.output)];
      s = std::max(s, 0.0) + static_cast<double>(seed.amount);
    }
    for (std::size_t o = 0; o < seed_.size(); ++o) {
      if (seed_[o] >= 0) {
        seed_[o] = std::min(
            seed_[o],
            static_cast<double>(s_.output_amount(IdFromIndex<OutputId>(o))));
      }
    }
  }

  std::vector<float> Build() {
    std::vector<float> score(s_.output_count(), 0.0F);
    if (ledger_.chain(chain_).is_utxo()) {
      BuildUtxo();
    } else {
      BuildAccount();
    }
    const Eigen::VectorXd x = system_.Solve();
    for (std::size_t t = 0; t < s_.tx_count(); ++t) {
      const std::uint32_t row = tx_row_[t];
      if (row == kNoRow) continue;
      for (std::size_t o = s_.output_begins()[t]; o < s_.output_begins()[t + 1];
           ++o) {
        score[o] = HaircutScore(x[row], total_[t]);
      }
    }
    for (std::size_t o = 0; o < seed_.size(); ++o) {
      if (seed_[o] >= 0) {
        score[o] = HaircutScore(
            seed_[o],
            static_cast<double>(s_.output_amount(IdFromIndex<OutputId>(o))));
      }
    }
    return score;
  }

 private:
  bool BeyondLimit(std::int32_t hop_in) const {
    return options_.max_hops > 0 && hop_in + 1 > options_.max_hops;
  }

  // D_t: outputs plus the fee that takes a share of the taint.
  double SlotTotal(std::size_t t, bool fee_shares) const {
    Amount sum = fee_shares ? s_.fees()[t] : 0;
    for (std::size_t o = s_.output_begins()[t]; o < s_.output_begins()[t + 1];
         ++o) {
      sum += s_.output_amounts()[o];
    }
    return static_cast<double>(sum);
  }

  // Per output, what an input spending it brings to its transaction's row:
  // nothing (kNoRow: unreached, or taint stops at its address), a seed
  // amount to the right-hand side (kSeedRow), or value * x_row. Packed so
  // that an input costs one random read.
  struct OutTerm {
    double value = 0;
    std::uint32_t row = kNoRow;
    std::int32_t hop = -1;
  };
  static constexpr std::uint32_t kSeedRow = 0xFFFFFFFE;

  void BuildUtxo() {
    tx_row_.assign(s_.tx_count(), kNoRow);
    total_.assign(s_.tx_count(), 0.0);
    std::vector<OutTerm> term(s_.output_count());
    const auto stops = [&](std::size_t o) {
      return has_stops_ && stops_[Index(s_.output_addresses()[o])] != 0;
    };
    for (std::size_t o = 0; o < seed_.size(); ++o) {
      if (seed_[o] > 0 && !stops(o)) term[o] = {seed_[o], kSeedRow, 0};
    }
    const std::uint32_t* in_begin = s_.input_begins().data();
    const std::uint32_t* out_begin = s_.output_begins().data();
    const OutputId* spent = s_.input_spents().data();
    const Amount* out_amount = s_.output_amounts().data();
    for (std::size_t t = 0; t < s_.tx_count(); ++t) {
      std::int32_t hop_in = -1;
      double rhs = 0;
      debit_terms_.clear();
      for (std::size_t i = in_begin[t]; i < in_begin[t + 1]; ++i) {
        const OutTerm& x = term[Index(spent[i])];
        if (x.row == kNoRow) continue;
        hop_in = NearerHop(hop_in, x.hop);
        if (x.row == kSeedRow) {
          rhs += x.value;
        } else {
          debit_terms_.push_back({x.row, x.value});
        }
      }
      if (hop_in < 0 || BeyondLimit(hop_in)) continue;
      const std::uint32_t row = system_.BeginRow(rhs);
      for (const Term& d : debit_terms_) system_.Add(d.row, d.w);
      tx_row_[t] = row;
      total_[t] = SlotTotal(t, /*fee_shares=*/true);
      for (std::size_t o = out_begin[t]; o < out_begin[t + 1]; ++o) {
        if (seed_[o] >= 0 || stops(o)) continue;
        term[o] = {SlotShare(static_cast<double>(out_amount[o]), total_[t]),
                   row, hop_in + 1};
      }
    }
  }

  // Account chains: unknowns are the taint of each transaction's debits
  // (its row) and the successive taint states of every pool that holds
  // taint. A debit of `take` from a pool of balance A and state P carries
  // (take / A) P and leaves ((A - take) / A) P; a credit of a to a pool adds
  // (a / D_t) x_t, or its seed.
  void BuildAccount() {
    tx_row_.assign(s_.tx_count(), kNoRow);
    total_.assign(s_.tx_count(), 0.0);
    const AssetId native = ledger_.chain(chain_).native_asset;
    std::vector<std::uint32_t> local(ledger_.asset_count(), 0);
    std::size_t assets = 0;
    for (std::size_t a = 0; a < ledger_.asset_count(); ++a) {
      if (ledger_.asset(IdFromIndex<AssetId>(a)).chain == chain_) {
        local[a] = static_cast<std::uint32_t>(assets++);
      }
    }
    const std::size_t pools = ledger_.address_count() * assets;
    balance_.assign(pools, 0);
    state_.assign(pools, kNoRow);
    pool_hop_.assign(pools, -1);
    std::vector<std::int32_t> out_hop(s_.output_count(), -1);
    const auto pool_of = [&](AddressId address, AssetId asset) {
      return Index(address) * assets + local[Index(asset)];
    };
    for (std::size_t t = 0; t < s_.tx_count(); ++t) {
      const AssetId asset = s_.asset(IdFromIndex<TxId>(t));
      const std::size_t ib = s_.input_begins()[t];
      const std::size_t ie = s_.input_begins()[t + 1];
      std::int32_t hop_in = -1;
      for (std::size_t i = ib; i < ie; ++i) {
        const std::size_t p = pool_of(s_.input_addresses()[i], asset);
        if (state_[p] != kNoRow && balance_[p] > 0) {
          hop_in = NearerHop(hop_in, pool_hop_[p]);
        }
      }
      const bool reached = hop_in >= 0 && !BeyondLimit(hop_in);
      // The debits: their taint (for the transaction's row) is read from
      // the pool states before the debits update them.
      debit_terms_.clear();
      for (std::size_t i = ib; i < ie; ++i) {
        Debit(pool_of(s_.input_addresses()[i], asset), s_.input_amounts()[i],
              &debit_terms_);
      }
      if (asset != native && ie > ib) {
        Debit(pool_of(s_.input_addresses()[ib], native), s_.fees()[t], nullptr);
      }
      if (reached) {
        tx_row_[t] = system_.BeginRow(0.0);
        for (const Term& term : debit_terms_) system_.Add(term.row, term.w);
        total_[t] = SlotTotal(t, /*fee_shares=*/asset == native);
      }
      for (std::size_t o = s_.output_begins()[t]; o < s_.output_begins()[t + 1];
           ++o) {
        const std::size_t p = pool_of(s_.output_addresses()[o], asset);
        const Amount a = s_.output_amounts()[o];
        const bool seeded = seed_[o] >= 0;
        if (seeded && seed_[o] > 0) out_hop[o] = 0;
        if (!seeded && reached) out_hop[o] = hop_in + 1;
        const bool tainted = (seeded && seed_[o] > 0) || (!seeded && reached);
        if (tainted && stops_[Index(s_.output_addresses()[o])] == 0) {
          const std::uint32_t row = system_.BeginRow(seeded ? seed_[o] : 0.0);
          if (state_[p] != kNoRow) system_.Add(state_[p], 1.0);
          if (!seeded) {
            system_.Add(tx_row_[t],
                        SlotShare(static_cast<double>(a), total_[t]));
          }
          state_[p] = row;
          pool_hop_[p] = NearerHop(pool_hop_[p], out_hop[o]);
        }
        balance_[p] += a;
      }
    }
  }

  struct Term {
    std::uint32_t row;
    double w;
  };

  // Takes `amount` out of pool p: appends the debit's share of the pool's
  // state to `terms` (when given) and moves the pool to its next state.
  void Debit(std::size_t p, Amount amount, std::vector<Term>* terms) {
    const Amount take = std::min(amount, std::max<Amount>(balance_[p], 0));
    if (take <= 0) return;
    if (state_[p] != kNoRow) {
      const auto balance = static_cast<double>(balance_[p]);
      if (terms != nullptr) {
        terms->push_back({state_[p], static_cast<double>(take) / balance});
      }
      if (take == balance_[p]) {
        state_[p] = kNoRow;
        pool_hop_[p] = -1;
      } else {
        const std::uint32_t row = system_.BeginRow(0.0);
        system_.Add(state_[p],
                    static_cast<double>(balance_[p] - take) / balance);
        state_[p] = row;
      }
    }
    balance_[p] -= take;
  }

  const Ledger& ledger_;
  const TxStore& s_;
  ChainId chain_;
  TracerOptions options_;
  std::vector<std::uint8_t> stops_;
  bool has_stops_ = false;
  std::vector<double> seed_;  // per output; < 0: not a seed
  std::vector<std::uint32_t> tx_row_;
  std::vector<double> total_;  // D_t per transaction
  std::vector<Amount> balance_;
  std::vector<std::uint32_t> state_;
  std::vector<std::int32_t> pool_hop_;
  std::vector<Term> debit_terms_;
  TriangularSystem system_;
};

}  // namespace

std::vector<float> HaircutFractions(const TraceInput& input, ChainId chain,
                                    const TracerOptions& options) {
  return SystemBuilder(input, chain, options).Build();
}

}  // namespace chaintrace::trace
