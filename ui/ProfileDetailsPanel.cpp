#include "ProfileDetailsPanel.h"

#include "ActionRequestPanel.h"
#include "BackendClient.h"
#include "DialogSeam.h"
#include "SecondFactorGate.h"
#include "StepUpPanel.h"
#include "VerificationPanel.h"

#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

namespace {
enum Row { RowName, RowUsername, RowDepartment, RowEmail, RowPhone, RowPrivileged, RowEnrolled, RowCount };

QString noteStyle(const char *background, const char *border, const char *text)
{
    return QStringLiteral("QLabel#detailsNote { background: %1; border: 1px solid %2; color: %3; "
                          "border-radius: 4px; padding: 8px; }")
            .arg(QLatin1String(background), QLatin1String(border), QLatin1String(text));
}
} // namespace

ProfileDetailsPanel::ProfileDetailsPanel(BackendClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("profileDetailsPanel"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("grantCountdown"));
    QFont countdownFont = m_countdown->font();
    countdownFont.setBold(true);
    m_countdown->setFont(countdownFont);

    m_detailsBox = new QGroupBox(this);
    m_detailsBox->setObjectName(QStringLiteral("detailsBox"));
    m_form = new QFormLayout(m_detailsBox);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setVerticalSpacing(6);
    for (int row = 0; row < RowCount; ++row) {
        auto *label = new QLabel(m_detailsBox);
        auto *value = new QLabel(m_detailsBox);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setFocusPolicy(Qt::StrongFocus);
        label->setBuddy(value);
        m_form->addRow(label, value);
        m_rowLabels.append(label);
        m_values.append(value);
    }

    m_stepUp = new StepUpPanel(client, this);
    connect(m_stepUp, &StepUpPanel::locked, this,
            [this](const QDateTime &lockedUntil) { emit locked(m_profile, lockedUntil); });
    connect(m_stepUp, &StepUpPanel::levelRaised, this, [this](int level) {
        if (m_details)
            m_details->level = level;
        m_actions->setLevel(level);
        tick(); // the countdown and the level shown follow the raise at once
    });

    m_actions = new ActionRequestPanel(client, this);
    connect(m_actions, &ActionRequestPanel::locked, this,
            [this](const QDateTime &lockedUntil) { emit locked(m_profile, lockedUntil); });
    connect(m_actions, &ActionRequestPanel::requested, this, &ProfileDetailsPanel::actionRequested);

    m_frozenNote = new QLabel(this);
    m_frozenNote->setObjectName(QStringLiteral("frozenNote"));
    m_frozenNote->setWordWrap(true);
    m_frozenNote->setStyleSheet(
            QStringLiteral("QLabel#frozenNote { background: #fff4ce; border: 1px solid "
                           "#c19c00; color: #5c4400; border-radius: 4px; padding: 8px; }"));
    m_unfreezeButton = new QPushButton(this);
    m_unfreezeButton->setObjectName(QStringLiteral("unfreezeButton"));
    connect(m_unfreezeButton, &QPushButton::clicked, this, &ProfileDetailsPanel::confirmUnfreeze);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("detailsNote"));
    m_note->setWordWrap(true);

    m_unblockButton = new QPushButton(this);
    m_unblockButton->setObjectName(QStringLiteral("unblockButton"));
    m_closeButton = new QPushButton(this);
    m_closeButton->setObjectName(QStringLiteral("closeDetailsButton"));
    connect(m_unblockButton, &QPushButton::clicked, this, &ProfileDetailsPanel::confirmUnblock);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        reset();
        emit closed();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_countdown);
    auto *frozenRow = new QHBoxLayout;
    frozenRow->addWidget(m_frozenNote, 1);
    frozenRow->addWidget(m_unfreezeButton, 0, Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_unblockButton);
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addLayout(frozenRow);
    layout->addWidget(m_detailsBox);
    layout->addWidget(m_stepUp);
    layout->addWidget(m_actions);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &ProfileDetailsPanel::tick);
    retranslateUi();
    setMode(Mode::Hidden);
}

ProfileDetailsPanel::~ProfileDetailsPanel()
{
    if (m_reply)
        m_reply->abort();
}

void ProfileDetailsPanel::setCanUnblock(bool canUnblock)
{
    m_canUnblock = canUnblock;
    setMode(m_mode);
}

void ProfileDetailsPanel::setSecondFactorGate(SecondFactorGate *gate)
{
    m_gate = gate;
}

