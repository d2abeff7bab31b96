#ifndef CHAINTRACE_SIM_SWEEP_FIELD_SELECTOR_H_
#define CHAINTRACE_SIM_SWEEP_FIELD_SELECTOR_H_

// Names one scalar field of a scenario by path, and sets it by Protobuf
// reflection. The syntax extends FieldPath's ("a[1].b.c") with a selection
// of a repeated element by its `name` field, `plans[name=peel]`:
//
//   path    := segment ('.' segment)*
//   segment := field-name ( '[' index ']' | '[name=' text ']' )?
//
// where `text` is any characters but ']'. A selector is resolved against a
// message (the base scenario) into a FieldPath of indices once; that path
// is then set on every copy of the message. Resolution checks that every
// field exists, that repeated fields are indexed and exist, that a path
// does not go through a `oneof` member other than the one set, and that the
// path ends at a scalar. Messages are errors that name the failing part of
// the path; the caller adds the file location.

#include <google/protobuf/message.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "sim/scenario/field_path.h"

namespace chaintrace::sweep {

struct SelectorSegment {
  std::string name;  // field name as in the .proto
  int index = -1;    // [index]; -1 when not given
  std::string key;   // [name=key]; "" when not given
  bool has_key = false;
};

// Parses `text`; errors say which character is wrong.
Result<std::vector<SelectorSegment>> ParseFieldSelector(std::string_view text);

// Resolves `selector` against `root` into a path of element indices that
// ends at a scalar field.
Result<sim::FieldPath> ResolveFieldSelector(
    const google::protobuf::Message& root,
    const std::vector<SelectorSegment>& selector);

// The field `path` (resolved against `root`'s type) ends at.
const google::protobuf::FieldDescriptor* LeafField(
    const google::protobuf::Message& root, const sim::FieldPath& path);

// Checks that `value` (text) suits scalar field `field`: an integer in range
// for integer fields, a finite number for floating fields, true/false, an
// enum value name; any text for strings.
Status CheckFieldValue(const google::protobuf::FieldDescriptor& field,
                       std::string_view value);

// Sets the field at `path` (from ResolveFieldSelector on a message of the
// same type and shape) to `value`, creating unset messages on the way.
Status SetFieldValue(google::protobuf::Message* root,
                     const sim::FieldPath& path, std::string_view value);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_FIELD_SELECTOR_H_
