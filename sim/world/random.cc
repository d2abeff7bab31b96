#include "sim/world/random.h"

#include <cmath>
#include <numbers>

namespace chaintrace::sim {
namespace {

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// 128-bit product for Lemire's method; __extension__ keeps -Wpedantic quiet
// about the GCC/Clang built-in type.
__extension__ using Uint128 = unsigned __int128;

std::uint64_t RotateLeft(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

// FNV-1a, 64 bits: a stable hash of a stream name.
std::uint64_t HashName(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (std::uint64_t& word : s_) word = SplitMix64(state);
}

Rng Rng::Stream(std::uint64_t seed, std::string_view name,
                std::uint64_t index) {
  // Mix the three keys through SplitMix64 so that nearby seeds, names and
  // indices give unrelated states.
  std::uint64_t state = seed;
  std::uint64_t key = SplitMix64(state) ^ HashName(name);
  key = SplitMix64(key) ^ index;
  return Rng(SplitMix64(key));
}

std::uint64_t Rng::Next() {
  const std::uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = RotateLeft(s_[3], 45);
  return result;
}

double Rng::Uniform01() {
  return static_cast<double>(Next() >> 11) * 0x1.0p-53;
}

std::uint64_t Rng::Below(std::uint64_t n) {
  // Lemire's multiply-and-reject: unbiased, usually one multiplication.
  Uint128 m = static_cast<Uint128>(Next()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<Uint128>(Next()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

std::int64_t Rng::Between(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span =
      static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  const std::uint64_t offset = span == UINT64_MAX ? Next() : Below(span + 1);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

bool Rng::Bernoulli(double p) { return Uniform01() < p; }

double Rng::Normal() {
  // 1 - U is in (0, 1], so the log is finite.
  const double u1 = 1.0 - Uniform01();
  const double u2 = Uniform01();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::LogNormal(double median, double sigma) {
  return median * std::exp(sigma * Normal());
}

double Rng::Exponential(double mean) {
  return -mean * std::log(1.0 - Uniform01());
}

std::uint64_t Rng::Poisson(double mean) {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const double limit = std::exp(-mean);
    std::uint64_t k = 0;
    double product = Uniform01();
    while (product > limit) {
      ++k;
      product *= Uniform01();
    }
    return k;
  }
  const double x = std::floor(mean + std::sqrt(mean) * Normal() + 0.5);
  return x <= 0 ? 0 : static_cast<std::uint64_t>(x);
}

double Rng::Gamma(double shape) {
  if (shape < 1) {
    // Boost a shape below one: Gamma(a) = Gamma(a + 1) * U^(1/a).
    const double u = 1.0 - Uniform01();
    return Gamma(shape + 1) * std::pow(u, 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  while (true) {
    double x = 0;
    double v = 0;
    do {
      x = Normal();
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = 1.0 - Uniform01();
    if (std::log(u) < 0.5 * x * x + d - d * v + d * std::log(v)) return d * v;
  }
}

void Rng::Dirichlet(double alpha, std::span<double> out) {
  double total = 0;
  for (double& share : out) {
    share = Gamma(alpha);
    total += share;
  }
  if (total <= 0) {
    // Every draw underflowed (tiny alpha): put everything on one share.
    for (double& share : out) share = 0;
    if (!out.empty()) out[Below(out.size())] = 1;
    return;
  }
  for (double& share : out) share /= total;
}

}  // namespace chaintrace::sim
