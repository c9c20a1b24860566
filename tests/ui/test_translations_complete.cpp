// The German and French translations are complete and hold exactly the strings of the source
// file, so no one ships a half-translated console. Refresh and fill them as translations/README.md says.

#include <QFile>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per numerus form
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = QStringLiteral("cannot open %1").arg(path);
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("TS")) {
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            } else if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                message = Message();
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                message.translationType = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (inMessage && name == QLatin1String("numerusform")) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            ts.messages.append(message);
        }
    }
    if (xml.hasError())
        ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

bool isLive(const Message &message)
{
    return message.translationType != QLatin1String("vanished")
            && message.translationType != QLatin1String("obsolete");
}

QString keyOf(const Message &message)
{
    return message.context + QLatin1Char('|') + message.source + QLatin1Char('|') + message.comment;
}

QSet<QString> keys(const TsFile &ts)
{
    QSet<QString> result;
    for (const Message &message : ts.messages) {
        if (isLive(message))
            result.insert(keyOf(message));
    }
    return result;
}

QString path(const QString &language)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/translations/vigil_%1.ts").arg(language);
}

QString sample(QSet<QString> set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.mid(0, 10).join(QStringLiteral("\n  "));
}

} // namespace

class TestTranslationsComplete : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
};

void TestTranslationsComplete::complete_data()
{
    QTest::addColumn<QString>("language");
    // English too: its plural forms are written by hand, the rest by translations/fill_english.py.
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de");
    QTest::newRow("fr") << QStringLiteral("fr");
}

void TestTranslationsComplete::complete()
{
    QFETCH(QString, language);
    const TsFile source = readTs(path(QStringLiteral("en")));
    QVERIFY2(source.error.isEmpty(), qPrintable(source.error));
    QVERIFY2(!source.messages.isEmpty(), "vigil_en.ts holds no strings: run the update_translations target");
    const TsFile translated = readTs(path(language));
    QVERIFY2(translated.error.isEmpty(), qPrintable(translated.error));
    QVERIFY(translated.language.startsWith(language));

    QStringList problems;
    for (const Message &message : translated.messages) {
        if (!isLive(message))
            continue;
        const QString where = message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
        if (message.translationType == QLatin1String("unfinished"))
            problems.append(QStringLiteral("unfinished: ") + where);
        else if (message.translations.isEmpty())
            problems.append(QStringLiteral("no translation: ") + where);
        else if (std::any_of(message.translations.begin(), message.translations.end(),
                             [](const QString &t) { return t.trimmed().isEmpty(); }))
            problems.append(QStringLiteral("empty translation or numerus form: ") + where);
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 problem(s) in vigil_%2.ts:\n  %3")
                                .arg(problems.size())
                                .arg(language, problems.mid(0, 20).join(QStringLiteral("\n  ")))));

    const QSet<QString> sourceKeys = keys(source);
    const QSet<QString> translatedKeys = keys(translated);
    const QSet<QString> missing = sourceKeys - translatedKeys;
    const QSet<QString> extra = translatedKeys - sourceKeys;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("in vigil_en.ts but not in vigil_%1.ts:\n  %2")
                                .arg(language, sample(missing))));
    QVERIFY2(extra.isEmpty(),
             qPrintable(QStringLiteral("in vigil_%1.ts but not in vigil_en.ts:\n  %2")
                                .arg(language, sample(extra))));
}

QTEST_APPLESS_MAIN(TestTranslationsComplete)
#include "test_translations_complete.moc"
