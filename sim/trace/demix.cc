#include "sim/trace/demix.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace chaintrace::trace {
namespace {

using Index32 = std::uint32_t;

// A depositor's deposits or a recipient's withdrawals within one mixer,
// sorted by (pool, ledger order).
struct Bucket {
  std::vector<Index32> items;
};

class Demixer {
 public:
  Demixer(const DemixOptions& options, Demixing* out)
      : options_(options), out_(*out), pools_(out->pools) {}

  void Run() {
    const auto nd = static_cast<Index32>(pools_.deposits.size());
    const auto nw = static_cast<Index32>(pools_.withdrawals.size());
    out_.link_of_deposit.assign(nd, Demixing::kNoLink);
    out_.link_of_withdrawal.assign(nw, Demixing::kNoLink);
    for (Index32 i = 0; i < nd; ++i) deposits_by_pool_.push_back(i);
    for (Index32 i = 0; i < nw; ++i) withdrawals_by_pool_.push_back(i);
    SortBy(deposits_by_pool_, [&](Index32 i) { return Key(D(i).pool, 0); });
    SortBy(withdrawals_by_pool_, [&](Index32 i) { return Key(W(i).pool, 0); });
    by_recipient_ = withdrawals_by_pool_;
    SortBy(by_recipient_,
           [&](Index32 i) { return Key(W(i).pool, Signed(W(i).recipient)); });
    withdrawals_by_fee_ = withdrawals_by_pool_;
    SortBy(withdrawals_by_fee_,
           [&](Index32 i) { return Key(W(i).pool, W(i).fee); });
    deposits_by_fee_ = deposits_by_pool_;
    SortBy(deposits_by_fee_,
           [&](Index32 i) { return Key(D(i).pool, D(i).fee); });

    for (Index32 d = 0; d < nd; ++d) AddressMatch(d);
    MultiDenomination();
    for (Index32 d = 0; d < nd; ++d) FeeFingerprint(d);
    for (Index32 d = 0; d < nd; ++d) AmountTiming(d);
  }

 private:
  using SortKey = std::tuple<std::size_t, std::int64_t>;
  static std::int64_t Signed(AddressId a) {
    return static_cast<std::int64_t>(Index(a));
  }
  static SortKey Key(AddressId pool, std::int64_t second) {
    return {Index(pool), second};
  }
  // Stable sort of `v` by key(i), ties in index (= ledger) order.
  template <typename KeyFn>
  static void SortBy(std::vector<Index32>& v, KeyFn key) {
    std::stable_sort(v.begin(), v.end(),
                     [&](Index32 a, Index32 b) { return key(a) < key(b); });
  }
  // The sub-range of `v` (sorted by key) whose key equals `k`.
  template <typename KeyFn>
  static std::pair<std::size_t, std::size_t> Range(
      const std::vector<Index32>& v, KeyFn key, const SortKey& k) {
    const auto lo = std::partition_point(v.begin(), v.end(),
                                         [&](Index32 i) { return key(i) < k; });
    const auto hi = std::partition_point(
        lo, v.end(), [&](Index32 i) { return !(k < key(i)); });
    return {static_cast<std::size_t>(lo - v.begin()),
            static_cast<std::size_t>(hi - v.begin())};
  }

  const MixerDeposit& D(Index32 i) const { return pools_.deposits[i]; }
  const MixerWithdrawal& W(Index32 i) const { return pools_.withdrawals[i]; }
  bool FreeD(Index32 d) const {
    return out_.link_of_deposit[d] == Demixing::kNoLink;
  }
  bool FreeW(Index32 w) const {
    return out_.link_of_withdrawal[w] == Demixing::kNoLink;
  }
  bool Compatible(Index32 di, Index32 wi) const {
    const MixerDeposit& d = D(di);
    const MixerWithdrawal& w = W(wi);
    return d.pool == w.pool && d.asset == w.asset && w.time > d.time &&
           w.time - d.time <= options_.window &&
           PaysOut(d.amount, w.amount, options_.pools.max_fee_bp);
  }
  void Link(Index32 d, Index32 w, DemixMethod m) {
    const auto id = static_cast<Index32>(out_.links.size());
    out_.links.push_back(DemixLink{d, w, m});
    out_.link_of_deposit[d] = id;
    out_.link_of_withdrawal[w] = id;
  }

  void AddressMatch(Index32 d) {
    const auto key = [&](Index32 i) {
      return Key(W(i).pool, Signed(W(i).recipient));
    };
    const auto [lo, hi] =
        Range(by_recipient_, key, Key(D(d).pool, Signed(D(d).depositor)));
    const std::size_t end = std::min(hi, lo + Scan());
    for (std::size_t k = lo; k < end; ++k) {
      const Index32 w = by_recipient_[k];
      if (FreeW(w) && Compatible(d, w)) {
        Link(d, w, DemixMethod::kAddressMatch);
        return;
      }
    }
  }

