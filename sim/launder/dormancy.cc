// dormancy: the lots wait, untouched, for a time drawn uniformly in
// [min, max], then pass on. Documented dormancy: days to months, 40+ days
// typical, half cashed out within ~112 days (Chainalysis 2022).

#include "model/time.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

class DormancyStage final : public Stage {
 public:
  explicit DormancyStage(const scenario::Dormancy& spec) : spec_(spec) {}

  Seconds Step(StageContext& ctx) override {
    if (!waiting_) {
      waiting_ = true;
      const Seconds lo = ParseDuration(spec_.min()).value_or(0);
      const Seconds hi = std::max(lo, ParseDuration(spec_.max()).value_or(lo));
      return ctx.now() + ctx.rng->Between(lo, hi) + 1;
    }
    for (const Lot& l : ctx.in) ctx.Emit(l);
    ctx.in.clear();
    return kDone;
  }

 private:
  const scenario::Dormancy& spec_;
  bool waiting_ = false;
};

}  // namespace

std::unique_ptr<Stage> MakeDormancy(const scenario::Dormancy& spec) {
  return std::make_unique<DormancyStage>(spec);
}

}  // namespace chaintrace::sim::launder
