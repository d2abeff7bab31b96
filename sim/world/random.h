#ifndef CHAINTRACE_SIM_WORLD_RANDOM_H_
#define CHAINTRACE_SIM_WORLD_RANDOM_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace chaintrace::sim {

// A seeded pseudo-random stream whose outputs are the same on every machine,
// compiler and standard library: the engine is xoshiro256** (Blackman and
// Vigna 2018) seeded through SplitMix64, and every distribution below is
// written here rather than taken from <random>, whose distributions differ
// between standard libraries. Floating-point draws use only IEEE arithmetic
// and the correctly specified sqrt plus log/exp/cos, whose results glibc
// produces identically on x86-64 and AArch64.
//
// Independence: one scenario seed is split into named sub-streams (one per
// entity or laundering stage, `Rng::Stream`), so adding an attack does not
// shift the draws of the background.
//
// Not thread-safe; give each thread or task its own stream.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  // The sub-stream for (seed, name, index): a pure function of its
  // arguments, independent of every other stream.
  static Rng Stream(std::uint64_t seed, std::string_view name,
                    std::uint64_t index = 0);

  // 64 uniformly random bits.
  std::uint64_t Next();

  // Uniform in [0, 1), 53 random bits.
  double Uniform01();
  // Uniform integer in [0, n), without modulo bias. Precondition: n > 0.
  std::uint64_t Below(std::uint64_t n);
  // Uniform integer in [lo, hi], inclusive. Precondition: lo <= hi.
  std::int64_t Between(std::int64_t lo, std::int64_t hi);
  // True with probability p (p <= 0: never; p >= 1: always).
  bool Bernoulli(double p);

  // Standard normal (Box-Muller; one draw per call, no cached pair, so the
  // stream position depends only on the number of calls).
  double Normal();
  // Log-normal with the given median (exp(mu)) and sigma of the log.
  double LogNormal(double median, double sigma);
  // Exponential with the given mean. Precondition: mean > 0.
  double Exponential(double mean);
  // Poisson count with the given mean (>= 0): multiplication method below
  // 30, normal approximation with continuity correction above.
  std::uint64_t Poisson(double mean);
  // Gamma(shape, 1) (Marsaglia and Tsang 2000). Precondition: shape > 0.
  double Gamma(double shape);
  // Fills `out` with a symmetric Dirichlet(alpha) draw (sums to 1): small
  // alpha gives uneven shares, large alpha near-equal ones.
  void Dirichlet(double alpha, std::span<double> out);

 private:
  std::uint64_t s_[4];
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_RANDOM_H_
