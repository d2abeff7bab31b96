// hold: the lots stay with the attacker, unlaundered (documented: ~US$170M
// of older proceeds still held, Chainalysis 2022). Later stages get nothing.

#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {
namespace {

class HoldStage final : public Stage {
 public:
  Seconds Step(StageContext& ctx) override {
    for (const Lot& l : ctx.in) ctx.Hold(l);
    ctx.in.clear();
    return kDone;
  }
};

}  // namespace

std::unique_ptr<Stage> MakeHold() { return std::make_unique<HoldStage>(); }

}  // namespace chaintrace::sim::launder
