#include "ProfileStore.h"

#include "AnswerNormalizer.h"
#include "Argon2Hasher.h"
#include "Blake2b.h"
#include "SearchIndex.h"
#include "SecureMemory.h"

#include <QDateTime>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

namespace vigil {

namespace {
struct FieldValue
{
    QuestionField field;
    QString value;
};

QList<FieldValue> answerValues(const ProfileRecord &record)
{
    QList<FieldValue> values;
    if (record.title)
        values.append({QuestionField::Title, *record.title});
    if (record.middleInitial)
        values.append({QuestionField::MiddleInitial, *record.middleInitial});
    if (record.employeeId)
        values.append({QuestionField::EmployeeId, *record.employeeId});
    if (record.birthday)
        values.append({QuestionField::Birthday, record.birthday->toString(Qt::ISODate)});
    if (record.secret)
        values.append({QuestionField::Secret, *record.secret});
    return values;
}

QString searchBody(const ProfileRecord &record)
{
    // Normalised like the query, so case and accents never stop a match.
    QString digits;
    for (QChar c : record.phone) {
        if (c.isDigit())
            digits.append(c);
    }
    const QString body = record.displayName + QLatin1Char(' ') + record.username + QLatin1Char(' ')
            + record.email + QLatin1Char(' ') + digits;
    return AnswerNormalizer::normalizeText(body);
}
} // namespace

QString ProfileStore::columnFor(QuestionField field)
{
    return questionFieldName(field) + QStringLiteral("_hash");
}

QByteArray ProfileStore::employeeLookup(const QByteArray &lookupKey, const QString &employeeId)
{
    const QByteArray normalised = AnswerNormalizer::normalize(QuestionField::EmployeeId, employeeId).toUtf8();
    if (normalised.isEmpty())
        return {};
    return Blake2b::keyedHash256(lookupKey, normalised).toHex();
}

QByteArray ProfileStore::hashAnswer(QuestionField field, const QString &value)
{
    QByteArray normalised = AnswerNormalizer::normalize(field, value).toUtf8();
    const QByteArray encoded = Argon2Hasher::hash(normalised);
    SecureMemory::wipe(normalised);
    return encoded;
}

QList<PreparedProfile> ProfileStore::prepare(const QList<ProfileRecord> &records, const QByteArray &lookupKey,
                                             HashReuse reuse)
{
    QMutex cacheMutex;
    QHash<QString, QByteArray> cache; // "field\nnormalised value" → encoding (demo data only)

    std::function<PreparedProfile(const ProfileRecord &)> prepareOne = [&](const ProfileRecord &record) {
        PreparedProfile prepared;
        prepared.identity = record;
        if (record.employeeId)
            prepared.employeeLookup = employeeLookup(lookupKey, *record.employeeId);
        for (const auto &[field, value] : answerValues(record)) {
            if (reuse == HashReuse::DemoData) {
                const QString key = questionFieldName(field) + QLatin1Char('\n')
                        + AnswerNormalizer::normalize(field, value);
                {
                    QMutexLocker lock(&cacheMutex);
                    if (const auto it = cache.constFind(key); it != cache.cend()) {
                        prepared.answerHashes.insert(field, *it);
                        continue;
                    }
                }
                const QByteArray encoded = hashAnswer(field, value);
                QMutexLocker lock(&cacheMutex);
                cache.insert(key, encoded);
                prepared.answerHashes.insert(field, encoded);
            } else {
                prepared.answerHashes.insert(field, hashAnswer(field, value));
            }
        }
        // The plaintext answers stay behind in the record copy only until this returns.
        prepared.identity.title.reset();
        prepared.identity.middleInitial.reset();
        prepared.identity.employeeId.reset();
        prepared.identity.birthday.reset();
        if (prepared.identity.secret)
            SecureMemory::wipe(*prepared.identity.secret);
        prepared.identity.secret.reset();
        return prepared;
    };
    return QtConcurrent::blockingMapped<QList<PreparedProfile>>(records, prepareOne);
}

bool ProfileStore::insert(QSqlDatabase &db, const QList<PreparedProfile> &profiles, QString *error)
{
    QSqlQuery insertProfile(db);
    insertProfile.prepare(QStringLiteral(
            "INSERT INTO profiles (username, display_name, department, email, phone, privileged, title_hash,"
            " middle_initial_hash, employee_id_hash, birthday_hash, secret_hash, employee_id_lookup, "
            "created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    QSqlQuery insertSearch(db);
    insertSearch.prepare(QStringLiteral("INSERT INTO profile_search (rowid, body) VALUES (?, ?)"));
    SearchIndex index(db);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto hashOrNull = [](const PreparedProfile &p, QuestionField field) {
        const auto it = p.answerHashes.constFind(field);
        return it == p.answerHashes.cend() ? QVariant(QMetaType(QMetaType::QString))
                                           : QVariant(QString::fromLatin1(*it));
    };
    for (const auto &profile : profiles) {
        const auto &r = profile.identity;
        insertProfile.addBindValue(r.username);
        insertProfile.addBindValue(r.displayName);
        insertProfile.addBindValue(r.department.isNull() ? QStringLiteral("") : r.department);
        insertProfile.addBindValue(r.email.isNull() ? QStringLiteral("") : r.email);
        insertProfile.addBindValue(r.phone.isNull() ? QStringLiteral("") : r.phone);
        insertProfile.addBindValue(r.privileged ? 1 : 0);
        for (auto field : {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::EmployeeId,
                           QuestionField::Birthday, QuestionField::Secret})
            insertProfile.addBindValue(hashOrNull(profile, field));
        insertProfile.addBindValue(profile.employeeLookup.isEmpty()
                                           ? QVariant(QMetaType(QMetaType::QString))
                                           : QVariant(QString::fromLatin1(profile.employeeLookup)));
        insertProfile.addBindValue(now);
        if (!insertProfile.exec()) {
            *error = QStringLiteral("profile %1: %2").arg(r.username, insertProfile.lastError().text());
            return false;
        }
        if (!insertProfile.next()) {
            *error = QStringLiteral("profile %1: the store returned no id").arg(r.username);
            return false;
        }
        const qint64 id = insertProfile.value(0).toLongLong();
        insertProfile.finish();
        const QString body = searchBody(r);
        insertSearch.addBindValue(id);
        insertSearch.addBindValue(body);
        if (!insertSearch.exec()) {
            *error = QStringLiteral("profile %1: %2").arg(r.username, insertSearch.lastError().text());
            return false;
        }
        if (!index.add(id, body, r.phone, r.displayName, r.email)) {
            *error = QStringLiteral("profile %1: %2").arg(r.username, index.lastError());
            return false;
        }
    }
    if (!index.flush()) {
        *error = QStringLiteral("search vocabulary: %1").arg(index.lastError());
        return false;
    }
    return true;
}

std::optional<StoredProfile> ProfileStore::load(QSqlDatabase &db, qint64 id, bool *queryOk)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT id, username, display_name, department, email, phone, privileged, title_hash, "
            "middle_initial_hash,"
            " employee_id_hash, birthday_hash, secret_hash, failed_count, locked_until, last_question_fields,"
            " frozen_at FROM profiles WHERE id = ?"));
    query.addBindValue(id);
    *queryOk = query.exec();
    if (!*queryOk || !query.next())
        return std::nullopt;
    StoredProfile p;
    p.id = query.value(0).toLongLong();
    p.username = query.value(1).toString();
    p.displayName = query.value(2).toString();
    p.department = query.value(3).toString();
    p.email = query.value(4).toString();
    p.phone = query.value(5).toString();
    p.privileged = query.value(6).toInt() != 0;
    const QuestionField fields[] = {QuestionField::Title, QuestionField::MiddleInitial,
                                    QuestionField::EmployeeId, QuestionField::Birthday,
                                    QuestionField::Secret};
    for (int i = 0; i < 5; ++i) {
        if (!query.value(7 + i).isNull())
            p.answerHashes.insert(fields[i], query.value(7 + i).toByteArray());
    }
    p.failedCount = query.value(12).toInt();
    if (!query.value(13).isNull())
        p.lockedUntil = query.value(13).toLongLong();
    for (const auto &name : query.value(14).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const auto field = questionFieldFromName(name))
            p.lastQuestionFields.append(*field);
    }
    if (!query.value(15).isNull())
        p.frozenAt = query.value(15).toLongLong();
    return p;
}

