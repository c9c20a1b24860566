// The audit viewer against the real vigil-server: entries load, the action filter narrows the
// table, the time range filters on the client, the chain status shows, errors stay inline.

#include "AuditTableModel.h"
#include "AuditViewer.h"
#include "BackendClient.h"
#include "TestServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using vigil::test::TestServer;

namespace {
constexpr int kReplyTimeoutMs = 30000;

// With VIGIL_SCREENSHOT_DIR set, saves what the widget looks like, for a human to review.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

QStringList column(const QTableView *table, int column)
{
    QStringList values;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}
} // namespace

class TestAuditViewer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loadsEntriesAndVerifiesChain();
    void actionFilterNarrowsTable();
    void newerRefreshWins();
    void timeRangeFiltersLoadedEntries();
    void errorsShowInline();
    void modelFormatsAndPages();
    void brokenChainShownWithIconAndText(); // last: it edits the server's database

private:
    std::unique_ptr<AuditViewer> makeViewer();

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_token;
    std::unique_ptr<BackendClient> m_client;
};

void TestAuditViewer::initTestCase()
{
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 12, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    // A few logins so that the log holds more than one kind of action.
    QVERIFY(!m_server.login(QStringLiteral("tech1")).isEmpty());
    QVERIFY(m_server.loginWith(QStringLiteral("tech1"), QStringLiteral("wrong password")).isEmpty());
    m_token = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_token.isEmpty());

    // The harness reads the pin from the server's startup line; so do we.
    static const QRegularExpression fingerprintPattern(
            QStringLiteral("certificate SHA-256 fingerprint: ([0-9A-Fa-f:]+)"));
    const auto match = fingerprintPattern.match(QString::fromUtf8(m_server.log()));
    QVERIFY2(match.hasMatch(), m_server.log().constData());
    const QByteArray pin = BackendClient::parseFingerprint(match.captured(1));
    QCOMPARE(pin.size(), 32);

    m_client = std::make_unique<BackendClient>();
    m_client->setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.port())));
    m_client->setPinnedFingerprint(pin);
    m_client->setToken(m_token);
}

void TestAuditViewer::cleanupTestCase()
{
    m_client.reset();
    m_server.stop();
}

std::unique_ptr<AuditViewer> TestAuditViewer::makeViewer()
{
    auto viewer = std::make_unique<AuditViewer>(m_client.get());
    viewer->resize(1000, 600);
    return viewer;
}

void TestAuditViewer::loadsEntriesAndVerifiesChain()
{
    const QJsonArray all = m_server.audit(m_token, QStringLiteral("limit=1000"));
    QVERIFY(all.size() > 3);

    auto viewer = makeViewer();
    auto *table = viewer->findChild<QTableView *>(QStringLiteral("auditTable"));
    auto *chain = viewer->findChild<QLabel *>(QStringLiteral("chainStatus"));
    auto *status = viewer->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(table && chain && status);
    viewer->show(); // the first show loads
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), static_cast<int>(all.size()), kReplyTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(chain->text().startsWith(QStringLiteral("Audit chain verified: ")),
                             kReplyTimeoutMs);
    // The server counts the entries it checked; by now there may be one more (our own reads are
    // not audited, so the count is at least what we loaded).
    const qint64 verified = chain->text().section(QLatin1Char(' '), 3, 3).toLongLong();
    QVERIFY2(verified >= all.size(), qPrintable(chain->text()));
    QVERIFY2(status->text().contains(QString::number(all.size())), qPrintable(status->text()));
    saveShot(viewer.get(), QStringLiteral("audit-viewer"));

    // Sorted by sequence number, ascending, as numbers.
    const QStringList seqs = column(table, AuditTableModel::SeqColumn);
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QVERIFY(seqs.at(i - 1).toLongLong() < seqs.at(i).toLongLong());
    // Click-sorting descending works on numbers, not text.
    table->sortByColumn(AuditTableModel::SeqColumn, Qt::DescendingOrder);
    QCOMPARE(column(table, AuditTableModel::SeqColumn).first().toLongLong(), seqs.last().toLongLong());
}

