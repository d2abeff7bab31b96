#ifndef CHAINTRACE_MODEL_LABELS_H_
#define CHAINTRACE_MODEL_LABELS_H_

// The knowledge base tracers are given: labelled addresses, each tied to a
// named service (an exchange, mixer, bridge, DEX pool, OTC desk or CoinJoin
// coordinator). This is public knowledge, like an attribution vendor's
// database, and is kept apart from GroundTruth: a simulated ledger gets the
// share of true labels the scenario's LabelCoverage grants, an imported one
// whatever the user supplies. An address has at most one label.
//
// Storage is one ServiceId per address (dense, kNone when unlabelled) plus
// one LabelKind byte per address, so lookups are O(1) array reads.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.h"
#include "model/status.h"
#include "proto/common.pb.h"

namespace chaintrace {

using LabelKind = common::LabelKind;

struct Service {
  std::string name;
  friend bool operator==(const Service&, const Service&) = default;
};

struct AddressLabel {
  ServiceId service = ServiceId::kNone;
  LabelKind kind = common::LABEL_KIND_UNSPECIFIED;
};

class Labels {
 public:
  std::size_t service_count() const { return services_.size(); }
  const Service& service(ServiceId s) const { return services_[Index(s)]; }
  // kNone when no service has this name.
  ServiceId FindService(std::string_view name) const;
  // The service of this name, added when new. Errors: empty name.
  Result<ServiceId> AddService(std::string_view name);

  // Labels `address` as belonging to `service`. Errors: unknown service,
  // LABEL_KIND_UNSPECIFIED, or the address already has a different label.
  Status Add(AddressId address, ServiceId service, LabelKind kind);

  // The label of `address`; service kNone when unlabelled.
  AddressLabel label(AddressId a) const {
    const std::size_t i = Index(a);
    if (i >= service_of_.size()) return {};
    return {service_of_[i], static_cast<LabelKind>(kind_of_[i])};
  }
  bool labelled(AddressId a) const {
    return label(a).service != ServiceId::kNone;
  }
  // Number of labelled addresses.
  std::size_t size() const { return count_; }

  // Labelled addresses in increasing id order.
  std::vector<AddressId> LabelledAddresses() const;

  // Equal when the same addresses carry the same kinds and service names.
  // The order services were added in (a file lists labels in any order, the
  // encoding in address order) and services no address carries do not
  // count.
  friend bool operator==(const Labels& a, const Labels& b);

 private:
  std::vector<Service> services_;
  std::vector<ServiceId> service_of_;  // per AddressId
  std::vector<std::uint8_t> kind_of_;  // per AddressId, a LabelKind
  std::size_t count_ = 0;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LABELS_H_
