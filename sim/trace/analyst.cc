#include "sim/trace/analyst.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "sim/trace/address_activity.h"
#include "sim/trace/change_rule.h"
#include "sim/trace/coinjoin_detect.h"
#include "sim/trace/demix.h"
#include "sim/trace/deposit_cluster.h"
#include "sim/trace/multi_input.h"
#include "sim/trace/peel_follower.h"
#include "sim/trace/result_builder.h"
#include "sim/trace/service_match.h"
#include "sim/trace/union_find.h"

namespace chaintrace::trace {
namespace {

__extension__ using Int128 = __int128;

// floor(a * b / c). Preconditions: a, b >= 0, c > 0, a <= c.
Amount MulDiv(Amount a, Amount b, Amount c) {
  return static_cast<Amount>(static_cast<Int128>(a) * b / c);
}

Amount SaturatingAdd(Amount a, Amount b) {
  constexpr Amount kMax = std::numeric_limits<Amount>::max();
  return b > kMax - a ? kMax : a + b;
}

constexpr std::int32_t kNoHop = std::numeric_limits<std::int32_t>::max();

// A pending step: a transaction to distribute (kind 0) or an output to
// arrive at (kind 1), ordered by time, chain, transaction, kind, output.
struct Event {
  Seconds time = 0;
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  std::uint8_t kind = 0;
  OutputId output = OutputId::kNone;
  friend bool operator>(const Event& a, const Event& b) {
    return std::tie(a.time, a.chain, a.tx, a.kind, a.output) >
           std::tie(b.time, b.chain, b.tx, b.kind, b.output);
  }
};

// Followed value waiting at an output or a transaction.
struct Pending {
  Amount amount = 0;
  double weight = 0;
  std::int32_t hop = kNoHop;
  bool exempt = false;
  bool queued = false;
};

// Where an ACCOUNT address's next debit of one asset stands.
struct Cursor {
  std::size_t pos = 0;
  Amount used = 0;
};

class Analyst {
 public:
  Analyst(const TraceInput& input, const TracerOptions& options)
      : ledger_(*input.ledger),
        labels_(follow::LabelsOf(input)),
        input_(input),
        max_hops_(options.max_hops > 0 ? options.max_hops
                                       : kDefaultAnalystHops),
        activity_(ledger_, ActivityScope::kAccountChains),
        first_credits_(ledger_),
        joins_(ledger_, labels_),
        change_rule_(*ParseChangeRule(kDefaultPeelRule)),
        demix_(Demix(ledger_, labels_, activity_, DemixOptions{})),
        matchings_{
            MatchServiceTransfers(ledger_, labels_, BridgeMatchOptions()),
            MatchServiceTransfers(ledger_, labels_, SwapMatchOptions())},
        out_(ledger_),
        deposit_of_(IndexDeposits(demix_.pools)),
        service_in_of_(IndexServiceIns(matchings_)) {
    IndexCashOutClusters();
  }

  TraceResult Run() {
    for (const Seed& s : input_.seeds) {
      ToOutput(s.chain, s.output, s.amount, 1.0, 0, false);
    }
    while (!queue_.empty()) {
      const Event e = queue_.top();
      queue_.pop();
      if (e.kind == 0) {
        RunTx(e.chain, e.tx);
      } else {
        Arrive(e.chain, e.output);
      }
    }
    return out_.Finish();
  }

 private:
  // The cash-out service an unlabelled address is known to belong to: its
  // multi-input cluster's (when the cluster's cash-out labels agree) or
  // its hot wallet's (when it is a deposit address).
  void IndexCashOutClusters() {
    UnionFind uf(ledger_.address_count());
    ClusterMultiInput(ledger_, labels_, CoinJoinRule{}, &uf);
    const ServiceId conflict = static_cast<ServiceId>(0xFFFFFFFE);
    std::vector<ServiceId> root_service(ledger_.address_count(),
                                        ServiceId::kNone);
    for (AddressId a : labels_.LabelledAddresses()) {
      const AddressLabel l = labels_.label(a);
      if (Index(a) >= ledger_.address_count() ||
          !follow::IsCashOutKind(l.kind)) {
        continue;
      }
      ServiceId& s =
          root_service[uf.Find(static_cast<std::uint32_t>(Index(a)))];
      s = s == ServiceId::kNone || s == l.service ? l.service : conflict;
    }
    const std::vector<AddressId> hot_of =
        FindDepositAddresses(ledger_, labels_, activity_, DepositRule{});
    cash_out_of_.assign(ledger_.address_count(), ServiceId::kNone);
    for (AddressId a : ledger_.address_ids()) {
      ServiceId s = root_service[uf.Find(static_cast<std::uint32_t>(Index(a)))];
      if (s == conflict) s = ServiceId::kNone;
      const AddressId hot = hot_of[Index(a)];
      if (s == ServiceId::kNone && hot != AddressId::kNone &&
          follow::IsCashOutKind(labels_.label(hot).kind)) {
        s = labels_.label(hot).service;
      }
      cash_out_of_[Index(a)] = s;
    }
  }

