#ifndef CHAINTRACE_TOOLS_CHAINTRACE_RUN_SUMMARY_H_
#define CHAINTRACE_TOOLS_CHAINTRACE_RUN_SUMMARY_H_

// The terminal summary of `chaintrace run`: the run's provenance, per
// attack a short narrative (stages with times and amounts), per tracer its
// metrics, per exchange true vs attributed USD, and where each tracer lost
// each attack's trail.

#include <string>

#include "sim/eval/run.h"

namespace chaintrace::tools {

std::string FormatRunSummary(const eval::RunResult& run);

}  // namespace chaintrace::tools

#endif  // CHAINTRACE_TOOLS_CHAINTRACE_RUN_SUMMARY_H_
