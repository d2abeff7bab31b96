#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {

std::string_view StageKindName(const scenario::Stage& spec) {
  switch (spec.kind_case()) {
    case scenario::Stage::kSplit:
      return "split";
    case scenario::Stage::kPeelChain:
      return "peel_chain";
    case scenario::Stage::kConsolidate:
      return "consolidate";
    case scenario::Stage::kDexSwap:
      return "dex_swap";
    case scenario::Stage::kMixer:
      return "mixer";
    case scenario::Stage::kCoinjoin:
      return "coinjoin";
    case scenario::Stage::kBridge:
      return "bridge";
    case scenario::Stage::kOtc:
      return "otc";
    case scenario::Stage::kDormancy:
      return "dormancy";
    case scenario::Stage::kCashOut:
      return "cash_out";
    case scenario::Stage::kHold:
    case scenario::Stage::KIND_NOT_SET:
      break;
  }
  return "hold";
}

std::unique_ptr<Stage> MakeStage(const scenario::Stage& spec) {
  switch (spec.kind_case()) {
    case scenario::Stage::kSplit:
      return MakeSplit(spec.split());
    case scenario::Stage::kPeelChain:
      return MakePeelChain(spec.peel_chain());
    case scenario::Stage::kConsolidate:
      return MakeConsolidate(spec.consolidate());
    case scenario::Stage::kDexSwap:
      return MakeDexSwap(spec.dex_swap());
    case scenario::Stage::kMixer:
      return MakeMixer(spec.mixer());
    case scenario::Stage::kCoinjoin:
      return MakeCoinJoin(spec.coinjoin());
    case scenario::Stage::kBridge:
      return MakeBridge(spec.bridge());
    case scenario::Stage::kOtc:
      return MakeOtc(spec.otc());
    case scenario::Stage::kDormancy:
      return MakeDormancy(spec.dormancy());
    case scenario::Stage::kCashOut:
      return MakeCashOut(spec.cash_out());
    case scenario::Stage::kHold:
    case scenario::Stage::KIND_NOT_SET:
      break;
  }
  return MakeHold();
}

}  // namespace chaintrace::sim::launder
