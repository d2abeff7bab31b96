#include "sim/trace/result_builder.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

namespace chaintrace::trace::follow {

Status CheckInput(const TraceInput& input) {
  if (input.ledger == nullptr)
    return Status::Error("trace input has no ledger");
  const Ledger& ledger = *input.ledger;
  for (std::size_t i = 0; i < input.seeds.size(); ++i) {
    const Seed& s = input.seeds[i];
    const std::string where = "seed " + std::to_string(i) + ": ";
    if (s.chain == ChainId::kNone || Index(s.chain) >= ledger.chain_count()) {
      return Status::Error(where + "unknown chain");
    }
    const TxStore& txs = ledger.txs(s.chain);
    if (s.output == OutputId::kNone || Index(s.output) >= txs.output_count()) {
      return Status::Error(where + "chain '" + ledger.chain(s.chain).name +
                           "' has no output " +
                           std::to_string(Index(s.output)));
    }
    if (s.amount < 0 || s.amount > txs.output_amount(s.output)) {
      return Status::Error(where + "amount " + std::to_string(s.amount) +
                           " is not within the output's value " +
                           std::to_string(txs.output_amount(s.output)));
    }
  }
  return Status::Ok();
}

const Labels& LabelsOf(const TraceInput& input) {
  static const Labels kEmpty;
  return input.labels != nullptr ? *input.labels : kEmpty;
}

bool IsCashOutKind(LabelKind kind) {
  return kind == common::LABEL_EXCHANGE_DEPOSIT ||
         kind == common::LABEL_EXCHANGE_WALLET || kind == common::LABEL_OTC;
}

ResultBuilder::ResultBuilder(const Ledger& ledger)
    : ledger_(ledger), result_(MakeEmptyResult(ledger)) {
  for (ChainId c : ledger.chain_ids()) {
    result_.chains[Index(c)].output_hop.assign(ledger.txs(c).output_count(),
                                               -1);
  }
}

void ResultBuilder::Touch(ChainId chain, OutputId output, std::int32_t hop,
                          float score) {
  ChainTrace& ct = result_.chains[Index(chain)];
  std::int32_t& h = ct.output_hop[Index(output)];
  if (h < 0 || hop < h) h = hop;
  result_.max_hop = std::max(result_.max_hop, hop);
  if (score >= 0) {
    if (!any_score_) {
      for (ChainTrace& each : result_.chains) {
        each.output_score.assign(each.output_taint.size(), 0.0f);
      }
      any_score_ = true;
    }
    float& s = ct.output_score[Index(output)];
    s = std::max(s, std::min(score, 1.0f));
  }
  FlagAddress(ledger_.txs(chain).output_address(output));
}

void ResultBuilder::Flag(ChainId chain, OutputId output, Amount taint,
                         std::int32_t hop, float score) {
  if (taint <= 0) return;
  const Amount value = ledger_.txs(chain).output_amount(output);
  Amount& t = result_.chains[Index(chain)].output_taint[Index(output)];
  t = std::max(t, std::min(taint, value));
  Touch(chain, output, hop, score);
}

void ResultBuilder::FlagWhole(ChainId chain, OutputId output, std::int32_t hop,
                              float score) {
  Flag(chain, output, ledger_.txs(chain).output_amount(output), hop, score);
}

void ResultBuilder::AddTaint(ChainId chain, OutputId output, Amount taint,
                             std::int32_t hop) {
  if (taint <= 0) return;
  const Amount value = ledger_.txs(chain).output_amount(output);
  Amount& t = result_.chains[Index(chain)].output_taint[Index(output)];
  t = taint >= value - t ? value : t + taint;
  Touch(chain, output, hop, -1.0f);
}

void ResultBuilder::FlagAddress(AddressId address) {
  result_.address_flagged[Index(address)] = 1;
}

void ResultBuilder::Attribute(ServiceId service, AssetId asset, Amount amount) {
  if (service == ServiceId::kNone || amount <= 0) return;
  attributions_.push_back(Attribution{service, asset, amount});
}

void ResultBuilder::SetClusters(std::vector<std::uint32_t> clusters) {
  result_.address_cluster = std::move(clusters);
}

TraceResult ResultBuilder::Finish() {
  std::sort(attributions_.begin(), attributions_.end(),
            [](const Attribution& a, const Attribution& b) {
              if (a.service != b.service) return a.service < b.service;
              return a.asset < b.asset;
            });
  for (const Attribution& a : attributions_) {
    if (!result_.attributions.empty() &&
        result_.attributions.back().service == a.service &&
        result_.attributions.back().asset == a.asset) {
      Amount& sum = result_.attributions.back().amount;
      constexpr Amount kMax = std::numeric_limits<Amount>::max();
      sum = a.amount > kMax - sum ? kMax : sum + a.amount;
    } else {
      result_.attributions.push_back(a);
    }
  }
  return std::move(result_);
}

}  // namespace chaintrace::trace::follow
