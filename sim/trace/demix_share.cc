#include "sim/trace/demix_share.h"

#include <algorithm>
#include <cstddef>
#include <tuple>

namespace chaintrace::trace {
namespace {

// The unlinked deposits of one pool, asset and amount, in time order.
struct Group {
  AddressId pool = AddressId::kNone;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;
  std::size_t begin = 0;  // into the sorted deposit list
  std::size_t end = 0;
};

}  // namespace

std::vector<float> WithdrawalShares(const Demixing& demix,
                                    const std::vector<std::uint8_t>& followed,
                                    Seconds window, Amount max_fee_bp) {
  const std::vector<MixerDeposit>& deposits = demix.pools.deposits;
  const std::vector<MixerWithdrawal>& withdrawals = demix.pools.withdrawals;
  std::vector<float> share(withdrawals.size(), 0.0f);
  const auto is_followed = [&](std::uint32_t d) {
    return d < followed.size() && followed[d] != 0;
  };
  bool any = false;
  std::vector<std::uint32_t> free;
  for (std::uint32_t d = 0; d < deposits.size(); ++d) {
    if (demix.link_of_deposit[d] != Demixing::kNoLink) continue;
    free.push_back(d);
    any = any || is_followed(d);
  }
  if (!any) return share;
  const auto key = [&](std::uint32_t d) {
    const MixerDeposit& x = deposits[d];
    return std::make_tuple(x.pool, x.asset, x.amount, x.time);
  };
  std::stable_sort(
      free.begin(), free.end(),
      [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  // Followed deposits among free[0, i): prefix[i].
  std::vector<std::uint32_t> prefix(free.size() + 1, 0);
  std::vector<Group> groups;
  for (std::size_t i = 0; i < free.size(); ++i) {
    const MixerDeposit& x = deposits[free[i]];
    prefix[i + 1] = prefix[i] + (is_followed(free[i]) ? 1 : 0);
    if (groups.empty() || groups.back().pool != x.pool ||
        groups.back().asset != x.asset || groups.back().amount != x.amount) {
      groups.push_back(Group{x.pool, x.asset, x.amount, i, i});
    }
    groups.back().end = i + 1;
  }
  for (std::uint32_t w = 0; w < withdrawals.size(); ++w) {
    if (demix.link_of_withdrawal[w] != Demixing::kNoLink) continue;
    const MixerWithdrawal& x = withdrawals[w];
    const auto first =
        std::partition_point(groups.begin(), groups.end(), [&](const Group& g) {
          return std::tie(g.pool, g.asset) < std::tie(x.pool, x.asset);
        });
    std::uint32_t all = 0;
    std::uint32_t mine = 0;
    for (auto g = first;
         g != groups.end() && g->pool == x.pool && g->asset == x.asset; ++g) {
      if (!PaysOut(g->amount, x.amount, max_fee_bp)) continue;
      // Deposits in [x.time - window, x.time).
      const auto bound = [&](Seconds t) {
        const auto begin = free.begin() + static_cast<std::ptrdiff_t>(g->begin);
        const auto end = free.begin() + static_cast<std::ptrdiff_t>(g->end);
        return static_cast<std::size_t>(
            std::lower_bound(begin, end, t,
                             [&](std::uint32_t d, Seconds at) {
                               return deposits[d].time < at;
                             }) -
            free.begin());
      };
      const std::size_t lo = bound(x.time - window);
      const std::size_t hi = bound(x.time);
      all += static_cast<std::uint32_t>(hi - lo);
      mine += prefix[hi] - prefix[lo];
    }
    if (all > 0 && mine > 0) {
      share[w] = static_cast<float>(static_cast<double>(mine) /
                                    static_cast<double>(all));
    }
  }
  return share;
}

}  // namespace chaintrace::trace