bool ProfileStore::setContact(QSqlDatabase &db, qint64 id, Contact contact, const QString &value)
{
    // The word index can only take a profile out with the values it was put in with: read them first.
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT p.username, p.display_name, p.email, p.phone, s.body FROM profiles p"
                                 " JOIN profile_search s ON s.rowid = p.id WHERE p.id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return false;
    ProfileRecord record;
    record.username = query.value(0).toString();
    record.displayName = query.value(1).toString();
    record.email = query.value(2).toString();
    record.phone = query.value(3).toString();
    const QString oldBody = query.value(4).toString();
    const ProfileRecord old = record;
    query.finish();
    (contact == Contact::Email ? record.email : record.phone) = value;

    query.prepare(contact == Contact::Email ? QStringLiteral("UPDATE profiles SET email = ? WHERE id = ?")
                                            : QStringLiteral("UPDATE profiles SET phone = ? WHERE id = ?"));
    query.addBindValue(value);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    const QString body = searchBody(record);
    QSqlQuery search(db);
    search.prepare(QStringLiteral("UPDATE profile_search SET body = ? WHERE rowid = ?"));
    search.addBindValue(body);
    search.addBindValue(id);
    if (!search.exec() || search.numRowsAffected() != 1)
        return false;
    SearchIndex index(db);
    return index.remove(id, oldBody, old.phone, old.displayName, old.email)
            && index.add(id, body, record.phone, record.displayName, record.email) && index.flush();
}

bool ProfileStore::setFrozen(QSqlDatabase &db, qint64 id, bool frozen)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE profiles SET frozen_at = ? WHERE id = ?"));
    query.addBindValue(frozen ? QVariant(QDateTime::currentSecsSinceEpoch())
                              : QVariant(QMetaType(QMetaType::LongLong)));
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

bool ProfileStore::setAnswerHash(QSqlDatabase &db, qint64 id, QuestionField field, const QByteArray &hash)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE profiles SET %1 = ? WHERE id = ?").arg(columnFor(field)));
    query.addBindValue(QString::fromLatin1(hash));
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

QString ProfileStore::emailHint(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return {};
    return email.left(1) + QStringLiteral("***") + email.mid(at);
}

QString ProfileStore::phoneHint(const QString &phone)
{
    int digitsSeen = 0;
    int totalDigits = 0;
    for (QChar c : phone)
        totalDigits += c.isDigit() ? 1 : 0;
    QString hint;
    for (QChar c : phone) {
        if (c.isDigit()) {
            ++digitsSeen;
            hint.append(digitsSeen > totalDigits - 3 ? c : QLatin1Char('*'));
        } else {
            hint.append(c);
        }
    }
    return hint;
}

} // namespace vigil
