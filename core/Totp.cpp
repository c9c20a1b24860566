#include "Totp.h"

#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QtEndian>

namespace vigil {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// Compares without an early exit, so the time taken does not tell how many digits matched.
bool sameText(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    char16_t difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= a.at(i).unicode() ^ b.at(i).unicode();
    return difference == 0;
}
} // namespace

QString Totp::base32Encode(const QByteArray &data)
{
    QString text;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            text.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        text.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    while (text.size() % 8 != 0)
        text.append(QLatin1Char('='));
    return text;
}

std::optional<QByteArray> Totp::base32Decode(const QString &text)
{
    QByteArray data;
    quint32 buffer = 0;
    int bits = 0;
    bool padding = false;
    for (const QChar c : text) {
        const char16_t u = c.toUpper().unicode();
        int value = -1;
        if (u >= u'A' && u <= u'Z')
            value = u - u'A';
        else if (u >= u'2' && u <= u'7')
            value = u - u'2' + 26;
        else if (u == u'=') {
            padding = true;
            continue;
        } else if (u == u' ')
            continue;
        if (value < 0 || padding)
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            data.append(static_cast<char>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return data;
}

QString Totp::codeForStep(const QByteArray &secret, qint64 step, int digits)
{
    QByteArray counter(8, '\0');
    qToBigEndian(static_cast<quint64>(step), counter.data());
    const QByteArray mac = QMessageAuthenticationCode::hash(counter, secret, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (static_cast<quint32>(static_cast<unsigned char>(mac.at(offset)) & 0x7f) << 24)
            | (static_cast<quint32>(static_cast<unsigned char>(mac.at(offset + 1))) << 16)
            | (static_cast<quint32>(static_cast<unsigned char>(mac.at(offset + 2))) << 8)
            | static_cast<quint32>(static_cast<unsigned char>(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> Totp::verify(const QByteArray &secret, const QString &code, qint64 unixTime, int window,
                                   qint64 lastAcceptedStep)
{
    if (secret.isEmpty() || code.size() != defaultDigits)
        return std::nullopt;
    const qint64 current = stepAt(unixTime);
    std::optional<qint64> accepted;
    // Every step in the window is computed, matching or not, so timing does not reveal which.
    for (qint64 step = current - window; step <= current + window; ++step) {
        if (sameText(codeForStep(secret, step), code) && step > lastAcceptedStep && !accepted)
            accepted = step;
    }
    return accepted;
}

QString Totp::otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer)) + QLatin1Char(':')
            + QString::fromLatin1(QUrl::toPercentEncoding(account));
    QString encoded = base32Encode(secret);
    while (encoded.endsWith(QLatin1Char('=')))
        encoded.chop(1);
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=%4&period=%5")
            .arg(label, encoded, QString::fromLatin1(QUrl::toPercentEncoding(issuer)))
            .arg(defaultDigits)
            .arg(periodSeconds);
}

} // namespace vigil