  void FeeFingerprint(Index32 d) {
    if (!FreeD(d) || D(d).fee <= 0) return;
    const SortKey k = Key(D(d).pool, D(d).fee);
    const auto [wlo, whi] = Range(
        withdrawals_by_fee_,
        [&](Index32 i) { return Key(W(i).pool, W(i).fee); }, k);
    const auto [dlo, dhi] = Range(
        deposits_by_fee_, [&](Index32 i) { return Key(D(i).pool, D(i).fee); },
        k);
    if (whi - wlo != 1 || dhi - dlo != 1) return;
    const Index32 w = withdrawals_by_fee_[wlo];
    if (FreeW(w) && Compatible(d, w)) Link(d, w, DemixMethod::kFeeFingerprint);
  }

  void AmountTiming(Index32 d) {
    if (!FreeD(d)) return;
    const Index32 w = Unique(
        withdrawals_by_pool_, [&](Index32 i) { return Key(W(i).pool, 0); },
        Key(D(d).pool, 0),
        [&](Index32 i) { return FreeW(i) && Compatible(d, i); }, d, true);
    if (w == Demixing::kNoLink) return;
    const Index32 back = Unique(
        deposits_by_pool_, [&](Index32 i) { return Key(D(i).pool, 0); },
        Key(W(w).pool, 0),
        [&](Index32 i) { return FreeD(i) && Compatible(i, w); }, w, false);
    if (back == d) Link(d, w, DemixMethod::kAmountTiming);
  }

  // The one element of v's key range within the time window satisfying
  // `ok`, or kNoLink when none, several, or the scan limit is reached
  // first. The window runs forward from after deposit `anchor` (forward)
  // or backward from before withdrawal `anchor`.
  template <typename KeyFn, typename Ok>
  Index32 Unique(const std::vector<Index32>& v, KeyFn key, const SortKey& k,
                 Ok ok, Index32 anchor, bool forward) const {
    const auto [lo, hi] = Range(v, key, k);
    std::size_t scanned = 0;
    Index32 found = Demixing::kNoLink;
    const auto visit = [&](Index32 i) {
      if (++scanned > Scan()) return false;
      if (!ok(i)) return true;
      if (found != Demixing::kNoLink) {
        found = Demixing::kNoLink;
        scanned = Scan() + 1;  // ambiguous
        return false;
      }
      found = i;
      return true;
    };
    if (forward) {
      const Seconds t = D(anchor).time;
      std::size_t p = static_cast<std::size_t>(
          std::partition_point(v.begin() + static_cast<std::ptrdiff_t>(lo),
                               v.begin() + static_cast<std::ptrdiff_t>(hi),
                               [&](Index32 i) { return W(i).time <= t; }) -
          v.begin());
      for (; p < hi && W(v[p]).time - t <= options_.window; ++p) {
        if (!visit(v[p])) break;
      }
    } else {
      const Seconds t = W(anchor).time;
      std::size_t p = static_cast<std::size_t>(
          std::partition_point(v.begin() + static_cast<std::ptrdiff_t>(lo),
                               v.begin() + static_cast<std::ptrdiff_t>(hi),
                               [&](Index32 i) { return D(i).time < t; }) -
          v.begin());
      for (; p > lo && t - D(v[p - 1]).time <= options_.window; --p) {
        if (!visit(v[p - 1])) break;
      }
    }
    return scanned > Scan() ? Demixing::kNoLink : found;
  }

