#include "tests/sim/eval/fixtures.h"

#include <gtest/gtest.h>

#include <string>

#include "model/ledger_io.h"

namespace chaintrace::eval::testing {
namespace {

LedgerFile Parse(std::string_view text) {
  auto file = ReadLedgerText(text, "fixture");
  EXPECT_TRUE(file.ok()) << file.message();
  if (!file.ok()) return {};
  file->truth->Resize(file->ledger);
  return std::move(*file);
}

constexpr std::string_view kPeel = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains { name: "btc" model: UTXO native_asset: "BTC" block_interval_s: 600 }
    assets {
      name: "BTC"
      chain: "btc"
      decimals: 0
      usd_price { time: 0 usd: 2 }
    }
  }
  entities { name: "victim" kind: EXCHANGE country: "US" region: NORTH_AMERICA }
  entities { name: "exch_a" kind: EXCHANGE country: "KR" region: ASIA }
  entities { name: "exch_b" kind: EXCHANGE country: "JP" region: ASIA }
  entities { name: "lazarus" kind: ATTACKER }
  entities { name: "alice" kind: USER }
  entities { name: "bob" kind: USER }
  entities { name: "mixer" kind: MIXER }
  addresses {
    name: "hot"
    chain: "btc"
    truth { owner: "victim" }
  }
  addresses {
    name: "alice"
    chain: "btc"
    truth { owner: "alice" }
  }
  addresses {
    name: "mix_res"
    chain: "btc"
    truth { owner: "mixer" }
  }
  addresses {
    name: "thief1"
    chain: "btc"
    truth { owner: "lazarus" }
  }
  addresses {
    name: "thief2"
    chain: "btc"
    truth { owner: "lazarus" }
  }
  addresses {
    name: "thief3"
    chain: "btc"
    truth { owner: "lazarus" }
  }
  addresses {
    name: "dep_a"
    chain: "btc"
    truth { owner: "exch_a" }
  }
  addresses {
    name: "dep_b"
    chain: "btc"
    truth { owner: "exch_b" }
  }
  addresses {
    name: "dep_b2"
    chain: "btc"
    truth { owner: "exch_b" }
  }
  addresses {
    name: "exch_b_hot"
    chain: "btc"
    truth { owner: "exch_b" }
  }
  addresses {
    name: "bob"
    chain: "btc"
    truth { owner: "bob" }
  }
  attacks { name: "hack" group: "lazarus" victim: "victim" time: 10 }
  transactions {
    id: "c0"
    chain: "btc"
    time: 0
    coinbase: true
    outputs { address: "hot" amount: 1000 }
    outputs { address: "alice" amount: 500 }
    outputs { address: "mix_res" amount: 300 }
  }
  transactions {
    id: "t1"
    chain: "btc"
    time: 10
    fee: 10
    inputs { tx: "c0" }
    outputs {
      address: "thief1"
      amount: 990
      truth { stolen: 990 attack: "hack" }
    }
    truth { attack: "hack" stage: "theft" hop: 0 }
  }
  transactions {
    id: "p1"
    chain: "btc"
    time: 20
    fee: 10
    inputs { tx: "t1" }
    outputs {
      address: "dep_a"
      amount: 100
      truth { stolen: 100 attack: "hack" }
    }
    outputs {
      address: "thief2"
      amount: 880
      truth { stolen: 880 attack: "hack" }
    }
    truth { attack: "hack" stage: "peel_chain" stage_index: 0 hop: 1 }
  }
  transactions {
    id: "p2"
    chain: "btc"
    time: 30
    fee: 10
    inputs { tx: "p1" index: 1 }
    outputs {
      address: "dep_b"
      amount: 500
      truth { stolen: 500 attack: "hack" }
    }
    outputs {
      address: "thief3"
      amount: 370
      truth { stolen: 370 attack: "hack" }
    }
    truth { attack: "hack" stage: "cash_out" stage_index: 1 hop: 2 }
  }
  transactions {
    id: "b1"
    chain: "btc"
    time: 40
    fee: 10
    inputs { tx: "c0" index: 1 }
    outputs { address: "dep_b2" amount: 200 }
    outputs { address: "bob" amount: 290 }
  }
  transactions {
    id: "s1"
    chain: "btc"
    time: 50
    fee: 5
    inputs { tx: "p2" index: 0 }
    outputs { address: "exch_b_hot" amount: 495 }
  }
  thefts {
    attack: "hack"
    chain: "btc"
    tx: "t1"
    index: 0
    asset: "BTC"
    amount: 990
  }
  cash_outs {
    attack: "hack"
    exchange: "exch_a"
    chain: "btc"
    tx: "p1"
    index: 0
    address: "dep_a"
    asset: "BTC"
    amount: 100
    time: 20
  }
  cash_outs {
    attack: "hack"
    exchange: "exch_b"
    chain: "btc"
    tx: "p2"
    index: 0
    address: "dep_b"
    asset: "BTC"
    amount: 500
    time: 30
  }
  labels {
    address: "dep_a"
    chain: "btc"
    kind: LABEL_EXCHANGE_DEPOSIT
    service: "exch_b"
  }
  labels {
    address: "dep_b"
    chain: "btc"
    kind: LABEL_EXCHANGE_DEPOSIT
    service: "exch_b"
  }
)pb";

