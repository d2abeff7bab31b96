#include "sim/io/csv.h"

namespace chaintrace::io {

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void WriteCsvRow(FdWriter& out, const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row.push_back(',');
    AppendCsvField(fields[i], &row);
  }
  row.push_back('\n');
  out.Put(row);
}

std::string CsvReader::Error(std::string_view name) const {
  return std::string(name) + ":" + std::to_string(error_line_) + ": " + error_;
}

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  if (!ok()) return false;
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::size_t count = 0;
  const auto field = [&]() -> std::string& {
    if (count == fields->size()) fields->emplace_back();
    std::string& f = (*fields)[count++];
    f.clear();
    return f;
  };
  const auto fail = [&](const std::string& what) {
    error_line_ = line_;
    error_ = what;
    return false;
  };
  while (true) {
    std::string& f = field();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t open_line = line_;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          line_ = open_line;
          return fail("quoted field is never closed");
        }
        const char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            f.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        f.push_back(c);
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
          text_[pos_] != '\r') {
        return fail("unexpected text after a closing quote");
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        if (text_[pos_] == '"') {
          return fail("a double quote inside an unquoted field");
        }
        f.push_back(text_[pos_++]);
      }
    }
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of record: CRLF, LF, lone CR or end of input.
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    break;
  }
  fields->resize(count);
  return true;
}

}  // namespace chaintrace::io
