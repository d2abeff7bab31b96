// The flow graph exports, GraphML and DOT (export.h). One traversal emits
// nodes and edges to a sink per format, so both formats carry the same
// graph and attributes:
//   nodes  id "a<AddressId>" for an address, "t<ChainId>_<TxId>" for a
//          transaction; attributes role (address|transaction), chain, name
//          (address or txid); addresses: type, owner, kind (the owner's
//          entity kind), label (label kind), label_service; transactions:
//          time (Unix s), time_utc, asset, fee, fee_base_units, coinbase,
//          attack, stage.
//   edges  address -> transaction for each input (flow=input),
//          transaction -> address for each output (flow=output); attributes
//          flow, index (position in the transaction), amount (decimal text),
//          amount_base_units, asset, time, stolen, stolen_base_units,
//          attack (of the stolen part).
// Attributes that are unknown or empty (truth of an imported ledger, an
// unlabelled address) are left out of the element.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/export_formats.h"

namespace chaintrace::io {
namespace {

enum class Type { kString, kLong, kBoolean };
enum class For { kNode, kEdge };

struct Key {
  For target;
  const char* name;
  Type type;
};

// Every attribute, in the order elements list them.
constexpr Key kKeys[] = {
    {For::kNode, "role", Type::kString},
    {For::kNode, "chain", Type::kString},
    {For::kNode, "name", Type::kString},
    {For::kNode, "type", Type::kString},
    {For::kNode, "owner", Type::kString},
    {For::kNode, "kind", Type::kString},
    {For::kNode, "label", Type::kString},
    {For::kNode, "label_service", Type::kString},
    {For::kNode, "time", Type::kLong},
    {For::kNode, "time_utc", Type::kString},
    {For::kNode, "asset", Type::kString},
    {For::kNode, "fee", Type::kString},
    {For::kNode, "fee_base_units", Type::kLong},
    {For::kNode, "coinbase", Type::kBoolean},
    {For::kNode, "attack", Type::kString},
    {For::kNode, "stage", Type::kString},
    {For::kEdge, "flow", Type::kString},
    {For::kEdge, "index", Type::kLong},
    {For::kEdge, "amount", Type::kString},
    {For::kEdge, "amount_base_units", Type::kLong},
    {For::kEdge, "asset", Type::kString},
    {For::kEdge, "time", Type::kLong},
    {For::kEdge, "stolen", Type::kString},
    {For::kEdge, "stolen_base_units", Type::kLong},
    {For::kEdge, "attack", Type::kString},
};

// Receives the graph element by element.
class GraphSink {
 public:
  virtual ~GraphSink() = default;
  virtual void Begin() = 0;
  virtual void BeginNode(std::string_view id, bool stolen) = 0;
  virtual void BeginEdge(std::string_view source, std::string_view target,
                         bool stolen) = 0;
  // An attribute of the open element; `value` is its text form. Empty
  // values are never passed.
  virtual void Attribute(For target, const char* name, std::string_view value,
                         std::string_view label) = 0;
  virtual void EndElement() = 0;
  virtual void End() = 0;
};

// Element builder that skips empty values.
class Element {
 public:
  Element(GraphSink& sink, For target) : sink_(sink), target_(target) {}
  Element& Set(const char* name, std::string_view value) {
    if (!value.empty()) sink_.Attribute(target_, name, value, {});
    return *this;
  }
  Element& SetInt(const char* name, std::int64_t value) {
    return Set(name, std::to_string(value));
  }
  // An attribute that is also the element's visible label (DOT).
  Element& SetLabel(const char* name, std::string_view value,
                    std::string_view label) {
    if (!value.empty()) sink_.Attribute(target_, name, value, label);
    return *this;
  }

