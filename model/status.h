#ifndef CHAINTRACE_MODEL_STATUS_H_
#define CHAINTRACE_MODEL_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace chaintrace {

// The outcome of an operation that can fail on input: ok, or an error message
// that already carries its location ("file:line:col: what is wrong" or a
// field path). Library code returns these; only tools/ turns them into exit
// codes and printed messages.
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) {
    Status s;
    s.error_ = true;
    s.message_ = std::move(message);
    return s;
  }

  bool ok() const { return !error_; }
  const std::string& message() const { return message_; }

 private:
  bool error_ = false;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: ditto

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const std::string& message() const { return status_.message(); }

  // Preconditions: ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  // The value, or `fallback` when there is none.
  T value_or(T fallback) const& { return value_.value_or(std::move(fallback)); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_STATUS_H_
