#pragma once

#include "ProfileRecord.h"
#include "QuestionField.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <optional>

namespace vigil {

// A profile ready for the store: answers replaced by argon2id encodings of their normalised form.
struct PreparedProfile
{
    ProfileRecord identity; // only the non-answer fields are read from here
    QHash<QuestionField, QByteArray> answerHashes;
    QByteArray employeeLookup; // keyed BLAKE2b of the normalised employee id, for exact search
};

struct StoredProfile
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QString department;
    QString email;
    QString phone;
    bool privileged = false;
    QHash<QuestionField, QByteArray> answerHashes;
    int failedCount = 0;
    std::optional<qint64> lockedUntil;
    std::optional<qint64> frozenAt; // a revert froze it: no actions until a supervisor reviews it
    QList<QuestionField> lastQuestionFields;

    bool hasSecret() const { return answerHashes.contains(QuestionField::Secret); }
    QList<QuestionField> enrolledFields() const { return answerHashes.keys(); }
};

class ProfileStore
{
public:
    enum class HashReuse {
        // Every value gets its own salt (imports and real data).
        Never,
        // Equal normalised values share one encoding: only for synthetic demo data, where hashing
        // 10,000 profiles one by one would take minutes.
        DemoData,
    };

    static QByteArray employeeLookup(const QByteArray &lookupKey, const QString &employeeId);
    static QByteArray hashAnswer(QuestionField field, const QString &value);
    // Hashes on all cores; the values never leave memory.
    static QList<PreparedProfile> prepare(const QList<ProfileRecord> &records, const QByteArray &lookupKey,
                                          HashReuse reuse);
    // Inside the caller's transaction, with the profiles' search entries, terms and vocabulary
    // words. Fails on the first row the database refuses.
    static bool insert(QSqlDatabase &db, const QList<PreparedProfile> &profiles, QString *error);

    static std::optional<StoredProfile> load(QSqlDatabase &db, qint64 id, bool *queryOk);
    static bool setAnswerHash(QSqlDatabase &db, qint64 id, QuestionField field, const QByteArray &hash);
    enum class Contact { Email, Phone };
    // Replaces the e-mail address or phone number, and the profile's search entry, terms and
    // vocabulary words with it.
    static bool setContact(QSqlDatabase &db, qint64 id, Contact contact, const QString &value);
    static bool setFrozen(QSqlDatabase &db, qint64 id, bool frozen);

    static QString columnFor(QuestionField field);
    static QString emailHint(const QString &email);
    static QString phoneHint(const QString &phone);
};

} // namespace vigil
