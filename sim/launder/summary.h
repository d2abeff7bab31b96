#ifndef CHAINTRACE_SIM_LAUNDER_SUMMARY_H_
#define CHAINTRACE_SIM_LAUNDER_SUMMARY_H_

// A readable account of each attack's laundering from its books: what was
// stolen, and where it ended (cashed out, held, in services, fees), per
// stage, in base units converted to USD at the theft's time; and any theft
// shortfall (a victim that held less than the scenario stole).

#include <string>

#include "sim/world/simulator.h"

namespace chaintrace::sim::launder {

std::string FormatLaundering(const SimulationResult& result,
                             const scenario::Scenario& scenario);

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_SUMMARY_H_
