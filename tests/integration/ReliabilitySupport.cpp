#include "ReliabilitySupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslSocket>
#include <QUuid>

#include <thread>
#include <vector>

namespace vigil::test {

namespace {
const QString kWrongAnswer = QStringLiteral("zebra-quartz-1234");
const QString kAttempt = QStringLiteral("HELPDESK_UNLOCK_ATTEMPT");
} // namespace

QList<Agent> loginAgents(const TestServer &server, const QStringList &usernames)
{
    QList<Agent> agents;
    for (const auto &name : usernames)
        agents.append({name, server.login(name)});
    return agents;
}

StartedVerification startVerification(const HttpsClient &client, const QString &profileId,
                                      const QByteArray &token)
{
    StartedVerification started;
    started.response =
            client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profileId), token);
    if (started.response.status == 201) {
        started.id = started.response.json.value(QStringLiteral("id")).toString();
        started.questions = started.response.json.value(QStringLiteral("questions")).toArray();
    }
    return started;
}

QString answersPath(const QString &verificationId)
{
    return QStringLiteral("/v1/verifications/%1/answers").arg(verificationId);
}

QByteArray answersJson(const QJsonArray &questions, const QJsonObject &demoAnswers, bool correct)
{
    const auto body = answersBody(questions, [&](const QString &field) {
        return correct ? demoAnswers.value(field).toString() : kWrongAnswer;
    });
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

HttpResponse postOnCue(const HttpsClient &client, const QString &path, const QByteArray &token,
                       const QByteArray &body, const std::function<void()> &cue)
{
    HttpResponse response;
    QString error;
    auto socket = client.connectPinned(&error);
    // The client's last handshake flight can sit in the socket's write buffer until the next
    // write; without an event loop nothing sends it, and the server, still waiting for it, would
    // count the connection as a handshake in progress and time it out.
    if (socket)
        socket->flush();
    cue();
    if (!socket) {
        response.transportError = error;
        return response;
    }
    socket->write(client.requestHead("POST", path, token, body.size(), "application/json") + body);
    QDeadlineTimer deadline(client.timeoutMs);
    while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState
           && !deadline.hasExpired()) {
        if (!socket->waitForBytesWritten(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
            break;
    }
    return HttpsClient::readResponse(*socket,
                                     static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
}

void runOnThreads(int count, const std::function<void(int)> &task)
{
    std::vector<std::thread> threads;
    threads.reserve(count);
    for (int i = 0; i < count; ++i)
        threads.emplace_back(task, i);
    for (auto &thread : threads)
        thread.join();
}

namespace {
AuditRow rowFromJson(const QJsonObject &entry)
{
    return {entry.value(QStringLiteral("seq")).toInteger(),
            entry.value(QStringLiteral("action")).toString(),
            entry.value(QStringLiteral("agent")).toString(),
            entry.value(QStringLiteral("profile")).toString(),
            entry.value(QStringLiteral("verification")).toString(),
            entry.value(QStringLiteral("outcome")).toString(),
            entry.value(QStringLiteral("details")).toObject()};
}
} // namespace

QList<AuditRow> fetchAudit(const HttpsClient &client, const QByteArray &token, const QString &query,
                           QString *error)
{
    constexpr int kPage = 1000; // the API's largest page
    QList<AuditRow> rows;
    qint64 after = 0;
    for (;;) {
        const auto response =
                client.get(QStringLiteral("/v1/audit?limit=%1&after=%2%3%4")
                                   .arg(kPage)
                                   .arg(after)
                                   .arg(query.isEmpty() ? QString() : QStringLiteral("&"), query),
                           token);
        if (response.status != 200) {
            *error = QString::fromUtf8(response.describe());
            return rows;
        }
        const QJsonArray entries = response.json.value(QStringLiteral("entries")).toArray();
        for (const auto &entry : entries)
            rows.append(rowFromJson(entry.toObject()));
        if (entries.size() < kPage)
            return rows;
        after = rows.last().seq;
    }
}

QList<AuditRow> readAudit(QSqlDatabase &db, qint64 afterSeq, QString *error)
{
    QList<AuditRow> rows;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT seq, action, agent, profile, verification, outcome, details"
                                 " FROM audit_log WHERE seq > ? ORDER BY seq"));
    query.addBindValue(afterSeq);
    if (!query.exec()) {
        *error = query.lastError().text();
        return rows;
    }
    while (query.next()) {
        rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                     QJsonDocument::fromJson(query.value(6).toByteArray()).object()});
    }
    return rows;
}

