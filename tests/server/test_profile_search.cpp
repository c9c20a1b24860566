// Search at the store level, without HTTP: typing mistakes found through the vocabulary, the
// ranking and the result shape kept, and the vocabulary following inserts, contact changes and
// another process writing to the same store. On SQLite; on PostgreSQL too when VIGIL_TEST_POSTGRES
// names a server (the pg_ twin of this test).
#include "Argon2Hasher.h"
#include "DemoDataGenerator.h"
#include "EditDistance.h"
#include "Migrations.h"
#include "ProfileSearch.h"
#include "ProfileStore.h"
#include "SearchTerms.h"
#include "SearchVocabulary.h"
#include "ServerContext.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vigil;

namespace {
QString postgresServer()
{
    return qEnvironmentVariable("VIGIL_TEST_POSTGRES");
}

// A fresh database on the test cluster; empty when there is no cluster.
QString createPostgresDatabase()
{
    if (postgresServer().isEmpty())
        return {};
    static int counter = 0;
    const QString name = QStringLiteral("vigil_search_%1_%2_%3")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++counter)
                                 .arg(QDateTime::currentMSecsSinceEpoch() % 100000);
    QUrl server(postgresServer());
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("create-database"));
        db.setHostName(server.host());
        db.setPort(server.port(5432));
        db.setUserName(server.userName());
        db.setPassword(server.password());
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.open() || !QSqlQuery(db).exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("cannot create a test database: %s", qPrintable(db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("create-database"));
    server.setPath(QLatin1Char('/') + name);
    return server.toString();
}

ProfileRecord person(const QString &username, const QString &displayName, const QString &email,
                     const QString &phone, const QString &employeeId = {})
{
    ProfileRecord record;
    record.username = username;
    record.displayName = displayName;
    record.department = QStringLiteral("Engineering");
    record.email = email;
    record.phone = phone;
    if (!employeeId.isEmpty())
        record.employeeId = employeeId;
    return record;
}

QStringList names(const QJsonArray &results)
{
    QStringList list;
    for (const auto &result : results)
        list.append(result.toObject().value(QStringLiteral("display_name")).toString());
    return list;
}
} // namespace

class TestProfileSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void editDistanceMatchesTheTable();
    void termsAreCutAsTheIndexCutsThem();
    void typingMistakesAreFound_data();
    void typingMistakesAreFound();
    void phoneEmailAndEmployeeId_data();
    void phoneEmailAndEmployeeId();
    void resultsKeepTheirShapeAndOrder();
    void commonWordsAndShortPrefixes();
    void vocabularyFollowsInserts();
    void vocabularyFollowsContactChanges();
    void vocabularyFollowsAnotherProcess();
    void migrationIndexesExistingProfiles();
    void composedNamesAreVaried();

private:
    QJsonArray search(const QString &text, int limit = 20);
    bool insert(const QList<ProfileRecord> &records);
    qint64 idOf(const QString &username);
    qint64 vocabularyCount(const QString &word);

    QTemporaryDir m_dir;
    QString m_databaseUrl; // empty: SQLite
    std::unique_ptr<ServerContext> m_context;
};

void TestProfileSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_databaseUrl = createPostgresDatabase();
    qInfo("store: %s", m_databaseUrl.isEmpty() ? "SQLite" : qPrintable(m_databaseUrl));
    QString error;
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QVERIFY2(ServerContext::initialise(data, &error, m_databaseUrl), qPrintable(error));
    m_context = ServerContext::open(data, &error, m_databaseUrl);
    QVERIFY2(m_context, qPrintable(error));

    // Namesakes and near-namesakes of the people the tests look for, among 3,000 others.
    QList<ProfileRecord> records = DemoDataGenerator::generate(3000, 7, DemoDataGenerator::Names::Composed);
    records += {
            person(QStringLiteral("qa.msmith"), QStringLiteral("Maria Smith"),
                   QStringLiteral("maria.smith@acme.example"), QStringLiteral("+1 555 0142 311")),
            person(QStringLiteral("qa.msmit"), QStringLiteral("Mario Smit"),
                   QStringLiteral("mario.smit@acme.example"), QStringLiteral("+1 555 0187 002")),
            person(QStringLiteral("qa.rmuller"), QStringLiteral("Ren\u00e9e M\u00fcller"),
                   QStringLiteral("renee.muller@acme.example"), QStringLiteral("+49 30 1234 5678")),
            person(QStringLiteral("qa.sobrien"), QStringLiteral("Se\u00e1n O'Brien"),
                   QStringLiteral("sean.obrien@acme.example"), QStringLiteral("+353 1 555 0199")),
            person(QStringLiteral("akowalskiq9"), QStringLiteral("Anna Kowalski"),
                   QStringLiteral("anna.kowalski@acme.example"), QStringLiteral("+44 20 7946 0958"),
                   QStringLiteral("E-777001")),
    };
    QVERIFY(insert(records));
}

