#include "model/verify.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>

#include "model/ledger_io.h"
#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing_util::kAccountHeader;
using testing_util::kUtxoHeader;

constexpr ReadOptions kLenient{/*check_conservation=*/false,
                               /*lenient=*/true};

std::string LedgerPath(std::string_view name) {
  return std::string(CHAINTRACE_SOURCE_DIR) + "/tests/data/ledgers/" +
         std::string(name);
}

LedgerFile ReadLenient(const std::string& path) {
  Result<LedgerFile> file = ReadLedger(path, kLenient);
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

LedgerFile ParseLenient(const std::string& text) {
  Result<LedgerFile> file = ReadLedgerText(text, "inline", kLenient);
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

// The first finding of a bad ledger file, which must have findings.
Finding FirstFinding(std::string_view name) {
  const VerifyResult r = VerifyLedger(ReadLenient(LedgerPath(name)));
  EXPECT_FALSE(r.ok()) << name;
  return r.findings.empty() ? Finding{} : r.findings.front();
}

TEST(VerifyLedger, ShippedTestLedgersAreClean) {
  for (const char* name : {"peel.textproto", "account.textproto"}) {
    const VerifyResult r = VerifyLedger(testing_util::ReadTestdata(name));
    EXPECT_TRUE(r.ok()) << name << ": " << r.findings.front().message;
  }
}

// ok_theft.textproto: seeded 9990 = held 1000 (shop) + 8970 (exch_dep) +
// fees 20 (p1, p2).
TEST(VerifyLedger, AccountsForEveryStolenUnitOnUtxo) {
  const LedgerFile file = ReadLenient(LedgerPath("ok_theft.textproto"));
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 1u);
  const StolenAccount& a = r.accounts[0];
  EXPECT_EQ(file.truth->attack(a.attack).name, "hack1");
  EXPECT_EQ(file.ledger.asset(a.asset).name, "BTC");
  EXPECT_TRUE(a.exact);
  EXPECT_EQ(a.seeded, 9990);
  EXPECT_EQ(a.held, 9970);
  EXPECT_EQ(a.fees, 20);
}

// ok_account_theft.textproto: 400 ETH and 9000 USDT seeded; ETH held at
// most 98 (thief) + 298 (exch_dep); the USDT sits at the DEX.
TEST(VerifyLedger, BoundsStolenHeldOnAccountChains) {
  const LedgerFile file = ReadLenient(LedgerPath("ok_account_theft.textproto"));
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 2u);
  EXPECT_EQ(file.ledger.asset(r.accounts[0].asset).name, "ETH");
  EXPECT_FALSE(r.accounts[0].exact);
  EXPECT_EQ(r.accounts[0].seeded, 400);
  EXPECT_EQ(r.accounts[0].held, 396);
  EXPECT_EQ(r.accounts[0].fees, 0);
  EXPECT_EQ(file.ledger.asset(r.accounts[1].asset).name, "USDT");
  EXPECT_EQ(r.accounts[1].seeded, 9000);
  EXPECT_EQ(r.accounts[1].held, 9000);
}

struct BadCase {
  const char* file;
  FindingKind kind;
  const char* tx;
  const char* message;
  friend void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }
};

class VerifyBadLedger : public ::testing::TestWithParam<BadCase> {};

