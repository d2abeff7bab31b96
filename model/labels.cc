#include "model/labels.h"

#include <algorithm>
#include <string>

namespace chaintrace {

ServiceId Labels::FindService(std::string_view name) const {
  for (std::size_t i = 0; i < services_.size(); ++i) {
    if (services_[i].name == name) return IdFromIndex<ServiceId>(i);
  }
  return ServiceId::kNone;
}

Result<ServiceId> Labels::AddService(std::string_view name) {
  if (name.empty()) return Status::Error("label service name is empty");
  const ServiceId found = FindService(name);
  if (found != ServiceId::kNone) return found;
  services_.push_back(Service{std::string(name)});
  return IdFromIndex<ServiceId>(services_.size() - 1);
}

Status Labels::Add(AddressId address, ServiceId service, LabelKind kind) {
  if (service == ServiceId::kNone || Index(service) >= services_.size()) {
    return Status::Error("label names an unknown service");
  }
  if (kind == common::LABEL_KIND_UNSPECIFIED) {
    return Status::Error("label of service '" + services_[Index(service)].name +
                         "' has no kind");
  }
  const std::size_t i = Index(address);
  if (i >= service_of_.size()) {
    service_of_.resize(i + 1, ServiceId::kNone);
    kind_of_.resize(i + 1, 0);
  }
  if (service_of_[i] != ServiceId::kNone) {
    if (service_of_[i] == service && kind_of_[i] == kind) return Status::Ok();
    return Status::Error("address already labelled as service '" +
                         services_[Index(service_of_[i])].name + "'");
  }
  service_of_[i] = service;
  kind_of_[i] = static_cast<std::uint8_t>(kind);
  ++count_;
  return Status::Ok();
}

std::vector<AddressId> Labels::LabelledAddresses() const {
  std::vector<AddressId> out;
  out.reserve(count_);
  for (std::size_t i = 0; i < service_of_.size(); ++i) {
    if (service_of_[i] != ServiceId::kNone) {
      out.push_back(IdFromIndex<AddressId>(i));
    }
  }
  return out;
}

bool operator==(const Labels& a, const Labels& b) {
  if (a.count_ != b.count_) return false;
  const std::size_t n = std::max(a.service_of_.size(), b.service_of_.size());
  for (std::size_t i = 0; i < n; ++i) {
    const AddressLabel x = a.label(IdFromIndex<AddressId>(i));
    const AddressLabel y = b.label(IdFromIndex<AddressId>(i));
    if ((x.service == ServiceId::kNone) != (y.service == ServiceId::kNone)) {
      return false;
    }
    if (x.service == ServiceId::kNone) continue;
    if (x.kind != y.kind ||
        a.service(x.service).name != b.service(y.service).name) {
      return false;
    }
  }
  return true;
}

}  // namespace chaintrace
