#include "sim/trace/service_match.h"

#include <algorithm>
#include <tuple>

#include "model/chain.h"

namespace chaintrace::trace {
namespace {

using Index32 = std::uint32_t;

bool DebitsService(const Labels& labels, const TxStore& s, TxId t,
                   ServiceId service) {
  for (InputId i : s.inputs(t)) {
    if (labels.label(s.input_address(i)).service == service) return true;
  }
  return false;
}

void Collect(const Ledger& ledger, const Labels& labels, LabelKind kind,
             ServiceMatching* m) {
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
      if (s.coinbase(t)) continue;
      // The service this transaction debits, if any (its first such input).
      ServiceId payer = ServiceId::kNone;
      for (InputId i : s.inputs(t)) {
        const AddressLabel l = labels.label(s.input_address(i));
        if (l.kind == kind) {
          payer = l.service;
          break;
        }
      }
      const AddressId sender = s.input_address(s.inputs(t)[0]);
      for (OutputId o : s.outputs(t)) {
        const AddressId to = s.output_address(o);
        const AddressLabel l = labels.label(to);
        const ServiceTransfer base{
            c,         o,          ServiceId::kNone,  AddressId::kNone,
            s.time(t), s.asset(t), s.output_amount(o)};
        if (payer != ServiceId::kNone && l.service != payer) {
          ServiceTransfer out = base;
          out.service = payer;
          out.counterparty = to;
          m->outs.push_back(out);
        } else if (payer == ServiceId::kNone && l.kind == kind &&
                   !DebitsService(labels, s, t, l.service)) {
          ServiceTransfer in = base;
          in.service = l.service;
          in.counterparty = sender;
          m->ins.push_back(in);
        }
      }
    }
  }
}

class Matcher {
 public:
  Matcher(const Ledger& ledger, const ServiceMatchOptions& options,
          ServiceMatching* m)
      : ledger_(ledger), options_(options), m_(*m) {}

  void Run() {
    m_.out_of_in.assign(m_.ins.size(), ServiceMatching::kNoMatch);
    m_.method_of_in.assign(m_.ins.size(), MatchMethod::kAddress);
    out_used_.assign(m_.outs.size(), 0);
    ins_sorted_ = Sorted(m_.ins);
    outs_sorted_ = Sorted(m_.outs);
    for (Index32 i : ins_sorted_) MatchOne(i);
  }

 private:
  enum class Value { kFits, kMisfit, kUnknown };

