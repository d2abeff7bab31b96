#include "sim/io/json_blocks.h"

#include <string>
#include <utility>
#include <vector>

namespace chaintrace::io {
namespace {

// Builds objects from SAX events; see the header for the document shapes.
class ObjectStreamer : public nlohmann::json_sax<Json> {
 public:
  explicit ObjectStreamer(const std::function<Status(Json&)>& on_object)
      : on_object_(on_object) {}

  const Status& status() const { return status_; }
  bool has_syntax_error() const { return syntax_error_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_message() const { return error_message_; }

  bool null() override { return Value(Json()); }
  bool boolean(bool v) override { return Value(Json(v)); }
  bool number_integer(number_integer_t v) override { return Value(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Value(Json(v)); }
  bool number_float(number_float_t /*v*/, const string_t& text) override {
    return Value(
        Json::binary(std::vector<std::uint8_t>(text.begin(), text.end())));
  }
  bool string(string_t& v) override { return Value(Json(std::move(v))); }
  bool binary(binary_t& v) override { return Value(Json::binary(v)); }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool start_object(std::size_t /*n*/) override { return Open(Json::object()); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t /*n*/) override {
    if (depth_ == 0) {
      // A top-level array: its elements are the objects.
      ++depth_;
      top_array_ = true;
      return true;
    }
    return Open(Json::array());
  }
  bool end_array() override {
    if (stack_.empty()) {
      --depth_;
      return true;  // the top-level array
    }
    return Close();
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& ex) override {
    syntax_error_ = true;
    error_position_ = position;
    error_message_ = ex.what();
    return false;
  }

 private:
  bool Fail(std::string message) {
    status_ = Status::Error(std::move(message));
    return false;
  }

  bool Value(Json v) {
    if (stack_.empty()) {
      return Fail(top_array_ ? "array element is not an object"
                             : "the document is not an object or an array");
    }
    Json* parent = stack_.back();
    if (parent->is_object()) {
      (*parent)[key_] = std::move(v);
    } else {
      parent->push_back(std::move(v));
    }
    return true;
  }

  bool Open(Json container) {
    ++depth_;
    if (stack_.empty()) {
      if (depth_ > 2 || (depth_ == 2 && !top_array_) ||
          !container.is_object()) {
        return Fail(top_array_ ? "array element is not an object"
                               : "the document is not an object or an array");
      }
      current_ = std::move(container);
      stack_.push_back(&current_);
      return true;
    }
    Json* parent = stack_.back();
    Json* child = nullptr;
    if (parent->is_object()) {
      child = &((*parent)[key_] = std::move(container));
    } else {
      parent->push_back(std::move(container));
      child = &parent->back();
    }
    stack_.push_back(child);
    return true;
  }

  bool Close() {
    --depth_;
    stack_.pop_back();
    if (!stack_.empty()) return true;
    Json object = std::move(current_);
    current_ = Json();
    // An RPC response: its result is the object or array of objects.
    if (!top_array_ && object.contains("result") && !object.contains("tx")) {
      Json result = std::move(object["result"]);
      if (result.is_array()) {
        for (Json& item : result) {
          if (!item.is_object()) return Fail("result element is not an object");
          if (!Emit(item)) return false;
        }
        return true;
      }
      if (!result.is_object()) return Fail("result is not an object");
      return Emit(result);
    }
    return Emit(object);
  }

  bool Emit(Json& object) {
    status_ = on_object_(object);
    return status_.ok();
  }

  const std::function<Status(Json&)>& on_object_;
  std::vector<Json*> stack_;
  Json current_;
  std::string key_;
  int depth_ = 0;
  bool top_array_ = false;
  Status status_;
  bool syntax_error_ = false;
  std::size_t error_position_ = 0;
  std::string error_message_;
};

// "name:line:col: " of byte `position` (1-based as nlohmann counts it).
std::string Location(std::string_view text, std::string_view name,
                     std::size_t position) {
  std::size_t line = 1;
  std::size_t col = 1;
  const std::size_t end =
      std::min(position > 0 ? position - 1 : 0, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::string(name) + ":" + std::to_string(line) + ":" +
         std::to_string(col) + ": ";
}

}  // namespace

Status ForEachJsonObject(std::string_view text, std::string_view name,
                         const std::function<Status(Json& object)>& on_object) {
  ObjectStreamer streamer(on_object);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &streamer);
  if (streamer.has_syntax_error()) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line
    // L, column C: <what>"; keep <what>, the location is ours.
    std::string what = streamer.error_message();
    if (const std::size_t p = what.find(": "); p != std::string::npos) {
      what = what.substr(p + 2);
    }
    return Status::Error(Location(text, name, streamer.error_position()) +
                         "JSON syntax error: " + what);
  }
  if (!streamer.status().ok()) {
    const std::string& m = streamer.status().message();
    // Messages from the callback carry their own location.
    return m.rfind(std::string(name), 0) == 0
               ? streamer.status()
               : Status::Error(std::string(name) + ": " + m);
  }
  if (!ok) return Status::Error(std::string(name) + ": JSON parse failed");
  return Status::Ok();
}

Result<Amount> ParseJsonDecimal(std::string_view text, int decimals) {
  const auto bad = [&](const std::string& why) {
    return Status::Error("amount " + std::string(text) + ": " + why);
  };
  if (!text.empty() && text.front() == '-') {
    return bad("negative amounts are not allowed");
  }
  std::string_view mantissa = text;
  long exponent = 0;
  if (const std::size_t e = text.find_first_of("eE");
      e != std::string_view::npos) {
    mantissa = text.substr(0, e);
    std::string_view exp = text.substr(e + 1);
    bool negative = false;
    if (!exp.empty() && (exp.front() == '+' || exp.front() == '-')) {
      negative = exp.front() == '-';
      exp.remove_prefix(1);
    }
    if (exp.empty() || exp.size() > 4 ||
        exp.find_first_not_of("0123456789") != std::string_view::npos) {
      return bad("malformed exponent");
    }
    for (char c : exp) exponent = exponent * 10 + (c - '0');
    if (negative) exponent = -exponent;
  }
  const std::size_t dot = mantissa.find('.');
  std::string digits(mantissa.substr(0, dot));
  long point = static_cast<long>(digits.size());
  if (dot != std::string_view::npos) digits += mantissa.substr(dot + 1);
  if (digits.empty() ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return bad("not a decimal number");
  }
  point += exponent;
  // Rewrite as plain "whole.fraction" and parse that exactly.
  std::string plain;
  if (point <= 0) {
    plain = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (point >= static_cast<long>(digits.size())) {
    plain = digits +
            std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    plain = digits.substr(0, static_cast<std::size_t>(point)) + "." +
            digits.substr(static_cast<std::size_t>(point));
  }
  Result<Amount> amount = ParseDecimalAmount(plain, decimals);
  if (!amount.ok()) return bad(amount.message());
  return amount;
}

Result<Amount> JsonAmount(const Json& value, int decimals) {
  if (value.is_binary()) {
    const auto& bytes = value.get_binary();
    return ParseJsonDecimal(
        std::string_view(reinterpret_cast<const char*>(bytes.data()),
                         bytes.size()),
        decimals);
  }
  if (value.is_number_unsigned()) {
    const auto v = value.get<std::uint64_t>();
    return ParseJsonDecimal(std::to_string(v), decimals);
  }
  if (value.is_number_integer()) {
    return ParseJsonDecimal(std::to_string(value.get<std::int64_t>()),
                            decimals);
  }
  if (value.is_string()) {
    return ParseJsonDecimal(value.get_ref<const std::string&>(), decimals);
  }
  return Status::Error("amount is not a number");
}

}  // namespace chaintrace::io