// One ACCOUNT chain "eth" whose native ETH has no decimals and costs US$1.
constexpr std::string_view kEthHeader = R"pb(
  header {
    start: "2021-01-01T00:00:00Z"
    chains {
      name: "eth"
      model: ACCOUNT
      native_asset: "ETH"
      block_interval_s: 12
    }
    assets {
      name: "ETH"
      chain: "eth"
      decimals: 0
      usd_price { time: 0 usd: 1 }
    }
  }
)pb";

// Without its header (kEthHeader).
constexpr std::string_view kPool = R"pb(
  entities { name: "victim" kind: EXCHANGE country: "US" region: NORTH_AMERICA }
  entities { name: "lazarus" kind: ATTACKER }
  entities { name: "pool" kind: MIXER }
  entities { name: "u1" kind: USER }
  entities { name: "u2" kind: USER }
  addresses {
    name: "hot"
    chain: "eth"
    truth { owner: "victim" }
  }
  addresses {
    name: "u1"
    chain: "eth"
    truth { owner: "u1" }
  }
  addresses {
    name: "u2"
    chain: "eth"
    truth { owner: "u2" }
  }
  addresses {
    name: "u1b"
    chain: "eth"
    truth { owner: "u1" }
  }
  addresses {
    name: "u2b"
    chain: "eth"
    truth { owner: "u2" }
  }
  addresses {
    name: "thief"
    chain: "eth"
    truth { owner: "lazarus" }
  }
  addresses {
    name: "fresh"
    chain: "eth"
    truth { owner: "lazarus" }
  }
  addresses {
    name: "pool"
    chain: "eth"
    truth { owner: "pool" }
  }
  attacks { name: "heist" group: "lazarus" victim: "victim" time: 10 }
  transactions {
    id: "g0"
    chain: "eth"
    time: 0
    coinbase: true
    outputs { address: "hot" amount: 1000 }
    outputs { address: "u1" amount: 500 }
    outputs { address: "u2" amount: 500 }
  }
  transactions {
    id: "t1"
    chain: "eth"
    time: 10
    fee: 1
    inputs { address: "hot" amount: 301 }
    outputs {
      address: "thief"
      amount: 300
      truth { stolen: 300 attack: "heist" }
    }
    truth { attack: "heist" stage: "theft" hop: 0 }
  }
  transactions {
    id: "d1"
    chain: "eth"
    time: 20
    fee: 1
    inputs { address: "thief" amount: 101 }
    outputs {
      address: "pool"
      amount: 100
      truth { stolen: 100 attack: "heist" }
    }
    truth { attack: "heist" stage: "mixer" stage_index: 0 hop: 1 }
  }
  transactions {
    id: "d2"
    chain: "eth"
    time: 25
    fee: 1
    inputs { address: "u1" amount: 101 }
    outputs { address: "pool" amount: 100 }
  }
  transactions {
    id: "d3"
    chain: "eth"
    time: 26
    fee: 1
    inputs { address: "u2" amount: 101 }
    outputs { address: "pool" amount: 100 }
  }
  transactions {
    id: "w1"
    chain: "eth"
    time: 30
    fee: 1
    inputs { address: "pool" amount: 100 }
    outputs { address: "u1b" amount: 99 }
  }
  transactions {
    id: "w2"
    chain: "eth"
    time: 40
    fee: 1
    inputs { address: "pool" amount: 100 }
    outputs {
      address: "fresh"
      amount: 99
      truth { stolen: 99 attack: "heist" }
    }
    truth { attack: "heist" stage: "mixer" stage_index: 0 hop: 2 }
  }
  transactions {
    id: "w3"
    chain: "eth"
    time: 50
    fee: 1
    inputs { address: "pool" amount: 100 }
    outputs { address: "u2b" amount: 99 }
  }
  thefts {
    attack: "heist"
    chain: "eth"
    tx: "t1"
    index: 0
    asset: "ETH"
    amount: 300
  }
)pb";

}  // namespace