 private:
  GraphSink& sink_;
  For target_;
};

std::string AddressNode(AddressId a) { return "a" + std::to_string(Index(a)); }
std::string TxNode(ChainId c, TxId t) {
  return "t" + std::to_string(Index(c)) + "_" + std::to_string(Index(t));
}

void EmitFlowGraph(const ExportView& v, GraphSink& sink, ExportStats* stats) {
  const Ledger& l = v.ledger();
  sink.Begin();
  // Addresses that hold stolen value, to highlight them.
  std::vector<std::uint8_t> stolen_address;
  if (v.has_truth()) {
    stolen_address.assign(l.address_count(), 0);
    for (ChainId c : l.chain_ids()) {
      const TxStore& s = l.txs(c);
      for (std::size_t i = 0; i < s.output_count(); ++i) {
        const auto o = IdFromIndex<OutputId>(i);
        if (v.output_stolen(c, o).value_or(0) > 0) {
          stolen_address[Index(s.output_address(o))] = 1;
        }
      }
    }
  }
  for (AddressId a : l.address_ids()) {
    if (!v.selection().address(a)) continue;
    ++stats->addresses;
    const std::string owner(v.owner(a));
    const std::string name(l.address_name(a));
    std::string label = name;
    if (!owner.empty()) (label += '\n') += owner;
    sink.BeginNode(AddressNode(a),
                   !stolen_address.empty() && stolen_address[Index(a)] != 0);
    Element(sink, For::kNode)
        .Set("role", "address")
        .Set("chain", l.chain(l.address_chain(a)).name)
        .SetLabel("name", name, label)
        .Set("type", l.address_type(a))
        .Set("owner", owner)
        .Set("kind", v.owner_kind(a))
        .Set("label", v.label_kind(a))
        .Set("label_service", v.label_service(a));
    sink.EndElement();
  }
  std::vector<Amount> input_stolen;
  for (ChainId c : l.chain_ids()) {
    const TxStore& s = l.txs(c);
    for (TxId t : s.txs()) {
      if (!v.selection().tx(c, t)) continue;
      ++stats->transactions;
      const std::string node = TxNode(c, t);
      const AssetId asset = v.tx_asset(c, t);
      const TxTruth truth = v.tx_truth(c, t);
      sink.BeginNode(node, truth.attack != AttackId::kNone);
      Element(sink, For::kNode)
          .Set("role", "transaction")
          .Set("chain", l.chain(c).name)
          .SetLabel("name", s.txid(t), s.txid(t))
          .SetInt("time", v.unix_time(c, t))
          .Set("time_utc", FormatCalendarTime(v.unix_time(c, t)))
          .Set("asset", v.asset_name(asset))
          .Set("fee", v.Decimal(v.native_asset(c), s.fee(t)))
          .SetInt("fee_base_units", s.fee(t))
          .Set("coinbase", s.coinbase(t) ? "true" : "false")
          .Set("attack", v.tx_attack(c, t))
          .Set("stage", truth.stage);
      sink.EndElement();

      v.InputStolen(c, t, &input_stolen);
      const IdRange<InputId> inputs = s.inputs(t);
      for (std::size_t k = 0; k < inputs.size(); ++k) {
        const InputId i = inputs[k];
        ++stats->inputs;
        const Amount stolen = input_stolen.empty() ? 0 : input_stolen[k];
        const std::string amount = v.Decimal(asset, s.input_amount(i));
        sink.BeginEdge(AddressNode(s.input_address(i)), node, stolen > 0);
        Element e(sink, For::kEdge);
        e.Set("flow", "input")
            .SetInt("index", static_cast<std::int64_t>(k))
            .SetLabel("amount", amount, amount)
            .SetInt("amount_base_units", s.input_amount(i))
            .Set("asset", v.asset_name(asset))
            .SetInt("time", v.unix_time(c, t));
        if (!input_stolen.empty()) {
          e.Set("stolen", v.Decimal(asset, stolen))
              .SetInt("stolen_base_units", stolen);
        }
        sink.EndElement();
      }
      for (OutputId o : s.outputs(t)) {
        if (!v.selection().output(c, o)) continue;
        ++stats->outputs;
        const std::optional<Amount> stolen = v.output_stolen(c, o);
        const std::string amount = v.Decimal(asset, s.output_amount(o));
        sink.BeginEdge(node, AddressNode(s.output_address(o)),
                       stolen.value_or(0) > 0);
        Element e(sink, For::kEdge);
        e.Set("flow", "output")
            .SetInt("index", s.output_index(o))
            .SetLabel("amount", amount, amount)
            .SetInt("amount_base_units", s.output_amount(o))
            .Set("asset", v.asset_name(asset))
            .SetInt("time", v.unix_time(c, t));
        if (stolen) {
          e.Set("stolen", v.Decimal(asset, *stolen))
              .SetInt("stolen_base_units", *stolen)
              .Set("attack", v.output_attack(c, o));
        }
        sink.EndElement();
      }
    }
  }
  sink.End();
}

// ---- GraphML

// XML text: markup characters escaped; control characters XML 1.0 forbids
// become '?'.
void PutXml(FdWriter& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out.Put("&amp;");
        break;
      case '<':
        out.Put("&lt;");
        break;
      case '>':
        out.Put("&gt;");
        break;
      case '"':
        out.Put("&quot;");
        break;
      case '\'':
        out.Put("&apos;");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
            c != '\r') {
          out.Put('?');
        } else {
          out.Put(c);
        }
    }
  }
}

