#include "sim/trace/tiho.h"

#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class TihoTracer final : public Tracer {
 public:
  explicit TihoTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "tiho"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    return TraceTaint(TaintModel::kTiho, options_, input);
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeTihoTracer(const TracerOptions& options) {
  return std::make_unique<TihoTracer>(options);
}

}  // namespace chaintrace::trace
