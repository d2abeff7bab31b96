#include "sim/scenario/text_parser.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace chaintrace::sim {
namespace {

// Protobuf's tokenizer advances a tab to the next multiple of 8.
constexpr int kTabWidth = 8;

// Tracks the 1-based line and column of a byte offset as Protobuf counts
// them.
class Cursor {
 public:
  void Advance(unsigned char c) {
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else if (c == '\t') {
      column_ += kTabWidth - column_ % kTabWidth;
    } else {
      ++column_;
    }
  }
  int line() const { return line_; }
  int column() const { return column_ + 1; }

 private:
  int line_ = 1;
  int column_ = 0;  // 0-based
};

std::string Hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
  return buf;
}

// Length of the UTF-8 sequence starting at text[i], or 0 if it is invalid
// (truncated, overlong, a surrogate or beyond U+10FFFF).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char cc = byte(i + k);
    if ((cc & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return 0;
  }
  return len;
}

// Refuses bytes that cannot appear in a text scenario.
std::optional<Diagnostic> CheckText(std::string_view text,
                                    const std::string& file,
                                    const std::string& what) {
  Cursor at;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::string problem;
    std::size_t len = 1;
    if (c == 0) {
      problem = "NUL byte";
    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' &&
                c != '\f') ||
               c == 0x7F) {
      problem = "control character " + Hex(c);
    } else {
      len = Utf8SequenceLength(text, i);
      if (len == 0) problem = "invalid UTF-8 byte " + Hex(c);
    }
    if (!problem.empty()) {
      problem += ": the file is binary or not UTF-8 text, not a text-format ";
      problem += what;
      return Diagnostic{file, at.line(), at.column(), "", std::move(problem)};
    }
    at.Advance(c);
    i += len;
  }
  return std::nullopt;
}

// True if `text` holds anything besides whitespace and '#' comments.
bool HasContent(std::string_view text) {
  bool in_comment = false;
  for (char c : text) {
    if (in_comment) {
      if (c == '\n') in_comment = false;
    } else if (c == '#') {
      in_comment = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' &&
               c != '\f') {
      return true;
    }
  }
  return false;
}

class Collector : public google::protobuf::io::ErrorCollector {
 public:
  Collector(const std::string& file, std::vector<Diagnostic>* out)
      : file_(file), out_(out) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    out_->push_back(Diagnostic{file_, line >= 0 ? line + 1 : 0,
                               line >= 0 && column >= 0 ? column + 1 : 0, "",
                               message});
    ++errors_;
  }
  // Warnings (none for the options used here) are not errors.
  void AddWarning(int, google::protobuf::io::ColumnNumber,
                  const std::string&) override {}

  int errors() const { return errors_; }

 private:
  const std::string& file_;
  std::vector<Diagnostic>* out_;
  int errors_ = 0;
};

}  // namespace

bool ParseTextMessage(std::string_view text, const std::string& file,
                      std::string_view kind, int recursion_limit,
                      google::protobuf::Message* message,
                      ParseInfoTree* locations,
                      std::vector<Diagnostic>* diagnostics) {
  const std::string what(kind);
  // A UTF-8 byte order mark is invisible in editors; columns are counted
  // after it.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  if (text.empty()) {
    diagnostics->push_back(
        Diagnostic{file, 1, 1, "", "empty " + what + ": the file is empty"});
    return false;
  }
  if (text.size() > static_cast<std::size_t>(INT_MAX)) {
    diagnostics->push_back(Diagnostic{
        file, 0, 0, "", "the file is too large to parse (over 2 GiB)"});
    return false;
  }
  if (auto bad = CheckText(text, file, what)) {
    diagnostics->push_back(std::move(*bad));
    return false;
  }
  if (!HasContent(text)) {
    diagnostics->push_back(Diagnostic{
        file, 1, 1, "",
        "empty " + what +
            ": the file has no fields, only whitespace and comments"});
    return false;
  }

  Collector collector(file, diagnostics);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  parser.WriteLocationsTo(locations);
  parser.SetRecursionLimit(recursion_limit);
  parser.AllowUnknownField(false);
  parser.AllowUnknownExtension(false);
  google::protobuf::io::ArrayInputStream input(text.data(),
                                               static_cast<int>(text.size()));
  const bool ok = parser.Parse(&input, message);
  if (!ok || collector.errors() > 0) {
    if (collector.errors() == 0) {
      diagnostics->push_back(
          Diagnostic{file, 0, 0, "", "not a valid text-format " + what});
    }
    return false;
  }
  return true;
}

std::optional<ParsedFile> ParseScenarioText(
    std::string_view text, const std::string& file, int recursion_limit,
    std::vector<Diagnostic>* diagnostics) {
  ParsedFile parsed;
  parsed.locations = std::make_unique<ParseInfoTree>();
  if (!ParseTextMessage(text, file, "scenario", recursion_limit,
                        &parsed.scenario, parsed.locations.get(),
                        diagnostics)) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace chaintrace::sim