  void ToOutput(ChainId c, OutputId o, Amount amount, double weight,
                std::int32_t hop, bool exempt) {
    if (amount <= 0) return;
    Pending& p = pending_outputs_[ChainKey(c, Index(o))];
    p.amount = SaturatingAdd(p.amount, amount);
    p.weight += weight;
    p.hop = std::min(p.hop, hop);
    p.exempt = p.exempt || exempt;
    if (p.queued) return;
    p.queued = true;
    const TxStore& s = ledger_.txs(c);
    const TxId t = s.output_tx(o);
    queue_.push(Event{s.time(t), c, t, 1, o});
  }

  void ToTx(ChainId c, TxId t, Amount amount, double weight, std::int32_t hop) {
    if (amount <= 0) return;
    Pending& p = pending_txs_[ChainKey(c, Index(t))];
    p.amount = SaturatingAdd(p.amount, amount);
    p.weight += weight;
    p.hop = std::min(p.hop, hop);
    if (p.queued) return;
    p.queued = true;
    queue_.push(Event{ledger_.txs(c).time(t), c, t, 0, OutputId::kNone});
  }

  void Arrive(ChainId c, OutputId o) {
    const Pending p = Take(&pending_outputs_, ChainKey(c, Index(o)));
    const TxStore& s = ledger_.txs(c);
    const AddressId a = s.output_address(o);
    const AssetId asset = s.asset(s.output_tx(o));
    out_.AddTaint(c, o, p.amount, p.hop);
    const AddressLabel label = labels_.label(a);
    if (follow::IsCashOutKind(label.kind)) {
      out_.Attribute(label.service, asset, p.amount);
      return;
    }
    if (label.service == ServiceId::kNone &&
        cash_out_of_[Index(a)] != ServiceId::kNone) {
      out_.Attribute(cash_out_of_[Index(a)], asset, p.amount);
      return;
    }
    const bool may_hop = p.hop < max_hops_;
    if (const std::uint32_t d = deposit_of_.Get(c, o, Demixing::kNoLink);
        d != Demixing::kNoLink) {
      const std::uint32_t link = demix_.link_of_deposit[d];
      if (!may_hop || link == Demixing::kNoLink) {
        out_.Attribute(label.service, asset, p.amount);
        return;
      }
      const MixerDeposit& dep = demix_.pools.deposits[d];
      const MixerWithdrawal& w =
          demix_.pools.withdrawals[demix_.links[link].withdrawal];
      const Amount paid =
          ledger_.txs(w.chain).output_amount(w.recipient_output);
      ToOutput(w.chain, w.recipient_output,
               MulDiv(std::min(p.amount, dep.amount), paid, dep.amount),
               p.weight, p.hop + 1, true);
      return;
    }
    if (const ServiceInRef ref = service_in_of_.Get(c, o, ServiceInRef{});
        ref.in != ServiceMatching::kNoMatch) {
      const ServiceMatching& m = matchings_[ref.matching];
      const ServiceTransfer& in = m.ins[ref.in];
      const std::uint32_t matched = m.out_of_in[ref.in];
      if (!may_hop || matched == ServiceMatching::kNoMatch) {
        out_.Attribute(in.service, asset, p.amount);
        return;
      }
      const ServiceTransfer& release = m.outs[matched];
      ToOutput(release.chain, release.output,
               MulDiv(std::min(p.amount, in.amount), release.amount, in.amount),
               p.weight, p.hop + 1, true);
      return;
    }
    if (label.service != ServiceId::kNone) {
      // A mixer, bridge, DEX or CoinJoin address we cannot see through.
      out_.Attribute(label.service, asset, p.amount);
      return;
    }
    if (!may_hop || (p.weight < kMinFollowShare && !p.exempt)) return;
    if (ledger_.chain(c).is_utxo()) {
      const TxId next = s.spent_by(o);
      if (next != TxId::kNone) ToTx(c, next, p.amount, p.weight, p.hop + 1);
      return;
    }
    SpendFromAccount(c, o, p);
  }

  // The credit `o` (carrying `p`) is carried by its address's next debits
  // of the same asset.
  void SpendFromAccount(ChainId c, OutputId o, const Pending& p) {
    const TxStore& s = ledger_.txs(c);
    const AddressId a = s.output_address(o);
    const TxId credit = s.output_tx(o);
    const AssetId asset = s.asset(credit);
    Cursor& cur =
        cursors_[(static_cast<std::uint64_t>(Index(a)) << 16) | Index(asset)];
    const auto debits = activity_.debits(a);
    Amount left = p.amount;
    while (left > 0 && cur.pos < debits.size()) {
      const TxId t = debits[cur.pos];
      if (t <= credit || s.asset(t) != asset) {
        ++cur.pos;
        cur.used = 0;
        continue;
      }
      Amount debit = 0;
      for (InputId i : s.inputs(t)) {
        if (s.input_address(i) == a) debit += s.input_amount(i);
      }
      const Amount take = std::min(left, debit - cur.used);
      if (take > 0) {
        ToTx(c, t, take,
             p.weight * static_cast<double>(take) /
                 static_cast<double>(p.amount),
             p.hop + 1);
        left -= take;
        cur.used += take;
      }
      if (cur.used >= debit) {
        ++cur.pos;
        cur.used = 0;
      }
    }
  }

