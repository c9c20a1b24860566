#include "EditDistance.h"

#include <QList>
#include <algorithm>

namespace vigil {

EditDistance::EditDistance(QStringView pattern)
    : m_pattern(pattern.toString())
{
    if (m_pattern.size() > 64)
        return;
    for (qsizetype i = 0; i < m_pattern.size(); ++i) {
        const char16_t u = m_pattern.at(i).unicode();
        const quint64 bit = quint64(1) << i;
        if (u < 128)
            m_ascii[u] |= bit;
        else
            m_other[u] |= bit;
    }
}

quint64 EditDistance::maskOf(QChar c) const
{
    const char16_t u = c.unicode();
    return u < 128 ? m_ascii[u] : m_other.value(u, 0);
}

int EditDistance::to(QStringView text) const
{
    const auto m = m_pattern.size();
    if (m == 0)
        return int(text.size());
    if (m > 64)
        return reference(m_pattern, text);
    // Hyyrö (2003), "A bit-vector algorithm for computing Levenshtein and Damerau edit distances":
    // vertical deltas of the current column as bit vectors, plus the transposition term.
    const quint64 last = quint64(1) << (m - 1);
    quint64 vp = ~quint64(0);
    quint64 vn = 0;
    quint64 d0 = 0;
    quint64 previousMask = 0;
    int score = int(m);
    for (QChar c : text) {
        const quint64 mask = maskOf(c);
        const quint64 transposed = (((~d0) & mask) << 1) & previousMask;
        d0 = ((((mask & vp) + vp) ^ vp) | mask | vn) | transposed;
        quint64 hp = vn | ~(d0 | vp);
        const quint64 hn = d0 & vp;
        if (hp & last)
            ++score;
        if (hn & last)
            --score;
        hp = (hp << 1) | 1;
        vp = (hn << 1) | ~(d0 | hp);
        vn = hp & d0;
        previousMask = mask;
    }
    return score;
}

int EditDistance::reference(QStringView a, QStringView b)
{
    const auto n = b.size();
    QList<int> before(n + 1), previous(n + 1), current(n + 1);
    for (qsizetype j = 0; j <= n; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= n; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[n];
}

} // namespace vigil
