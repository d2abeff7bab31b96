#include "sim/eval/format.h"

#include <array>
#include <charconv>

namespace chaintrace::eval {

std::string FormatNumber(double v) {
  std::array<char, 64> buf{};
  const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), r.ptr);
}

}  // namespace chaintrace::eval
