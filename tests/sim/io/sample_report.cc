#include "tests/sim/io/sample_report.h"

#include <google/protobuf/text_format.h>

namespace chaintrace::testing_util {

report::Report SampleReport() {
  report::Report r;
  google::protobuf::TextFormat::ParseFromString(
      R"pb(
        provenance {
          scenario: "sample"
          scenario_sha256: "ab12"
          seed: 7
          chaintrace_version: "0.1.0"
        }
        start: "2021-01-01"
        attacks {
          name: "heist"
          group: "lazarus"
          victim: "victim_exchange"
          time: 86400
          stolen_usd: 10000000
          cashed_out_usd: 7000000
          held_usd: 2500000
          fees_usd: 500000
          stages {
            kind: "split"
            start_time: 90000
            end_time: 93600
            transactions: 1
            in_usd: 10000000
          }
          stages {
            kind: "mixer"
            start_time: 100000
            end_time: 400000
            transactions: 120
            in_usd: 9800000
          }
          stages {
            kind: "cash_out"
            start_time: 500000
            end_time: 900000
            transactions: 80
            in_usd: 7200000
          }
        }
        tracers {
          tracer: "haircut"
          id: "haircut"
          metrics {
            value_recall: 0.42
            value_precision: 0.9
            collateral_addresses: 12
            collateral_usd: 15000
          }
          per_attack {
            attack: "heist"
            lost_at_stage: 1
            recall_by_stage: 1
            recall_by_stage: 0.45
            recall_by_stage: 0.42
          }
          exchanges {
            exchange: "kr_exchange"
            country: "KR"
            region: ASIA
            true_usd: 5000000
            attributed_usd: 2000000
            correct_usd: 1900000
          }
          exchanges {
            exchange: "hk_exchange"
            country: "HK"
            region: ASIA
            true_usd: 2000000
            attributed_usd: 900000
            correct_usd: 900000
          }
        }
        tracers {
          tracer: "poison"
          id: "poison"
          metrics {
            value_recall: 1
            value_precision: 0.05
            collateral_addresses: 5400
          }
        }
      )pb",
      &r);
  return r;
}

}  // namespace chaintrace::testing_util
