// Prints the argon2id time per answer and the server-side search latency over N synthetic
// profiles. Usage: bench_search_and_argon2 [profiles …]   (default: 10000 100000)
#include "Argon2Hasher.h"
#include "DemoDataGenerator.h"
#include "ProfileSearch.h"
#include "ProfileStore.h"
#include "ServerContext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

using namespace vigil;

namespace {
QTextStream out(stdout);

struct Percentiles
{
    double p50, p95, p99, mean;
};

Percentiles percentiles(QList<double> samples)
{
    std::sort(samples.begin(), samples.end());
    auto at = [&](double p) {
        return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * samples.size())));
    };
    double sum = 0;
    for (double s : samples)
        sum += s;
    return {at(0.50), at(0.95), at(0.99), sum / samples.size()};
}

void benchArgon2()
{
    const QByteArray encoded = Argon2Hasher::hash("treasure island");
    QList<double> samples;
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = Argon2Hasher::verify(
                encoded, i % 2 ? QByteArrayView("treasure island") : QByteArrayView("wrong"));
        samples.append(timer.nsecsElapsed() / 1e6);
        Q_UNUSED(ok);
    }
    const auto p = percentiles(samples);
    out << "argon2id verify (m=19 MiB, t=2, p=1), 40 runs: mean " << p.mean << " ms, p50 " << p.p50
        << " ms, p95 " << p.p95 << " ms\n"
        << Qt::flush;
}

void benchSearch(int count)
{
    QTemporaryDir dir;
    QString error;
    if (!ServerContext::initialise(dir.path(), &error)) {
        out << "cannot initialise: " << error << "\n";
        return;
    }
    auto context = ServerContext::open(dir.path(), &error);
    QList<ProfileRecord> records = DemoDataGenerator::generate(count);
    // Search never reads the answer hashes, so the fill skips argon2id: one shared dummy encoding.
    QList<PreparedProfile> prepared;
    prepared.reserve(records.size());
    const QByteArray dummy = Argon2Hasher::dummyHash();
    for (const auto &record : records) {
        PreparedProfile p;
        p.identity = record;
        p.answerHashes.insert(QuestionField::Secret, dummy);
        if (record.employeeId)
            p.employeeLookup = ProfileStore::employeeLookup(context->lookupKey(), *record.employeeId);
        prepared.append(p);
    }
    QElapsedTimer fill;
    fill.start();
    {
        WriteTransaction tx(context->database());
        if (!ProfileStore::insert(tx.db(), prepared, &error) || !tx.commit()) {
            out << "insert failed: " << error << "\n";
            return;
        }
    }
    const double fillSeconds = fill.elapsed() / 1000.0;

    // Misspelt queries as a technician types them: dropped, swapped and wrong letters.
    const QStringList queries{
            QStringLiteral("Jon Silvr"), QStringLiteral("jhon silver"), QStringLiteral("Mueller"),
            QStringLiteral("garcai"),    QStringLiteral("renee"),       QStringLiteral("nguyn"),
            QStringLiteral("smiht"),     QStringLiteral("E-100001"),    QStringLiteral("john.silver@acme"),
            QStringLiteral("5550100"),   QStringLiteral("Petrova"),     QStringLiteral("fran")};
    auto db = context->database().connection();
    QList<double> samples;
    int firstHitSilver = 0;
    for (int round = 0; round < 20; ++round) {
        for (const auto &query : queries) {
            QJsonArray results;
            QElapsedTimer timer;
            timer.start();
            ProfileSearch::search(db, context->lookupKey(), query, 20, &results);
            samples.append(timer.nsecsElapsed() / 1e6);
            if (query == QLatin1String("Jon Silvr") && !results.isEmpty()
                && results.first().toObject().value(QStringLiteral("display_name")).toString()
                        == QLatin1String("John P. Silver"))
                ++firstHitSilver;
        }
    }
    const auto p = percentiles(samples);
    out << "search over " << count << " profiles (fill " << fillSeconds << " s), " << samples.size()
        << " queries: p50 " << p.p50 << " ms, p95 " << p.p95 << " ms, p99 " << p.p99 << " ms, mean " << p.mean
        << " ms; \"Jon Silvr\" → John P. Silver first in " << firstHitSilver << "/20\n"
        << Qt::flush;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    benchArgon2();
    QList<int> counts;
    for (const auto &arg : app.arguments().mid(1))
        counts.append(arg.toInt());
    if (counts.isEmpty())
        counts = {10000, 100000};
    for (int count : counts)
        benchSearch(count);
    return 0;
}
