#include "sim/trace/haircut.h"

#include "sim/trace/haircut_system.h"
#include "sim/trace/taint_walk.h"

namespace chaintrace::trace {
namespace {

class HaircutTracer final : public Tracer {
 public:
  explicit HaircutTracer(const TracerOptions& options) : options_(options) {}
  std::string_view name() const override { return "haircut"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    // The integer walk solves the exact fractions (output_score) too.
    Result<TraceResult> result =
        TraceTaint(TaintModel::kHaircut, options_, input);
    if (!result.ok() || !options_.haircut_eigen) return result;
    for (ChainId c : input.ledger->chain_ids()) {
      result->chains[Index(c)].output_score =
          HaircutFractions(input, c, options_);
    }
    return result;
  }

 private:
  TracerOptions options_;
};

}  // namespace

std::unique_ptr<Tracer> MakeHaircutTracer(const TracerOptions& options) {
  return std::make_unique<HaircutTracer>(options);
}

}  // namespace chaintrace::trace