void TestProfileSearch::cleanupTestCase()
{
    m_context.reset();
}

QJsonArray TestProfileSearch::search(const QString &text, int limit)
{
    auto db = m_context->database().connection();
    QJsonArray results;
    if (!ProfileSearch::search(db, m_context->lookupKey(), text, limit, &results))
        qWarning("search failed for %s", qPrintable(text));
    return results;
}

bool TestProfileSearch::insert(const QList<ProfileRecord> &records)
{
    // Search never reads answer hashes: one dummy encoding keeps the fill fast.
    QList<PreparedProfile> prepared;
    for (const auto &record : records) {
        PreparedProfile profile;
        profile.identity = record;
        profile.answerHashes.insert(QuestionField::Secret, Argon2Hasher::dummyHash());
        if (record.employeeId)
            profile.employeeLookup = ProfileStore::employeeLookup(m_context->lookupKey(), *record.employeeId);
        prepared.append(profile);
    }
    WriteTransaction tx(m_context->database());
    QString error;
    if (!tx.isActive() || !ProfileStore::insert(tx.db(), prepared, &error) || !tx.commit()) {
        qWarning("insert failed: %s", qPrintable(error));
        return false;
    }
    return true;
}

qint64 TestProfileSearch::idOf(const QString &username)
{
    auto db = m_context->database().connection();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM profiles WHERE username = ?"));
    query.addBindValue(username);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

qint64 TestProfileSearch::vocabularyCount(const QString &word)
{
    auto db = m_context->database().connection();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT profiles FROM search_vocabulary WHERE word = ?"));
    query.addBindValue(word);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

void TestProfileSearch::editDistanceMatchesTheTable()
{
    QCOMPARE(EditDistance(u"jhon").to(u"john"), 1); // a swap is one edit
    QCOMPARE(EditDistance(u"silvr").to(u"silver"), 1);
    QCOMPARE(EditDistance(u"").to(u"abc"), 3);
    QCOMPARE(EditDistance(u"abc").to(u""), 3);
    QCOMPARE(EditDistance(u"ca").to(u"abc"), 3); // optimal string alignment, not full Damerau
    QRandomGenerator random(4711);
    const QString alphabet = QStringLiteral("abcde\u00e9\u00f8\u0142");
    auto word = [&](int length) {
        QString text;
        for (int i = 0; i < length; ++i)
            text.append(alphabet.at(random.bounded(alphabet.size())));
        return text;
    };
    for (int i = 0; i < 3000; ++i) {
        const QString a = word(random.bounded(i % 100 == 0 ? 80 : 12));
        const QString b = word(random.bounded(i % 100 == 1 ? 80 : 12));
        QCOMPARE(EditDistance(a).to(b), EditDistance::reference(a, b));
    }
    QCOMPARE(ProfileSearch::wordSimilarity(QStringLiteral("sil"), QStringLiteral("silver")), 0.9);
    QCOMPARE(ProfileSearch::wordSimilarity(QStringLiteral("silver"), QStringLiteral("silver")), 1.0);
    QCOMPARE(ProfileSearch::wordSimilarity(QStringLiteral("jhon"), QStringLiteral("john")), 0.75);
}

void TestProfileSearch::termsAreCutAsTheIndexCutsThem()
{
    QCOMPARE(SearchTerms::split(u"john.silver@acme.example"),
             (QStringList{QStringLiteral("john"), QStringLiteral("silver"), QStringLiteral("acme"),
                          QStringLiteral("example")}));
    QCOMPARE(SearchTerms::split(u"o'brien  Renee"),
             (QStringList{QStringLiteral("o"), QStringLiteral("brien"), QStringLiteral("renee")}));
    QCOMPARE(SearchTerms::split(u"\u0142ukasz-\u00e9"),
             (QStringList{QStringLiteral("\u0142ukasz"), QStringLiteral("\u00e9")}));
    QCOMPARE(SearchTerms::split(SearchTerms::phoneText(QStringLiteral("+1 555 0100 001"))),
             (QStringList{QStringLiteral("1"), QStringLiteral("555"), QStringLiteral("0100"),
                          QStringLiteral("001"), QStringLiteral("5550100001"), QStringLiteral("0100001"),
                          QStringLiteral("0001")}));
    QCOMPARE(SearchTerms::dictionaryWords(QStringLiteral("Ren\u00e9e M\u00fcller"),
                                          QStringLiteral("renee.muller2@acme.example")),
             (QSet<QString>{QStringLiteral("renee"), QStringLiteral("muller"), QStringLiteral("acme"),
                            QStringLiteral("example")}));
}

void TestProfileSearch::typingMistakesAreFound_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("within"); // the expected person is among the first `within` results

    QTest::newRow("dropped letters") << QStringLiteral("Jon Silvr") << QStringLiteral("John P. Silver") << 3;
    QTest::newRow("swapped letters") << QStringLiteral("jhon silver") << QStringLiteral("John P. Silver")
                                     << 1;
    QTest::newRow("swapped, one word") << QStringLiteral("Mria Smith") << QStringLiteral("Maria Smith") << 1;
    QTest::newRow("wrong letter") << QStringLiteral("Maria Smoth") << QStringLiteral("Maria Smith") << 1;
    QTest::newRow("accents typed plainly")
            << QStringLiteral("Renee Muller") << QStringLiteral("Ren\u00e9e M\u00fcller") << 1;
    QTest::newRow("spelled out umlaut")
            << QStringLiteral("renee mueller") << QStringLiteral("Ren\u00e9e M\u00fcller") << 1;
    QTest::newRow("apostrophe left out")
            << QStringLiteral("sean obrien") << QStringLiteral("Se\u00e1n O'Brien") << 1;
    QTest::newRow("surname alone, misspelt")
            << QStringLiteral("Kowalsky") << QStringLiteral("Anna Kowalski") << 10;
    QTest::newRow("user name, dropped letter")
            << QStringLiteral("akowalsiq9") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("prefix") << QStringLiteral("anna kowa") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("one word matches nothing")
            << QStringLiteral("Anna Kowalski Qqqxz") << QStringLiteral("Anna Kowalski") << 1;
}

void TestProfileSearch::typingMistakesAreFound()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(int, within);
    const QStringList found = names(search(query));
    QVERIFY2(found.mid(0, within).contains(expected),
             qPrintable(query + QStringLiteral(" → ") + found.join(u", ")));
}

