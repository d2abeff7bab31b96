#ifndef CHAINTRACE_SIM_SWEEP_SVG_PLOT_H_
#define CHAINTRACE_SIM_SWEEP_SVG_PLOT_H_

// Draws a PlotData as a standalone SVG 1.1 document: a line chart with one
// <polyline> per series (class "series", one vertex per point), a circle
// per point, a vertical error bar per point, labelled axes with ticks at
// 1-2-5 steps (powers of ten on a log axis), the title, a legend and a note
// saying what the error bars show. No scripts, no external fonts or files;
// the same data gives the same bytes.

#include <string>
#include <vector>

#include "sim/sweep/plot_data.h"

namespace chaintrace::sweep {

std::string RenderSvgPlot(const PlotData& data);

// Tick positions for [low, high]: multiples of a step of 1, 2 or 5 times a
// power of ten, about `target` of them, covering the range.
struct Ticks {
  std::vector<double> values;
  int decimals = 0;  // digits after the point that label them exactly
};
Ticks NiceTicks(double low, double high, int target);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_SVG_PLOT_H_
