#ifndef CHAINTRACE_SIM_EVAL_FORMAT_H_
#define CHAINTRACE_SIM_EVAL_FORMAT_H_

// Report numbers as text: the shortest decimal that reads back as the same
// double (std::to_chars), so CSV and messages are exact and deterministic.

#include <string>

namespace chaintrace::eval {

std::string FormatNumber(double v);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_FORMAT_H_