  static std::vector<Index32> Sorted(const std::vector<ServiceTransfer>& v) {
    std::vector<Index32> idx(v.size());
    for (Index32 i = 0; i < v.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](Index32 a, Index32 b) {
      return std::tie(v[a].service, v[a].time, v[a].chain, v[a].output) <
             std::tie(v[b].service, v[b].time, v[b].chain, v[b].output);
    });
    return idx;
  }

  bool Candidate(const ServiceTransfer& in, const ServiceTransfer& out) const {
    if (out.service != in.service || out.time < in.time ||
        out.time - in.time > options_.window) {
      return false;
    }
    if (options_.kind == common::LABEL_DEX) {
      return out.chain == in.chain && out.asset != in.asset;
    }
    return out.chain != in.chain;
  }

  Value Compare(const ServiceTransfer& in, const ServiceTransfer& out) const {
    const AssetInfo& ai = ledger_.asset(in.asset);
    const AssetInfo& ao = ledger_.asset(out.asset);
    const double fee = static_cast<double>(options_.max_fee_bp) / 10000.0;
    if (!ai.usd_price.empty() && !ao.usd_price.empty()) {
      const double tol = static_cast<double>(options_.tolerance_bp) / 10000.0;
      const double vi = AmountToUsd(in.amount, ai.UsdAt(in.time), ai.decimals);
      const double vo =
          AmountToUsd(out.amount, ao.UsdAt(out.time), ao.decimals);
      if (vi <= 0 || vo <= 0) return Value::kUnknown;
      return vo <= vi * (1 + tol) && vo >= vi * (1 - fee - tol)
                 ? Value::kFits
                 : Value::kMisfit;
    }
    if (options_.kind == common::LABEL_DEX) return Value::kUnknown;
    const double xi = static_cast<double>(in.amount) /
                      static_cast<double>(PowerOfTen(ai.decimals));
    const double xo = static_cast<double>(out.amount) /
                      static_cast<double>(PowerOfTen(ao.decimals));
    return xo <= xi && xo >= xi * (1 - fee) ? Value::kFits : Value::kMisfit;
  }

  // Visits the free transfers out of `in`'s service in its window, in time
  // order; false when the scan limit was hit.
  template <typename F>
  bool ForEachCandidate(const ServiceTransfer& in, F&& f) const {
    auto it = std::partition_point(
        outs_sorted_.begin(), outs_sorted_.end(), [&](Index32 o) {
          const ServiceTransfer& t = m_.outs[o];
          return std::tie(t.service, t.time) < std::tie(in.service, in.time);
        });
    std::size_t scanned = 0;
    for (; it != outs_sorted_.end(); ++it) {
      const ServiceTransfer& out = m_.outs[*it];
      if (out.service != in.service || out.time - in.time > options_.window) {
        break;
      }
      if (++scanned > Limit()) return false;
      if (out_used_[*it] == 0 && Candidate(in, out)) f(*it);
    }
    return true;
  }

  // The free transfers in before `out` whose candidate it is and whose
  // value comparison gives `want`: exactly one? Returns it or kNoMatch.
  Index32 OnlyInFor(Index32 o, Value want) const {
    const ServiceTransfer& out = m_.outs[o];
    auto it = std::partition_point(
        ins_sorted_.begin(), ins_sorted_.end(), [&](Index32 i) {
          const ServiceTransfer& t = m_.ins[i];
          return std::tie(t.service, t.time) <= std::tie(out.service, out.time);
        });
    Index32 found = ServiceMatching::kNoMatch;
    std::size_t scanned = 0;
    while (it != ins_sorted_.begin()) {
      --it;
      const ServiceTransfer& in = m_.ins[*it];
      if (in.service != out.service || out.time - in.time > options_.window) {
        break;
      }
      if (++scanned > Limit()) return ServiceMatching::kNoMatch;
      if (m_.out_of_in[*it] != ServiceMatching::kNoMatch ||
          !Candidate(in, out) || Compare(in, out) != want) {
        continue;
      }
      if (found != ServiceMatching::kNoMatch) return ServiceMatching::kNoMatch;
      found = *it;
    }
    return found;
  }

  void MatchOne(Index32 i) {
    const ServiceTransfer& in = m_.ins[i];
    Index32 by_address = ServiceMatching::kNoMatch;
    Index32 by_value = ServiceMatching::kNoMatch;
    Index32 by_time = ServiceMatching::kNoMatch;
    int values = 0;
    int unknowns = 0;
    const bool complete = ForEachCandidate(in, [&](Index32 o) {
      const ServiceTransfer& out = m_.outs[o];
      const Value v = Compare(in, out);
      if (v == Value::kMisfit) return;
      if (by_address == ServiceMatching::kNoMatch &&
          ledger_.address_name(out.counterparty) ==
              ledger_.address_name(in.counterparty)) {
        by_address = o;
      }
      if (v == Value::kFits) {
        ++values;
        by_value = o;
      } else {
        ++unknowns;
        by_time = o;
      }
    });
    if (by_address != ServiceMatching::kNoMatch) {
      Match(i, by_address, MatchMethod::kAddress);
    } else if (!complete) {
      return;
    } else if (values == 1 && OnlyInFor(by_value, Value::kFits) == i) {
      Match(i, by_value, MatchMethod::kValue);
    } else if (options_.kind == common::LABEL_DEX && values == 0 &&
               unknowns == 1 && OnlyInFor(by_time, Value::kUnknown) == i) {
      Match(i, by_time, MatchMethod::kTiming);
    }
  }

  void Match(Index32 i, Index32 o, MatchMethod method) {
    m_.out_of_in[i] = o;
    m_.method_of_in[i] = method;
    out_used_[o] = 1;
  }

  std::size_t Limit() const {
    return static_cast<std::size_t>(std::max(options_.max_scan, 1));
  }

  const Ledger& ledger_;
  const ServiceMatchOptions& options_;
  ServiceMatching& m_;
  std::vector<std::uint8_t> out_used_;
  std::vector<Index32> ins_sorted_;
  std::vector<Index32> outs_sorted_;
};

}  // namespace

OutputMap<ServiceInRef> IndexServiceIns(
    std::span<const ServiceMatching> matchings) {
  OutputMap<ServiceInRef> index;
  for (std::size_t k = 0; k < matchings.size(); ++k) {
    const ServiceMatching& m = matchings[k];
    for (std::uint32_t i = 0; i < m.ins.size(); ++i) {
      index.Set(m.ins[i].chain, m.ins[i].output,
                ServiceInRef{static_cast<std::uint8_t>(k), i});
    }
  }
  return index;
}

float MatchScore(MatchMethod m) {
  switch (m) {
    case MatchMethod::kAddress:
      return 1.0f;
    case MatchMethod::kValue:
      return 0.8f;
    case MatchMethod::kTiming:
      return 0.5f;
  }
  return 0.0f;
}

ServiceMatchOptions BridgeMatchOptions() {
  return ServiceMatchOptions{common::LABEL_BRIDGE, 86400, 200, 300, 64};
}

ServiceMatchOptions SwapMatchOptions() {
  return ServiceMatchOptions{common::LABEL_DEX, 3600, 100, 1000, 64};
}

ServiceMatching MatchServiceTransfers(const Ledger& ledger,
                                      const Labels& labels,
                                      const ServiceMatchOptions& options) {
  ServiceMatching m;
  Collect(ledger, labels, options.kind, &m);
  Matcher(ledger, options, &m).Run();
  return m;
}

}  // namespace chaintrace::trace
