#include "DeviceResponder.h"

namespace vigil {

QByteArray DeviceResponder::canonicalMessage(const QString &challengeId, const QString &nonce,
                                             const QString &decision, const QString &number)
{
    return QByteArrayLiteral("vigil-device-response-v1\n") + challengeId.toUtf8() + '\n' + nonce.toUtf8()
            + '\n' + decision.toUtf8() + '\n' + number.toUtf8();
}

QJsonObject DeviceResponder::response(const QString &deviceId, const QString &challengeId,
                                      const QString &nonce, bool approve, const QString &number) const
{
    const QString decision = approve ? QStringLiteral("approve") : QStringLiteral("deny");
    const QString signedNumber = approve ? number : QString();
    const QByteArray signature = m_key.sign(canonicalMessage(challengeId, nonce, decision, signedNumber));
    return {{QStringLiteral("device_id"), deviceId},
            {QStringLiteral("decision"), decision},
            {QStringLiteral("number"), signedNumber},
            {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}};
}

} // namespace vigil
