#include "model/labels.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace chaintrace {
namespace {

TEST(Labels, ServicesAreFoundByNameAndAddedOnce) {
  Labels labels;
  const auto kr = labels.AddService("exchange_kr");
  ASSERT_TRUE(kr.ok());
  EXPECT_EQ(*labels.AddService("exchange_kr"), *kr);
  EXPECT_EQ(labels.FindService("exchange_kr"), *kr);
  EXPECT_EQ(labels.FindService("nope"), ServiceId::kNone);
  EXPECT_FALSE(labels.AddService("").ok());
  EXPECT_EQ(labels.service_count(), 1u);
}

TEST(Labels, AnAddressHasAtMostOneLabel) {
  Labels labels;
  const ServiceId kr = *labels.AddService("exchange_kr");
  const ServiceId mixer = *labels.AddService("mixer");
  const AddressId a{7};
  EXPECT_FALSE(labels.labelled(a));
  ASSERT_TRUE(labels.Add(a, kr, common::LABEL_EXCHANGE_DEPOSIT).ok());
  // The same label again is harmless; a different one is refused.
  EXPECT_TRUE(labels.Add(a, kr, common::LABEL_EXCHANGE_DEPOSIT).ok());
  const Status clash = labels.Add(a, mixer, common::LABEL_MIXER);
  ASSERT_FALSE(clash.ok());
  EXPECT_NE(clash.message().find("exchange_kr"), std::string::npos);
  EXPECT_FALSE(
      labels.Add(AddressId{1}, kr, common::LABEL_KIND_UNSPECIFIED).ok());
  EXPECT_FALSE(
      labels.Add(AddressId{1}, ServiceId{9}, common::LABEL_MIXER).ok());

  EXPECT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels.label(a).service, kr);
  EXPECT_EQ(labels.label(a).kind, common::LABEL_EXCHANGE_DEPOSIT);
  // Beyond the stored range: unlabelled.
  EXPECT_EQ(labels.label(AddressId{1000}).service, ServiceId::kNone);
  EXPECT_EQ(labels.LabelledAddresses(), std::vector<AddressId>{a});
}

// Labels with `entries` (address, service name, kind), services added in
// the order they first appear.
struct Entry {
  AddressId address;
  std::string service;
  LabelKind kind;
};
Labels LabelsOf(const std::vector<Entry>& entries) {
  Labels labels;
  for (const Entry& e : entries) {
    const ServiceId s = *labels.AddService(e.service);
    EXPECT_TRUE(labels.Add(e.address, s, e.kind).ok());
  }
  return labels;
}

TEST(Labels, EqualityIsByAddressKindAndServiceName) {
  const Labels one =
      LabelsOf({{AddressId{2}, "exchange_kr", common::LABEL_EXCHANGE_WALLET},
                {AddressId{5}, "mixer", common::LABEL_MIXER}});
  // Services added in the other order label the same addresses: equal.
  Labels two =
      LabelsOf({{AddressId{5}, "mixer", common::LABEL_MIXER},
                {AddressId{2}, "exchange_kr", common::LABEL_EXCHANGE_WALLET}});
  EXPECT_TRUE(one == two);
  // An unused service does not count.
  ASSERT_TRUE(two.AddService("otc").ok());
  EXPECT_TRUE(one == two);

  // One more label.
  EXPECT_FALSE(
      one ==
      LabelsOf({{AddressId{2}, "exchange_kr", common::LABEL_EXCHANGE_WALLET},
                {AddressId{5}, "mixer", common::LABEL_MIXER},
                {AddressId{9}, "exchange_kr", common::LABEL_OTC}}));
  // Another service's name.
  EXPECT_FALSE(one == LabelsOf({{AddressId{2}, "exchange_jp",
                                 common::LABEL_EXCHANGE_WALLET},
                                {AddressId{5}, "mixer", common::LABEL_MIXER}}));
  // Another kind.
  EXPECT_FALSE(one == LabelsOf({{AddressId{2}, "exchange_kr",
                                 common::LABEL_EXCHANGE_DEPOSIT},
                                {AddressId{5}, "mixer", common::LABEL_MIXER}}));
  // Another address.
  EXPECT_FALSE(one == LabelsOf({{AddressId{3}, "exchange_kr",
                                 common::LABEL_EXCHANGE_WALLET},
                                {AddressId{5}, "mixer", common::LABEL_MIXER}}));
}

}  // namespace
}  // namespace chaintrace