void TestProfileSearch::phoneEmailAndEmployeeId_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("within");

    QTest::newRow("phone as written")
            << QStringLiteral("+44 20 7946 0958") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("phone in groups") << QStringLiteral("7946 0958") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("last seven digits") << QStringLiteral("9460958") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("national number") << QStringLiteral("2079460958") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("digits in the middle") << QStringLiteral("794609") << QStringLiteral("Anna Kowalski") << 5;
    QTest::newRow("e-mail prefix") << QStringLiteral("maria.smith@acme") << QStringLiteral("Maria Smith")
                                   << 1;
    QTest::newRow("whole e-mail") << QStringLiteral("anna.kowalski@acme.example")
                                  << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("employee id") << QStringLiteral("E-777001") << QStringLiteral("Anna Kowalski") << 1;
    QTest::newRow("employee id, other spelling")
            << QStringLiteral("e 777001") << QStringLiteral("Anna Kowalski") << 1;
}

void TestProfileSearch::phoneEmailAndEmployeeId()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(int, within);
    const QStringList found = names(search(query));
    QVERIFY2(found.mid(0, within).contains(expected),
             qPrintable(query + QStringLiteral(" → ") + found.join(u", ")));
}

void TestProfileSearch::resultsKeepTheirShapeAndOrder()
{
    const QJsonArray results = search(QStringLiteral("smith"), 5);
    QVERIFY(!results.isEmpty() && results.size() <= 5);
    const QJsonObject first = results.first().toObject();
    const QStringList keys = first.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{QStringLiteral("id"), QStringLiteral("display_name"),
                            QStringLiteral("department"), QStringLiteral("email_hint"),
                            QStringLiteral("phone_hint"), QStringLiteral("locked"),
                            QStringLiteral("has_secret"), QStringLiteral("frozen")}));
    for (const auto &result : results) {
        QVERIFY(result.toObject()
                        .value(QStringLiteral("email_hint"))
                        .toString()
                        .contains(QStringLiteral("***@")));
        QVERIFY(result.toObject().value(QStringLiteral("phone_hint")).toString().contains(QLatin1Char('*')));
    }
    // Every query gives the same answer every time, namesakes in the same order.
    for (const auto &query :
         {QStringLiteral("smith"), QStringLiteral("Jon Silvr"), QStringLiteral("ma"), QStringLiteral("555")})
        QCOMPARE(search(query, 50), search(query, 50));
    QCOMPARE(search(QStringLiteral("   ")), QJsonArray());
    QCOMPARE(search(QStringLiteral("Qqqxzzy Wwwvvq")), QJsonArray());
}

