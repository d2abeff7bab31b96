#ifndef CHAINTRACE_SIM_IO_JSON_BLOCKS_H_
#define CHAINTRACE_SIM_IO_JSON_BLOCKS_H_

// Streams the JSON objects of a file one at a time, keeping the exact text
// of every non-integer number, for importers of node RPC output such as
// Bitcoin Core `getblock <hash> 2`. The document may be
//   - one object (a block),
//   - an RPC response {"result": <object or array>, ...}, or
//   - an array of objects (several blocks);
// each object is handed to the callback as it completes, so memory holds
// one block however many the file has.
//
// Numbers: integers are stored as nlohmann::json integers; any number with
// a fraction or exponent is stored as a json *binary* value holding the
// number's text as written (binary values cannot come from JSON text, so
// they are unambiguous). JsonAmount reads either exactly, never through a
// double.

#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "model/amount.h"
#include "model/status.h"

namespace chaintrace::io {

using Json = nlohmann::json;

// Parses `text` (named `name` in errors) and calls `on_object` with each
// top-level object; stops at, and returns, the first error it returns.
// Syntax errors: `name:line:col: message`.
Status ForEachJsonObject(std::string_view text, std::string_view name,
                         const std::function<Status(Json& object)>& on_object);

// The amount a JSON value states in whole units, in base units with
// `decimals` places: an integer, a number kept as text (decimal or
// exponent notation, e.g. 0.0001, 1e-05), or a string holding a decimal.
// Errors: negative, more precise than `decimals`, too large, not a number.
Result<Amount> JsonAmount(const Json& value, int decimals);

// Exact decimal in exponent notation ("1.5e-3") to base units.
Result<Amount> ParseJsonDecimal(std::string_view text, int decimals);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_JSON_BLOCKS_H_