TEST_P(VerifyBadLedger, NamesTheFirstOffendingTransaction) {
  const BadCase& c = GetParam();
  const Finding f = FirstFinding(c.file);
  EXPECT_EQ(FindingKindName(f.kind), FindingKindName(c.kind));
  EXPECT_THAT(
      f.message,
      StartsWith("chain '" +
                 std::string(c.kind == FindingKind::kBalance ? "eth" : "btc") +
                 "' transaction '" + c.tx + "': "));
  EXPECT_THAT(f.message, HasSubstr(c.message));
  EXPECT_NE(f.chain, ChainId::kNone);
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, VerifyBadLedger,
    ::testing::Values(
        BadCase{"bad_conservation.textproto", FindingKind::kConservation, "t2",
                "inputs 4990 != outputs 4990 + fee 10"},
        BadCase{"bad_double_spend.textproto", FindingKind::kDoubleSpend, "t2",
                "input 0: double spend: output 'c0:0' is already spent"},
        BadCase{"bad_time_order.textproto", FindingKind::kTimeOrder, "t2",
                "time 600 is before the chain's previous transaction (1200)"},
        BadCase{"bad_balance.textproto", FindingKind::kBalance, "e2",
                "address 'alice' is debited 100 of 'ETH' but holds only 49"},
        BadCase{"bad_theft.textproto", FindingKind::kTheft, "t1",
                "theft 'hack1': reports 9000 units, but output 0 carries 9990 "
                "stolen units of attack 'hack1'"},
        BadCase{"bad_stolen_range.textproto", FindingKind::kStolenRange, "p1",
                "output 0: stolen 1500 is not within 0..amount (1000)"},
        BadCase{"bad_stolen_attack.textproto", FindingKind::kStolenAttack, "p1",
                "output 0: carries 1000 stolen units but names no attack"},
        BadCase{"bad_stolen_created.textproto", FindingKind::kStolenCreated,
                "p1",
                "its outputs carry 9980 stolen units of attack 'hack1' but its "
                "inputs bring only 5000"},
        BadCase{"bad_stolen_lost.textproto", FindingKind::kStolenLost, "p1",
                "its inputs bring 1010 more stolen units than its outputs "
                "carry, but its fee is 10"},
        BadCase{"bad_cash_out.textproto", FindingKind::kCashOut, "p2",
                "cash-out of attack 'hack1': amount 9000, but output 0 carries "
                "8970 stolen units of attack 'hack1'"}),
    [](const ::testing::TestParamInfo<BadCase>& param) {
      std::string name(FindingKindName(param.param.kind));
      for (char& ch : name) {
        if (ch == '-') ch = '_';
      }
      return name;
    });

// The strict reader refuses what verify names; the lenient one loads it.
TEST(VerifyLedger, StrictReaderRefusesWhatLenientReadingLoads) {
  for (const char* name :
       {"bad_double_spend.textproto", "bad_time_order.textproto",
        "bad_stolen_range.textproto"}) {
    EXPECT_FALSE(ReadLedger(LedgerPath(name)).ok()) << name;
    EXPECT_TRUE(ReadLedger(LedgerPath(name), kLenient).ok()) << name;
  }
}

