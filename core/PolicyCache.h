#pragma once

#include "Policy.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace vigil {

// The last policy fetched from the server, in a SQLite file in the app data folder: policy bytes,
// signature and fetch time. The signature is checked against the pinned policy key on every load;
// a tampered or unsigned cache is never used.
class PolicyCache
{
public:
    struct Entry
    {
        Policy policy;
        QByteArray policyBytes;
        QByteArray signature;
        QDateTime fetchedAt;
    };

    explicit PolicyCache(QString path);

    // Verifies first; refuses to store what does not verify against `publicKey`.
    bool save(const QByteArray &policyBytes, const QByteArray &signature, const QByteArray &publicKey,
              QString *error);
    // nullopt (with *error) when absent, unreadable, tampered or signed by another key.
    std::optional<Entry> load(const QByteArray &publicKey, QString *error) const;

    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace vigil