qint64 auditHeadSeq(QSqlDatabase &db)
{
    const QVariant seq = storeScalar(db, QStringLiteral("SELECT seq FROM audit_head WHERE id = 1"));
    return seq.isValid() ? seq.toLongLong() : -1;
}

void LockoutReplay::violation(const AuditRow &row, const QString &what)
{
    m_violations.append(QStringLiteral("seq %1 (%2 %3, verification %4): %5")
                                .arg(row.seq)
                                .arg(row.action, row.outcome, row.verification, what));
}

void LockoutReplay::apply(const AuditRow &row)
{
    if (m_lockDue && row.action != QLatin1String("PROFILE_LOCKED")) {
        violation(row, QStringLiteral("the count reached %1 but no PROFILE_LOCKED followed").arg(m_count));
        m_lockDue = false;
    }
    if (row.action == kAttempt) {
        if (row.outcome == QLatin1String("failed")) {
            ++m_failures;
            // Verifications left open past their lifetime are counted when the next one starts,
            // all of them, even once the first has locked the profile: nothing is evaluated there.
            const bool expiredUnanswered = row.details.value(QStringLiteral("reason")).toString()
                    == QLatin1String("expired_unanswered");
            if (m_locked && !expiredUnanswered)
                violation(row, QStringLiteral("a failure was evaluated on a locked profile"));
            const QJsonValue seen = row.details.value(QStringLiteral("failed_attempts"));
            if (!seen.isUndefined() && seen.toInt() != m_count + 1)
                violation(row,
                          QStringLiteral("recorded count %1, replay expected %2")
                                  .arg(seen.toInt())
                                  .arg(m_count + 1));
            ++m_count;
            m_lockDue = !m_locked && m_count >= m_max;
        } else if (row.outcome == QLatin1String("passed")) {
            ++m_passes;
            if (m_locked)
                violation(row, QStringLiteral("a pass was evaluated on a locked profile"));
            m_count = 0;
        } else if (row.outcome == QLatin1String("locked")) {
            ++m_refusals;
            if (!m_locked)
                violation(row, QStringLiteral("refused as locked while the replay has no lock"));
        }
    } else if (row.action == QLatin1String("PROFILE_LOCKED")) {
        ++m_locks;
        if (m_locked)
            violation(row, QStringLiteral("locked again without an unblock in between"));
        if (!m_lockDue)
            violation(row, QStringLiteral("locked at count %1, below the limit %2").arg(m_count).arg(m_max));
        if (row.details.value(QStringLiteral("failed_attempts")).toInt() != m_count)
            violation(row,
                      QStringLiteral("lock names count %1, replay has %2")
                              .arg(row.details.value(QStringLiteral("failed_attempts")).toInt())
                              .arg(m_count));
        m_locked = true;
        m_lockDue = false;
    } else if (row.action == QLatin1String("PROFILE_UNBLOCKED")) {
        ++m_unblocks;
        // Only a supervisor may clear failures of a profile that is not locked; a job never does.
        if (!m_locked && row.agent.startsWith(QLatin1String("system:")))
            violation(row, QStringLiteral("the job unblocked a profile that was not locked"));
        m_count = 0;
        m_locked = false;
    }
}

void replayByProfile(QHash<QString, LockoutReplay> *replays, const QList<AuditRow> &rows,
                     int maxFailedAttempts)
{
    for (const auto &row : rows) {
        if (row.profile.isEmpty())
            continue;
        auto it = replays->find(row.profile);
        if (it == replays->end())
            it = replays->insert(row.profile, LockoutReplay(maxFailedAttempts));
        it->apply(row);
    }
}

QHash<QString, QStringList> attemptOutcomes(const QList<AuditRow> &rows)
{
    QHash<QString, QStringList> outcomes;
    for (const auto &row : rows) {
        if (row.action == kAttempt && !row.verification.isEmpty())
            outcomes[row.verification].append(row.outcome);
    }
    return outcomes;
}