void ProfileDetailsPanel::setActionCatalog(const std::optional<QMap<QString, ActionRule>> &catalog)
{
    m_actions->setCatalog(catalog);
}

void ProfileDetailsPanel::setOnline(bool online)
{
    m_online = online;
    m_stepUp->setOnline(online);
    m_actions->setOnline(online);
    m_unblockButton->setEnabled(online);
    m_unfreezeButton->setEnabled(online);
}

void ProfileDetailsPanel::showProfile(const ProfileSummary &profile, const QString &verificationId)
{
    if (m_reply)
        m_reply->abort();
    m_profile = profile;
    m_verificationId = verificationId;
    m_details.reset();
    fillDetails();
    setMode(Mode::Loading);
    m_reply = m_client->profile(profile.id);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_reply = nullptr;
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        const auto details = reply->ok() ? ProfileDetails::parse(reply->json()) : std::nullopt;
        if (!details) {
            setNote(reply->message().isEmpty() ? tr("The profile could not be loaded.") : reply->message(),
                    noteStyle("#fde7e9", "#d13438", "#a4262c"));
            setMode(Mode::Error);
            return;
        }
        m_details = details;
        fillDetails();
        setMode(Mode::Details);
        // The level shown is that of the grant the server reports; step-up and requests must name
        // the same verification, or the server would judge another level than the one shown.
        if (!m_verificationId.isEmpty() && !m_details->verification.isEmpty())
            m_verificationId = m_details->verification;
        if (!m_verificationId.isEmpty() && m_details->level >= 1) {
            m_stepUp->start(m_verificationId, m_details->level);
            m_actions->start(*m_details, m_verificationId);
        }
        m_frozenError.clear();
        updateFrozen();
        tick();
        m_timer->start();
    });
}

void ProfileDetailsPanel::showLocked(const ProfileSummary &profile, const QDateTime &lockedUntil)
{
    if (m_reply)
        m_reply->abort();
    m_timer->stop();
    m_profile = profile;
    m_details.reset();
    m_lockedUntil = lockedUntil;
    fillDetails();
    setMode(Mode::Locked);
}

void ProfileDetailsPanel::reset()
{
    if (m_reply)
        m_reply->abort();
    m_timer->stop();
    m_details.reset();
    fillDetails();
    m_profile = {};
    setMode(Mode::Hidden);
}

QString ProfileDetailsPanel::countdownText() const
{
    return m_countdown->isVisibleTo(this) ? m_countdown->text() : QString();
}

QString ProfileDetailsPanel::frozenText() const
{
    return m_frozenNote->isVisibleTo(this) ? m_frozenNote->text() : QString();
}

QString ProfileDetailsPanel::noteText() const
{
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

void ProfileDetailsPanel::tick()
{
    if (!m_details)
        return;
    const qint64 remaining = QDateTime::currentDateTimeUtc().secsTo(m_details->grantExpiresAt);
    if (remaining <= 0) {
        endAccess();
        return;
    }
    const QString clock = QStringLiteral("%1:%2")
                                  .arg(remaining / 60, 2, 10, QLatin1Char('0'))
                                  .arg(remaining % 60, 2, 10, QLatin1Char('0'));
    m_countdown->setText(tr("Access ends in %1").arg(clock));
    m_countdown->setAccessibleName(m_countdown->text());
    m_countdown->setStyleSheet(remaining <= 60 ? QStringLiteral("color: #a4262c;") : QString());
}

void ProfileDetailsPanel::endAccess()
{
    m_timer->stop();
    m_details.reset();
    fillDetails(); // nothing of the profile stays on screen
    setNote(tr("Access to %1 has ended. Verify the caller again to see the profile.")
                    .arg(m_profile.displayName),
            noteStyle("#f3f2f1", "#8a8886", "#323130"));
    setMode(Mode::Ended);
    emit accessEnded(m_profile.id);
}

void ProfileDetailsPanel::confirmUnblock()
{
    if (m_mode != Mode::Locked || !m_canUnblock || !m_online)
        return;
    const QString profileId = m_profile.id;
    QPointer<ProfileDetailsPanel> self(this);
    DialogSeam::ask(this, QMessageBox::Warning, tr("Unblock profile?"),
                    tr("Unblock %1? The failed attempts are forgotten and any technician can verify this "
                       "caller again. The unblock is recorded in the audit log under your name.")
                            .arg(m_profile.displayName),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                    [self, profileId](QMessageBox::StandardButton button) {
                        if (self && button == QMessageBox::Yes && self->m_profile.id == profileId)
                            self->doUnblock();
                    });
}

void ProfileDetailsPanel::doUnblock()
{
    m_unblockButton->setEnabled(false);
    m_reply = m_client->unblock(m_profile.id);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_reply = nullptr;
        m_unblockButton->setEnabled(m_online);
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        if (!reply->ok()) {
            setNote(tr("The profile could not be unblocked: %1").arg(reply->message()),
                    noteStyle("#fde7e9", "#d13438", "#a4262c"));
            return;
        }
        m_profile.locked = false;
        setNote(tr("%1 is unblocked. You can verify the caller again.").arg(m_profile.displayName),
                noteStyle("#dff6dd", "#6bb700", "#0b5a08"));
        setMode(Mode::Ended);
        emit unblocked(m_profile.id);
    });
}

