#ifndef CHAINTRACE_MODEL_TIME_H_
#define CHAINTRACE_MODEL_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace chaintrace {

// Simulated time: seconds since the scenario's calendar start (time 0).
using Seconds = std::int64_t;
// Calendar time: seconds since 1970-01-01T00:00:00Z, no leap seconds.
using UnixSeconds = std::int64_t;

// Parses RFC 3339 UTC: "2020-09-25" (midnight) or "2020-09-25T14:30:00Z".
// Years 1970..9999; month, day, hour, minute and second are range-checked
// (including the length of February in leap years).
Result<UnixSeconds> ParseCalendarTime(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatCalendarTime(UnixSeconds t);

// Parses a duration: a non-negative integer followed by one unit, s, m, h,
// d or w ("90s", "40d"). Refuses values whose seconds overflow int64.
Result<Seconds> ParseDuration(std::string_view text);

// Formats seconds as the largest exact unit ("3d", "90m", "7s").
std::string FormatDuration(Seconds s);

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DaysFromCivil(int year, int month, int day);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_TIME_H_
