#pragma once

// A real SMTP server for the notification tests: aiosmtpd's Mailbox handler, run with the system
// Python (python3-aiosmtpd), writing every message it accepts into a Maildir.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace vigil::test {

class SmtpSink
{
public:
    explicit SmtpSink(QString maildir)
        : m_maildir(std::move(maildir))
    {
    }
    ~SmtpSink() { stop(); }
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    // A loopback port nothing listens on right now.
    static quint16 freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

    bool start(quint16 port, QString *error)
    {
        const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                ? QStringLiteral("/usr/bin/python3")
                : QStringLiteral("python3");
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedChannels);
        m_process->start(python,
                         {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"),
                          QStringLiteral("-l"), QStringLiteral("127.0.0.1:%1").arg(port),
                          QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"), m_maildir});
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("aiosmtpd did not start: %1").arg(m_process->errorString());
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), port);
            if (probe.waitForConnected(200))
                return true;
            if (m_process->state() == QProcess::NotRunning) {
                *error = QStringLiteral("aiosmtpd exited with %1").arg(m_process->exitCode());
                return false;
            }
            QTest::qWait(100);
        }
        *error = QStringLiteral("aiosmtpd did not listen on port %1").arg(port);
        return false;
    }

    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }

    // Every message delivered so far (Maildir new/ and cur/), oldest first.
    QList<QByteArray> messages() const
    {
        QList<QByteArray> all;
        for (const QString &sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
            QDir dir(m_maildir + QLatin1Char('/') + sub);
            for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed)) {
                QFile file(info.filePath());
                if (file.open(QIODevice::ReadOnly))
                    all.append(file.readAll());
            }
        }
        return all;
    }

    // Polls until at least `count` messages arrived or `timeoutMs` passed.
    QList<QByteArray> waitForMessages(qsizetype count, int timeoutMs) const
    {
        QElapsedTimer timer;
        timer.start();
        auto current = messages();
        while (current.size() < count && timer.elapsed() < timeoutMs) {
            QTest::qWait(200);
            current = messages();
        }
        return current;
    }

private:
    QString m_maildir;
    std::unique_ptr<QProcess> m_process;
};

} // namespace vigil::test