void ProfileDetailsPanel::confirmUnfreeze()
{
    if (m_mode != Mode::Details || !m_details || !m_details->frozen || !m_canUnblock || !m_online)
        return;
    const QString profileId = m_profile.id;
    QPointer<ProfileDetailsPanel> self(this);
    DialogSeam::ask(this, QMessageBox::Warning, tr("Unfreeze profile?"),
                    tr("Unfreeze %1? A revert froze this profile, which may mean someone tried to take over "
                       "the account. Unfreeze it only once you have checked the reverted change with the "
                       "user. Technicians can then request actions again; the unfreeze is recorded in the "
                       "audit log under your name.")
                            .arg(m_profile.displayName),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                    [self, profileId](QMessageBox::StandardButton button) {
                        if (!self || button != QMessageBox::Yes || self->m_profile.id != profileId)
                            return;
                        if (!self->m_gate) {
                            self->doUnfreeze(false);
                            return;
                        }
                        self->m_unfreezeButton->setEnabled(false);
                        self->m_gate->run(
                                self,
                                [self, profileId] {
                                    if (self && self->m_profile.id == profileId)
                                        self->doUnfreeze(true);
                                },
                                [self](const QString &message) {
                                    if (!self)
                                        return;
                                    self->m_unfreezeButton->setEnabled(self->m_online);
                                    self->m_frozenError = message;
                                    self->updateFrozen();
                                });
                    });
}

void ProfileDetailsPanel::doUnfreeze(bool mayRetry)
{
    m_unfreezeButton->setEnabled(false);
    const QString profileId = m_profile.id;
    m_reply = m_client->unfreezeProfile(profileId);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply, profileId, mayRetry] {
        m_reply = nullptr;
        m_unfreezeButton->setEnabled(m_online);
        if (reply->error() == BackendReply::Error::Aborted || m_profile.id != profileId)
            return;
        if (reply->errorCode() == QLatin1String("second_factor_required") && mayRetry && m_gate) {
            m_gate->invalidate();
            QPointer<ProfileDetailsPanel> self(this);
            m_gate->run(
                    this,
                    [self, profileId] {
                        if (self && self->m_profile.id == profileId)
                            self->doUnfreeze(false);
                    },
                    [self](const QString &message) {
                        if (!self)
                            return;
                        self->m_frozenError = message;
                        self->updateFrozen();
                    });
            return;
        }
        if (!reply->ok()) {
            m_frozenError = tr("The profile could not be unfrozen: %1").arg(reply->message());
            updateFrozen();
            return;
        }
        m_frozenError.clear();
        m_profile.frozen = false;
        if (m_details)
            m_details->frozen = false;
        m_actions->setFrozen(false);
        updateFrozen();
        emit unfrozen(profileId);
    });
}

void ProfileDetailsPanel::updateFrozen()
{
    const bool frozen = m_mode == Mode::Details && m_details && m_details->frozen;
    QString text;
    if (frozen) {
        text = m_canUnblock ? tr("Frozen: a revert froze this profile, so no action can be requested. As a "
                                 "supervisor you can unfreeze it once you have reviewed it.")
                            : tr("Frozen: a revert froze this profile, so no action can be requested until a "
                                 "supervisor has reviewed and unfrozen it.");
        if (!m_frozenError.isEmpty())
            text += QLatin1Char('\n') + m_frozenError;
    }
    m_frozenNote->setText(text);
    m_frozenNote->setAccessibleDescription(text);
    m_frozenNote->setVisible(frozen);
    m_unfreezeButton->setVisible(frozen && m_canUnblock);
    m_unfreezeButton->setEnabled(m_online && !m_reply);
}

