#include "tools/chaintrace/trace_report.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "model/amount.h"

namespace chaintrace::tools {
namespace {

using trace::TraceResult;

struct OutputRef {
  ChainId chain = ChainId::kNone;
  OutputId output = OutputId::kNone;
};

AssetId AssetOf(const Ledger& ledger, OutputRef ref) {
  const TxStore& s = ledger.txs(ref.chain);
  return s.asset(s.output_tx(ref.output));
}

std::string Units(const Ledger& ledger, AssetId asset, Amount amount) {
  return FormatDecimalAmount(amount, ledger.asset(asset).decimals);
}

std::string WithAsset(const Ledger& ledger, AssetId asset, Amount amount) {
  return Units(ledger, asset, amount) + " " + ledger.asset(asset).name;
}

// Every output with taint > 0, in (chain, output) order.
std::vector<OutputRef> TaintedOutputs(const Ledger& ledger,
                                      const TraceResult& r) {
  std::vector<OutputRef> out;
  for (ChainId c : ledger.chain_ids()) {
    const std::vector<Amount>& taint = r.chains[Index(c)].output_taint;
    for (std::size_t o = 0; o < taint.size(); ++o) {
      if (taint[o] > 0) out.push_back({c, IdFromIndex<OutputId>(o)});
    }
  }
  return out;
}

Amount TaintOf(const TraceResult& r, OutputRef ref) {
  return r.chains[Index(ref.chain)].output_taint[Index(ref.output)];
}

std::int32_t HopOf(const TraceResult& r, OutputRef ref) {
  const std::vector<std::int32_t>& hops = r.chains[Index(ref.chain)].output_hop;
  return hops.empty() ? -1 : hops[Index(ref.output)];
}

// Left-aligned columns separated by two spaces, each row indented.
std::string Columns(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& row : rows) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) {
      width[i] = std::max(width[i], row[i].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = "  ";
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(width[i] - row[i].size() + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

// Sums per asset, in asset order: "10 BTC, 400 USDT".
std::string PerAsset(const Ledger& ledger,
                     const std::map<std::size_t, Amount>& sums) {
  std::string out;
  for (const auto& [asset, amount] : sums) {
    if (!out.empty()) out += ", ";
    out += WithAsset(ledger, IdFromIndex<AssetId>(asset), amount);
  }
  return out.empty() ? "0" : out;
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string FormatTraceTable(const TraceReportInput& in) {
  const Ledger& ledger = in.file->ledger;
  const TraceResult& r = *in.result;
  std::string out;
  std::map<std::size_t, Amount> seeded;
  for (const trace::Seed& seed : in.seeds) {
    seeded[Index(AssetOf(ledger, {seed.chain, seed.output}))] += seed.amount;
  }
  out += "tracer " + in.tracer + " on " + in.ledger_path + ": " +
         std::to_string(in.seeds.size()) +
         (in.seeds.size() == 1 ? " seed (" : " seeds (") +
         PerAsset(ledger, seeded) + ")";
  if (in.options.max_hops > 0) {
    out += ", max hops " + std::to_string(in.options.max_hops);
  }
  if (in.options.drop_fee_taint) out += ", fee taint dropped";
  out += "\n\n";

  if (r.attributions.empty()) {
    out += "attributed to labelled services: none\n";
  } else {
    out += "attributed to labelled services:\n";
    std::vector<std::vector<std::string>> rows = {
        {"service", "asset", "amount"}};
    for (const trace::Attribution& a : r.attributions) {
      rows.push_back({in.file->labels.service(a.service).name,
                      ledger.asset(a.asset).name,
                      Units(ledger, a.asset, a.amount)});
    }
    out += Columns(rows);
  }

  const std::vector<OutputRef> tainted = TaintedOutputs(ledger, r);
  std::size_t flagged = 0;
  for (std::uint8_t f : r.address_flagged) flagged += f;
  std::map<std::size_t, Amount> fee_taint;
  for (ChainId c : ledger.chain_ids()) {
    for (Amount f : r.chains[Index(c)].fee_taint) {
      if (f > 0) fee_taint[Index(ledger.chain(c).native_asset)] += f;
    }
  }
  out += "\nflagged addresses: " + std::to_string(flagged) +
         "\ntainted outputs: " + std::to_string(tainted.size()) +
         "\nmax hop: " + std::to_string(r.max_hop) +
         "\nfee taint: " + PerAsset(ledger, fee_taint) + "\n";

  std::vector<OutputRef> top = tainted;
  const auto by_taint = [&](OutputRef a, OutputRef b) {
    const Amount ta = TaintOf(r, a);
    const Amount tb = TaintOf(r, b);
    if (ta != tb) return ta > tb;
    return a.chain != b.chain ? a.chain < b.chain : a.output < b.output;
  };
  const std::size_t shown = std::min(in.top, top.size());
  std::partial_sort(top.begin(), top.begin() + static_cast<long>(shown),
                    top.end(), by_taint);
  top.resize(shown);
  if (!top.empty()) {
    out += "\ntop tainted outputs:\n";
    std::vector<std::vector<std::string>> rows = {
        {"chain", "output", "address", "amount", "taint", "hop"}};
    for (OutputRef ref : top) {
      const TxStore& s = ledger.txs(ref.chain);
      const AssetId asset = AssetOf(ledger, ref);
      rows.push_back(
          {ledger.chain(ref.chain).name,
           std::string(s.txid(s.output_tx(ref.output))) + ":" +
               std::to_string(s.output_index(ref.output)),
           std::string(ledger.address_name(s.output_address(ref.output))),
           WithAsset(ledger, asset, s.output_amount(ref.output)),
           Units(ledger, asset, TaintOf(r, ref)),
           std::to_string(HopOf(r, ref))});
    }
    out += Columns(rows);
  }
  return out;
}

std::string FormatTraceCsv(const TraceReportInput& in) {
  const Ledger& ledger = in.file->ledger;
  std::string out = "chain,txid,index,address,asset,amount,taint,hop\n";
  for (OutputRef ref : TaintedOutputs(ledger, *in.result)) {
    const TxStore& s = ledger.txs(ref.chain);
    const AssetId asset = AssetOf(ledger, ref);
    out += CsvField(ledger.chain(ref.chain).name) + "," +
           CsvField(s.txid(s.output_tx(ref.output))) + "," +
           std::to_string(s.output_index(ref.output)) + "," +
           CsvField(ledger.address_name(s.output_address(ref.output))) + "," +
           CsvField(ledger.asset(asset).name) + "," +
           Units(ledger, asset, s.output_amount(ref.output)) + "," +
           Units(ledger, asset, TaintOf(*in.result, ref)) + "," +
           std::to_string(HopOf(*in.result, ref)) + "\n";
  }
  return out;
}

std::string FormatTraceJson(const TraceReportInput& in) {
  const Ledger& ledger = in.file->ledger;
  const TraceResult& r = *in.result;
  const auto output_fields = [&](OutputRef ref) {
    const TxStore& s = ledger.txs(ref.chain);
    return "\"chain\": " + JsonString(ledger.chain(ref.chain).name) +
           ", \"txid\": " + JsonString(s.txid(s.output_tx(ref.output))) +
           ", \"index\": " + std::to_string(s.output_index(ref.output)) +
           ", \"asset\": " +
           JsonString(ledger.asset(AssetOf(ledger, ref)).name);
  };
  std::string out =
      "{\n  \"tracer\": " + JsonString(in.tracer) +
      ",\n  \"ledger\": " + JsonString(in.ledger_path) +
      ",\n  \"max_hops\": " + std::to_string(in.options.max_hops) +
      ",\n  \"drop_fee_taint\": " +
      (in.options.drop_fee_taint ? "true" : "false") + ",\n  \"seeds\": [";
  for (std::size_t i = 0; i < in.seeds.size(); ++i) {
    const trace::Seed& seed = in.seeds[i];
    const OutputRef ref{seed.chain, seed.output};
    out += std::string(i == 0 ? "\n" : ",\n") + "    {" + output_fields(ref) +
           ", \"amount\": " +
           JsonString(Units(ledger, AssetOf(ledger, ref), seed.amount)) + "}";
  }
  out += in.seeds.empty() ? "],\n" : "\n  ],\n";
  out += "  \"attributions\": [";
  for (std::size_t i = 0; i < r.attributions.size(); ++i) {
    const trace::Attribution& a = r.attributions[i];
    out += std::string(i == 0 ? "\n" : ",\n") + "    {\"service\": " +
           JsonString(in.file->labels.service(a.service).name) +
           ", \"asset\": " + JsonString(ledger.asset(a.asset).name) +
           ", \"amount\": " + JsonString(Units(ledger, a.asset, a.amount)) +
           "}";
  }
  out += r.attributions.empty() ? "],\n" : "\n  ],\n";
  std::size_t flagged = 0;
  for (std::uint8_t f : r.address_flagged) flagged += f;
  const std::vector<OutputRef> tainted = TaintedOutputs(ledger, r);
  out += "  \"flagged_addresses\": " + std::to_string(flagged) +
         ",\n  \"max_hop\": " + std::to_string(r.max_hop) +
         ",\n  \"tainted_outputs\": [";
  for (std::size_t i = 0; i < tainted.size(); ++i) {
    const OutputRef ref = tainted[i];
    const TxStore& s = ledger.txs(ref.chain);
    const AssetId asset = AssetOf(ledger, ref);
    out += std::string(i == 0 ? "\n" : ",\n") + "    {" + output_fields(ref) +
           ", \"address\": " +
           JsonString(ledger.address_name(s.output_address(ref.output))) +
           ", \"amount\": " +
           JsonString(Units(ledger, asset, s.output_amount(ref.output))) +
           ", \"taint\": " + JsonString(Units(ledger, asset, TaintOf(r, ref))) +
           ", \"hop\": " + std::to_string(HopOf(r, ref)) + "}";
  }
  out += tainted.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace chaintrace::tools
