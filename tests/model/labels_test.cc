#include "model/labels.h"

#include <gtest/gtest.h>

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

TEST(Labels, EqualityIsByAddressKindAndServiceName) {
  // Services added in either order label the same addresses: equal.
  Labels one;
  const ServiceId kr = *one.AddService("exchange_kr");
  const ServiceId mixer = *one.AddService("mixer");
  ASSERT_TRUE(one.Add(AddressId{2}, kr, common::LABEL_EXCHANGE_WALLET).ok());
  ASSERT_TRUE(one.Add(AddressId{5}, mixer, common::LABEL_MIXER).ok());
  Labels two;
  const ServiceId mixer2 = *two.AddService("mixer");
  const ServiceId kr2 = *two.AddService("exchange_kr");
  ASSERT_TRUE(two.Add(AddressId{5}, mixer2, common::LABEL_MIXER).ok());
  ASSERT_TRUE(two.Add(AddressId{2}, kr2, common::LABEL_EXCHANGE_WALLET).ok());
  EXPECT_TRUE(one == two);
  // An unused service does not count.
  ASSERT_TRUE(two.AddService("otc").ok());
  EXPECT_TRUE(one == two);

  Labels other_kind = one;
  ASSERT_TRUE(other_kind.Add(AddressId{9}, kr, common::LABEL_OTC).ok());
  EXPECT_FALSE(one == other_kind);  // one more label
  Labels renamed;
  const ServiceId jp = *renamed.AddService("exchange_jp");
  const ServiceId mixer3 = *renamed.AddService("mixer");
  ASSERT_TRUE(
      renamed.Add(AddressId{2}, jp, common::LABEL_EXCHANGE_WALLET).ok());
  ASSERT_TRUE(renamed.Add(AddressId{5}, mixer3, common::LABEL_MIXER).ok());
  EXPECT_FALSE(one == renamed);  // another service's name
  Labels rekinded;
  const ServiceId kr4 = *rekinded.AddService("exchange_kr");
  const ServiceId mixer4 = *rekinded.AddService("mixer");
  ASSERT_TRUE(
      rekinded.Add(AddressId{2}, kr4, common::LABEL_EXCHANGE_DEPOSIT).ok());
  ASSERT_TRUE(rekinded.Add(AddressId{5}, mixer4, common::LABEL_MIXER).ok());
  EXPECT_FALSE(one == rekinded);  // another kind
  Labels moved;
  const ServiceId kr5 = *moved.AddService("exchange_kr");
  const ServiceId mixer5 = *moved.AddService("mixer");
  ASSERT_TRUE(moved.Add(AddressId{3}, kr5, common::LABEL_EXCHANGE_WALLET).ok());
  ASSERT_TRUE(moved.Add(AddressId{5}, mixer5, common::LABEL_MIXER).ok());
  EXPECT_FALSE(one == moved);  // another address
}

}  // namespace
}  // namespace chaintrace
