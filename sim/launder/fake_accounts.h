#ifndef CHAINTRACE_SIM_LAUNDER_FAKE_ACCOUNTS_H_
#define CHAINTRACE_SIM_LAUNDER_FAKE_ACCOUNTS_H_

// The exchange accounts an attacker opens with fake identities to cash out
// (documented: dozens opened the same day; UN Panel 2019). Each account has
// one deposit address per chain, owned by the exchange. Deposits to a
// chain are spread over at most `per_exchange` accounts per exchange,
// picked by weight among the named exchanges active on that chain.

#include <cstddef>
#include <string>
#include <vector>

#include "model/ids.h"
#include "sim/launder/moves.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {

struct ExchangeChoice {
  std::string name;  // "" : any exchange on the chain
  double weight = 1.0;
};

class FakeAccounts {
 public:
  FakeAccounts(std::vector<ExchangeChoice> choices, int per_exchange)
      : choices_(std::move(choices)),
        per_exchange_(per_exchange < 1 ? 1 : per_exchange) {}

  // A cash-out destination on `chain` (kind kCashOut, amount 0), or one
  // with address kNone when no chosen exchange is on the chain. `fresh`
  // tells whether the account receives its first deposit.
  Dest Pick(StageContext& ctx, ChainId chain, bool* fresh = nullptr);

 private:
  struct Account {
    std::size_t exchange;
    ChainId chain;
    AddressId deposit;
  };
  std::vector<ExchangeChoice> choices_;
  int per_exchange_;
  std::vector<Account> accounts_;
};

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_FAKE_ACCOUNTS_H_