void TestProfileSearch::commonWordsAndShortPrefixes()
{
    // Words nearly every profile holds still find profiles, and do not need the scan of the store.
    QCOMPARE(search(QStringLiteral("acme"), 10).size(), 10);
    QCOMPARE(search(QStringLiteral("example acme"), 10).size(), 10);
    QVERIFY(names(search(QStringLiteral("maria.smith@acme.example")))
                    .startsWith(QStringLiteral("Maria Smith")));
    // A single letter or a short prefix gives results; with the surname it finds the person.
    QVERIFY(!search(QStringLiteral("k")).isEmpty());
    QVERIFY(names(search(QStringLiteral("an kow"))).contains(QStringLiteral("Anna Kowalski")));
}

void TestProfileSearch::vocabularyFollowsInserts()
{
    QVERIFY(!names(search(QStringLiteral("Xandriel Vostrikva")))
                     .contains(QStringLiteral("Xandriel Vostrikova")));
    QVERIFY(insert(
            {person(QStringLiteral("xvostrikova"), QStringLiteral("Xandriel Vostrikova"),
                    QStringLiteral("xandriel.vostrikova@acme.example"), QStringLiteral("+1 555 0111 222"))}));
    QCOMPARE(vocabularyCount(QStringLiteral("vostrikova")), 1);
    // The misspelt surname is no prefix of the real one: only a correction can find it.
    QCOMPARE(names(search(QStringLiteral("Xandriel Vostrikva"))).value(0),
             QStringLiteral("Xandriel Vostrikova"));
    QCOMPARE(names(search(QStringLiteral("Vostrikowa"))).value(0), QStringLiteral("Xandriel Vostrikova"));
}

