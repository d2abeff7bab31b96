#ifndef CHAINTRACE_SIM_IO_XML_ESCAPE_H_
#define CHAINTRACE_SIM_IO_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace chaintrace::io {

// `text` with &, <, >, " and ' replaced by entities: safe inside XML, SVG
// and HTML text and quoted attributes.
std::string XmlEscape(std::string_view text);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_XML_ESCAPE_H_
