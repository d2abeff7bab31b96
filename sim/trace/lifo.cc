#include "sim/trace/lifo.h"

#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class LifoTracer final : public Tracer {
 public:
  explicit LifoTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "lifo"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    return TraceTaint(TaintModel::kLifo, options_, input);
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeLifoTracer(const TracerOptions& options) {
  return std::make_unique<LifoTracer>(options);
}

}  // namespace chaintrace::trace
