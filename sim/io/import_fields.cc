#include "sim/io/import_fields.h"

#include <cctype>

namespace chaintrace::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Removes a ".digits" fraction from the front of `*rest`, if any.
bool SkipFraction(std::string_view* rest) {
  if (rest->empty() || rest->front() != '.') return true;
  std::size_t n = 1;
  while (n < rest->size() && IsDigit((*rest)[n])) ++n;
  if (n == 1) return false;
  rest->remove_prefix(n);
  return true;
}

}  // namespace

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Result<std::string> NormalizeHexAddress(std::string_view text) {
  const std::string_view original = TrimSpaces(text);
  std::string_view digits = original;
  if (digits.empty()) return Status::Error("empty address");
  if (digits.substr(0, 2) == "0x" || digits.substr(0, 2) == "0X" ||
      digits.substr(0, 2) == "\\x") {
    digits.remove_prefix(2);
  }
  for (char c : digits) {
    if (!IsHex(c)) {
      return Status::Error("address '" + std::string(original) +
                           "' is not hexadecimal");
    }
  }
  if (digits.size() != kAccountAddressHexDigits) {
    return Status::Error("address '" + std::string(original) + "' has " +
                         std::to_string(digits.size()) + " hex digits, not " +
                         std::to_string(kAccountAddressHexDigits));
  }
  return "0x" + AsciiLower(digits);
}

Result<UnixSeconds> ParseTransferTime(std::string_view text) {
  const std::string_view t = TrimSpaces(text);
  const auto bad = [&] {
    return Status::Error(
        "time '" + std::string(t) +
        "' is neither Unix seconds nor 'YYYY-MM-DD HH:MM:SS[ UTC]' / RFC "
        "3339 UTC");
  };
  std::string_view whole = t;
  if (const std::size_t dot = t.find('.');
      dot != std::string_view::npos && AllDigits(t.substr(0, dot))) {
    whole = t.substr(0, dot);
    std::string_view rest = t.substr(dot);
    if (!SkipFraction(&rest) || !rest.empty()) return bad();
  }
  if (AllDigits(whole)) {
    if (whole.size() > 12) return bad();  // beyond year 9999
    UnixSeconds s = 0;
    for (char c : whole) s = s * 10 + (c - '0');
    return s;
  }
  // Calendar forms: "YYYY-MM-DD", a 'T' or ' ', "HH:MM:SS", fraction, zone.
  if (t.size() < 19 || (t[10] != 'T' && t[10] != ' ')) return bad();
  std::string rfc(t.substr(0, 19));
  rfc[10] = 'T';
  std::string_view rest = t.substr(19);
  if (!SkipFraction(&rest)) return bad();
  if (!(rest.empty() || rest == "Z" || rest == " UTC" || rest == "UTC" ||
        rest == "+00:00" || rest == " +00:00" || rest == "+0000")) {
    return bad();
  }
  Result<UnixSeconds> parsed = ParseCalendarTime(rfc + "Z");
  if (!parsed.ok()) {
    return Status::Error("time '" + std::string(t) + "': " + parsed.message());
  }
  return parsed;
}

}  // namespace chaintrace::io