  void RunTx(ChainId c, TxId t) {
    const Pending p = Take(&pending_txs_, ChainKey(c, Index(t)));
    const TxStore& s = ledger_.txs(c);
    if (ledger_.chain(c).is_utxo() && joins_.IsCoinJoin(c, t)) {
      out_.Attribute(CoinJoinService(c, t), s.asset(t), p.amount);
      return;
    }
    Amount in_total = 0;
    for (InputId i : s.inputs(t)) {
      in_total = SaturatingAdd(in_total, s.input_amount(i));
    }
    Amount out_total = 0;
    OutputId largest = OutputId::kNone;
    for (OutputId o : s.outputs(t)) {
      out_total = SaturatingAdd(out_total, s.output_amount(o));
      if (largest == OutputId::kNone ||
          s.output_amount(o) > s.output_amount(largest)) {
        largest = o;
      }
    }
    if (in_total <= 0 || out_total <= 0) return;
    // The fee's share of the followed value is dropped.
    const Amount passed = MulDiv(std::min(p.amount, in_total),
                                 std::min(out_total, in_total), in_total);
    // The change of a transaction spending only followed value (the
    // launderer's own) is followed however small its share.
    OutputId change = OutputId::kNone;
    if (ledger_.chain(c).is_utxo() && s.outputs(t).size() >= 2 &&
        p.amount >= in_total) {
      const ChangeContext ctx{&ledger_, &first_credits_, ChangeOptions{}};
      change = change_rule_.Apply(ctx, c, t);
    }
    Amount given = 0;
    for (OutputId o : s.outputs(t))
      given += MulDiv(passed, s.output_amount(o), out_total);
    for (OutputId o : s.outputs(t)) {
      Amount share = MulDiv(passed, s.output_amount(o), out_total);
      if (o == largest) share += passed - given;
      const double weight = p.weight * static_cast<double>(s.output_amount(o)) /
                            static_cast<double>(out_total);
      ToOutput(c, o, share, weight, p.hop, o == change);
    }
  }

  ServiceId CoinJoinService(ChainId c, TxId t) const {
    const TxStore& s = ledger_.txs(c);
    for (InputId i : s.inputs(t)) {
      const AddressLabel l = labels_.label(s.input_address(i));
      if (l.kind == common::LABEL_COINJOIN) return l.service;
    }
    for (OutputId o : s.outputs(t)) {
      const AddressLabel l = labels_.label(s.output_address(o));
      if (l.kind == common::LABEL_COINJOIN) return l.service;
    }
    return ServiceId::kNone;
  }

  const Ledger& ledger_;
  const Labels& labels_;
  const TraceInput& input_;
  const std::int32_t max_hops_;
  const AddressActivity activity_;
  const FirstCredits first_credits_;
  CoinJoinDetector joins_;
  const ChangeRule change_rule_;
  const Demixing demix_;
  const ServiceMatching matchings_[2];
  // Removes and returns what waits at `key` (nothing: an empty Pending).
  static Pending Take(std::unordered_map<std::uint64_t, Pending>* pending,
                      std::uint64_t key) {
    const auto it = pending->find(key);
    if (it == pending->end()) return Pending{};
    const Pending p = it->second;
    pending->erase(it);
    return p;
  }

  follow::ResultBuilder out_;
  // The followed value waiting at outputs and transactions, by ChainKey:
  // the analyst reaches a few of a large ledger (hop-limited, small shares
  // dropped), so its state is kept per element reached, not in arrays over
  // the whole ledger (48 bytes per output and 24 per transaction of fresh
  // memory, most of its time at 10M transactions).
  std::unordered_map<std::uint64_t, Pending> pending_outputs_;
  std::unordered_map<std::uint64_t, Pending> pending_txs_;
  const OutputMap<std::uint32_t> deposit_of_;
  const OutputMap<ServiceInRef> service_in_of_;
  std::vector<ServiceId> cash_out_of_;
  std::unordered_map<std::uint64_t, Cursor> cursors_;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue_;
};

class AnalystTracer : public Tracer {
 public:
  explicit AnalystTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "analyst"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    return Analyst(input, options_).Run();
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeAnalystTracer(const TracerOptions& options) {
  return std::make_unique<AnalystTracer>(options);
}

}  // namespace chaintrace::trace
