// The text encoding of ledger_io.h.

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <string>

#include "model/atomic_file.h"
#include "model/ledger_decode.h"
#include "model/ledger_encode.h"
#include "model/ledger_io.h"
#include "proto/ledger.pb.h"

namespace chaintrace {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::TextFormat;

std::string At(std::string_view name, int line, int column) {
  std::string s(name);
  if (line >= 0) {
    s += ":" + std::to_string(line + 1) + ":" + std::to_string(column + 1);
  }
  return s;
}

std::string At(std::string_view name, TextFormat::ParseLocation loc) {
  return At(name, loc.line, loc.column);
}

// Keeps the first syntax error, located; never prints.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  explicit FirstError(std::string_view name) : name_(name) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    if (error_.empty()) error_ = At(name_, line, column) + ": " + message;
  }
  void AddWarning(int, google::protobuf::io::ColumnNumber,
                  const std::string&) override {}
  const std::string& error() const { return error_; }

 private:
  std::string_view name_;
  std::string error_;
};

const FieldDescriptor* Field(const google::protobuf::Descriptor* d,
                             const char* name) {
  return d->FindFieldByName(name);
}

}  // namespace

Result<LedgerFile> ReadLedgerText(std::string_view text, std::string_view name,
                                  const ReadOptions& options) {
  ledger::Ledger message;
  TextFormat::ParseInfoTree tree;
  FirstError errors(name);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(text), &message)) {
    return Status::Error(errors.error().empty()
                             ? std::string(name) + ": malformed text ledger"
                             : errors.error());
  }

  const google::protobuf::Descriptor* d = ledger::Ledger::descriptor();
  // The located error for element `index` of top-level field `field`.
  const auto fail = [&](const char* field, int index, const Status& st) {
    return Status::Error(At(name, tree.GetLocation(Field(d, field), index)) +
                         ": " + st.message());
  };
  if (!message.has_header()) {
    return Status::Error(std::string(name) + ": the ledger has no header");
  }
  LedgerDecoder decoder(DecodeOptions{/*auto_create_addresses=*/true,
                                      options.check_conservation,
                                      options.lenient});
  if (Status st = decoder.AddHeader(message.header()); !st.ok()) {
    return fail("header", -1, st);
  }
  for (int i = 0; i < message.entities_size(); ++i) {
    if (Status st = decoder.AddEntity(message.entities(i)); !st.ok()) {
      return fail("entities", i, st);
    }
  }
  for (int i = 0; i < message.attacks_size(); ++i) {
    if (Status st = decoder.AddAttack(message.attacks(i)); !st.ok()) {
      return fail("attacks", i, st);
    }
  }
  for (int i = 0; i < message.addresses_size(); ++i) {
    if (Status st = decoder.AddAddress(message.addresses(i)); !st.ok()) {
      return fail("addresses", i, st);
    }
  }
  const FieldDescriptor* tx_field = Field(d, "transactions");
  for (int i = 0; i < message.transactions_size(); ++i) {
    TxErrorSite site;
    Status st = decoder.AddTransaction(message.transactions(i), &site);
    if (st.ok()) continue;
    TextFormat::ParseLocation loc = tree.GetLocation(tx_field, i);
    const TextFormat::ParseInfoTree* nested =
        tree.GetTreeForNested(tx_field, i);
    if (nested != nullptr && site.part != TxErrorSite::Part::kTransaction) {
      const bool input = site.part == TxErrorSite::Part::kInput;
      const FieldDescriptor* part = Field(ledger::Transaction::descriptor(),
                                          input ? "inputs" : "outputs");
      const auto inner =
          nested->GetLocation(part, static_cast<int>(site.index));
      if (inner.line >= 0) loc = inner;
    }
    return Status::Error(At(name, loc) + ": " + st.message());
  }
  for (int i = 0; i < message.thefts_size(); ++i) {
    if (Status st = decoder.AddTheft(message.thefts(i)); !st.ok()) {
      return fail("thefts", i, st);
    }
  }
  for (int i = 0; i < message.cash_outs_size(); ++i) {
    if (Status st = decoder.AddCashOut(message.cash_outs(i)); !st.ok()) {
      return fail("cash_outs", i, st);
    }
  }
  for (int i = 0; i < message.labels_size(); ++i) {
    if (Status st = decoder.AddLabel(message.labels(i)); !st.ok()) {
      return fail("labels", i, st);
    }
  }
  return decoder.Finish();
}

std::string FormatLedgerText(const LedgerFile& file) {
  ledger::Ledger message;
  // The sink never fails.
  (void)ForEachRecord(file, [&](const ledger::Record& r) {
    switch (r.record_case()) {
      case ledger::Record::kHeader:
        *message.mutable_header() = r.header();
        break;
      case ledger::Record::kEntity:
        *message.add_entities() = r.entity();
        break;
      case ledger::Record::kAddress:
        *message.add_addresses() = r.address();
        break;
      case ledger::Record::kTransaction:
        *message.add_transactions() = r.transaction();
        break;
      case ledger::Record::kTheft:
        *message.add_thefts() = r.theft();
        break;
      case ledger::Record::kAttack:
        *message.add_attacks() = r.attack();
        break;
      case ledger::Record::kCashOut:
        *message.add_cash_outs() = r.cash_out();
        break;
      case ledger::Record::kLabel:
        *message.add_labels() = r.label();
        break;
      case ledger::Record::RECORD_NOT_SET:
        break;
    }
    return Status::Ok();
  });
  std::string text;
  TextFormat::PrintToString(message, &text);
  return text;
}

Status WriteLedgerText(const LedgerFile& file, const std::string& path) {
  const std::string text = FormatLedgerText(file);
  return WriteFileAtomically(path,
                             [&](int fd) { return WriteAll(fd, text, path); });
}

}  // namespace chaintrace
