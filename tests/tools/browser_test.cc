// Renders the HTML report in headless Chromium (Debian's `chromium`) and
// checks that the page, with its inline SVG flow diagram, is not blank.
// Skipped when chromium is not installed.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/sim/io/sample_report.h"
#include "tests/tools/command.h"

namespace chaintrace {
namespace {

namespace fs = std::filesystem;

using testing_util::CommandResult;
using testing_util::RunChaintrace;
using testing_util::RunCommand;

std::string FindChromium() {
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (fs::exists(p)) return p;
  }
  return "";
}

TEST(Browser, ReportRendersNonBlank) {
  const std::string chromium = FindChromium();
  if (chromium.empty()) GTEST_SKIP() << "chromium is not installed";
  const fs::path dir = testing_util::MakeTempDir("browser");
  {
    std::ofstream out(dir / "report.pb", std::ios::binary);
    ASSERT_TRUE(testing_util::SampleReport().SerializeToOstream(&out));
  }
  const fs::path html = dir / "report.html";
  const CommandResult r =
      RunChaintrace({"report", dir.string(), "--html", html.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const fs::path png = dir / "shot.png";
  const CommandResult shot =
      RunCommand({chromium, "--headless", "--no-sandbox", "--disable-gpu",
                  "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                  "--user-data-dir=" + (dir / "profile").string(),
                  "--window-size=1000,1000", "--screenshot=" + png.string(),
                  "file://" + html.string()});
  ASSERT_EQ(shot.exit_code, 0) << shot.err;
  ASSERT_TRUE(fs::exists(png)) << shot.err;

  const CommandResult stats = RunCommand(
      {"/usr/bin/python3",
       std::string(CHAINTRACE_SOURCE_DIR) + "/tests/tools/png_stats.py",
       png.string(), "B2182B", "1B7837"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  std::istringstream in(stats.out);
  std::string width, height, colours, dark, victim, mixer;
  in >> width >> height >> colours >> dark >> victim >> mixer;
  EXPECT_EQ(width, "width=1000");
  EXPECT_EQ(height, "height=1000");
  // A blank page has one colour; the report has text, tables and the
  // coloured flow diagram.
  const int n = std::stoi(colours.substr(colours.find('=') + 1));
  const double dark_share = std::stod(dark.substr(dark.find('=') + 1));
  EXPECT_GT(n, 20) << stats.out;
  EXPECT_GT(dark_share, 0.001) << stats.out;
  EXPECT_LT(dark_share, 0.5) << stats.out;
  // The flow diagram is drawn: its victim node (#B2182B) and mixer node
  // (#1B7837) are solid rectangles of at least 18 x 100 pixels each.
  EXPECT_GT(std::stoi(victim.substr(victim.find('=') + 1)), 1800) << stats.out;
  EXPECT_GT(std::stoi(mixer.substr(mixer.find('=') + 1)), 1800) << stats.out;
}

}  // namespace
}  // namespace chaintrace
