#ifndef CHAINTRACE_MODEL_SHA256_H_
#define CHAINTRACE_MODEL_SHA256_H_

#include <string>
#include <string_view>

namespace chaintrace {

// Lower-case hex SHA-256 (FIPS 180-4) of `bytes`; used to identify the exact
// scenario an output was produced from.
std::string Sha256Hex(std::string_view bytes);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_SHA256_H_
