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

}  // namespace
}  // namespace chaintrace