void TestProfileSearch::vocabularyFollowsContactChanges()
{
    const qint64 maria = idOf(QStringLiteral("qa.msmith"));
    QVERIFY(maria > 0);
    auto change = [&](const QString &email) {
        WriteTransaction tx(m_context->database());
        return tx.isActive() && ProfileStore::setContact(tx.db(), maria, ProfileStore::Contact::Email, email)
                && tx.commit();
    };
    QCOMPARE(vocabularyCount(QStringLiteral("quintessa")), -1);
    QVERIFY(change(QStringLiteral("maria.quintessa@acme.example")));
    QCOMPARE(vocabularyCount(QStringLiteral("quintessa")), 1);
    QCOMPARE(names(search(QStringLiteral("quintesa"))).value(0), QStringLiteral("Maria Smith"));
    QCOMPARE(names(search(QStringLiteral("maria.quintessa@acme"))).value(0), QStringLiteral("Maria Smith"));

    QVERIFY(change(QStringLiteral("maria.smith@acme.example")));
    QCOMPARE(vocabularyCount(QStringLiteral("quintessa")), 0);
    const auto vocabulary = SearchVocabulary::of(m_context->database().connection());
    auto db = m_context->database().connection();
    QVERIFY(vocabulary->refresh(db));
    for (const auto &correction : vocabulary->corrections(QStringLiteral("quintesa"), 50))
        QVERIFY(correction.word != QLatin1String("quintessa"));
    // The old address left the word index with the old value.
    QVERIFY(!names(search(QStringLiteral("quintessa"))).contains(QStringLiteral("Maria Smith")));
    QCOMPARE(names(search(QStringLiteral("maria.smith@acme"))).value(0), QStringLiteral("Maria Smith"));
    // A phone change moves the number's terms too.
    {
        WriteTransaction tx(m_context->database());
        QVERIFY(ProfileStore::setContact(tx.db(), maria, ProfileStore::Contact::Phone,
                                         QStringLiteral("+1 555 0999 888")));
        QVERIFY(tx.commit());
    }
    QCOMPARE(names(search(QStringLiteral("0999 888"))).value(0), QStringLiteral("Maria Smith"));
    QVERIFY(!names(search(QStringLiteral("0142 311"))).contains(QStringLiteral("Maria Smith")));
}

void TestProfileSearch::vocabularyFollowsAnotherProcess()
{
    const QString server = qEnvironmentVariable("VIGIL_SERVER_BIN");
    if (server.isEmpty())
        QSKIP("VIGIL_SERVER_BIN is not set");
    // This process has the vocabulary in memory; another one adds a word to the store.
    QVERIFY(!names(search(QStringLiteral("Ottolin Brackenbery")))
                     .contains(QStringLiteral("Ottoline Brackenbury")));
    const QString csv = m_dir.filePath(QStringLiteral("more.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("username,display_name,department,email,phone,privileged,title,middle_initial,employee_id,"
               "birthday,secret\r\nobrackenbury,Ottoline Brackenbury,Legal,ottoline.brackenbury@acme.example,"
               "+1 555 0123 987,no,Paralegal,,E-900001,1990-02-03,lantern harbor\r\n");
    file.close();
    QStringList arguments{QStringLiteral("import"), QStringLiteral("--data"),
                          m_dir.filePath(QStringLiteral("data")), csv};
    if (!m_databaseUrl.isEmpty())
        arguments += {QStringLiteral("--database"), m_databaseUrl};
    QProcess import;
    import.start(server, arguments);
    QVERIFY(import.waitForFinished(120000));
    QVERIFY2(import.exitCode() == 0, import.readAllStandardError().constData());
    QCOMPARE(names(search(QStringLiteral("Ottolin Brackenbery"))).value(0),
             QStringLiteral("Ottoline Brackenbury"));
}

void TestProfileSearch::migrationIndexesExistingProfiles()
{
    // A store made by the steps before the search index, holding a profile, then brought up to date.
    const QString url = createPostgresDatabase();
    const auto dialect = url.isEmpty() ? Migrations::Dialect::Sqlite : Migrations::Dialect::Postgres;
    const auto steps = Migrations::steps(dialect);
    const auto sqliteSteps = Migrations::steps();
    qsizetype searchStep = -1;
    for (qsizetype i = 0; i < sqliteSteps.size() && searchStep < 0; ++i) {
        for (const auto &statement : sqliteSteps.at(i)) {
            if (statement.contains(QLatin1String("search_vocabulary")))
                searchStep = i;
        }
    }
    QVERIFY(searchStep > 0);
    const QString location = url.isEmpty() ? m_dir.filePath(QStringLiteral("older.db")) : url;
    Database older(location);
    {
        auto db = older.connection();
        QVERIFY(db.isOpen());
        QSqlQuery query(db);
        for (qsizetype i = 0; i < searchStep; ++i) {
            for (const auto &statement : steps.at(i))
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        if (url.isEmpty()) {
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(searchStep)));
        } else {
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE vigil_schema (version BIGINT NOT NULL)")));
            QVERIFY(query.exec(
                    QStringLiteral("INSERT INTO vigil_schema (version) VALUES (%1)").arg(searchStep)));
        }
        // The rows as the code before the search index wrote them.
        QVERIFY2(query.exec(QStringLiteral(
                         "INSERT INTO profiles (id, username, display_name, email, phone, created_at) VALUES"
                         " (1, 'ptrevelyan', 'Perpetua Trevelyan', 'perpetua.trevelyan@acme.example',"
                         " '+1 555 0177 654', 0)")),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.exec(
                QStringLiteral("INSERT INTO profile_search (rowid, body) VALUES (1, 'perpetua trevelyan"
                               " ptrevelyan perpetua.trevelyan@acme.example 15550177654')")));
        QString error;
        QVERIFY2(older.migrate(&error), qPrintable(error));
        QCOMPARE(older.schemaVersion(), int(steps.size()));
        db = older.connection();
        QJsonArray results;
        QVERIFY(ProfileSearch::search(db, QByteArray(32, 'k'), QStringLiteral("Perpetua Trevelian"), 20,
                                      &results));
        QCOMPARE(names(results), QStringList{QStringLiteral("Perpetua Trevelyan")});
        results = QJsonArray();
        QVERIFY(ProfileSearch::search(db, QByteArray(32, 'k'), QStringLiteral("0177 654"), 20, &results));
        QCOMPARE(names(results), QStringList{QStringLiteral("Perpetua Trevelyan")});
        QSqlQuery counted(db);
        QVERIFY(counted.exec(
                QStringLiteral("SELECT profiles FROM search_vocabulary WHERE word = 'trevelyan'")));
        QVERIFY(counted.next());
        QCOMPARE(counted.value(0).toInt(), 1);
    }
}

