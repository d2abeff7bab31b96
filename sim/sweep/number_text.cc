#include "sim/sweep/number_text.h"

#include <array>
#include <charconv>
#include <cmath>

namespace chaintrace::sweep {

std::string FormatShortest(double value) {
  std::array<char, 64> buf{};
  const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  return std::string(buf.data(), result.ptr);
}

std::optional<double> ParseFiniteNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string FormatFixed(double value, int decimals) {
  std::array<char, 64> buf{};
  const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value,
                                    std::chars_format::fixed, decimals);
  std::string out(buf.data(), result.ptr);
  if (out == "-0" || out.find_first_not_of("-0.") == std::string::npos) {
    // "-0.00" reads badly on an axis.
    if (!out.empty() && out.front() == '-') out.erase(0, 1);
  }
  return out;
}

}  // namespace chaintrace::sweep
