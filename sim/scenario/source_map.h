#ifndef CHAINTRACE_SIM_SCENARIO_SOURCE_MAP_H_
#define CHAINTRACE_SIM_SCENARIO_SOURCE_MAP_H_

// Merges the scenarios of several files into one and remembers where every
// element of the merged scenario came from, so that an error found on
// merged data ("entities[7].exchange.reserves[0].amount") is reported at the
// right file:line:col.
//
// Merge rule, applied per top-level Scenario field in merge order: a repeated
// field is appended; a singular field (scalar or message) set in the later
// file replaces the earlier value as a whole (messages are not merged field by
// field). The `include` field is never merged.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "proto/scenario.pb.h"
#include "sim/scenario/diagnostic.h"
#include "sim/scenario/field_path.h"
#include "sim/scenario/text_parser.h"

namespace chaintrace::sim {

class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(const SourceMap&) = delete;
  SourceMap& operator=(const SourceMap&) = delete;
  SourceMap(SourceMap&&) = default;
  SourceMap& operator=(SourceMap&&) = default;

  // Registers a parsed file; returns its id. The first file added is the root:
  // errors on fields no file sets (a missing required field) are reported
  // there.
  int AddFile(std::string path, std::unique_ptr<ParseInfoTree> locations);

  // Merges `part`, the scenario parsed from file `file_id`, into `merged`
  // and records the origin of every field it contributes.
  void Merge(int file_id, const scenario::Scenario& part,
             scenario::Scenario* merged);

  // A diagnostic for `path` of the merged scenario, located at the deepest
  // element of the path that some file wrote (the field itself, or the
  // nearest enclosing message when the field is unset).
  Diagnostic Locate(const FieldPath& path, std::string message) const;

  // Like Locate, for a path in file `file_id`'s own scenario (indices local
  // to that file), e.g. one of its `include` entries.
  Diagnostic LocateInFile(int file_id, const FieldPath& path,
                          std::string message) const;

  // "file:line:col" of `path` in the merged scenario (parts left out when
  // unknown).
  std::string Position(const FieldPath& path) const;

 private:
  struct File {
    std::string path;
    std::unique_ptr<ParseInfoTree> locations;
  };
  struct Origin {
    int file = -1;
    int index = -1;  // element index in that file; -1 for singular fields
  };

  // Locates `path`, whose first segment is element `first_index` (local to
  // `file_id`) of its field.
  Diagnostic Walk(int file_id, const FieldPath& path, int first_index,
                  std::string message) const;

  std::vector<File> files_;
  // Keyed by Scenario field number.
  std::map<int, std::vector<Origin>> repeated_;
  std::map<int, Origin> singular_;
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_SOURCE_MAP_H_
