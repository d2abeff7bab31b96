#ifndef CHAINTRACE_SIM_SCENARIO_DIAGNOSTIC_H_
#define CHAINTRACE_SIM_SCENARIO_DIAGNOSTIC_H_

// One error found while loading a scenario: where it is (file, 1-based line
// and column, field path) and what is wrong. Unknown parts are left empty or
// zero and omitted when formatted. A plain value; no I/O.

#include <string>

namespace chaintrace::sim {

struct Diagnostic {
  std::string file;   // path as given (root) or resolved (included files)
  int line = 0;       // 1-based; 0 if unknown
  int column = 0;     // 1-based; 0 if unknown
  std::string field;  // field path, e.g. "attacks[2].inline_plan.stages[0]"
  std::string message;

  // "file:line:col: field: message", leaving out the parts that are unknown
  // (no column without a line).
  std::string ToString() const;
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_DIAGNOSTIC_H_
