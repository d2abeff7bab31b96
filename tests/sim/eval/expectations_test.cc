// Expectations against a hand-made report, and the metrics CSV.

#include "sim/eval/expectations.h"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "sim/eval/report_csv.h"

namespace chaintrace::eval {
namespace {

report::Report MakeReport() {
  report::Report r;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        tracers {
          tracer: "haircut"
          id: "haircut"
          metrics { value_recall: 0.75 collateral_addresses: 3 }
          per_attack {
            attack: "a1"
            metrics { value_recall: 0.5 }
            lost_at_stage: 2
            recall_by_stage: [ 1, 0.9, 0.5 ]
          }
          run_time_s: 0.25
        }
      )pb",
      &r));
  return r;
}

scenario::Scenario WithExpectations(std::string_view text) {
  scenario::Scenario s;
  EXPECT_TRUE(
      google::protobuf::TextFormat::ParseFromString(std::string(text), &s));
  return s;
}

TEST(Expectations, BoundsHoldOrFail) {
  const scenario::Scenario s = WithExpectations(R"pb(
    expectations { tracer: "haircut" metric: VALUE_RECALL min: 0.7 }
    expectations {
      tracer: "haircut"
      metric: VALUE_RECALL
      attack: "a1"
      min: 0.7
    }
    expectations { tracer: "haircut" metric: COLLATERAL_ADDRESSES max: 3 }
    expectations { tracer: "haircut" metric: CLUSTER_PRECISION min: 0 }
    expectations { tracer: "poison" metric: VALUE_RECALL min: 0 }
    expectations { tracer: "haircut" metric: VALUE_RECALL attack: "zz" min: 0 }
  )pb");
  const std::vector<ExpectationOutcome> out =
      CheckExpectations(s, MakeReport());
  ASSERT_EQ(out.size(), 6u);
  EXPECT_TRUE(out[0].pass);
  EXPECT_DOUBLE_EQ(*out[0].measured, 0.75);
  EXPECT_FALSE(out[1].pass);
  EXPECT_DOUBLE_EQ(*out[1].measured, 0.5);
  EXPECT_TRUE(out[2].pass);   // bounds are inclusive
  EXPECT_FALSE(out[3].pass);  // unset: not measured
  EXPECT_EQ(out[3].problem, "not measured");
  EXPECT_FALSE(out[4].pass);
  EXPECT_EQ(out[4].problem, "tracer 'poison' did not run");
  EXPECT_FALSE(out[5].pass);
  EXPECT_EQ(DescribeExpectation(s.expectations(1)),
            "haircut value_recall [attack a1] >= 0.7");
}

TEST(Expectations, MetricNamesAndScope) {
  EXPECT_EQ(MetricName(scenario::MIXER_LINK_ACCURACY), "mixer_link_accuracy");
  EXPECT_TRUE(MetricPerAttack(scenario::VALUE_RECALL));
  EXPECT_FALSE(MetricPerAttack(scenario::VALUE_PRECISION));
  EXPECT_FALSE(MetricPerAttack(scenario::CLUSTER_RECALL));
}

TEST(MetricsCsv, OneRowPerTracerAndAttack) {
  const std::string csv = FormatMetricsCsv(MakeReport());
  EXPECT_EQ(csv,
            "tracer,id,attack,value_recall,value_precision,address_precision,"
            "address_recall,address_f1,collateral_addresses,collateral_usd,"
            "attribution_recall,cluster_precision,cluster_recall,"
            "largest_cluster,mixer_link_accuracy,anonymity_set,max_hop,"
            "lost_at_stage,run_time_s\n"
            "haircut,haircut,all,0.75,,,,,3,,,,,,,,,,0.25\n"
            "haircut,haircut,a1,0.5,,,,,,,,,,,,,,2,0.25\n");
}

}  // namespace
}  // namespace chaintrace::eval
