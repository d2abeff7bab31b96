#include "sim/sweep/field_selector.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

namespace chaintrace::sweep {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

Status Bad(std::string_view text, std::size_t at, const std::string& what) {
  return Status::Error("bad field path '" + std::string(text) +
                       "' at character " + std::to_string(at + 1) + ": " +
                       what);
}

template <typename T>
bool ParseNumber(std::string_view text, T* out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, *out);
  return ec == std::errc() && ptr == end && !text.empty();
}

// "path so far: " for messages; "" at the root.
std::string Prefix(const sim::FieldPath& path) {
  return path.empty() ? "" : path.ToString() + ": ";
}

}  // namespace

Result<std::vector<SelectorSegment>> ParseFieldSelector(std::string_view text) {
  std::vector<SelectorSegment> out;
  std::size_t i = 0;
  if (text.empty()) return Status::Error("empty field path");
  while (true) {
    SelectorSegment segment;
    if (i >= text.size() || !IsNameStart(text[i])) {
      return Bad(text, i, "expected a field name");
    }
    const std::size_t start = i;
    while (i < text.size() && IsNameChar(text[i])) ++i;
    segment.name = std::string(text.substr(start, i - start));
    if (i < text.size() && text[i] == '[') {
      const std::size_t close = text.find(']', i);
      if (close == std::string_view::npos) return Bad(text, i, "unclosed '['");
      const std::string_view inside = text.substr(i + 1, close - i - 1);
      constexpr std::string_view kKey = "name=";
      if (inside.substr(0, kKey.size()) == kKey) {
        segment.has_key = true;
        segment.key = std::string(inside.substr(kKey.size()));
        if (segment.key.empty()) return Bad(text, i + 1, "empty name");
      } else if (!ParseNumber(inside, &segment.index) || segment.index < 0) {
        return Bad(text, i + 1,
                   "expected an element index [N] or a name [name=NAME]");
      }
      i = close + 1;
    }
    out.push_back(std::move(segment));
    if (i == text.size()) break;
    if (text[i] != '.') return Bad(text, i, "expected '.' or '['");
    ++i;
  }
  return out;
}

Result<sim::FieldPath> ResolveFieldSelector(
    const Message& root, const std::vector<SelectorSegment>& selector) {
  sim::FieldPath path;
  const Message* message = &root;
  for (std::size_t k = 0; k < selector.size(); ++k) {
    const SelectorSegment& segment = selector[k];
    const bool last = k + 1 == selector.size();
    if (message == nullptr) {
      return Status::Error(Prefix(path) +
                           "is not a message; it has no field '" +
                           segment.name + "'");
    }
    const Descriptor* type = message->GetDescriptor();
    const Reflection* reflection = message->GetReflection();
    const FieldDescriptor* field = type->FindFieldByName(segment.name);
    if (field == nullptr) {
      return Status::Error(Prefix(path) + "no field '" + segment.name +
                           "' in " + type->full_name());
    }
    if (const auto* oneof = field->containing_oneof()) {
      const FieldDescriptor* set =
          reflection->GetOneofFieldDescriptor(*message, oneof);
      if (set != nullptr && set != field) {
        return Status::Error(Prefix(path) + "its " + oneof->name() + " is '" +
                             set->name() + "', not '" + segment.name + "'");
      }
    }
    const bool is_message =
        field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (field->is_repeated()) {
      const int size = reflection->FieldSize(*message, field);
      int index = segment.index;
      if (segment.has_key) {
        const FieldDescriptor* name_field =
            is_message ? field->message_type()->FindFieldByName("name")
                       : nullptr;
        if (name_field == nullptr ||
            name_field->cpp_type() != FieldDescriptor::CPPTYPE_STRING ||
            name_field->is_repeated()) {
          return Status::Error(Prefix(path) + "elements of '" + segment.name +
                               "' have no name; select one by index [N]");
        }
        index = -1;
        for (int e = 0; e < size && index < 0; ++e) {
          const Message& element =
              reflection->GetRepeatedMessage(*message, field, e);
          if (element.GetReflection()->GetString(element, name_field) ==
              segment.key) {
            index = e;
          }
        }
        if (index < 0) {
          return Status::Error(Prefix(path) + "no element of '" + segment.name +
                               "' is named '" + segment.key + "'");
        }
      } else if (index < 0) {
        return Status::Error(Prefix(path) + "'" + segment.name +
                             "' is repeated: select an element with [N] or "
                             "[name=NAME]");
      } else if (index >= size) {
        return Status::Error(Prefix(path) + segment.name + "[" +
                             std::to_string(index) + "] does not exist: '" +
                             segment.name + "' has " + std::to_string(size) +
                             " element" + (size == 1 ? "" : "s"));
      }
      path = path.Element(segment.name, index);
      message = is_message
                    ? &reflection->GetRepeatedMessage(*message, field, index)
                    : nullptr;
    } else {
      if (segment.index >= 0 || segment.has_key) {
        return Status::Error(Prefix(path) + "'" + segment.name +
                             "' is not repeated: remove the [...]");
      }
      path = path.Field(segment.name);
      message = is_message ? &reflection->GetMessage(*message, field) : nullptr;
    }
    if (last && is_message) {
      return Status::Error(path.ToString() +
                           ": is a message; name one of its fields");
    }
  }
  return path;
}

const FieldDescriptor* LeafField(const Message& root,
                                 const sim::FieldPath& path) {
  const Descriptor* type = root.GetDescriptor();
  const FieldDescriptor* field = nullptr;
  for (const sim::PathSegment& segment : path.segments()) {
    if (type == nullptr) return nullptr;
    field = type->FindFieldByName(segment.name);
    if (field == nullptr) return nullptr;
    type = field->message_type();
  }
  return field;
}

