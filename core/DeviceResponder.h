#pragma once

#include "SigningKey.h"

#include <QJsonObject>
#include <QString>

namespace vigil {

// The enrolled device's half of a device-approval challenge: the canonical bytes it signs with
// its Ed25519 key and the JSON body it posts. The server verifies the same canonical bytes.
class DeviceResponder
{
public:
    static QByteArray canonicalMessage(const QString &challengeId, const QString &nonce,
                                       const QString &decision, const QString &number);

    explicit DeviceResponder(SigningKey key)
        : m_key(std::move(key))
    {
    }

    // {"device_id","decision","number","signature"}; `number` is empty for a denial.
    QJsonObject response(const QString &deviceId, const QString &challengeId, const QString &nonce,
                         bool approve, const QString &number) const;

private:
    SigningKey m_key;
};

} // namespace vigil
