#include "AuditViewer.h"

#include "AuditTableModel.h"
#include "BackendClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

namespace vigil {

namespace {
// The actions the server writes today; the combo stays editable for ones added later.
const QStringList &knownActions()
{
    static const QStringList actions{
            QStringLiteral("HELPDESK_UNLOCK_ATTEMPT"),
            QStringLiteral("PROFILE_LOCKED"),
            QStringLiteral("PROFILE_UNBLOCKED"),
            QStringLiteral("PROFILE_VIEWED"),
            QStringLiteral("SECRET_WORD_SAVED"),
            QStringLiteral("AGENT_LOGIN"),
            QStringLiteral("AGENT_LOGIN_FAILED"),
            QStringLiteral("AGENT_LOGOUT"),
            QStringLiteral("VERIFICATION_STARTED"),
            QStringLiteral("POLICY_CHANGED"),
            QStringLiteral("AGENT_ADDED"),
            QStringLiteral("AGENT_DISABLED"),
            QStringLiteral("PROFILES_IMPORTED"),
            QStringLiteral("DEMO_DATA_CREATED"),
            QStringLiteral("SERVER_INITIALISED"),
    };
    return actions;
}

constexpr int kPageSize = 200;
} // namespace

struct AuditViewer::Private
{
    enum class Chain { Idle, Checking, Verified, Broken, Failed };

    BackendClient *client = nullptr;
    AuditTableModel *model = nullptr;
    QSortFilterProxyModel *proxy = nullptr;

    QLabel *actionLabel = nullptr;
    QComboBox *action = nullptr;
    QLabel *agentLabel = nullptr;
    QLineEdit *agent = nullptr;
    QLabel *profileLabel = nullptr;
    QLineEdit *profile = nullptr;
    QCheckBox *fromEnabled = nullptr;
    QDateTimeEdit *from = nullptr;
    QCheckBox *toEnabled = nullptr;
    QDateTimeEdit *to = nullptr;
    QPushButton *refreshButton = nullptr;
    QLabel *chainIcon = nullptr;
    QLabel *chainText = nullptr;
    QTableView *table = nullptr;
    QLabel *status = nullptr;
    QPushButton *loadMoreButton = nullptr;

    // Replies of an older refresh are ignored: each carries the generation it was sent in.
    quint64 generation = 0;
    AuditQuery activeQuery; // the filters of the last refresh, reused by "Load more"
    QPointer<BackendReply> pendingList;
    QPointer<BackendReply> pendingVerify;
    bool loadedOnce = false;
    bool moreAvailable = false;

