#ifndef CHAINTRACE_SIM_SCENARIO_TEXT_PARSER_H_
#define CHAINTRACE_SIM_SCENARIO_TEXT_PARSER_H_

// Parses the text of one scenario file (Protobuf text format) into a
// Scenario and the location of every field in it, without following
// includes. Refuses, each with a located Diagnostic: NUL bytes, control
// characters and invalid UTF-8 (binary data), text with no content (only
// whitespace and comments), syntax and type errors, unknown fields and enum
// values, singular fields given twice, and nesting deeper than the
// recursion limit. Lines and columns are 1-based; columns count bytes, with
// a tab advancing to the next multiple of 8 as Protobuf's tokenizer does, so
// every column reported for a file is measured the same way. A leading UTF-8
// byte order mark is skipped.

#include <google/protobuf/text_format.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "proto/scenario.pb.h"
#include "sim/scenario/diagnostic.h"

namespace chaintrace::sim {

using ParseInfoTree = google::protobuf::TextFormat::ParseInfoTree;

struct ParsedFile {
  scenario::Scenario scenario;
  // Locations of the fields of `scenario`, 0-based as Protobuf records them.
  std::unique_ptr<ParseInfoTree> locations;
};

// Deepest message nesting accepted by default; real scenarios nest about 6
// levels.
inline constexpr int kDefaultRecursionLimit = 64;

// Parses `text`, the contents of `file` (used only in diagnostics). On
// failure returns nullopt and appends at least one diagnostic naming `file`.
std::optional<ParsedFile> ParseScenarioText(
    std::string_view text, const std::string& file, int recursion_limit,
    std::vector<Diagnostic>* diagnostics);

// The same checks and parse for a message of any type (e.g. a sweep file):
// fills `message` and `locations`; `kind` names the kind of file in
// diagnostics ("scenario", "sweep"). Returns false after appending at least
// one diagnostic naming `file`.
bool ParseTextMessage(std::string_view text, const std::string& file,
                      std::string_view kind, int recursion_limit,
                      google::protobuf::Message* message,
                      ParseInfoTree* locations,
                      std::vector<Diagnostic>* diagnostics);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_TEXT_PARSER_H_
