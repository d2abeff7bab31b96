#include "tools/chaintrace/run_summary.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "model/time.h"
#include "sim/eval/expectations.h"

namespace chaintrace::tools {
namespace {

std::string Printf(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// "$12.3M", "$45.6k", "$7.89".
std::string Dollars(double usd) {
  const double a = std::fabs(usd);
  if (a >= 1e9) return Printf("$%.2fB", usd / 1e9);
  if (a >= 1e6) return Printf("$%.2fM", usd / 1e6);
  if (a >= 1e3) return Printf("$%.1fk", usd / 1e3);
  return Printf("$%.2f", usd);
}

std::string Date(UnixSeconds start, Seconds t) {
  return FormatCalendarTime(start + t).substr(0, 16);
}

std::string Pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string PadLeft(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

struct Column {
  scenario::Metric metric;
  std::string_view header;
  bool ratio;
};

constexpr Column kColumns[] = {
    {scenario::VALUE_RECALL, "val_rec", true},
    {scenario::VALUE_PRECISION, "val_prec", true},
    {scenario::ADDRESS_PRECISION, "addr_P", true},
    {scenario::ADDRESS_RECALL, "addr_R", true},
    {scenario::ADDRESS_F1, "addr_F1", true},
    {scenario::COLLATERAL_ADDRESSES, "coll_addr", false},
    {scenario::COLLATERAL_USD, "coll_usd", false},
    {scenario::ATTRIBUTION_RECALL, "attr_rec", true},
    {scenario::CLUSTER_PRECISION, "clu_P", true},
    {scenario::CLUSTER_RECALL, "clu_R", true},
    {scenario::LARGEST_CLUSTER, "largest", false},
    {scenario::MIXER_LINK_ACCURACY, "mix_acc", true},
    {scenario::ANONYMITY_SET, "anon_set", false},
    {scenario::MAX_HOP, "max_hop", false},
};

std::string Cell(const report::Metrics& m, const Column& c) {
  const std::optional<double> v = eval::MetricValue(m, c.metric);
  if (!v) return "-";
  if (c.metric == scenario::COLLATERAL_USD) return Dollars(*v);
  if (c.ratio) return Printf("%.3f", *v);
  if (c.metric == scenario::ANONYMITY_SET) return Printf("%.1f", *v);
  return Printf("%.0f", *v);
}

void Attacks(const report::Report& r, UnixSeconds start, std::ostream& out) {
  out << "\nAttacks (ground truth; USD at the theft, at each cash-out, "
         "held at the ledger's end)\n";
  if (r.attacks_size() == 0) {
    out << "  none: the scenario's ledger reports no thefts\n";
    return;
  }
  for (const report::AttackSummary& a : r.attacks()) {
    out << "  " << a.name() << ": " << a.group() << " stole "
        << Dollars(a.stolen_usd()) << " from " << a.victim() << " on "
        << Date(start, a.time()) << "; cashed out "
        << Dollars(a.cashed_out_usd()) << ", still held "
        << Dollars(a.held_usd()) << ", network fees " << Dollars(a.fees_usd())
        << "\n";
    for (int k = 0; k < a.stages_size(); ++k) {
      const report::StageSummary& s = a.stages(k);
      out << "    " << k << " " << Pad(s.kind(), 12);
      if (s.transactions() == 0) {
        out << "no transactions\n";
        continue;
      }
      out << Date(start, s.start_time()) << " .. " << Date(start, s.end_time())
          << "  " << PadLeft(std::to_string(s.transactions()), 6) << " txs  in "
          << Dollars(s.in_usd()) << "\n";
    }
  }
}

void Tracers(const report::Report& r, std::ostream& out) {
  out << "\nTracers (all attacks; - = not measurable)\n";
  std::size_t width = 6;
  for (const report::TracerReport& t : r.tracers()) {
    width = std::max(width, t.id().size());
  }
  out << "  " << Pad("tracer", width);
  for (const Column& c : kColumns) {
    out << " " << PadLeft(std::string(c.header), 9);
  }
  out << " " << PadLeft("time_s", 8) << "\n";
  for (const report::TracerReport& t : r.tracers()) {
    out << "  " << Pad(t.id(), width);
    for (const Column& c : kColumns) {
      out << " " << PadLeft(Cell(t.metrics(), c), 9);
    }
    out << " " << PadLeft(Printf("%.3f", t.run_time_s()), 8) << "\n";
  }
}

void Exchanges(const report::Report& r, std::ostream& out) {
  // Every exchange any tracer reports, in first-seen order.
  std::vector<std::string> names;
  for (const report::TracerReport& t : r.tracers()) {
    for (const report::ExchangeAttribution& x : t.exchanges()) {
      if (std::find(names.begin(), names.end(), x.exchange()) == names.end()) {
        names.push_back(x.exchange());
      }
    }
  }
  out << "\nExchanges: true cash-out vs attributed (correct) USD\n";
  if (names.empty()) {
    out << "  none: no stolen value reached an exchange and no tracer "
           "attributed any\n";
    return;
  }
  for (const std::string& name : names) {
    std::ostringstream line;
    bool first = true;
    double true_usd = 0;
    std::string country;
    for (const report::TracerReport& t : r.tracers()) {
      for (const report::ExchangeAttribution& x : t.exchanges()) {
        if (x.exchange() != name) continue;
        true_usd = x.true_usd();
        country = x.country();
        if (x.attributed_usd() <= 0) continue;
        line << (first ? "" : ", ") << t.id() << " "
             << Dollars(x.attributed_usd()) << " (" << Dollars(x.correct_usd())
             << ")";
        first = false;
      }
    }
    out << "  " << name << (country.empty() ? "" : " (" + country + ")")
        << ": true " << Dollars(true_usd) << "; "
        << (first ? "no tracer attributes value here" : line.str()) << "\n";
  }
}

void Trails(const report::Report& r, std::ostream& out) {
  if (r.attacks_size() == 0) return;
  out << "\nWhere each tracer lost the trail (value recall after each "
         "stage)\n";
  for (int a = 0; a < r.attacks_size(); ++a) {
    const report::AttackSummary& attack = r.attacks(a);
    out << "  " << attack.name() << ":\n";
    for (const report::TracerReport& t : r.tracers()) {
      if (a >= t.per_attack_size()) continue;
      const report::AttackMetrics& am = t.per_attack(a);
      out << "    " << t.id() << ": ";
      if (am.recall_by_stage_size() == 0) {
        out << "no stolen value moved\n";
        continue;
      }
      const int lost = am.lost_at_stage();
      if (lost < 0) {
        out << "never lost it";
      } else {
        const double before = lost == 0 ? -1 : am.recall_by_stage(lost - 1);
        const std::string kind =
            lost < attack.stages_size() ? attack.stages(lost).kind() : "?";
        out << "lost most at stage " << lost << " (" << kind << ")";
        if (before >= 0) out << Printf(", recall %.2f", before);
        out << Printf(" -> %.2f", am.recall_by_stage(lost));
      }
      out << ";";
      for (double v : am.recall_by_stage()) out << Printf(" %.2f", v);
      out << "\n";
    }
  }
}

}  // namespace

std::string FormatRunSummary(const eval::RunResult& run) {
  const report::Report& r = run.report;
  std::ostringstream out;
  std::uint64_t txs = 0;
  for (ChainId c : run.ledger.ledger.chain_ids()) {
    txs += run.ledger.ledger.txs(c).tx_count();
  }
  out << r.provenance().scenario() << ": seed " << r.provenance().seed()
      << ", scale " << r.provenance().scale() << ", start " << r.start()
      << "\n  " << txs << " transactions, " << run.ledger.ledger.address_count()
      << " addresses; simulated in " << Printf("%.2f", run.simulate_s)
      << " s, evaluated in " << Printf("%.2f", run.evaluate_s) << " s\n";
  const UnixSeconds start = run.ledger.ledger.start();
  Attacks(r, start, out);
  Tracers(r, out);
  Exchanges(r, out);
  Trails(r, out);
  return out.str();
}

}  // namespace chaintrace::tools