void TestAuditViewer::actionFilterNarrowsTable()
{
    const QString action = QStringLiteral("AGENT_LOGIN");
    const QJsonArray all = m_server.audit(m_token, QStringLiteral("limit=1000"));
    const int expected = vigil::test::countEntries(all, QStringLiteral("action"), action);
    QVERIFY(expected > 0);
    QVERIFY(expected < all.size());

    auto viewer = makeViewer();
    auto *table = viewer->findChild<QTableView *>(QStringLiteral("auditTable"));
    auto *combo = viewer->findChild<QComboBox *>(QStringLiteral("actionFilter"));
    auto *refresh = viewer->findChild<QPushButton *>(QStringLiteral("refreshButton"));
    QVERIFY(table && combo && refresh);
    QVERIFY(combo->findText(action) >= 0);
    QVERIFY(combo->isEditable());
    combo->setCurrentText(action);
    refresh->click();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), expected, kReplyTimeoutMs);
    const QStringList actions = column(table, AuditTableModel::ActionColumn);
    QVERIFY(std::all_of(actions.begin(), actions.end(), [&](const QString &a) { return a == action; }));

    // An action typed by hand works as well (the combo is editable).
    combo->setCurrentText(QStringLiteral("AGENT_LOGIN_FAILED"));
    refresh->click();
    QTRY_COMPARE_WITH_TIMEOUT(
            table->model()->rowCount(),
            vigil::test::countEntries(all, QStringLiteral("action"), QStringLiteral("AGENT_LOGIN_FAILED")),
            kReplyTimeoutMs);
}

void TestAuditViewer::newerRefreshWins()
{
    const QJsonArray all = m_server.audit(m_token, QStringLiteral("limit=1000"));
    auto viewer = makeViewer();
    auto *table = viewer->findChild<QTableView *>(QStringLiteral("auditTable"));
    auto *combo = viewer->findChild<QComboBox *>(QStringLiteral("actionFilter"));
    auto *chain = viewer->findChild<QLabel *>(QStringLiteral("chainStatus"));
    // Unfiltered first, then at once a filtered one: only the second may fill the table.
    viewer->refresh();
    combo->setCurrentText(QStringLiteral("DEMO_DATA_CREATED"));
    viewer->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(chain->text().startsWith(QStringLiteral("Audit chain verified")),
                             kReplyTimeoutMs);
    const int expected =
            vigil::test::countEntries(all, QStringLiteral("action"), QStringLiteral("DEMO_DATA_CREATED"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), expected, kReplyTimeoutMs);
    QTest::qWait(300); // a stale reply arriving late would change the table now
    QCOMPARE(table->model()->rowCount(), expected);
}

void TestAuditViewer::timeRangeFiltersLoadedEntries()
{
    auto viewer = makeViewer();
    auto *table = viewer->findChild<QTableView *>(QStringLiteral("auditTable"));
    auto *fromEnabled = viewer->findChild<QCheckBox *>(QStringLiteral("fromEnabled"));
    auto *from = viewer->findChild<QDateTimeEdit *>(QStringLiteral("fromTime"));
    auto *toEnabled = viewer->findChild<QCheckBox *>(QStringLiteral("toEnabled"));
    auto *to = viewer->findChild<QDateTimeEdit *>(QStringLiteral("toTime"));
    QVERIFY(table && fromEnabled && from && toEnabled && to);
    QVERIFY(!from->toolTip().isEmpty()); // says the time range is applied on the client
    viewer->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kReplyTimeoutMs);
    const int loaded = table->model()->rowCount();

    from->setDateTime(QDateTime::currentDateTime().addDays(1));
    QCOMPARE(table->model()->rowCount(), loaded); // not yet enabled
    fromEnabled->setChecked(true);
    QVERIFY(from->isEnabled());
    QCOMPARE(table->model()->rowCount(), 0);
    from->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QCOMPARE(table->model()->rowCount(), loaded);
    toEnabled->setChecked(true);
    to->setDateTime(QDateTime::currentDateTime().addDays(-1).addSecs(60));
    QCOMPARE(table->model()->rowCount(), 0);
    toEnabled->setChecked(false);
    fromEnabled->setChecked(false);
    QCOMPARE(table->model()->rowCount(), loaded);
}

