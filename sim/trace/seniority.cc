#include "sim/trace/seniority.h"

#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class SeniorityTracer final : public Tracer {
 public:
  explicit SeniorityTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "seniority"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    return TraceTaint(TaintModel::kSeniority, options_, input);
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeSeniorityTracer(const TracerOptions& options) {
  return std::make_unique<SeniorityTracer>(options);
}

}  // namespace chaintrace::trace
