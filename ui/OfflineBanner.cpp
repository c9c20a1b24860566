#include "OfflineBanner.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace vigil {

OfflineBanner::OfflineBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("offlineBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#offlineBanner { background: #fff4ce; border: 1px solid #c79a00; "
                                 "border-radius: 4px; } QLabel { color: #3d2e00; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(4);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("offlineMessage"));
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    m_message->setWordWrap(true);
    m_policy = new QLabel(this);
    m_policy->setObjectName(QStringLiteral("offlinePolicy"));
    m_policy->setWordWrap(true);
    layout->addWidget(m_message);
    layout->addWidget(m_policy);
    retranslateUi();
}

void OfflineBanner::setPolicy(const std::optional<PolicyCache::Entry> &policy)
{
    m_entry = policy;
    retranslateUi();
}

QString OfflineBanner::message() const
{
    return m_message->text();
}

QString OfflineBanner::policySummary() const
{
    return m_policy->text();
}

QString OfflineBanner::summarize(const std::optional<PolicyCache::Entry> &entry)
{
    if (!entry)
        return tr("No cached policy is available on this computer.");
    const Policy &p = entry->policy;
    const QString fetched = QLocale().toString(entry->fetchedAt.toLocalTime(), QLocale::ShortFormat);
    // Whole sentences, one number each, so translators get plural forms right.
    const QStringList sentences{
            tr("Cached policy from %1.").arg(fetched),
            tr("%n question(s) per verification, the secret word included.", nullptr, p.questionCount),
            tr("A profile locks after %n failed attempt(s).", nullptr, p.maxFailedAttempts),
            tr("A lock lasts %n minute(s).", nullptr, (p.lockoutSeconds + 59) / 60),
            tr("Access after a pass lasts %n minute(s).", nullptr, (p.grantSeconds + 59) / 60),
    };
    return sentences.join(QLatin1Char(' '));
}

void OfflineBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void OfflineBanner::retranslateUi()
{
    m_message->setText(tr("Offline — showing the cached policy read-only; reconnecting…"));
    m_policy->setText(summarize(m_entry));
    setAccessibleName(tr("Offline notice"));
    setAccessibleDescription(m_message->text() + QLatin1Char(' ') + m_policy->text());
}

} // namespace vigil
