#ifndef CHAINTRACE_TESTS_SIM_IO_SAMPLE_REPORT_H_
#define CHAINTRACE_TESTS_SIM_IO_SAMPLE_REPORT_H_

// A hand-built report (proto/report.proto) for tests of the HTML report:
// one attack of US$10M through three stages (split, mixer, cash_out), two
// tracers, two exchanges.

#include "proto/report.pb.h"

namespace chaintrace::testing_util {

report::Report SampleReport();

}  // namespace chaintrace::testing_util

#endif  // CHAINTRACE_TESTS_SIM_IO_SAMPLE_REPORT_H_