  void MultiDenomination() {
    // Buckets of free deposits per (mixer, depositor) and of free
    // withdrawals per (mixer, recipient), keyed by their pool multiset.
    std::map<std::string, std::vector<Bucket>> deposit_sets;
    std::map<std::string, std::vector<Bucket>> withdrawal_sets;
    Collect(
        static_cast<Index32>(pools_.deposits.size()),
        [&](Index32 i) { return FreeD(i); },
        [&](Index32 i) {
          return std::make_tuple(pools_.group[Index(D(i).pool)],
                                 Index(D(i).depositor), Index(D(i).pool));
        },
        [&](Index32 i) { return D(i).pool; }, &deposit_sets);
    Collect(
        static_cast<Index32>(pools_.withdrawals.size()),
        [&](Index32 i) { return FreeW(i); },
        [&](Index32 i) {
          return std::make_tuple(pools_.group[Index(W(i).pool)],
                                 Signed(W(i).recipient), Index(W(i).pool));
        },
        [&](Index32 i) { return W(i).pool; }, &withdrawal_sets);
    for (const auto& [signature, deps] : deposit_sets) {
      const auto it = withdrawal_sets.find(signature);
      if (it == withdrawal_sets.end()) continue;
      const std::vector<Bucket>& wds = it->second;
      if (deps.size() > Scan() || wds.size() > Scan()) continue;
      std::vector<int> matches_of_w(wds.size(), 0);
      std::vector<std::size_t> match_of_d(deps.size(), wds.size());
      std::vector<int> matches_of_d(deps.size(), 0);
      for (std::size_t a = 0; a < deps.size(); ++a) {
        for (std::size_t b = 0; b < wds.size(); ++b) {
          if (!Pairs(deps[a], wds[b])) continue;
          ++matches_of_d[a];
          ++matches_of_w[b];
          match_of_d[a] = b;
        }
      }
      for (std::size_t a = 0; a < deps.size(); ++a) {
        if (matches_of_d[a] != 1 || matches_of_w[match_of_d[a]] != 1) continue;
        const Bucket& w = wds[match_of_d[a]];
        for (std::size_t k = 0; k < deps[a].items.size(); ++k) {
          Link(deps[a].items[k], w.items[k], DemixMethod::kMultiDenomination);
        }
      }
    }
  }

  bool Pairs(const Bucket& d, const Bucket& w) const {
    for (std::size_t k = 0; k < d.items.size(); ++k) {
      if (!Compatible(d.items[k], w.items[k])) return false;
    }
    return true;
  }

  // Groups the free items by owner (first two key parts), sorted by pool
  // then ledger order, and files each group spanning two or more pools
  // under its signature (mixer group + pool multiset).
  template <typename Free, typename KeyFn, typename PoolFn>
  static void Collect(Index32 n, Free free, KeyFn key, PoolFn pool,
                      std::map<std::string, std::vector<Bucket>>* sets) {
    std::vector<Index32> items;
    for (Index32 i = 0; i < n; ++i) {
      if (free(i)) items.push_back(i);
    }
    std::stable_sort(items.begin(), items.end(),
                     [&](Index32 a, Index32 b) { return key(a) < key(b); });
    for (std::size_t lo = 0; lo < items.size();) {
      const auto owner = [&](Index32 i) {
        return std::make_pair(std::get<0>(key(i)), std::get<1>(key(i)));
      };
      std::size_t hi = lo;
      while (hi < items.size() && owner(items[hi]) == owner(items[lo])) ++hi;
      if (pool(items[lo]) != pool(items[hi - 1])) {
        std::string signature = std::to_string(std::get<0>(key(items[lo])));
        for (std::size_t k = lo; k < hi; ++k) {
          signature += "," + std::to_string(Index(pool(items[k])));
        }
        Bucket bucket;
        bucket.items.assign(items.begin() + static_cast<std::ptrdiff_t>(lo),
                            items.begin() + static_cast<std::ptrdiff_t>(hi));
        (*sets)[signature].push_back(std::move(bucket));
      }
      lo = hi;
    }
  }

  std::size_t Scan() const {
    return static_cast<std::size_t>(std::max(options_.max_scan, 1));
  }

  const DemixOptions& options_;
  Demixing& out_;
  const MixerPools& pools_;
  std::vector<Index32> deposits_by_pool_;
  std::vector<Index32> withdrawals_by_pool_;
  std::vector<Index32> by_recipient_;
  std::vector<Index32> withdrawals_by_fee_;
  std::vector<Index32> deposits_by_fee_;
};

}  // namespace

std::string_view DemixMethodName(DemixMethod m) {
  switch (m) {
    case DemixMethod::kAddressMatch:
      return "address_match";
    case DemixMethod::kMultiDenomination:
      return "multi_denomination";
    case DemixMethod::kFeeFingerprint:
      return "fee_fingerprint";
    case DemixMethod::kAmountTiming:
      return "amount_timing";
  }
  return "unknown";
}

float DemixScore(DemixMethod m) {
  switch (m) {
    case DemixMethod::kAddressMatch:
      return 1.0f;
    case DemixMethod::kMultiDenomination:
      return 0.9f;
    case DemixMethod::kFeeFingerprint:
      return 0.8f;
    case DemixMethod::kAmountTiming:
      return 0.6f;
  }
  return 0.0f;
}

Demixing Demix(const Ledger& ledger, const Labels& labels,
               const AddressActivity& activity, const DemixOptions& options) {
  Demixing out;
  out.pools = FindMixerPools(ledger, labels, activity, options.pools);
  Demixer(options, &out).Run();
  return out;
}

}  // namespace chaintrace::trace