void ProfileDetailsPanel::fillDetails()
{
    for (QLabel *value : std::as_const(m_values))
        value->clear();
    if (!m_details)
        return;
    const ProfileDetails &d = *m_details;
    QStringList enrolled;
    for (const QString &field : d.enrolledFields)
        enrolled.append(VerificationPanel::labelForField(field));
    m_values[RowName]->setText(d.displayName);
    m_values[RowUsername]->setText(d.username);
    m_values[RowDepartment]->setText(d.department);
    m_values[RowEmail]->setText(d.email);
    m_values[RowPhone]->setText(d.phone);
    m_values[RowPrivileged]->setText(d.privileged ? tr("Yes — changes need more approvals") : tr("No"));
    m_values[RowEnrolled]->setText(enrolled.join(QLatin1Char('\n')));
    for (int row = 0; row < RowCount; ++row)
        m_values[row]->setAccessibleName(m_rowLabels[row]->text() + QLatin1Char(' ') + m_values[row]->text());
}

void ProfileDetailsPanel::setNote(const QString &text, const QString &style)
{
    m_note->setText(text);
    m_note->setStyleSheet(style);
    m_note->setAccessibleDescription(text);
}

void ProfileDetailsPanel::setMode(Mode mode)
{
    m_mode = mode;
    setVisible(mode != Mode::Hidden);
    m_detailsBox->setVisible(mode == Mode::Details);
    if (mode != Mode::Details) {
        m_stepUp->reset(); // stops any polling: nothing of the step-up outlives the details
        m_actions->reset();
    }
    m_countdown->setVisible(mode == Mode::Details);
    const bool showNote =
            mode == Mode::Ended || mode == Mode::Error || mode == Mode::Locked || mode == Mode::Loading;
    if (mode == Mode::Loading)
        setNote(tr("Loading the profile…"), noteStyle("#f3f2f1", "#c8c6c4", "#323130"));
    if (mode == Mode::Locked) {
        const QString until = m_lockedUntil.isValid()
                ? QLocale().toString(m_lockedUntil.toLocalTime(), QLocale::ShortFormat)
                : QString();
        setNote(m_canUnblock ? tr("This profile is locked%1. As a supervisor you can unblock it once you are "
                                  "sure the caller is not an attacker.")
                                       .arg(until.isEmpty() ? QString() : tr(" until %1").arg(until))
                             : tr("This profile is locked. Ask a supervisor if the caller needs help before "
                                  "the lock ends."),
                noteStyle("#fde7e9", "#d13438", "#a4262c"));
    }
    m_note->setVisible(showNote);
    m_unblockButton->setVisible(mode == Mode::Locked && m_canUnblock);
    m_unblockButton->setEnabled(m_online);
    updateFrozen();
    retranslateUi();
}

void ProfileDetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        setMode(m_mode);
        fillDetails();
        updateFrozen();
        tick();
    }
    QWidget::changeEvent(event);
}

void ProfileDetailsPanel::retranslateUi()
{
    m_title->setText(m_profile.displayName.isEmpty() ? tr("Profile") : m_profile.displayName);
    m_detailsBox->setTitle(tr("Profile details"));
    const QStringList labels{tr("Name:"),  tr("User name:"),  tr("Department:"),      tr("E-mail:"),
                             tr("Phone:"), tr("Privileged:"), tr("Enrolled answers:")};
    for (int row = 0; row < RowCount; ++row)
        m_rowLabels[row]->setText(labels.at(row));
    m_unblockButton->setText(tr("Unblock profile"));
    m_unblockButton->setAccessibleName(tr("Unblock profile"));
    m_unblockButton->setAccessibleDescription(
            tr("Clears the lock after you confirm; recorded in the audit log"));
    m_closeButton->setText(tr("Close"));
    m_closeButton->setAccessibleName(tr("Close profile"));
    m_note->setAccessibleName(tr("Profile status"));
    m_frozenNote->setAccessibleName(tr("Frozen profile"));
    m_unfreezeButton->setText(tr("Unfree&ze profile"));
    m_unfreezeButton->setAccessibleName(tr("Unfreeze profile"));
    m_unfreezeButton->setAccessibleDescription(
            tr("Lets technicians request actions again after you confirm; needs your authenticator code"));
    m_countdown->setAccessibleName(m_countdown->text());
}

} // namespace vigil
