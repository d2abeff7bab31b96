#ifndef CHAINTRACE_SIM_TRACE_REGISTRY_H_
#define CHAINTRACE_SIM_TRACE_REGISTRY_H_

// The one map from tracer names to factories. The CLI (`--tracer NAME`), the
// scenario's TracerSpec and the evaluator all create tracers through it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

struct TracerInfo {
  std::string name;
  // One line: what it does and its source.
  std::string summary;
};

// Every registered tracer, in a fixed order.
const std::vector<TracerInfo>& RegisteredTracers();

// Errors: unknown name (the message lists the known ones).
Result<std::unique_ptr<Tracer>> MakeTracer(std::string_view name,
                                           const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_REGISTRY_H_
