#pragma once

#include <QtGlobal>

#include <cmath>
#include <numbers>
#include <span>
#include <vector>

namespace madoguchi::demo {

// xoshiro256** seeded through splitmix64, with its own distributions: the
// standard library's distributions differ between implementations, and the
// demo data must be identical for a seed everywhere.
class Random
{
public:
    explicit Random(quint64 seed)
    {
        for (auto &s : m_state) {
            seed += 0x9E3779B97F4A7C15ull;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            s = z ^ (z >> 31);
        }
    }

    quint64 next()
    {
        const quint64 result = rotl(m_state[1] * 5, 7) * 9;
        const quint64 t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // [0, 1)
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    // [0, n)
    quint64 below(quint64 n) { return n == 0 ? 0 : quint64(uniform() * double(n)); }
    qint64 between(qint64 lo, qint64 hi) { return lo + qint64(below(quint64(hi - lo + 1))); } // inclusive
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    // Log-normal with the given median and shape (sigma of the underlying normal).
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    template<typename T>
    const T &pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }

    // Index drawn with the given cumulative weights (ascending, last = total).
    std::size_t weighted(const std::vector<double> &cumulative)
    {
        const double x = uniform() * cumulative.back();
        std::size_t lo = 0;
        std::size_t hi = cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (cumulative[mid] > x)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    static quint64 rotl(quint64 x, int k) { return (x << k) | (x >> (64 - k)); }
    quint64 m_state[4]{};
};

inline std::vector<double> cumulativeOf(std::span<const double> weights)
{
    std::vector<double> out;
    out.reserve(weights.size());
    double sum = 0;
    for (double w : weights)
        out.push_back(sum += w);
    return out;
}

} // namespace madoguchi::demo
