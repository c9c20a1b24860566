#include "ProfileImporter.h"

#include "CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>
#include <algorithm>
#include <array>

namespace vigil {

namespace {

using ImportError = ProfileImporter::ImportError;
using ImportResult = ProfileImporter::ImportResult;

enum class Field {
    Username,
    DisplayName,
    Department,
    Email,
    Phone,
    Privileged,
    Title,
    MiddleInitial,
    EmployeeId,
    Birthday,
    Secret
};
constexpr int FieldCount = 11;

// The column and key names are the file format; indexed by Field.
constexpr std::array<QLatin1String, FieldCount> FieldNames = {
        QLatin1String("username"), QLatin1String("display_name"),   QLatin1String("department"),
        QLatin1String("email"),    QLatin1String("phone"),          QLatin1String("privileged"),
        QLatin1String("title"),    QLatin1String("middle_initial"), QLatin1String("employee_id"),
        QLatin1String("birthday"), QLatin1String("secret")};

QString fieldName(Field field)
{
    return QString(FieldNames[static_cast<int>(field)]);
}

std::optional<Field> fieldFromName(QStringView name)
{
    for (int i = 0; i < FieldCount; ++i) {
        if (name.compare(FieldNames[i], Qt::CaseInsensitive) == 0)
            return static_cast<Field>(i);
    }
    return std::nullopt;
}

// One profile's values as read from the file, before validation; nullopt means null.
using RawProfile = std::array<std::optional<QString>, FieldCount>;

// Where a profile came from, so every error it raises carries the same location.
struct RowContext
{
    QList<ImportError> &errors;
    int line = 0;
    int profile = 0;
    bool valid = true;

    void fail(const QString &message)
    {
        errors.append({line, profile, message});
        valid = false;
    }
};

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

int lineAtOffset(const QByteArray &data, qsizetype offset)
{
    return 1 + int(QByteArrayView(data).first(qBound(qsizetype(0), offset, data.size())).count('\n'));
}

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). Returns the offset of
// the first bad byte, or -1. Qt's decoders substitute U+FFFD silently, which would let a damaged
// file import mangled names and answers.
qsizetype invalidUtf8Offset(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + length > size || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += length;
    }
    return -1;
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

bool isUsernameChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'_' || u == u'-';
}

bool isValidUsername(const QString &value)
{
    return !value.isEmpty() && value.size() <= 64 && std::all_of(value.begin(), value.end(), isUsernameChar);
}

void checkUsername(const std::optional<QString> &value, RowContext &row)
{
    if (!value)
        row.fail(QStringLiteral("username is required"));
    else if (!isValidUsername(*value))
        row.fail(QStringLiteral("username must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'"));
}

void checkDisplayName(const std::optional<QString> &value, RowContext &row)
{
    if (!value)
        row.fail(QStringLiteral("display_name is required"));
    else if (value->trimmed().isEmpty())
        row.fail(QStringLiteral("display_name must not be blank"));
    else if (codePointCount(*value) > 200)
        row.fail(QStringLiteral("display_name must be 1 to 200 characters"));
}

void checkEmail(const QString &value, RowContext &row)
{
    const qsizetype at = value.indexOf(u'@');
    const bool hasSpace = std::any_of(value.begin(), value.end(), [](QChar c) { return c.isSpace(); });
    if (value.count(u'@') != 1 || at == 0 || at == value.size() - 1 || hasSpace)
        row.fail(QStringLiteral("email must contain exactly one '@' with text on both sides and no spaces"));
}

void checkPhone(const QString &value, RowContext &row)
{
    int digits = 0;
    for (QChar c : value) {
        if (c >= u'0' && c <= u'9') {
            ++digits;
        } else if (!QStringView(u" +-()").contains(c)) {
            row.fail(QStringLiteral("phone may only contain digits, spaces and + - ( )"));
            return;
        }
    }
    if (digits < 5)
        row.fail(QStringLiteral("phone must contain at least 5 digits"));
}

bool parsePrivileged(const std::optional<QString> &value, RowContext &row)
{
    if (!value)
        return false;
    static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("1")};
    static const QStringList no = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("0")};
    if (yes.contains(*value, Qt::CaseInsensitive))
        return true;
    if (!no.contains(*value, Qt::CaseInsensitive))
        row.fail(QStringLiteral("privileged must be true, false, yes, no, 1 or 0"));
    return false;
}