Status CheckFieldValue(const FieldDescriptor& field, std::string_view value) {
  const auto bad = [&](const std::string& want) {
    return Status::Error("value '" + std::string(value) + "' is not " + want +
                         " (field '" + field.name() + "' is " +
                         field.type_name() + ")");
  };
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: {
      std::int32_t v = 0;
      if (!ParseNumber(value, &v)) return bad("a 32-bit integer");
      return Status::Ok();
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      std::int64_t v = 0;
      if (!ParseNumber(value, &v)) return bad("a 64-bit integer");
      return Status::Ok();
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      std::uint32_t v = 0;
      if (!ParseNumber(value, &v)) return bad("an unsigned 32-bit integer");
      return Status::Ok();
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      std::uint64_t v = 0;
      if (!ParseNumber(value, &v)) return bad("an unsigned 64-bit integer");
      return Status::Ok();
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double v = 0;
      if (!ParseNumber(value, &v) || !std::isfinite(v)) {
        return bad("a finite number");
      }
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_FLOAT &&
          std::fabs(v) > std::numeric_limits<float>::max()) {
        return bad("a number in float range");
      }
      return Status::Ok();
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      if (value != "true" && value != "false") return bad("true or false");
      return Status::Ok();
    case FieldDescriptor::CPPTYPE_ENUM:
      if (field.enum_type()->FindValueByName(std::string(value)) == nullptr) {
        return bad("a value of enum " + field.enum_type()->full_name());
      }
      return Status::Ok();
    case FieldDescriptor::CPPTYPE_STRING:
      return Status::Ok();
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return Status::Error("field '" + field.name() + "' is a message");
}

Status SetFieldValue(Message* root, const sim::FieldPath& path,
                     std::string_view value) {
  Message* message = root;
  const auto& segments = path.segments();
  if (segments.empty()) return Status::Error("empty field path");
  for (std::size_t k = 0; k + 1 < segments.size(); ++k) {
    const FieldDescriptor* field =
        message->GetDescriptor()->FindFieldByName(segments[k].name);
    if (field == nullptr ||
        field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      return Status::Error(path.ToString() + ": not a message path");
    }
    const Reflection* reflection = message->GetReflection();
    if (field->is_repeated()) {
      if (segments[k].index < 0 ||
          segments[k].index >= reflection->FieldSize(*message, field)) {
        return Status::Error(path.ToString() + ": no such element");
      }
      message =
          reflection->MutableRepeatedMessage(message, field, segments[k].index);
    } else {
      message = reflection->MutableMessage(message, field);
    }
  }
  const sim::PathSegment& leaf = segments.back();
  const FieldDescriptor* field =
      message->GetDescriptor()->FindFieldByName(leaf.name);
  if (field == nullptr) return Status::Error(path.ToString() + ": no field");
  if (Status s = CheckFieldValue(*field, value); !s.ok()) {
    return Status::Error(path.ToString() + ": " + s.message());
  }
  const Reflection* r = message->GetReflection();
  const bool repeated = field->is_repeated();
  const int index = leaf.index;
  if (repeated && (index < 0 || index >= r->FieldSize(*message, field))) {
    return Status::Error(path.ToString() + ": no such element");
  }
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: {
      std::int32_t v = 0;
      ParseNumber(value, &v);
      repeated ? r->SetRepeatedInt32(message, field, index, v)
               : r->SetInt32(message, field, v);
      break;
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      std::int64_t v = 0;
      ParseNumber(value, &v);
      repeated ? r->SetRepeatedInt64(message, field, index, v)
               : r->SetInt64(message, field, v);
      break;
    }
    case FieldDescriptor::CPPTYPE_UINT32: {
      std::uint32_t v = 0;
      ParseNumber(value, &v);
      repeated ? r->SetRepeatedUInt32(message, field, index, v)
               : r->SetUInt32(message, field, v);
      break;
    }
    case FieldDescriptor::CPPTYPE_UINT64: {
      std::uint64_t v = 0;
      ParseNumber(value, &v);
      repeated ? r->SetRepeatedUInt64(message, field, index, v)
               : r->SetUInt64(message, field, v);
      break;
    }
    case FieldDescriptor::CPPTYPE_DOUBLE: {
      double v = 0;
      ParseNumber(value, &v);
      repeated ? r->SetRepeatedDouble(message, field, index, v)
               : r->SetDouble(message, field, v);
      break;
    }
    case FieldDescriptor::CPPTYPE_FLOAT: {
      double v = 0;
      ParseNumber(value, &v);
      const auto f = static_cast<float>(v);
      repeated ? r->SetRepeatedFloat(message, field, index, f)
               : r->SetFloat(message, field, f);
      break;
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      repeated ? r->SetRepeatedBool(message, field, index, value == "true")
               : r->SetBool(message, field, value == "true");
      break;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* e = field->enum_type()->FindValueByName(std::string(value));
      repeated ? r->SetRepeatedEnum(message, field, index, e)
               : r->SetEnum(message, field, e);
      break;
    }
    case FieldDescriptor::CPPTYPE_STRING:
      repeated ? r->SetRepeatedString(message, field, index, std::string(value))
               : r->SetString(message, field, std::string(value));
      break;
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return Status::Error(path.ToString() + ": is a message");
  }
  return Status::Ok();
}

}  // namespace chaintrace::sweep
