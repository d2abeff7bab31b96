#include "tests/sim/scenario/scenario_test_util.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace chaintrace::sim::testing {

std::string DataPath(std::string_view relative) {
  return (std::filesystem::path(CHAINTRACE_SOURCE_DIR) / "tests" / "data" /
          relative)
      .string();
}

std::string ReadData(std::string_view relative) {
  std::ifstream in(DataPath(relative), std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << DataPath(relative);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

std::string ReplaceOnce(std::string text, std::string_view from,
                        std::string_view to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "'" << from << "' does not occur in the text";
    return text;
  }
  if (text.find(from, at + 1) != std::string::npos) {
    ADD_FAILURE() << "'" << from << "' occurs more than once in the text";
  }
  text.replace(at, from.size(), to);
  return text;
}

Position PositionOf(std::string_view text, std::string_view marker, int nth) {
  std::size_t at = text.find(marker);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) {
    at = text.find(marker, at + 1);
  }
  if (at == std::string_view::npos) {
    ADD_FAILURE() << "'" << marker << "' (occurrence " << nth
                  << ") does not occur in the text";
    return {};
  }
  if (nth < 0 && text.find(marker, at + 1) != std::string_view::npos) {
    ADD_FAILURE() << "'" << marker << "' occurs more than once in the text";
  }
  Position p{1, 1};
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

std::string Describe(const LoadResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) out += d.ToString() + "\n";
  return out.empty() ? "(no diagnostics)\n" : out;
}

void ExpectOnlyError(const std::string& text, std::string_view field,
                     std::string_view message, Position at,
                     const std::string& name) {
  const LoadResult result = LoadScenarioText(text, name);
  EXPECT_FALSE(result.ok());
  EXPECT_FALSE(result.scenario.has_value());
  ASSERT_EQ(result.diagnostics.size(), 1u) << Describe(result);
  const Diagnostic& d = result.diagnostics.front();
  EXPECT_EQ(d.file, name);
  EXPECT_EQ(d.field, field) << d.ToString();
  EXPECT_NE(d.message.find(message), std::string::npos)
      << "message: " << d.message << "\nexpected to contain: " << message;
  EXPECT_EQ(d.line, at.line) << d.ToString();
  EXPECT_EQ(d.column, at.column) << d.ToString();
}

void ExpectError(const std::string& text, std::string_view field,
                 std::string_view message, Position at,
                 const std::string& name) {
  const LoadResult result = LoadScenarioText(text, name);
  EXPECT_FALSE(result.ok());
  for (const Diagnostic& d : result.diagnostics) {
    if (d.file == name && d.field == field && d.line == at.line &&
        d.column == at.column && d.message.find(message) != std::string::npos) {
      return;
    }
  }
  ADD_FAILURE() << "no diagnostic " << name << ":" << at.line << ":"
                << at.column << ": " << field << ": ..." << message
                << "...\namong:\n"
                << Describe(result);
}

void PrintTo(const EditCase& edit, std::ostream* out) { *out << edit.name; }

void ExpectEditError(const EditCase& edit) {
  static const std::string* const full =
      new std::string(ReadData("scenarios/full.textproto"));
  const std::string text = ReplaceOnce(*full, edit.from, edit.to);
  const char* marker = edit.marker != nullptr ? edit.marker : edit.to;
  ExpectOnlyError(text, edit.field, edit.message,
                  PositionOf(text, marker, edit.nth));
}

TempDir::TempDir() {
  std::random_device random;
  const auto base = std::filesystem::temp_directory_path();
  for (;;) {
    std::ostringstream name;
    name << "chaintrace-scenario-test-" << std::hex << random() << random();
    path_ = base / name.str();
    if (std::filesystem::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::Write(std::string_view relative,
                           std::string_view contents) const {
  const std::filesystem::path file = path_ / relative;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return file.string();
}

}  // namespace chaintrace::sim::testing
