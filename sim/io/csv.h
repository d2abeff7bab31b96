#ifndef CHAINTRACE_SIM_IO_CSV_H_
#define CHAINTRACE_SIM_IO_CSV_H_

// CSV as RFC 4180 defines it, both ways.
// - Writing: a field is quoted when it holds a comma, a double quote, a CR
//   or a LF; quotes inside are doubled. Rows end in LF, which pandas,
//   Python's csv module and spreadsheets all read without options.
// - Reading: CsvReader yields one record at a time from text held in
//   memory, with the 1-based line its record starts on, so that errors can
//   say `file:line: message`. Quoted fields may hold commas, doubled quotes
//   and line breaks; CRLF and LF row ends are both accepted; a UTF-8 byte
//   order mark before the first record is skipped. Blank lines are skipped.
//   Errors: a quote inside an unquoted field, text after a closing quote,
//   and a quoted field still open at the end of the input.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "sim/io/fd_writer.h"

namespace chaintrace::io {

// Appends `field` to `out`, quoted when it needs to be.
void AppendCsvField(std::string_view field, std::string* out);

// Writes `fields` as one CSV row (with its LF).
void WriteCsvRow(FdWriter& out, const std::vector<std::string>& fields);

class CsvReader {
 public:
  // `text` must outlive the reader.
  explicit CsvReader(std::string_view text);

  // Reads the next record into *fields (reusing its strings). Returns false
  // at the end of the input, or on a syntax error (then ok() is false).
  bool Next(std::vector<std::string>* fields);

  // The line the last record read starts on (1-based).
  std::size_t line() const { return record_line_; }
  bool ok() const { return error_.empty(); }
  // The syntax error as "`name`:line: message". Precondition: !ok().
  std::string Error(std::string_view name) const;

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::size_t error_line_ = 0;
  std::string error_;
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_CSV_H_
