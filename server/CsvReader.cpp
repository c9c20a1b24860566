#include "CsvReader.h"

namespace vigil {

CsvReader::Status CsvReader::next()
{
    Status status;
    do {
        status = readRecord();
    } while (status == Status::Record && m_fields.size() == 1 && m_fields.first().isEmpty()
             && !m_lastFieldQuoted); // blank line
    return status;
}

CsvReader::Status CsvReader::readRecord()
{
    if (m_pos >= m_data.size())
        return Status::End;
    m_recordLine = m_line;
    m_fields.clear();
    QByteArray field;
    bool inQuotes = false, quoted = false, closed = false;
    while (true) {
        if (m_pos >= m_data.size()) {
            if (inQuotes)
                return malformed(QStringLiteral("quoted field is not closed"));
            break;
        }
        const char c = m_data[m_pos++];
        if (inQuotes) {
            if (c == '"' && peek() == '"') {
                field.append('"');
                ++m_pos;
            } else if (c == '"') {
                inQuotes = false;
                closed = true;
            } else {
                m_line += c == '\n';
                field.append(c);
            }
            continue;
        }
        if (c == ',') {
            m_fields.append(field);
            field.clear();
            quoted = closed = false;
            continue;
        }
        if (c == '\n' || (c == '\r' && peek() == '\n')) {
            m_pos += c == '\r';
            ++m_line;
            break;
        }
        if (closed)
            return malformed(QStringLiteral("unexpected character after a closing quote"));
        if (c == '"' && (quoted || !field.isEmpty()))
            return malformed(QStringLiteral("a quote inside an unquoted field must be doubled and the "
                                            "field quoted"));
        if (c == '"')
            inQuotes = quoted = true;
        else
            field.append(c);
    }
    m_fields.append(field);
    m_lastFieldQuoted = quoted;
    return Status::Record;
}

// Skips the rest of the physical line so the next row can still be checked.
CsvReader::Status CsvReader::malformed(const QString &problem)
{
    m_problem = problem;
    const qsizetype newline = m_data.indexOf('\n', m_pos);
    m_pos = newline < 0 ? m_data.size() : newline + 1;
    if (newline >= 0)
        ++m_line;
    return Status::Malformed;
}

} // namespace vigil
