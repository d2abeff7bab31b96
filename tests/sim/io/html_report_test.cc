// The HTML report and its flow diagram, from a hand-built report.

#include "sim/io/html_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/io/flow_svg.h"
#include "tests/sim/io/sample_report.h"
#include "tests/tools/command.h"

namespace chaintrace::io {
namespace {

namespace fs = std::filesystem;

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(FlowSvg, OneNodePerStageAndOutcome) {
  const report::Report r = testing_util::SampleReport();
  const std::string svg = RenderFlowSvg(r.attacks(0));
  // victim + 3 stages + cashed out, held, fees.
  EXPECT_EQ(Count(svg, "<rect class=\"node"), 7u);
  // 3 bands between the 4 chain nodes, 3 to the outcomes.
  EXPECT_EQ(Count(svg, "<path class=\"band\""), 6u);
  EXPECT_NE(svg.find("2. mixer"), std::string::npos);
  EXPECT_NE(svg.find("$9.80M, day 1.2, 120 tx"), std::string::npos) << svg;
  EXPECT_NE(svg.find("stolen $10.0M"), std::string::npos);
  EXPECT_EQ(svg, RenderFlowSvg(r.attacks(0)));
}

TEST(FlowSvg, FormatsUsd) {
  EXPECT_EQ(FormatUsdShort(0), "$0");
  EXPECT_EQ(FormatUsdShort(999), "$999");
  EXPECT_EQ(FormatUsdShort(1250), "$1.25k");
  EXPECT_EQ(FormatUsdShort(830000), "$830k");
  EXPECT_EQ(FormatUsdShort(12345678), "$12.3M");
  EXPECT_EQ(FormatUsdShort(2.1e9), "$2.10B");
}

TEST(HtmlReport, HoldsSummaryTablesFlowAndPlots) {
  const report::Report r = testing_util::SampleReport();
  const std::string html =
      RenderHtmlReport(r, {NamedSvg{"plots/x.svg", "abc"}});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>chaintrace report: sample</title>"),
            std::string::npos);
  EXPECT_NE(html.find("2021-01-02 00:00 (day 1.0)"), std::string::npos);
  EXPECT_NE(html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                      "class=\"flow\""),
            std::string::npos);
  // Metrics table: shares in percent, counts whole, "–" where unset.
  EXPECT_NE(html.find("<td>42.0 %</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>5400</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>$15.0k</td></tr>"), std::string::npos);
  // Exchanges: true vs attributed.
  EXPECT_NE(html.find("<td class=\"name\">kr_exchange</td><td "
                      "class=\"name\">KR</td><td class=\"name\">ASIA</td>"
                      "<td>$5.00M</td><td>$2.00M</td><td>$1.90M</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td>45.0 % \u2190 lost</td>"), std::string::npos);
  // "abc" in base64.
  EXPECT_NE(html.find("src=\"data:image/svg+xml;base64,YWJj\""),
            std::string::npos);
  // Self-contained: nothing fetched from elsewhere.
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlReport, ReadsRunDirectoriesAndRefusesBadOnes) {
  const fs::path dir = testing_util::MakeTempDir("html_report");
  {
    std::ofstream out(dir / "report.pb", std::ios::binary);
    ASSERT_TRUE(testing_util::SampleReport().SerializeToOstream(&out));
  }
  fs::create_directories(dir / "plots");
  std::ofstream(dir / "plots" / "b.svg") << "<svg/>";
  std::ofstream(dir / "a.svg") << "<svg></svg>";
  const auto html = HtmlReportFromRunDir(dir.string());
  ASSERT_TRUE(html.ok()) << html.message();
  const std::size_t a = html->find("<figcaption>a.svg</figcaption>");
  const std::size_t b = html->find("<figcaption>plots/b.svg</figcaption>");
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_LT(a, b);

  const fs::path empty = testing_util::MakeTempDir("html_report_empty");
  EXPECT_NE(HtmlReportFromRunDir(empty.string()).message().find("report.pb"),
            std::string::npos);
  std::ofstream(empty / "report.pb") << "\xff\xff\xff not a report";
  EXPECT_NE(HtmlReportFromRunDir(empty.string())
                .message()
                .find("not a binary chaintrace report"),
            std::string::npos);
}

}  // namespace
}  // namespace chaintrace::io
