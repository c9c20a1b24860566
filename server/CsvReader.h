#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace vigil {

// RFC 4180 over raw bytes. The delimiters are ASCII and never occur inside a multi-byte UTF-8
// sequence, so splitting before decoding is safe and lets each field be checked for valid UTF-8.
class CsvReader
{
public:
    enum class Status { Record, Malformed, End };

    explicit CsvReader(const QByteArray &data)
        : m_data(data)
    {
    }

    int recordLine() const { return m_recordLine; }
    const QList<QByteArray> &fields() const { return m_fields; }
    const QString &problem() const { return m_problem; }

    // The next non-blank record; Malformed skips the rest of that physical line.
    Status next();

private:
    char peek() const { return m_pos < m_data.size() ? m_data[m_pos] : '\0'; }
    Status readRecord();
    Status malformed(const QString &problem);

    const QByteArray &m_data;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_recordLine = 1;
    QList<QByteArray> m_fields;
    bool m_lastFieldQuoted = false;
    QString m_problem;
};

} // namespace vigil
