// The binary encoding of ledger_io.h: a stream of length-delimited Records.

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/delimited_message_util.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

#include "model/atomic_file.h"
#include "model/ledger_decode.h"
#include "model/ledger_encode.h"
#include "model/ledger_io.h"
#include "proto/ledger.pb.h"

namespace chaintrace {
namespace {

namespace io = google::protobuf::io;

Status Dispatch(const ledger::Record& r, LedgerDecoder& decoder) {
  switch (r.record_case()) {
    case ledger::Record::kHeader:
      return decoder.AddHeader(r.header());
    case ledger::Record::kEntity:
      return decoder.AddEntity(r.entity());
    case ledger::Record::kAddress:
      return decoder.AddAddress(r.address());
    case ledger::Record::kTransaction:
      return decoder.AddTransaction(r.transaction(), nullptr);
    case ledger::Record::kTheft:
      return decoder.AddTheft(r.theft());
    case ledger::Record::kAttack:
      return decoder.AddAttack(r.attack());
    case ledger::Record::kCashOut:
      return decoder.AddCashOut(r.cash_out());
    case ledger::Record::kLabel:
      return decoder.AddLabel(r.label());
    case ledger::Record::RECORD_NOT_SET:
      break;
  }
  return Status::Error("record of no known kind");
}

// True when `input` has no more bytes.
bool AtEnd(io::ZeroCopyInputStream* input) {
  const void* data = nullptr;
  int size = 0;
  while (input->Next(&data, &size)) {
    if (size > 0) {
      input->BackUp(size);
      return false;
    }
  }
  return true;
}

Result<LedgerFile> ReadRecords(io::ZeroCopyInputStream* input,
                               std::string_view name,
                               const ReadOptions& options) {
  LedgerDecoder decoder(DecodeOptions{/*auto_create_addresses=*/false,
                                      options.check_conservation,
                                      options.lenient});
  ledger::Record record;
  for (std::size_t n = 0;; ++n) {
    if (AtEnd(input)) break;
    const std::int64_t offset = input->ByteCount();
    const auto fail = [&](const std::string& what) {
      return Status::Error(std::string(name) + ": record " + std::to_string(n) +
                           " at byte " + std::to_string(offset) + ": " + what);
    };
    // A CodedInputStream per record keeps its byte limits per record.
    io::CodedInputStream coded(input);
    std::uint32_t size = 0;
    if (!coded.ReadVarint32(&size)) {
      return fail("truncated or malformed record length");
    }
    if (size > kMaxRecordBytes) {
      return fail("record length " + std::to_string(size) +
                  " exceeds the limit of " + std::to_string(kMaxRecordBytes) +
                  " bytes (not a ledger file, or corrupt)");
    }
    const auto limit = coded.PushLimit(static_cast<int>(size));
    record.Clear();
    if (!record.MergePartialFromCodedStream(&coded) ||
        !coded.ConsumedEntireMessage() || coded.BytesUntilLimit() != 0) {
      return fail("truncated or malformed record");
    }
    coded.PopLimit(limit);
    if (n == 0 && !record.has_header()) {
      return fail("the first record must be the header (not a ledger file?)");
    }
    if (Status st = Dispatch(record, decoder); !st.ok()) {
      return fail(st.message());
    }
  }
  if (!decoder.has_header()) {
    return Status::Error(std::string(name) + ": empty file, no header");
  }
  return decoder.Finish();
}

Status WriteRecords(const LedgerFile& file, io::ZeroCopyOutputStream* out) {
  // One coded stream for all records: a coded stream per record would, on
  // a string stream, zero-fill the string's whole spare capacity each time
  // (quadratic in the ledger's size).
  io::CodedOutputStream coded(out);
  Status st = ForEachRecord(file, [&](const ledger::Record& r) {
    if (!google::protobuf::util::SerializeDelimitedToCodedStream(r, &coded)) {
      return Status::Error("cannot serialize record");
    }
    return Status::Ok();
  });
  coded.Trim();
  if (st.ok() && coded.HadError()) {
    st = Status::Error("cannot write records");
  }
  return st;
}

}  // namespace

Result<LedgerFile> ReadLedgerBinary(const std::string& path,
                                    const ReadOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error(
        path + ": cannot open: " +
        std::error_code(errno, std::generic_category()).message());
  }
  Result<LedgerFile> result = Status::Error("");
  {
    io::FileInputStream input(fd);
    result = ReadRecords(&input, path, options);
    if (result.ok() && input.GetErrno() != 0) {
      result = Status::Error(
          path + ": read failed: " +
          std::error_code(input.GetErrno(), std::generic_category()).message());
    }
  }
  ::close(fd);
  return result;
}

Result<LedgerFile> ParseLedgerBinary(std::string_view bytes,
                                     std::string_view name,
                                     const ReadOptions& options) {
  io::ArrayInputStream input(bytes.data(), static_cast<int>(bytes.size()));
  return ReadRecords(&input, name, options);
}

std::string EncodeLedgerBinary(const LedgerFile& file) {
  std::string bytes;
  {
    io::StringOutputStream out(&bytes);
    (void)WriteRecords(file, &out);
  }
  return bytes;
}

Status WriteLedgerBinary(const LedgerFile& file, const std::string& path) {
  return WriteFileAtomically(path, [&](int fd) {
    io::FileOutputStream out(fd);
    Status st = WriteRecords(file, &out);
    if (!out.Flush() && st.ok()) {
      st = Status::Error(
          path + ": write failed: " +
          std::error_code(out.GetErrno(), std::generic_category()).message());
    }
    if (!st.ok() && st.message().rfind(path, 0) != 0) {
      st = Status::Error(path + ": " + st.message());
    }
    return st;
  });
}

}  // namespace chaintrace