// Stores the letter alone: "P." and "P" are the same answer.
std::optional<QString> parseMiddleInitial(const QString &value, RowContext &row)
{
    const QList<uint> codePoints = value.toUcs4();
    const bool shapeOk = (codePoints.size() == 1 || (codePoints.size() == 2 && codePoints[1] == '.'))
            && QChar::isLetter(char32_t(codePoints[0]));
    if (!shapeOk) {
        row.fail(QStringLiteral("middle_initial must be a single letter, optionally followed by '.'"));
        return std::nullopt;
    }
    const char32_t letter = codePoints[0];
    return QString::fromUcs4(&letter, 1);
}

std::optional<QDate> parseBirthday(const QString &value, RowContext &row)
{
    // QDate::fromString(Qt::ISODate) also accepts forms like "1986-11-11T…"; the file format is
    // exactly yyyy-MM-dd, so the shape is checked first.
    bool shapeOk = value.size() == 10;
    for (qsizetype i = 0; shapeOk && i < value.size(); ++i) {
        const QChar c = value[i];
        shapeOk = (i == 4 || i == 7) ? c == u'-' : (c >= u'0' && c <= u'9');
    }
    if (!shapeOk) {
        row.fail(QStringLiteral("birthday must be a date in the form yyyy-MM-dd"));
        return std::nullopt;
    }
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (!date.isValid())
        row.fail(QStringLiteral("birthday is not a real date"));
    else if (date.year() < 1900)
        row.fail(QStringLiteral("birthday must not be before 1900"));
    else if (date > QDate::currentDate())
        row.fail(QStringLiteral("birthday must not be in the future"));
    else
        return date;
    return std::nullopt;
}

void checkLength(const QString &value, Field field, qsizetype min, qsizetype max, RowContext &row)
{
    const qsizetype length = codePointCount(value);
    if (length >= min && length <= max)
        return;
    if (min <= 1)
        row.fail(fieldName(field) % QStringLiteral(" must be at most ") % QString::number(max)
                 % QStringLiteral(" characters"));
    else
        row.fail(fieldName(field) % QStringLiteral(" must be ") % QString::number(min)
                 % QStringLiteral(" to ") % QString::number(max) % QStringLiteral(" characters"));
}

ProfileRecord validateProfile(const RawProfile &raw, RowContext &row)
{
    const auto value = [&raw](Field field) -> const std::optional<QString> & {
        return raw[static_cast<int>(field)];
    };
    ProfileRecord profile;
    checkUsername(value(Field::Username), row);
    checkDisplayName(value(Field::DisplayName), row);
    profile.username = value(Field::Username).value_or(QString());
    profile.displayName = value(Field::DisplayName).value_or(QString());
    profile.department = value(Field::Department).value_or(QString());
    profile.email = value(Field::Email).value_or(QString());
    profile.phone = value(Field::Phone).value_or(QString());
    if (!profile.email.isEmpty())
        checkEmail(profile.email, row);
    if (!profile.phone.isEmpty())
        checkPhone(profile.phone, row);
    profile.privileged = parsePrivileged(value(Field::Privileged), row);
    profile.title = value(Field::Title);
    profile.employeeId = value(Field::EmployeeId);
    profile.secret = value(Field::Secret);
    if (profile.title)
        checkLength(*profile.title, Field::Title, 0, 100, row);
    if (const auto &initial = value(Field::MiddleInitial))
        profile.middleInitial = parseMiddleInitial(*initial, row);
    if (profile.employeeId)
        checkLength(*profile.employeeId, Field::EmployeeId, 0, 64, row);
    if (const auto &birthday = value(Field::Birthday))
        profile.birthday = parseBirthday(*birthday, row);
    if (profile.secret)
        checkLength(*profile.secret, Field::Secret, 4, 200, row);
    return profile;
}

// Validates one profile, checks its username against the earlier ones and keeps it if all is well.
// Usernames compare case-insensitively: "JSilver" and "jsilver" would be one person to a technician.
class ProfileCollector
{
public:
    explicit ProfileCollector(ImportResult &result)
        : m_result(result)
    {
    }

    void add(const RawProfile &raw, RowContext &row)
    {
        ProfileRecord profile = validateProfile(raw, row);
        if (isValidUsername(profile.username)) {
            const QString key = profile.username.toLower();
            const auto first = m_firstSeen.constFind(key);
            if (first == m_firstSeen.constEnd())
                m_firstSeen.insert(key, {row.line, row.profile});
            else if (first->profile > 0)
                row.fail(QStringLiteral("username is already used by profile ")
                         % QString::number(first->profile));
            else
                row.fail(QStringLiteral("username is already used on line ") % QString::number(first->line));
        }
        if (row.valid)
            m_result.profiles.append(std::move(profile));
    }

private:
    struct Origin
    {
        int line;
        int profile;
    };
    ImportResult &m_result;
    QHash<QString, Origin> m_firstSeen;
};