// A double spend of a stolen output counts its stolen value twice: the
// attack's account no longer balances, reported last, naming the attack.
TEST(VerifyLedger, DoubleSpendOfStolenValueIsUnaccounted) {
  const LedgerFile file = ParseLenient(std::string(kUtxoHeader) + R"pb(
    attacks { name: "h" }
    transactions {
      id: "c0"
      chain: "btc"
      time: 0
      coinbase: true
      outputs { address: "hot" amount: 100 }
    }
    transactions {
      id: "t"
      chain: "btc"
      time: 1
      inputs { tx: "c0" }
      outputs {
        address: "x"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    transactions {
      id: "a"
      chain: "btc"
      time: 2
      inputs { tx: "t" }
      outputs {
        address: "y"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    transactions {
      id: "b"
      chain: "btc"
      time: 3
      inputs { tx: "t" }
      outputs {
        address: "z"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    thefts { attack: "h" chain: "btc" tx: "t" amount: 100 }
  )pb");
  const VerifyResult r = VerifyLedger(file);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kDoubleSpend);
  EXPECT_EQ(file.ledger.txs(r.findings[0].chain).txid(r.findings[0].tx), "b");
  EXPECT_EQ(r.findings[1].kind, FindingKind::kUnaccounted);
  EXPECT_EQ(r.findings[1].chain, ChainId::kNone);
  EXPECT_EQ(r.findings[1].message,
            "attack 'h' asset 'BTC': stolen value not accounted for: 100 "
            "seeded at its thefts + 0 converted in != 200 held on unspent "
            "outputs + 0 in fees + 0 claimed by services + 0 converted out");
}

// Stolen value on an account chain can only leave an address that holds it.
TEST(VerifyLedger, StolenCreditFromACleanAccountIsCreated) {
  const LedgerFile file = ParseLenient(std::string(kAccountHeader) + R"pb(
    attacks { name: "h" }
    transactions {
      id: "g"
      chain: "eth"
      time: 0
      coinbase: true
      outputs { address: "hot" amount: 100 }
      outputs { address: "clean" amount: 100 }
    }
    transactions {
      id: "t"
      chain: "eth"
      time: 1
      inputs { address: "hot" amount: 100 }
      outputs {
        address: "x"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    transactions {
      id: "m"
      chain: "eth"
      time: 2
      inputs { address: "clean" amount: 50 }
      outputs {
        address: "y"
        amount: 50
        truth { stolen: 50 attack: "h" }
      }
    }
    thefts { attack: "h" chain: "eth" tx: "t" amount: 100 }
  )pb");
  const VerifyResult r = VerifyLedger(file);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_EQ(r.findings[0].message,
            "chain 'eth' transaction 'm': its credits carry 50 stolen units "
            "of attack 'h' but its debited addresses hold at most 0 (stolen "
            "value appears only at a reported theft)");
}

// Token transfers pay their fee in the native asset from the first input.
TEST(VerifyLedger, TokenFeeOverdraftIsABalanceFinding) {
  const LedgerFile file = ParseLenient(std::string(kAccountHeader) + R"pb(
    transactions {
      id: "g"
      chain: "eth"
      time: 0
      coinbase: true
      asset: "USDT"
      outputs { address: "a" amount: 100 }
    }
    transactions {
      id: "e"
      chain: "eth"
      time: 1
      fee: 3
      asset: "USDT"
      inputs { address: "a" amount: 100 }
      outputs { address: "b" amount: 100 }
    }
  )pb");
  const VerifyResult r = VerifyLedger(file);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kBalance);
  EXPECT_THAT(r.findings[0].message,
              HasSubstr("address 'a' is debited 3 of 'ETH' (the fee) but "
                        "holds only 0"));
}

// ---- custodial services and claims

// The ledger file `name` with `from` replaced by `to` (which must occur).
LedgerFile ReadEdited(std::string_view name, std::string_view from,
                      std::string_view to) {
  std::ifstream in(LedgerPath(name));
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return ParseLenient(text);
}

const StolenAccount* FindAccount(const LedgerFile& file, const VerifyResult& r,
                                 std::string_view asset) {
  for (const StolenAccount& a : r.accounts) {
    if (file.ledger.asset(a.asset).name == asset) return &a;
  }
  ADD_FAILURE() << "no account in " << asset;
  return nullptr;
}

// ok_mixer.textproto: the deposit d1 becomes mix1's claim (9980); w1 pays
// 4900 out of another coin, w2 4900 out of the deposited one; 180 stay.
TEST(VerifyClaims, CustodialMixerPaysBackWithOtherCoins) {
  const LedgerFile file = ReadLenient(LedgerPath("ok_mixer.textproto"));
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 1u);
  const StolenAccount& a = r.accounts[0];
  EXPECT_TRUE(a.exact);
  EXPECT_EQ(a.seeded, 9990);
  EXPECT_EQ(a.held, 9800);
  EXPECT_EQ(a.fees, 10);
  EXPECT_EQ(a.claims, 180);
  EXPECT_EQ(a.converted_in, 0);
  EXPECT_EQ(a.converted_out, 0);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(file.truth->entity(r.claims[0].service).name, "mix1");
  EXPECT_EQ(r.claims[0].amount, 180);
  EXPECT_FALSE(r.claims[0].cash_out);
}

// A payout larger than the claim: stolen-created, and the account is off
// by the excess.
TEST(VerifyClaims, PayoutBeyondTheClaimIsCreatedAndUnaccounted) {
  const LedgerFile file = ReadEdited(
      "ok_mixer.textproto",
      R"(outputs { address: "fresh2" amount: 4900 truth { stolen: 4900 attack: "hack1" } }
  outputs { address: "change2" amount: 5070 })",
      R"(outputs { address: "fresh2" amount: 5200 truth { stolen: 5200 attack: "hack1" } }
  outputs { address: "change2" amount: 4770 })");
  const VerifyResult r = VerifyLedger(file);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].message,
            "chain 'btc' transaction 'w2': its outputs carry 5200 stolen "
            "units of attack 'hack1' but its inputs bring only 0 and its "
            "services' claims grant 5080 (stolen value appears only at a "
            "reported theft)");
  EXPECT_EQ(r.findings[1].kind, FindingKind::kUnaccounted);
  EXPECT_THAT(r.findings[1].message,
              HasSubstr("9990 seeded at its thefts + 0 converted in != 10100 "
                        "held on unspent outputs + 10 in fees + 0 claimed"));
}

TEST(VerifyClaims, ServicePayoutWithoutAClaimIsCreated) {
  const VerifyResult r = VerifyLedger(
      ReadLenient(LedgerPath("service_payout_without_claim.textproto")));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_EQ(r.findings[0].message,
            "chain 'btc' transaction 'w1': its outputs carry 4900 stolen "
            "units of attack 'hack1' but its inputs bring only 0 and its "
            "services' claims grant 0 (stolen value appears only at a "
            "reported theft)");
  EXPECT_EQ(r.findings[1].kind, FindingKind::kUnaccounted);
}

// ok_exchange_cash_out.textproto: the deposit stays with the exchange as its
// claim (a cash-out); the sweep s1 carries none.
TEST(VerifyClaims, ExchangeDepositIsACashOutClaim) {
  const LedgerFile file =
      ReadLenient(LedgerPath("ok_exchange_cash_out.textproto"));
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 1u);
  EXPECT_EQ(r.accounts[0].seeded, 9990);
  EXPECT_EQ(r.accounts[0].held, 1000);
  EXPECT_EQ(r.accounts[0].fees, 10);
  EXPECT_EQ(r.accounts[0].claims, 8980);
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(file.truth->entity(r.claims[0].service).name, "exch_b");
  EXPECT_EQ(r.claims[0].amount, 8980);
  EXPECT_TRUE(r.claims[0].cash_out);
}

// ok_conversion.textproto: a DEX swap USDT -> ETH, consuming its claim at
// the pool's spot rate (100 ETH against 100000 USDT once the deposit is in:
// 39.6 ETH take 39600 USDT of the claim), and a bridge ETH -> BTC across
// chains, consuming its claim at USD prices.
TEST(VerifyClaims, ConversionsAtADexAndABridge) {
  const LedgerFile file = ReadLenient(LedgerPath("ok_conversion.textproto"));
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 3u);
  const StolenAccount* btc = FindAccount(file, r, "BTC");
  const StolenAccount* eth = FindAccount(file, r, "ETH");
  const StolenAccount* usdt = FindAccount(file, r, "USDT");
  ASSERT_TRUE(btc != nullptr && eth != nullptr && usdt != nullptr);
  EXPECT_TRUE(btc->exact);
  EXPECT_EQ(btc->seeded, 0);
  EXPECT_EQ(btc->converted_in, 195'000'000);
  EXPECT_EQ(btc->held, 195'000'000);
  EXPECT_EQ(btc->claims, 0);
  EXPECT_FALSE(usdt->exact);
  EXPECT_EQ(usdt->seeded, 100'000'000'000);
  EXPECT_EQ(usdt->converted_out, 39'600'000'000);
  EXPECT_EQ(usdt->claims, 60'400'000'000);
  EXPECT_EQ(usdt->held, 0);
  EXPECT_EQ(eth->converted_in, 39'600'000'000);
  EXPECT_EQ(eth->converted_out, 39'000'000'000);
  EXPECT_EQ(eth->claims, 500'000'000);
  EXPECT_EQ(eth->held, 100'000'000);
  ASSERT_EQ(r.claims.size(), 2u);  // wormhole's ETH, uni's USDT
  EXPECT_EQ(file.truth->entity(r.claims[0].service).name, "wormhole");
  EXPECT_EQ(file.truth->entity(r.claims[1].service).name, "uni");
}

// A payout in another asset is a conversion only on the attack's own
// laundering transaction.
TEST(VerifyClaims, ConversionNeedsTheAttacksTransaction) {
  const VerifyResult r = VerifyLedger(ReadEdited(
      "ok_conversion.textproto",
      R"(truth { attack: "hack3" stage: "dex_swap" stage_index: 0 hop: 2 })",
      ""));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_THAT(r.findings[0].message,
              StartsWith("chain 'eth' transaction 's2': its credits carry "
                         "39600000000 stolen units of attack 'hack3'"));
}

// 3 BTC ($150000) released against a claim worth $98750: created, and the
// BTC account is off by the payout.
TEST(VerifyClaims, ConversionCannotExceedTheClaimsValue) {
  const VerifyResult r = VerifyLedger(ReadEdited(
      "ok_conversion.textproto",
      R"(outputs { address: "fresh" amount: 195000000 truth { stolen: 195000000 attack: "hack3" } }
  outputs { address: "vault_change" amount: 804990000 })",
      R"(outputs { address: "fresh" amount: 300000000 truth { stolen: 300000000 attack: "hack3" } }
  outputs { address: "vault_change" amount: 699990000 })"));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_THAT(r.findings[0].message,
              StartsWith("chain 'btc' transaction 'r1': its outputs carry "
                         "300000000 stolen units"));
  EXPECT_EQ(r.findings[1].kind, FindingKind::kUnaccounted);
  EXPECT_THAT(r.findings[1].message, HasSubstr("asset 'BTC'"));
}

// A DEX pool converts at its reserves, priced or not: the first payout
// takes its spot-rate share of the claim; a second one, worth more than the
// rest at the pool's new rate, is created value.
TEST(VerifyClaims, DexConversionIsBoundedByThePoolsReserves) {
  const std::string ledger = std::string(kAccountHeader) + R"pb(
    entities { name: "uni" kind: DEX_POOL }
    addresses {
      name: "dex"
      chain: "eth"
      truth { owner: "uni" }
    }
    attacks { name: "h" }
    transactions {
      id: "g"
      chain: "eth"
      time: 0
      coinbase: true
      asset: "USDT"
      outputs { address: "hot" amount: 1000 }
    }
    transactions {
      id: "g2"
      chain: "eth"
      time: 0
      coinbase: true
      outputs { address: "dex" amount: 500 }
    }
    transactions {
      id: "t"
      chain: "eth"
      time: 1
      asset: "USDT"
      inputs { address: "hot" amount: 1000 }
      outputs {
        address: "thief"
        amount: 1000
        truth { stolen: 1000 attack: "h" }
      }
    }
    transactions {
      id: "in"
      chain: "eth"
      time: 2
      asset: "USDT"
      inputs { address: "thief" amount: 1000 }
      outputs {
        address: "dex"
        amount: 1000
        truth { stolen: 1000 attack: "h" }
      }
    }
    transactions {
      id: "out"
      chain: "eth"
      time: 3
      inputs { address: "dex" amount: 200 }
      outputs {
        address: "thief"
        amount: 200
        truth { stolen: 200 attack: "h" }
      }
      truth { attack: "h" }
    }
    thefts { attack: "h" chain: "eth" tx: "t" asset: "USDT" amount: 1000 }
  )pb";
  const VerifyResult once = VerifyLedger(ParseLenient(ledger));
  ASSERT_TRUE(once.ok()) << once.findings.front().message;
  ASSERT_EQ(once.accounts.size(), 2u);  // ETH (id 0), USDT (id 1)
  EXPECT_EQ(once.accounts[0].converted_in, 200);
  // At the pool's spot rate (500 ETH units against 1000 USDT units).
  EXPECT_EQ(once.accounts[1].converted_out, 400);
  EXPECT_EQ(once.accounts[1].claims, 600);

  std::string twice = ledger;
  const std::string again = R"pb(
    transactions {
      id: "again"
      chain: "eth"
      time: 4
      inputs { address: "dex" amount: 200 }
      outputs {
        address: "thief"
        amount: 200
        truth { stolen: 200 attack: "h" }
      }
      truth { attack: "h" }
    }
  )pb";
  twice.insert(twice.find("    thefts {"), again);
  const VerifyResult r = VerifyLedger(ParseLenient(twice));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_THAT(r.findings[0].message,
              StartsWith("chain 'eth' transaction 'again': "));
}

// A benign withdrawal that empties the pool before the attacker's does not
// take the attacker's stolen value: it is the mixer's claim, not the pool
// address's balance.
TEST(VerifyClaims, BenignPoolWithdrawalLeavesTheClaim) {
  const LedgerFile file = ParseLenient(std::string(kAccountHeader) + R"pb(
    entities { name: "tornado" kind: MIXER }
    addresses {
      name: "pool"
      chain: "eth"
      truth { owner: "tornado" }
    }
    attacks { name: "h" }
    transactions {
      id: "g"
      chain: "eth"
      time: 0
      coinbase: true
      outputs { address: "hot" amount: 100 }
      outputs { address: "alice" amount: 100 }
    }
    transactions {
      id: "t"
      chain: "eth"
      time: 1
      inputs { address: "hot" amount: 100 }
      outputs {
        address: "thief"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    transactions {
      id: "deposit"
      chain: "eth"
      time: 2
      inputs { address: "thief" amount: 100 }
      outputs {
        address: "pool"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    transactions {
      id: "benign_withdrawal"
      chain: "eth"
      time: 3
      inputs { address: "pool" amount: 100 }
      outputs { address: "bob" amount: 100 }
    }
    transactions {
      id: "benign_deposit"
      chain: "eth"
      time: 4
      inputs { address: "alice" amount: 100 }
      outputs { address: "pool" amount: 100 }
    }
    transactions {
      id: "withdrawal"
      chain: "eth"
      time: 5
      inputs { address: "pool" amount: 100 }
      outputs {
        address: "fresh"
        amount: 100
        truth { stolen: 100 attack: "h" }
      }
    }
    thefts { attack: "h" chain: "eth" tx: "t" amount: 100 }
  )pb");
  const VerifyResult r = VerifyLedger(file);
  ASSERT_TRUE(r.ok()) << r.findings.front().message;
  ASSERT_EQ(r.accounts.size(), 1u);
  EXPECT_EQ(r.accounts[0].held, 100);
  EXPECT_EQ(r.accounts[0].claims, 0);
  EXPECT_TRUE(r.claims.empty());
}

TEST(VerifyLedger, CountsEveryFindingNotOnlyTheFirst) {
  const VerifyResult r =
      VerifyLedger(ReadLenient(LedgerPath("bad_stolen_created.textproto")));
  // p1 creates stolen value; the attack's account then does not balance.
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kStolenCreated);
  EXPECT_EQ(r.findings[1].kind, FindingKind::kUnaccounted);
}

}  // namespace
}  // namespace chaintrace
