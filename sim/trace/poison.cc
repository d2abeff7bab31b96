#include "sim/trace/poison.h"

#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class PoisonTracer final : public Tracer {
 public:
  explicit PoisonTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "poison"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    return TraceTaint(TaintModel::kPoison, options_, input);
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakePoisonTracer(const TracerOptions& options) {
  return std::make_unique<PoisonTracer>(options);
}

}  // namespace chaintrace::trace
