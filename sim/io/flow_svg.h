#ifndef CHAINTRACE_SIM_IO_FLOW_SVG_H_
#define CHAINTRACE_SIM_IO_FLOW_SVG_H_

// The flow of one attack's stolen funds as a layered (Sankey-style) SVG
// diagram, drawn from a report's AttackSummary alone: a column for the
// victim (stolen USD), one per laundering stage (USD entering it, in plan
// order), and a last column splitting the outcome into cashed out, held and
// fees. Node heights and band widths are proportional to USD; a band
// between two stages is as wide as the smaller of the two. Each node is a
// <rect class="node"> with a <title> tooltip; bands are <path class="band">.
// Deterministic bytes; no scripts or external resources.

#include <string>

#include "proto/report.pb.h"
#include "sim/io/xml_escape.h"

namespace chaintrace::io {

std::string RenderFlowSvg(const report::AttackSummary& attack);

// "$1.25M", "$830k", "$12": USD for labels, three significant digits.
std::string FormatUsdShort(double usd);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_FLOW_SVG_H_