void AnswerTally::add(const QString &verificationId, const HttpResponse &response, const QStringList &audited)
{
    const QString result = response.json.value(QStringLiteral("result")).toString();
    auto expect = [&](const QString &outcome, int *counter) {
        if (audited == QStringList{outcome}) {
            ++*counter;
            return;
        }
        ++missing;
        problems.append(QStringLiteral("verification %1 answered %2, audited [%3]")
                                .arg(verificationId, QString::fromUtf8(response.describe()),
                                     audited.join(QLatin1Char(','))));
    };
    if (response.status == 200 && result == QLatin1String("failed")) {
        expect(QStringLiteral("failed"), &failed);
    } else if (response.status == 200 && result == QLatin1String("passed")) {
        expect(QStringLiteral("passed"), &passed);
    } else if (response.status == 423 && audited == QStringList{QStringLiteral("failed")}) {
        ++lockedByOwnFailure;
    } else if (response.status == 423) {
        expect(QStringLiteral("locked"), &refusedLocked);
    } else if (response.status == 410 && !response.json.contains(QStringLiteral("attempts_remaining"))
               && audited.isEmpty()) {
        ++cancelled;
    } else {
        problems.append(QStringLiteral("verification %1: unexpected %2, audited [%3]")
                                .arg(verificationId, QString::fromUtf8(response.describe()),
                                     audited.join(QLatin1Char(','))));
    }
}

QStringList checkCounters(QSqlDatabase &db, const QStringList &profiles,
                          const QHash<QString, LockoutReplay> &replays, int maxFailedAttempts,
                          bool withViolations)
{
    QStringList problems;
    for (const auto &profile : profiles) {
        const LockoutReplay replay = replays.value(profile, LockoutReplay(maxFailedAttempts));
        for (const auto &violation : replay.violations()) {
            if (withViolations)
                problems.append(QStringLiteral("profile %1: %2").arg(profile, violation));
        }
        const ProfileState state = readProfileState(db, profile);
        if (!state.ok || state.failedCount != replay.failedCount() || state.locked != replay.locked())
            problems.append(QStringLiteral("profile %1: the store has count %2 and locked %3, the audit "
                                           "replay %4 and %5")
                                    .arg(profile)
                                    .arg(state.failedCount)
                                    .arg(state.locked)
                                    .arg(replay.failedCount())
                                    .arg(replay.locked()));
    }
    return problems;
}

StoreConnection::StoreConnection(const TestServer &server)
    : m_name(QStringLiteral("reliability-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_db(server.openStore(m_name))
{
}

StoreConnection::~StoreConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QString StoreConnection::lastError() const
{
    return m_db.lastError().text();
}

QVariant storeScalar(QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning().noquote() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

ProfileState readProfileState(QSqlDatabase &db, const QString &profileId)
{
    ProfileState state;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT failed_count, locked_until FROM profiles WHERE id = ?"));
    query.addBindValue(profileId.toLongLong());
    if (!query.exec() || !query.next())
        return state;
    state.ok = true;
    state.failedCount = query.value(0).toInt();
    state.locked = !query.value(1).isNull();
    return state;
}

bool auditVerifies(const TestServer &server, QByteArray *output)
{
    const auto result = server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    if (output)
        *output = result.output();
    return result.finished && result.exitCode == 0;
}

void reportFigure(const char *name, const QString &text)
{
    qInfo().noquote() << QStringLiteral("figure %1: %2").arg(QLatin1String(name), text);
}

Replicas::Replicas(TestServer &primary)
    : m_primary(primary)
{
}

bool Replicas::startSecond(int unlockIntervalSeconds, QString *error)
{
    if (!m_primary.usesPostgres())
        return true;
    m_second.shareStoreWith(m_primary);
    if (unlockIntervalSeconds > 0)
        m_second.setUnlockInterval(unlockIntervalSeconds);
    m_secondStarted = m_second.start(error);
    return m_secondStarted;
}

int Replicas::stopSecond()
{
    return m_second.isRunning() ? m_second.stop() : 0;
}

} // namespace vigil::test