void TestProfileSearch::composedNamesAreVaried()
{
    const auto profiles = DemoDataGenerator::generate(20000, 20231, DemoDataGenerator::Names::Composed);
    QCOMPARE(profiles.first().displayName, QStringLiteral("John P. Silver"));
    QSet<QString> given, surnames, usernames;
    for (const auto &p : profiles) {
        const QStringList parts = p.displayName.split(u' ');
        given.insert(parts.first());
        surnames.insert(parts.last());
        usernames.insert(p.username);
    }
    qInfo("20000 composed profiles: %lld given names, %lld surnames", qlonglong(given.size()),
          qlonglong(surnames.size()));
    QVERIFY(given.size() > 3000);
    QVERIFY(surnames.size() > 8000);
    QCOMPARE(usernames.size(), profiles.size());
    // The same seed gives the same people; the listed names are untouched by the option.
    const auto again = DemoDataGenerator::generate(500, 20231, DemoDataGenerator::Names::Composed);
    for (qsizetype i = 0; i < again.size(); ++i)
        QCOMPARE(again.at(i).displayName, profiles.at(i).displayName);
    const auto listed = DemoDataGenerator::generate(300);
    const auto listedAgain = DemoDataGenerator::generate(300, 20231, DemoDataGenerator::Names::Listed);
    for (qsizetype i = 0; i < listed.size(); ++i)
        QCOMPARE(listed.at(i).displayName, listedAgain.at(i).displayName);
    QCOMPARE(DemoDataGenerator::employeeIdOf(0), QStringLiteral("E-100001"));
    QCOMPARE(DemoDataGenerator::employeeIdOf(1234), *profiles.at(1234).employeeId);
}

QTEST_GUILESS_MAIN(TestProfileSearch)
#include "test_profile_search.moc"