const char* KeyPrefix(For target) { return target == For::kNode ? "n_" : "e_"; }

class GraphMlSink : public GraphSink {
 public:
  explicit GraphMlSink(FdWriter& out) : out_(out) {}
  void Begin() override {
    out_.Put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (const Key& k : kKeys) {
      out_.Put("  <key id=\"").Put(KeyPrefix(k.target)).Put(k.name);
      out_.Put("\" for=\"").Put(k.target == For::kNode ? "node" : "edge");
      out_.Put("\" attr.name=\"").Put(k.name).Put("\" attr.type=\"");
      out_.Put(k.type == Type::kString ? "string"
               : k.type == Type::kLong ? "long"
                                       : "boolean");
      out_.Put("\"/>\n");
    }
    out_.Put("  <graph id=\"ledger\" edgedefault=\"directed\">\n");
  }
  void BeginNode(std::string_view id, bool /*stolen*/) override {
    out_.Put("    <node id=\"").Put(id).Put("\">\n");
    close_ = "    </node>\n";
  }
  void BeginEdge(std::string_view source, std::string_view target,
                 bool /*stolen*/) override {
    out_.Put("    <edge id=\"e").PutInt(edges_++).Put("\" source=\"");
    out_.Put(source).Put("\" target=\"").Put(target).Put("\">\n");
    close_ = "    </edge>\n";
  }
  void Attribute(For target, const char* name, std::string_view value,
                 std::string_view /*label*/) override {
    out_.Put("      <data key=\"").Put(KeyPrefix(target)).Put(name).Put("\">");
    PutXml(out_, value);
    out_.Put("</data>\n");
  }
  void EndElement() override { out_.Put(close_); }
  void End() override { out_.Put("  </graph>\n</graphml>\n"); }

 private:
  FdWriter& out_;
  const char* close_ = "";
  std::int64_t edges_ = 0;
};

// ---- DOT

// A double-quoted DOT string: quotes and backslashes escaped, line breaks
// written as \n.
void PutDotString(FdWriter& out, std::string_view text) {
  out.Put('"');
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out.Put('\\').Put(c);
    } else if (c == '\n') {
      out.Put("\\n");
    } else if (c != '\r') {
      out.Put(c);
    }
  }
  out.Put('"');
}

class DotSink : public GraphSink {
 public:
  explicit DotSink(FdWriter& out) : out_(out) {}
  void Begin() override {
    out_.Put(
        "digraph ledger {\n"
        "  node [shape=ellipse, fontsize=10];\n"
        "  edge [fontsize=8];\n");
  }
  void BeginNode(std::string_view id, bool stolen) override {
    out_.Put("  ");
    PutDotString(out_, id);
    out_.Put(" [");
    first_ = true;
    if (id.front() == 't') Put("shape", "box");
    if (stolen) Put("color", "red");
  }
  void BeginEdge(std::string_view source, std::string_view target,
                 bool stolen) override {
    out_.Put("  ");
    PutDotString(out_, source);
    out_.Put(" -> ");
    PutDotString(out_, target);
    out_.Put(" [");
    first_ = true;
    if (stolen) Put("color", "red");
  }
  void Attribute(For /*target*/, const char* name, std::string_view value,
                 std::string_view label) override {
    Put(name, value);
    if (!label.empty()) Put("label", label);
  }
  void EndElement() override { out_.Put("];\n"); }
  void End() override { out_.Put("}\n"); }

 private:
  void Put(std::string_view name, std::string_view value) {
    if (!first_) out_.Put(", ");
    first_ = false;
    PutDotString(out_, name);
    out_.Put('=');
    PutDotString(out_, value);
  }

  FdWriter& out_;
  bool first_ = true;
};

}  // namespace

void WriteGraphMl(const ExportView& view, FdWriter& out, ExportStats* stats) {
  GraphMlSink sink(out);
  EmitFlowGraph(view, sink, stats);
}

void WriteDot(const ExportView& view, FdWriter& out, ExportStats* stats) {
  DotSink sink(out);
  EmitFlowGraph(view, sink, stats);
}

}  // namespace chaintrace::io