LedgerFile PeelFixture() { return Parse(kPeel); }
std::string WithEthHeader(std::string_view body) {
  return std::string(kEthHeader) + std::string(body);
}

LedgerFile PoolFixture() { return Parse(WithEthHeader(kPool)); }

LedgerFile PoolBurstFixture() {
  std::string text = WithEthHeader(kPool);
  const auto insert_before = [&](std::string_view at, std::string_view what) {
    const std::size_t p = text.find(at);
    EXPECT_NE(p, std::string::npos) << at;
    if (p != std::string::npos) text.insert(p, what);
  };
  insert_before("  addresses {\n    name: \"fresh\"", R"pb(
    addresses {
      name: "fresh2"
      chain: "eth"
      truth { owner: "lazarus" }
    }
  )pb");
  insert_before("  transactions {\n    id: \"d2\"", R"pb(
    transactions {
      id: "d1b"
      chain: "eth"
      time: 22
      fee: 1
      inputs { address: "thief" amount: 101 }
      outputs {
        address: "pool"
        amount: 100
        truth { stolen: 100 attack: "heist" }
      }
      truth { attack: "heist" stage: "mixer" stage_index: 0 hop: 1 }
    }
  )pb");
  insert_before("  transactions {\n    id: \"w3\"", R"pb(
    transactions {
      id: "w2b"
      chain: "eth"
      time: 45
      fee: 1
      inputs { address: "pool" amount: 100 }
      outputs {
        address: "fresh2"
        amount: 99
        truth { stolen: 99 attack: "heist" }
      }
      truth { attack: "heist" stage: "mixer" stage_index: 0 hop: 2 }
    }
  )pb");
  return Parse(text);
}

LedgerFile TurnoverFixture() {
  return Parse(WithEthHeader(R"pb(
    entities { name: "victim" kind: EXCHANGE }
    entities { name: "lazarus" kind: ATTACKER }
    entities { name: "dex" kind: DEX_POOL }
    entities { name: "u" kind: USER }
    addresses {
      name: "hot"
      chain: "eth"
      truth { owner: "victim" }
    }
    addresses {
      name: "thief"
      chain: "eth"
      truth { owner: "lazarus" }
    }
    addresses {
      name: "svc"
      chain: "eth"
      truth { owner: "dex" }
    }
    addresses {
      name: "u"
      chain: "eth"
      truth { owner: "u" }
    }
    attacks { name: "heist" group: "lazarus" victim: "victim" time: 10 }
    transactions {
      id: "g"
      chain: "eth"
      time: 0
      coinbase: true
      outputs { address: "hot" amount: 1000 }
      outputs { address: "u" amount: 1000 }
      outputs { address: "svc" amount: 50 }
    }
    transactions {
      id: "t"
      chain: "eth"
      time: 10
      inputs { address: "hot" amount: 100 }
      outputs {
        address: "thief"
        amount: 100
        truth { stolen: 100 attack: "heist" }
      }
      truth { attack: "heist" stage: "theft" hop: 0 }
    }
    transactions {
      id: "in"
      chain: "eth"
      time: 20
      inputs { address: "thief" amount: 100 }
      outputs {
        address: "svc"
        amount: 100
        truth { stolen: 100 attack: "heist" }
      }
      truth { attack: "heist" stage: "dex_swap" stage_index: 0 hop: 1 }
    }
    transactions {
      id: "out"
      chain: "eth"
      time: 30
      inputs { address: "svc" amount: 120 }
      outputs { address: "u" amount: 120 }
    }
    transactions {
      id: "refill"
      chain: "eth"
      time: 40
      inputs { address: "u" amount: 100 }
      outputs { address: "svc" amount: 100 }
    }
    thefts {
      attack: "heist"
      chain: "eth"
      tx: "t"
      index: 0
      asset: "ETH"
      amount: 100
    }
  )pb"));
}

void SetTaint(const Ledger& ledger, trace::TraceResult* result,
              std::string_view chain, std::string_view ref, Amount taint) {
  const ChainId c = ledger.FindChain(chain);
  ASSERT_NE(c, ChainId::kNone) << chain;
  const std::size_t colon = ref.find(':');
  const TxStore& s = ledger.txs(c);
  const TxId t = s.FindTx(ref.substr(0, colon));
  ASSERT_NE(t, TxId::kNone) << ref;
  const std::size_t index = std::stoul(std::string(ref.substr(colon + 1)));
  ASSERT_LT(index, s.outputs(t).size()) << ref;
  const OutputId o = s.outputs(t)[index];
  result->chains[Index(c)].output_taint[Index(o)] = taint;
  if (taint > 0) result->address_flagged[Index(s.output_address(o))] = 1;
}

}  // namespace chaintrace::eval::testing
