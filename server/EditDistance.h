#pragma once

#include <QHash>
#include <QString>
#include <array>

namespace vigil {

// Optimal string alignment distance (Levenshtein plus the swap of two neighbouring letters as one
// edit) from one pattern to many words. Correcting a typed word means comparing it with every word
// of the vocabulary, so the pattern is compiled once into bit masks and each comparison is a few
// word-sized operations per character (Hyyrö's bit-parallel algorithm); patterns longer than 64
// characters fall back to the textbook table.
class EditDistance
{
public:
    explicit EditDistance(QStringView pattern);

    int to(QStringView text) const;
    // The textbook dynamic programme, for long patterns and as the reference in tests.
    static int reference(QStringView a, QStringView b);

private:
    quint64 maskOf(QChar c) const;

    QString m_pattern;
    std::array<quint64, 128> m_ascii{};
    QHash<char16_t, quint64> m_other;
};

} // namespace vigil
