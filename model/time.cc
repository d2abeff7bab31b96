#include "model/time.h"

#include <cstdio>

#include "model/amount.h"

namespace chaintrace {
namespace {

bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count,
                int* out) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = v;
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::int64_t DaysFromCivil(int year, int month, int day) {
  // Shift the year to start in March so that the leap day is last; then
  // count whole 400-year eras (146097 days each).
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t shifted_month = (month + 9) % 12;  // March = 0
  const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

Result<UnixSeconds> ParseCalendarTime(std::string_view text) {
  const auto bad = [&](const std::string& why) {
    return Status::Error("'" + std::string(text) +
                         "' is not an RFC 3339 UTC time (YYYY-MM-DD or "
                         "YYYY-MM-DDTHH:MM:SSZ): " +
                         why);
  };
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, 0, 4, &year) || text.size() < 10 || text[4] != '-' ||
      !ReadDigits(text, 5, 2, &month) || text[7] != '-' ||
      !ReadDigits(text, 8, 2, &day)) {
    return bad("malformed date");
  }
  if (text.size() != 10) {
    if (text.size() != 20 || text[10] != 'T' ||
        !ReadDigits(text, 11, 2, &hour) || text[13] != ':' ||
        !ReadDigits(text, 14, 2, &minute) || text[16] != ':' ||
        !ReadDigits(text, 17, 2, &second) || text[19] != 'Z') {
      return bad("malformed time of day");
    }
  }
  if (year < 1970) return bad("year before 1970");
  if (month < 1 || month > 12) return bad("month out of range");
  if (day < 1 || day > DaysInMonth(year, month)) return bad("day out of range");
  if (hour > 23 || minute > 59 || second > 59) {
    return bad("time of day out of range");
  }
  return DaysFromCivil(year, month, day) * 86400 + std::int64_t{hour} * 3600 +
         std::int64_t{minute} * 60 + second;
}

std::string FormatCalendarTime(UnixSeconds t) {
  std::int64_t days = t / 86400;
  std::int64_t rem = t % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // Inverse of DaysFromCivil.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe =
      (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d), static_cast<long long>(rem / 3600),
                static_cast<long long>(rem / 60 % 60),
                static_cast<long long>(rem % 60));
  return buf;
}

Result<Seconds> ParseDuration(std::string_view text) {
  const auto bad = [&](const std::string& why) {
    return Status::Error("'" + std::string(text) +
                         "' is not a duration (an integer and a unit s, m, "
                         "h, d or w, e.g. \"40d\"): " +
                         why);
  };
  if (text.size() < 2) return bad("too short");
  Seconds unit = 0;
  switch (text.back()) {
    case 's':
      unit = 1;
      break;
    case 'm':
      unit = 60;
      break;
    case 'h':
      unit = 3600;
      break;
    case 'd':
      unit = 86400;
      break;
    case 'w':
      unit = 604800;
      break;
    default:
      return bad("unknown unit");
  }
  Seconds value = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return bad("not a non-negative integer");
    const auto next = CheckedMul(value, 10);
    const auto sum = next ? CheckedAdd(*next, c - '0') : std::nullopt;
    if (!sum) return bad("too large");
    value = *sum;
  }
  const auto total = CheckedMul(value, unit);
  if (!total) return bad("too large");
  return *total;
}

std::string FormatDuration(Seconds s) {
  struct Unit {
    Seconds size;
    char name;
  };
  static constexpr Unit kUnits[] = {
      {604800, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}};
  for (const Unit& u : kUnits) {
    if (s != 0 && s % u.size == 0) return std::to_string(s / u.size) + u.name;
  }
  return std::to_string(s) + "s";
}

}  // namespace chaintrace
