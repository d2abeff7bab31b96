#include "sim/trace/fifo.h"

#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class FifoTracer final : public Tracer {
 public:
  explicit FifoTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "fifo"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    return TraceTaint(TaintModel::kFifo, options_, input);
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeFifoTracer(const TracerOptions& options) {
  return std::make_unique<FifoTracer>(options);
}

}  // namespace chaintrace::trace
