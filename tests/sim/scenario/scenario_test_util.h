#ifndef CHAINTRACE_TESTS_SIM_SCENARIO_SCENARIO_TEST_UTIL_H_
#define CHAINTRACE_TESTS_SIM_SCENARIO_SCENARIO_TEST_UTIL_H_

// Helpers for the scenario loading tests: fixture files, text edits, the
// position of a marker in a text, temporary directories, and an assertion
// that a scenario is refused with exactly one located error.

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "sim/scenario/loader.h"

namespace chaintrace::sim::testing {

// Absolute path of `relative` under tests/data/.
std::string DataPath(std::string_view relative);
// Contents of tests/data/`relative`.
std::string ReadData(std::string_view relative);

// `text` with the only occurrence of `from` replaced by `to`; fails the
// current test when `from` does not occur exactly once.
std::string ReplaceOnce(std::string text, std::string_view from,
                        std::string_view to);

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};
// Position of occurrence `nth` (0-based) of `marker` in `text`; fails the
// current test when there is no such occurrence or, with nth < 0, when the
// marker is not unique.
Position PositionOf(std::string_view text, std::string_view marker,
                    int nth = -1);

// Every diagnostic of `result`, one per line.
std::string Describe(const LoadResult& result);

// Loads `text` as `name` and expects exactly one diagnostic: in `name`, at
// `at`, for `field`, its message containing `message`.
void ExpectOnlyError(const std::string& text, std::string_view field,
                     std::string_view message, Position at,
                     const std::string& name = "full.textproto");

// Loads `text` as `name` and expects, among other diagnostics, one in
// `name` at `at` for `field` whose message contains `message`.
void ExpectError(const std::string& text, std::string_view field,
                 std::string_view message, Position at,
                 const std::string& name = "full.textproto");

// One edit of a valid scenario and the single error it must cause.
struct EditCase {
  const char* name;              // test name
  const char* from;              // replaced text, unique in the scenario
  const char* to;                // replacement
  const char* field;             // expected field path
  const char* message;           // part of the expected message
  const char* marker = nullptr;  // where the error is; default: `to`
  int nth = -1;                  // occurrence of `marker`; -1: unique
};

// Prints the case's name in test output.
void PrintTo(const EditCase& edit, std::ostream* out);

// Applies `edit` to tests/data/scenarios/full.textproto and expects
// exactly its error.
void ExpectEditError(const EditCase& edit);

// A fresh directory, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `contents` to `relative` (creating directories); returns the
  // full path.
  std::string Write(std::string_view relative, std::string_view contents) const;

 private:
  std::filesystem::path path_;
};

}  // namespace chaintrace::sim::testing

#endif  // CHAINTRACE_TESTS_SIM_SCENARIO_SCENARIO_TEST_UTIL_H_