QString expectedColumnsHint()
{
    QStringList names;
    for (const QLatin1String &name : FieldNames)
        names.append(QString(name));
    return names.join(QStringLiteral(", "));
}

// Maps each CSV column to a field (nullopt for unknown ones). Returns false if rows cannot be read.
bool readCsvHeader(const CsvReader &reader, QList<std::optional<Field>> &columns, QList<ImportError> &errors)
{
    RowContext row{errors, reader.recordLine()};
    std::array<int, FieldCount> seenAt{};
    QStringList unknown;
    bool usable = true;
    for (qsizetype i = 0; i < reader.fields().size(); ++i) {
        const QByteArray &bytes = reader.fields()[i];
        const QString column = QString::number(i + 1);
        const auto field = invalidUtf8Offset(bytes) < 0 ? fieldFromName(QString::fromUtf8(bytes).trimmed())
                                                        : std::nullopt;
        columns.append(field);
        if (!field) {
            unknown.append(column);
        } else if (int &first = seenAt[static_cast<int>(*field)]; first > 0) {
            row.fail(QStringLiteral("column ") % column % QStringLiteral(" repeats column ")
                     % QString::number(first));
            usable = false;
        } else {
            first = int(i + 1);
        }
    }
    // Columns are named by position: a file missing its header row would otherwise print a
    // profile's values, secret included.
    if (unknown.size() == 1)
        row.fail(QStringLiteral("column ") % unknown.first()
                 % QStringLiteral(" has an unknown name; expected ") % expectedColumnsHint());
    else if (!unknown.isEmpty())
        row.fail(QStringLiteral("columns ") % unknown.join(QStringLiteral(", "))
                 % QStringLiteral(" have unknown names; expected ") % expectedColumnsHint());
    for (Field required : {Field::Username, Field::DisplayName}) {
        if (seenAt[static_cast<int>(required)] == 0) {
            row.fail(QStringLiteral("required column ") % fieldName(required)
                     % QStringLiteral(" is missing"));
            usable = false;
        }
    }
    return usable;
}

void readCsvRow(const CsvReader &reader, const QList<std::optional<Field>> &columns,
                ProfileCollector &collector, QList<ImportError> &errors)
{
    RowContext row{errors, reader.recordLine()};
    const QList<QByteArray> &fields = reader.fields();
    if (fields.size() != columns.size()) {
        row.fail(QStringLiteral("expected ") % QString::number(columns.size())
                 % QStringLiteral(" fields, found ") % QString::number(fields.size()));
        return;
    }
    RawProfile raw;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (invalidUtf8Offset(fields[i]) >= 0) {
            row.fail(
                    (columns[i] ? fieldName(*columns[i]) : QStringLiteral("column ") % QString::number(i + 1))
                    % QStringLiteral(" is not valid UTF-8"));
        } else if (columns[i] && !fields[i].isEmpty()) {
            raw[static_cast<int>(*columns[i])] = QString::fromUtf8(fields[i]);
        }
    }
    if (row.valid)
        collector.add(raw, row);
}

// Lines where each element of the top-level "profiles" array starts. QJsonDocument keeps no
// positions, so a light scan over the (already validated) text finds them.
QList<int> profileStartLines(const QByteArray &data)
{
    QList<int> lines;
    int line = 1, depth = 0, profilesKeys = 0;
    bool inString = false, inProfiles = false, awaitingElement = false;
    qsizetype stringStart = 0;
    QByteArrayView lastString, key;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"') {
                inString = false;
                lastString = QByteArrayView(data).sliced(stringStart, i - stringStart);
            }
            continue;
        }
        if (c == '\n')
            ++line;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (awaitingElement && c != ']')
            lines.append(line);
        awaitingElement = false;
        if (c == '"') {
            inString = true;
            stringStart = i + 1;
        } else if (c == ':' && depth == 1) {
            key = lastString;
            profilesKeys += key == "profiles";
        } else if (c == '[' || c == '{') {
            awaitingElement = c == '[' && depth == 1 && key == "profiles";
            inProfiles = inProfiles || awaitingElement;
            ++depth;
        } else if (c == ']' || c == '}') {
            --depth;
            inProfiles = inProfiles && depth > 1;
        } else if (c == ',') {
            awaitingElement = inProfiles && depth == 2;
            if (depth == 1)
                key = {};
        }
    }
    // With a repeated key it is unclear which array QJsonDocument kept.
    return profilesKeys == 1 ? lines : QList<int>();
}

