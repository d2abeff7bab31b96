#ifndef CHAINTRACE_SIM_SCENARIO_VALIDATE_ATTACKS_H_
#define CHAINTRACE_SIM_SCENARIO_VALIDATE_ATTACKS_H_

// Validation of attacks and laundering plans: victims, groups, theft
// amounts against the victim's reserves, the theft's USD value at the
// attack time, and every stage's parameters and references. Reports through
// `checker`, whose names and span must already be set. Internal to
// sim/scenario/ (see validate.h).

#include "sim/scenario/checker.h"

namespace chaintrace::sim {

void ValidateAttacks(ScenarioChecker* checker);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_VALIDATE_ATTACKS_H_
