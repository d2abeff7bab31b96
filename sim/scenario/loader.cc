#include "sim/scenario/loader.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>
#include <tuple>
#include <utility>

#include "model/sha256.h"
#include "model/status.h"
#include "sim/scenario/field_path.h"
#include "sim/scenario/source_map.h"
#include "sim/scenario/validate.h"

namespace chaintrace::sim {
namespace {

namespace fs = std::filesystem;

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

std::string TooLarge(std::uintmax_t max_bytes) {
  return "the file is larger than the limit of " + std::to_string(max_bytes) +
         " bytes";
}

// Reads `path` whole. Regular files over `max_bytes` are refused before
// reading; other files (pipes) are read up to the limit.
Result<std::string> ReadTextFile(const std::string& path,
                                 std::uintmax_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) return Status::Error("cannot open: " + ec.message());
  if (fs::is_directory(status)) {
    return Status::Error("cannot open: it is a directory");
  }
  if (fs::is_regular_file(status)) {
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) return Status::Error(TooLarge(max_bytes));
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::Error("cannot open: " + ErrnoMessage(errno));
  }
  std::string data;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    data.append(buffer, n);
    if (data.size() > max_bytes) {
      std::fclose(file);
      return Status::Error(TooLarge(max_bytes));
    }
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) return Status::Error("cannot read: " + ErrnoMessage(error));
  return data;
}

// The identity of a file for cycle and diamond detection.
std::string CanonicalPath(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  if (ec) {
    canonical = fs::absolute(path, ec).lexically_normal();
    if (ec) canonical = path.lexically_normal();
  }
  return canonical.string();
}

std::string DeterministicBytes(const scenario::Scenario& scenario) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    scenario.SerializeToCodedStream(&coded);
  }
  return bytes;
}

class Loader {
 public:
  explicit Loader(const LoadOptions& options) : options_(options) {}

  LoadResult Run(std::string_view text, const std::string& name) {
    const std::string canonical = CanonicalPath(name);
    seen_.insert(canonical);
    Process(text, name, canonical);
    if (diagnostics_.empty()) diagnostics_ = ValidateScenario(merged_, map_);
    LoadResult result;
    if (diagnostics_.empty()) {
      LoadedScenario loaded;
      loaded.sha256 = Sha256Hex(DeterministicBytes(merged_));
      loaded.scenario = std::move(merged_);
      loaded.files = files_;
      result.scenario = std::move(loaded);
    }
    SortInFileOrder();
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

  // Diagnostic for a root file that could not be read.
  void AddRootError(const std::string& name, std::string message) {
    files_.push_back(name);
    diagnostics_.push_back(Diagnostic{name, 0, 0, "", std::move(message)});
  }

  LoadResult Failed() {
    LoadResult result;
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

 private:
  struct Frame {
    std::string canonical;
    std::string display;
  };

  // Parses one file, loads its includes, then merges it.
  void Process(std::string_view text, const std::string& display,
               const std::string& canonical) {
    files_.push_back(display);
    std::optional<ParsedFile> parsed = ParseScenarioText(
        text, display, options_.recursion_limit, &diagnostics_);
    if (!parsed) return;
    const scenario::Scenario own = std::move(parsed->scenario);
    const int id = map_.AddFile(display, std::move(parsed->locations));
    stack_.push_back(Frame{canonical, display});
    for (int i = 0; i < own.include_size(); ++i) {
      Include(id, i, own.include(i), display);
    }
    stack_.pop_back();
    map_.Merge(id, own, &merged_);
  }

  void Include(int file_id, int index, const std::string& target,
               const std::string& from) {
    const FieldPath at = FieldPath().Element("include", index);
    const auto error = [&](std::string message) {
      diagnostics_.push_back(
          map_.LocateInFile(file_id, at, std::move(message)));
    };
    if (target.empty()) return error("empty include path");
    const fs::path target_path(target);
    const fs::path resolved = target_path.is_absolute()
                                  ? target_path
                                  : fs::path(from).parent_path() / target_path;
    const std::string display = resolved.lexically_normal().string();
    const std::string canonical = CanonicalPath(resolved);
    for (std::size_t k = 0; k < stack_.size(); ++k) {
      if (stack_[k].canonical != canonical) continue;
      std::string chain;
      for (std::size_t j = k; j < stack_.size(); ++j) {
        chain += stack_[j].display + " -> ";
      }
      return error("include cycle: " + chain + stack_[k].display);
    }
    if (seen_.count(canonical) > 0) return;  // diamond: merged once
    if (static_cast<int>(files_.size()) >= options_.max_files) {
      return error("too many files: a scenario may read at most " +
                   std::to_string(options_.max_files));
    }
    seen_.insert(canonical);
    Result<std::string> text = ReadTextFile(display, options_.max_file_bytes);
    if (!text.ok()) {
      return error("cannot include '" + target + "' (" + display +
                   "): " + text.message());
    }
    Process(*text, display, canonical);
  }

  void SortInFileOrder() {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < files_.size(); ++i) order.emplace(files_[i], i);
    const auto rank = [&](const Diagnostic& d) {
      const auto it = order.find(d.file);
      return std::make_tuple(it == order.end() ? 0 : it->second, d.line,
                             d.column);
    };
    std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                       return rank(a) < rank(b);
                     });
  }

  const LoadOptions& options_;
  SourceMap map_;
  scenario::Scenario merged_;
  std::vector<std::string> files_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<Frame> stack_;
  std::set<std::string> seen_;
};

}  // namespace

LoadResult LoadScenarioFile(const std::string& path,
                            const LoadOptions& options) {
  Result<std::string> text = ReadTextFile(path, options.max_file_bytes);
  if (!text.ok()) {
    Loader loader(options);
    loader.AddRootError(path, text.message());
    return loader.Failed();
  }
  return LoadScenarioText(*text, path, options);
}

LoadResult LoadScenarioText(std::string_view text, const std::string& name,
                            const LoadOptions& options) {
  if (text.size() > options.max_file_bytes) {
    Loader loader(options);
    loader.AddRootError(name, TooLarge(options.max_file_bytes));
    return loader.Failed();
  }
  return Loader(options).Run(text, name);
}

}  // namespace chaintrace::sim