    Chain chain = Chain::Idle;
    qint64 chainNumber = 0;
    QString chainError;
    // Recomputed on every language change, so the line never stays in the old language.
    std::function<QString()> statusText;
};

AuditViewer::AuditViewer(BackendClient *client, QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->client = client;
    d->model = new AuditTableModel(this);
    d->proxy = new QSortFilterProxyModel(this);
    d->proxy->setSourceModel(d->model);
    d->proxy->setSortRole(AuditTableModel::SortRole);

    d->actionLabel = new QLabel(this);
    d->action = new QComboBox(this);
    d->action->setObjectName(QStringLiteral("actionFilter"));
    d->action->setEditable(true);
    d->action->setInsertPolicy(QComboBox::NoInsert);
    d->action->addItem(QString());
    d->action->addItems(knownActions());
    d->action->setMinimumContentsLength(24);
    d->actionLabel->setBuddy(d->action);

    d->agentLabel = new QLabel(this);
    d->agent = new QLineEdit(this);
    d->agent->setObjectName(QStringLiteral("agentFilter"));
    d->agent->setClearButtonEnabled(true);
    d->agentLabel->setBuddy(d->agent);

    d->profileLabel = new QLabel(this);
    d->profile = new QLineEdit(this);
    d->profile->setObjectName(QStringLiteral("profileFilter"));
    d->profile->setClearButtonEnabled(true);
    d->profileLabel->setBuddy(d->profile);

    const QDateTime now = QDateTime::currentDateTime();
    d->fromEnabled = new QCheckBox(this);
    d->fromEnabled->setObjectName(QStringLiteral("fromEnabled"));
    d->from = new QDateTimeEdit(QDateTime(now.date().addDays(-7), QTime(0, 0)), this);
    d->from->setObjectName(QStringLiteral("fromTime"));
    d->toEnabled = new QCheckBox(this);
    d->toEnabled->setObjectName(QStringLiteral("toEnabled"));
    d->to = new QDateTimeEdit(QDateTime(now.date(), QTime(23, 59)), this);
    d->to->setObjectName(QStringLiteral("toTime"));
    for (QDateTimeEdit *edit : {d->from, d->to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setEnabled(false);
    }

    d->refreshButton = new QPushButton(this);
    d->refreshButton->setObjectName(QStringLiteral("refreshButton"));
    d->refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    d->refreshButton->setShortcut(QKeySequence::Refresh);
    d->refreshButton->setDefault(true);

    d->chainIcon = new QLabel(this);
    d->chainIcon->setObjectName(QStringLiteral("chainIcon"));
    d->chainText = new QLabel(this);
    d->chainText->setObjectName(QStringLiteral("chainStatus"));
    d->chainText->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont chainFont = d->chainText->font();
    chainFont.setBold(true);
    d->chainText->setFont(chainFont);

    d->table = new QTableView(this);
    d->table->setObjectName(QStringLiteral("auditTable"));
    d->table->setModel(d->proxy);
    d->table->setSortingEnabled(true);
    d->table->sortByColumn(AuditTableModel::SeqColumn, Qt::AscendingOrder);
    d->table->setSelectionBehavior(QAbstractItemView::SelectRows);
    d->table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    d->table->setAlternatingRowColors(true);
    d->table->setWordWrap(false);
    d->table->setTabKeyNavigation(false); // Tab leaves the table instead of walking its cells
    d->table->verticalHeader()->setVisible(false);
    d->table->verticalHeader()->setDefaultSectionSize(d->table->fontMetrics().height() + 8);
    d->table->horizontalHeader()->setStretchLastSection(true);
    d->table->horizontalHeader()->setSectionsMovable(false);

    d->status = new QLabel(this);
    d->status->setObjectName(QStringLiteral("statusLabel"));
    d->status->setWordWrap(true);
    d->status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    d->loadMoreButton = new QPushButton(this);
    d->loadMoreButton->setObjectName(QStringLiteral("loadMoreButton"));
    d->loadMoreButton->setEnabled(false);

    auto *filters = new QGridLayout;
    filters->addWidget(d->actionLabel, 0, 0);
    filters->addWidget(d->action, 0, 1);
    filters->addWidget(d->agentLabel, 0, 2);
    filters->addWidget(d->agent, 0, 3);
    filters->addWidget(d->profileLabel, 0, 4);
    filters->addWidget(d->profile, 0, 5);
    filters->addWidget(d->fromEnabled, 1, 0);
    filters->addWidget(d->from, 1, 1);
    filters->addWidget(d->toEnabled, 1, 2);
    filters->addWidget(d->to, 1, 3);
    filters->addWidget(d->refreshButton, 1, 5, Qt::AlignRight);
    filters->setColumnStretch(1, 2);
    filters->setColumnStretch(3, 1);
    filters->setColumnStretch(5, 1);

    auto *chainRow = new QHBoxLayout;
    chainRow->addWidget(d->chainIcon);
    chainRow->addWidget(d->chainText, 1);

    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(d->status, 1);
    bottomRow->addWidget(d->loadMoreButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(chainRow);
    layout->addWidget(d->table, 1);
    layout->addLayout(bottomRow);

    setTabOrder(d->action, d->agent);
    setTabOrder(d->agent, d->profile);
    setTabOrder(d->profile, d->fromEnabled);
    setTabOrder(d->fromEnabled, d->from);
    setTabOrder(d->from, d->toEnabled);
    setTabOrder(d->toEnabled, d->to);
    setTabOrder(d->to, d->refreshButton);
    setTabOrder(d->refreshButton, d->table);
    setTabOrder(d->table, d->loadMoreButton);

    connect(d->refreshButton, &QPushButton::clicked, this, &AuditViewer::refresh);
    connect(d->action->lineEdit(), &QLineEdit::returnPressed, this, &AuditViewer::refresh);
    connect(d->agent, &QLineEdit::returnPressed, this, &AuditViewer::refresh);
    connect(d->profile, &QLineEdit::returnPressed, this, &AuditViewer::refresh);
    connect(d->action, &QComboBox::activated, this, &AuditViewer::refresh);

    const auto applyTimeRange = [this] {
        d->from->setEnabled(d->fromEnabled->isChecked());
        d->to->setEnabled(d->toEnabled->isChecked());
        d->model->setTimeRange(d->fromEnabled->isChecked() ? d->from->dateTime() : QDateTime(),
                               d->toEnabled->isChecked() ? d->to->dateTime() : QDateTime());
        if (d->statusText)
            d->status->setText(d->statusText());
    };
    connect(d->fromEnabled, &QCheckBox::toggled, this, applyTimeRange);
    connect(d->toEnabled, &QCheckBox::toggled, this, applyTimeRange);
    connect(d->from, &QDateTimeEdit::dateTimeChanged, this, applyTimeRange);
    connect(d->to, &QDateTimeEdit::dateTimeChanged, this, applyTimeRange);

    connect(d->loadMoreButton, &QPushButton::clicked, this, &AuditViewer::loadMore);

    retranslateUi();
}

AuditViewer::~AuditViewer() = default;

void AuditViewer::refresh()
{
    ++d->generation; // before aborting: an abort answers at once, and must find itself stale
    if (d->pendingList)
        d->pendingList->abort();
    if (d->pendingVerify)
        d->pendingVerify->abort();
    d->loadedOnce = true;
    d->moreAvailable = false;
    d->loadMoreButton->setEnabled(false);
    d->model->clear();

    AuditQuery query;
    query.action = d->action->currentText().trimmed();
    query.agent = d->agent->text().trimmed();
    query.profile = d->profile->text().trimmed();
    query.limit = kPageSize;
    d->activeQuery = query;
    const quint64 generation = d->generation;

    d->statusText = [] {
        return tr("Loading the audit log…");
    };
    d->status->setText(d->statusText());
    BackendReply *list = d->client->audit(query);
    d->pendingList = list;
    connect(list, &BackendReply::finished, this, [this, list, generation] {
        if (generation != d->generation)
            return;
        d->pendingList = nullptr;
        const auto entries = list->ok() ? AuditEntryView::parseList(list->json()) : std::nullopt;
        if (!entries) {
            const QString message =
                    list->ok() ? tr("The server's answer could not be read.") : list->message();
            d->statusText = [message] {
                return tr("Could not load the audit log: %1").arg(message);
            };
            d->status->setText(d->statusText());
            return;
        }
        d->model->setEntries(*entries);
        d->table->resizeColumnsToContents();
        d->moreAvailable = entries->size() >= d->activeQuery.limit;
        d->loadMoreButton->setEnabled(d->moreAvailable);
        d->statusText = [this] {
            return loadedStatus();
        };
        d->status->setText(d->statusText());
    });

    d->chain = Private::Chain::Checking;
    retranslateChain();
    BackendReply *verify = d->client->verifyAudit();
    d->pendingVerify = verify;
    connect(verify, &BackendReply::finished, this, [this, verify, generation] {
        if (generation != d->generation)
            return;
        d->pendingVerify = nullptr;
        const auto status = verify->ok() ? AuditChainStatus::parse(verify->json()) : std::nullopt;
        if (!status) {
            d->chain = Private::Chain::Failed;
            d->chainError = verify->ok() ? tr("The server's answer could not be read.") : verify->message();
        } else if (status->ok) {
            d->chain = Private::Chain::Verified;
            d->chainNumber = status->entries;
        } else {
            d->chain = Private::Chain::Broken;
            d->chainNumber = status->firstBadSeq.value_or(0);
        }
        retranslateChain();
    });
}

void AuditViewer::loadMore()
{
    if (d->pendingList || !d->moreAvailable)
        return;
    AuditQuery query = d->activeQuery;
    query.after = d->model->lastSeq();
    const quint64 generation = d->generation;
    d->loadMoreButton->setEnabled(false);
    d->statusText = [] {
        return tr("Loading more entries…");
    };
    d->status->setText(d->statusText());
    BackendReply *reply = d->client->audit(query);
    d->pendingList = reply;
    connect(reply, &BackendReply::finished, this, [this, reply, generation] {
        if (generation != d->generation)
            return;
        d->pendingList = nullptr;
        const auto entries = reply->ok() ? AuditEntryView::parseList(reply->json()) : std::nullopt;
        if (!entries) {
            const QString message =
                    reply->ok() ? tr("The server's answer could not be read.") : reply->message();
            d->statusText = [message] {
                return tr("Could not load more entries: %1").arg(message);
            };
            d->status->setText(d->statusText());
            d->loadMoreButton->setEnabled(d->moreAvailable);
            return;
        }
        d->model->appendEntries(*entries);
        d->moreAvailable = entries->size() >= d->activeQuery.limit;
        d->loadMoreButton->setEnabled(d->moreAvailable);
        d->statusText = [this] {
            return loadedStatus();
        };
        d->status->setText(d->statusText());
    });
}

QString AuditViewer::loadedStatus() const
{
    const qsizetype loaded = d->model->loadedCount();
    const int shown = d->model->rowCount();
    QString text = shown == loaded
            ? tr("Entries loaded: %1").arg(loaded)
            : tr("Entries loaded: %1, shown in the selected time range: %2").arg(loaded).arg(shown);
    if (d->moreAvailable)
        text += QLatin1Char(' ') + tr("More entries are available.");
    return text;
}

void AuditViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AuditViewer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!d->loadedOnce)
        refresh();
}

void AuditViewer::retranslateUi()
{
    setWindowTitle(tr("Audit log"));
    const QString clientSideNote =
            tr("The server filters by action, agent and profile. The time range is applied here, to the "
               "entries already loaded: use \"Load more\" to reach older or newer entries.");

    d->actionLabel->setText(tr("&Action:"));
    d->action->setAccessibleName(tr("Action filter"));
    d->action->setAccessibleDescription(
            tr("Show only entries with this action. Leave empty for all actions."));
    d->action->setToolTip(tr("Exact action name, filtered by the server"));
    d->action->lineEdit()->setPlaceholderText(tr("Any action"));

    d->agentLabel->setText(tr("A&gent:"));
    d->agent->setAccessibleName(tr("Agent filter"));
    d->agent->setAccessibleDescription(tr("Show only entries by this agent user name."));
    d->agent->setToolTip(tr("Exact agent user name, filtered by the server"));
    d->agent->setPlaceholderText(tr("Any agent"));

    d->profileLabel->setText(tr("&Profile:"));
    d->profile->setAccessibleName(tr("Profile filter"));
    d->profile->setAccessibleDescription(tr("Show only entries about this profile id."));
    d->profile->setToolTip(tr("Exact profile id, filtered by the server"));
    d->profile->setPlaceholderText(tr("Any profile"));

    d->fromEnabled->setText(tr("&From:"));
    d->fromEnabled->setAccessibleName(tr("Filter from a time"));
    d->fromEnabled->setToolTip(clientSideNote);
    d->from->setAccessibleName(tr("From time"));
    d->from->setAccessibleDescription(clientSideNote);
    d->from->setToolTip(clientSideNote);

    d->toEnabled->setText(tr("&To:"));
    d->toEnabled->setAccessibleName(tr("Filter up to a time"));
    d->toEnabled->setToolTip(clientSideNote);
    d->to->setAccessibleName(tr("To time"));
    d->to->setAccessibleDescription(clientSideNote);
    d->to->setToolTip(clientSideNote);

    d->refreshButton->setText(tr("&Refresh"));
    d->refreshButton->setAccessibleName(tr("Refresh the audit log"));
    d->refreshButton->setToolTip(tr("Load the audit log again with these filters and check the chain"));

    d->table->setAccessibleName(tr("Audit entries"));
    d->table->setAccessibleDescription(
            tr("Audit log entries matching the filters. Click a column header to sort."));
    d->loadMoreButton->setText(tr("Load &more"));
    d->loadMoreButton->setAccessibleName(tr("Load more entries"));
    d->loadMoreButton->setToolTip(tr("Load the next entries after the last one shown"));
    d->status->setAccessibleName(tr("Audit log status"));
    d->chainText->setAccessibleName(tr("Audit chain status"));

    d->model->retranslate();
    if (d->statusText)
        d->status->setText(d->statusText());
    retranslateChain();
}

void AuditViewer::retranslateChain()
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString text;
    QColor colour = palette().color(QPalette::WindowText);
    switch (d->chain) {
    case Private::Chain::Idle:
        text = tr("Audit chain not checked yet");
        break;
    case Private::Chain::Checking:
        text = tr("Checking the audit chain…");
        break;
    case Private::Chain::Verified:
        icon = QStyle::SP_DialogApplyButton;
        text = tr("Audit chain verified: %1 entries").arg(d->chainNumber);
        colour = QColor(0x1b, 0x5e, 0x20);
        break;
    case Private::Chain::Broken:
        icon = QStyle::SP_MessageBoxCritical;
        text = tr("Audit chain BROKEN at entry %1").arg(d->chainNumber);
        colour = QColor(0xb7, 0x1c, 0x1c);
        break;
    case Private::Chain::Failed:
        icon = QStyle::SP_MessageBoxWarning;
        text = tr("Audit chain could not be checked: %1").arg(d->chainError);
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    d->chainIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    d->chainText->setText(text);
    d->chainText->setAccessibleDescription(text);
    QPalette labelPalette = d->chainText->palette();
    labelPalette.setColor(QPalette::WindowText, colour);
    d->chainText->setPalette(labelPalette);
}

} // namespace vigil