void TestAuditViewer::errorsShowInline()
{
    BackendClient offline;
    offline.setServer(QUrl(QStringLiteral("https://127.0.0.1:1")));
    offline.setPinnedFingerprint(QByteArray(32, '\x01'));
    offline.setToken(m_token);
    offline.setTimeout(5000);
    AuditViewer viewer(&offline);
    auto *status = viewer.findChild<QLabel *>(QStringLiteral("statusLabel"));
    auto *chain = viewer.findChild<QLabel *>(QStringLiteral("chainStatus"));
    viewer.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Could not load the audit log")),
                             kReplyTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(chain->text().startsWith(QStringLiteral("Audit chain could not be checked")),
                             kReplyTimeoutMs);
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    viewer.resize(1000, 400);
    saveShot(&viewer, QStringLiteral("audit-viewer-offline"));
}

void TestAuditViewer::modelFormatsAndPages()
{
    AuditTableModel model;
    AuditEntryView first;
    first.seq = 9;
    first.at = QDateTime::fromString(QStringLiteral("2026-11-22T11:29:16.299Z"), Qt::ISODateWithMs);
    first.action = QStringLiteral("PROFILE_LOCKED");
    first.details = QJsonObject{{QStringLiteral("failed_attempts"), 3},
                                {QStringLiteral("locked_until"), QStringLiteral("2026-11-22T11:59:16Z")}};
    AuditEntryView second = first;
    second.seq = 10;
    second.at = first.at.addDays(1);
    model.setEntries({first});
    model.appendEntries({second});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.lastSeq(), 10);
    QCOMPARE(model.index(0, AuditTableModel::DetailsColumn).data().toString(),
             QStringLiteral("failed_attempts=3, locked_until=2026-11-22T11:59:16Z"));
    QCOMPARE(model.index(0, AuditTableModel::TimeColumn).data().toString(),
             first.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    model.setTimeRange(first.at.addSecs(1), {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.lastSeq(), 10); // paging goes on from everything loaded, shown or not
    QCOMPARE(model.loadedCount(), 2);
}

void TestAuditViewer::brokenChainShownWithIconAndText()
{
    QCOMPARE(m_server.stop(), 0);
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(m_server.dataDir() + QStringLiteral("/vigil.db"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE audit_log SET outcome = 'passed' WHERE seq = 3")));
        QCOMPARE(query.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_client->setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.port())));

    auto viewer = makeViewer();
    auto *chain = viewer->findChild<QLabel *>(QStringLiteral("chainStatus"));
    auto *icon = viewer->findChild<QLabel *>(QStringLiteral("chainIcon"));
    QVERIFY(chain && icon);
    viewer->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(chain->text(), QStringLiteral("Audit chain BROKEN at entry 3"),
                              kReplyTimeoutMs);
    QVERIFY(!icon->pixmap().isNull()); // colour is never the only signal
    QCOMPARE(chain->palette().color(QPalette::WindowText), QColor(0xb7, 0x1c, 0x1c));
    QTRY_VERIFY_WITH_TIMEOUT(
            viewer->findChild<QTableView *>(QStringLiteral("auditTable"))->model()->rowCount() > 0,
            kReplyTimeoutMs);
    saveShot(viewer.get(), QStringLiteral("audit-viewer-broken"));
}

QTEST_MAIN(TestAuditViewer)
#include "test_audit_viewer.moc"
