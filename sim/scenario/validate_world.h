#ifndef CHAINTRACE_SIM_SCENARIO_VALIDATE_WORLD_H_
#define CHAINTRACE_SIM_SCENARIO_VALIDATE_WORLD_H_

// Validation of the simulated world: chains, assets, entities and
// background traffic. Reports through `checker`, whose names must already be
// indexed. Internal to sim/scenario/ (see validate.h).

#include "sim/scenario/checker.h"

namespace chaintrace::sim {

void ValidateWorld(ScenarioChecker* checker);

// The asset a mixer mixes: its `asset`, or its chain's native asset; nullptr
// when unknown.
const scenario::Asset* MixerAsset(const ScenarioChecker& checker,
                                  const scenario::Mixer& mixer);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_VALIDATE_WORLD_H_