void readJsonProfile(const QJsonValue &value, RowContext &row, ProfileCollector &collector)
{
    if (!value.isObject()) {
        row.fail(QStringLiteral("profile must be a JSON object"));
        return;
    }
    const QJsonObject object = value.toObject();
    RawProfile raw;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto field = fieldFromName(it.key());
        if (!field || it.key() != fieldName(*field)) {
            row.fail(QStringLiteral("unknown field \"") % it.key() % QStringLiteral("\""));
        } else if (*field == Field::Privileged) {
            if (it->isBool())
                raw[static_cast<int>(*field)] =
                        it->toBool() ? QStringLiteral("true") : QStringLiteral("false");
            else if (!it->isNull())
                row.fail(QStringLiteral("privileged must be true, false or null"));
        } else if (it->isString()) {
            if (!it->toString().isEmpty())
                raw[static_cast<int>(*field)] = it->toString();
        } else if (!it->isNull()) {
            row.fail(fieldName(*field) % QStringLiteral(" must be a string or null"));
        }
    }
    if (row.valid)
        collector.add(raw, row);
}

} // namespace

QString ProfileImporter::ImportError::toString() const
{
    if (profile > 0 && line > 0)
        return QStringLiteral("profile ") % QString::number(profile) % QStringLiteral(" (line ")
                % QString::number(line) % QStringLiteral("): ") % message;
    if (profile > 0)
        return QStringLiteral("profile ") % QString::number(profile) % QStringLiteral(": ") % message;
    if (line > 0)
        return QStringLiteral("line ") % QString::number(line) % QStringLiteral(": ") % message;
    return message;
}

ProfileImporter::ImportResult ProfileImporter::parseFile(const QString &path)
{
    ImportResult result;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json")) {
        result.errors.append({0, 0, path % QStringLiteral(": unsupported file type; use .csv or .json")});
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.errors.append({0, 0, path % QStringLiteral(": ") % file.errorString()});
        return result;
    }
    const QByteArray data = file.readAll();
    return suffix == QLatin1String("csv") ? parseCsv(data) : parseJson(data);
}

ProfileImporter::ImportResult ProfileImporter::parseCsv(const QByteArray &data)
{
    ImportResult result;
    const QByteArray bytes = withoutBom(data);
    CsvReader reader(bytes);
    QList<std::optional<Field>> columns;
    switch (reader.next()) {
    case CsvReader::Status::End:
        result.errors.append({1, 0, QStringLiteral("the header row is missing")});
        return result;
    case CsvReader::Status::Malformed:
        result.errors.append({reader.recordLine(), 0, reader.problem()});
        return result;
    case CsvReader::Status::Record:
        if (!readCsvHeader(reader, columns, result.errors))
            return result;
        break;
    }
    ProfileCollector collector(result);
    for (auto status = reader.next(); status != CsvReader::Status::End; status = reader.next()) {
        if (status == CsvReader::Status::Malformed)
            result.errors.append({reader.recordLine(), 0, reader.problem()});
        else
            readCsvRow(reader, columns, collector, result.errors);
    }
    return result;
}

ProfileImporter::ImportResult ProfileImporter::parseJson(const QByteArray &data)
{
    ImportResult result;
    const QByteArray bytes = withoutBom(data);
    if (const qsizetype bad = invalidUtf8Offset(bytes); bad >= 0) {
        result.errors.append({lineAtOffset(bytes, bad), 0, QStringLiteral("the file is not valid UTF-8")});
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append({lineAtOffset(bytes, parseError.offset), 0,
                              QStringLiteral("invalid JSON: ") % parseError.errorString()});
        return result;
    }
    const QJsonValue profiles = document.object().value(QLatin1String("profiles"));
    if (!document.isObject() || !profiles.isArray()) {
        result.errors.append({0, 0, QStringLiteral("expected a JSON object with a \"profiles\" array")});
        return result;
    }
    const QJsonArray array = profiles.toArray();
    QList<int> lines = profileStartLines(bytes);
    if (lines.size() != array.size())
        lines.clear();
    ProfileCollector collector(result);
    for (qsizetype i = 0; i < array.size(); ++i) {
        RowContext row{result.errors, int(lines.value(i, 0)), int(i + 1)};
        readJsonProfile(array.at(i), row, collector);
    }
    return result;
}

} // namespace vigil
