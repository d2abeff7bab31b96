#ifndef CHAINTRACE_SIM_SWEEP_NUMBER_TEXT_H_
#define CHAINTRACE_SIM_SWEEP_NUMBER_TEXT_H_

// Numbers as text, the same bytes on every platform: the shortest decimal
// that reads back to the same double (std::to_chars), and strict parsing of
// a whole string.

#include <optional>
#include <string>
#include <string_view>

namespace chaintrace::sweep {

// Shortest round-trip text of `value`, e.g. "0.1", "1e-07", "250".
std::string FormatShortest(double value);

// `text` as a finite number, when all of it is one.
std::optional<double> ParseFiniteNumber(std::string_view text);

// `value` with `decimals` digits after the point ("%.*f" in the C locale).
std::string FormatFixed(double value, int decimals);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_NUMBER_TEXT_H_
