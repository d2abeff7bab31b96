#include "sim/world/random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace chaintrace::sim {
namespace {

constexpr int kDraws = 200000;

// Reference values computed independently (a Python transcription of
// SplitMix64 + xoshiro256** and of the stream derivation), so a change to the
// engine, its seeding or the stream keys is caught.
TEST(Rng, GoldenOutputs) {
  Rng rng(1);
  EXPECT_EQ(rng.Next(), 0xb3f2af6d0fc710c5ULL);
  EXPECT_EQ(rng.Next(), 0x853b559647364ceaULL);
  EXPECT_EQ(rng.Next(), 0x92f89756082a4514ULL);

  Rng stream = Rng::Stream(2022, "background/bitcoin", 3);
  EXPECT_EQ(stream.Next(), 0xe42cfd1a6693306fULL);
  EXPECT_EQ(stream.Next(), 0x6590de0b60b219c3ULL);
}

TEST(Rng, StreamsArePureAndDistinct) {
  Rng a = Rng::Stream(7, "attack/0", 0);
  Rng b = Rng::Stream(7, "attack/0", 0);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(a.Next(), b.Next());
  const std::uint64_t base = Rng::Stream(7, "attack/0", 0).Next();
  EXPECT_NE(Rng::Stream(7, "attack/1", 0).Next(), base);
  EXPECT_NE(Rng::Stream(7, "attack/0", 1).Next(), base);
  EXPECT_NE(Rng::Stream(8, "attack/0", 0).Next(), base);
}

TEST(Rng, UniformAndBelow) {
  Rng rng(42);
  double sum = 0;
  std::vector<int> buckets(10);
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.Uniform01();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    const std::uint64_t k = rng.Below(10);
    ASSERT_LT(k, 10u);
    ++buckets[k];
  }
  EXPECT_NEAR(sum / kDraws, 0.5, 0.005);
  for (int count : buckets) EXPECT_NEAR(count, kDraws / 10.0, kDraws / 100.0);
}

TEST(Rng, BetweenIsInclusiveAndHandlesExtremes) {
  Rng rng(3);
  bool saw_lo = false;
  bool saw_hi = false;
  for (int i = 0; i < 1000; ++i) {
    const std::int64_t v = rng.Between(-2, 2);
    ASSERT_GE(v, -2);
    ASSERT_LE(v, 2);
    saw_lo |= v == -2;
    saw_hi |= v == 2;
  }
  EXPECT_TRUE(saw_lo && saw_hi);
  EXPECT_EQ(rng.Between(5, 5), 5);
  rng.Between(INT64_MIN, INT64_MAX);  // the full range must not trap
}

TEST(Rng, ContinuousDistributionsHaveTheirMoments) {
  Rng rng(11);
  double normal_sum = 0, normal_sq = 0, exp_sum = 0, gamma_sum = 0,
         small_gamma_sum = 0;
  std::vector<double> lognormal;
  for (int i = 0; i < kDraws; ++i) {
    const double n = rng.Normal();
    normal_sum += n;
    normal_sq += n * n;
    exp_sum += rng.Exponential(3.0);
    gamma_sum += rng.Gamma(2.5);
    small_gamma_sum += rng.Gamma(0.3);
    lognormal.push_back(rng.LogNormal(150, 1.6));
  }
  EXPECT_NEAR(normal_sum / kDraws, 0.0, 0.01);
  EXPECT_NEAR(normal_sq / kDraws, 1.0, 0.02);
  EXPECT_NEAR(exp_sum / kDraws, 3.0, 0.05);
  EXPECT_NEAR(gamma_sum / kDraws, 2.5, 0.03);
  EXPECT_NEAR(small_gamma_sum / kDraws, 0.3, 0.01);
  std::nth_element(lognormal.begin(), lognormal.begin() + kDraws / 2,
                   lognormal.end());
  EXPECT_NEAR(lognormal[kDraws / 2], 150, 4);
}

TEST(Rng, PoissonMeans) {
  Rng rng(5);
  for (double mean : {0.0, 0.2, 5.0, 29.0, 200.0}) {
    double sum = 0;
    for (int i = 0; i < kDraws / 4; ++i) {
      sum += static_cast<double>(rng.Poisson(mean));
    }
    EXPECT_NEAR(sum / (kDraws / 4.0), mean, 0.02 * mean + 0.01) << mean;
  }
}

TEST(Rng, DirichletSharesSumToOneAndFollowAlpha) {
  Rng rng(9);
  std::vector<double> shares(8);
  double even_spread = 0, uneven_spread = 0;
  for (int i = 0; i < 2000; ++i) {
    rng.Dirichlet(100.0, shares);
    double total = 0, mx = 0;
    for (double s : shares) {
      total += s;
      mx = std::max(mx, s);
    }
    ASSERT_NEAR(total, 1.0, 1e-12);
    even_spread += mx;
    rng.Dirichlet(0.2, shares);
    uneven_spread += *std::max_element(shares.begin(), shares.end());
  }
  // Near-equal shares at large alpha (max ~ 1/8), one dominant at small.
  EXPECT_LT(even_spread / 2000, 0.17);
  EXPECT_GT(uneven_spread / 2000, 0.5);
}

}  // namespace
}  // namespace chaintrace::sim
