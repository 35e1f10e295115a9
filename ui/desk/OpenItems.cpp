#include "OpenItems.h"

#include "Ui.h"

#include "TellerClient.h"

#include <QLocale>
#include <QTimer>

using namespace teller;

OpenItemsModel::OpenItemsModel(TellerClient *client, QObject *parent) : QAbstractListModel(parent), m_client(client)
{
    connect(client, &TellerClient::actionFinished, this, &OpenItemsModel::onOutcome);
    connect(client, &TellerClient::operationChanged, this, [this](const OperationEvent &event) {
        if (!event.key)
            return;
        const int row = find(*event.key);
        if (row >= 0 && !m_items.at(row).inForm && m_items.at(row).state == State::Waiting)
            askAboutWaiting();
    });
    connect(client, &TellerClient::connectionStateChanged, this, [this](bool connected) {
        if (connected)
            askAboutWaiting();
    });
    // One question at a time, when the actions connection is free (a form's operation first).
    auto *asker = new QTimer(this);
    asker->setInterval(500);
    connect(asker, &QTimer::timeout, this, [this, asker] {
        while (!m_toAsk.isEmpty()) {
            const int row = find(m_toAsk.first());
            if (row < 0 || m_items.at(row).inForm || m_items.at(row).state != State::Waiting) {
                m_toAsk.removeFirst();
                continue;
            }
            if (m_client->isSignedIn() && m_client->queryStatus(m_toAsk.first()))
                m_toAsk.removeFirst();
            return;
        }
        asker->stop();
    });
    connect(this, &OpenItemsModel::countChanged, asker, [this, asker] {
        if (!m_toAsk.isEmpty() && !asker->isActive())
            asker->start();
    });
    m_asker = asker;
}

int OpenItemsModel::find(const IdempotencyKey &key) const
{
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items.at(i).key == key)
            return i;
    return -1;
}

void OpenItemsModel::upsert(const Item &item)
{
    const int row = find(item.key);
    if (row >= 0) {
        Item &existing = m_items[row];
        const QString holder = item.holder.isEmpty() ? existing.holder : item.holder;
        existing = item;
        existing.holder = holder;
        changed(row);
        return;
    }
    beginInsertRows({}, 0, 0);
    m_items.prepend(item);
    endInsertRows();
    Q_EMIT countChanged(int(m_items.size()));
}

void OpenItemsModel::changed(int row)
{
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void OpenItemsModel::trackForm(const Action &action, const QString &holder, State state)
{
    Item item;
    const int row = find(action.key);
    if (row >= 0)
        item = m_items.at(row);
    item.key = action.key;
    item.kind = action.request.kind();
    item.account = action.request.account();
    item.counterAccount = action.request.counterAccount();
    item.amount = action.request.amount();
    if (!holder.isEmpty())
        item.holder = holder;
    item.state = state;
    item.inForm = true;
    if (!item.since.isValid())
        item.since = QDateTime::currentDateTime();
    upsert(item);
}

void OpenItemsModel::releaseForm(const IdempotencyKey &key)
{
    const int row = find(key);
    if (row < 0)
        return;
    m_items[row].inForm = false;
    changed(row);
}

void OpenItemsModel::addReconciled(const QList<ReconcileItem> &items)
{
    for (const ReconcileItem &r : items) {
        const auto kind = r.entry.kind;
        const auto currency = Currency::fromCode(r.entry.currency);
        if (!kind || !currency)
            continue;
        const bool waited = r.entry.lastStatus == outcomeStatusName(OutcomeStatus::PendingApproval);
        Item item;
        item.key = r.entry.key;
        item.kind = *kind;
        item.account = r.entry.account;
        item.counterAccount = r.entry.counterAccount;
        item.amount = Money(r.entry.amountMinorUnits, *currency);
        item.since = r.entry.createdAt.toLocalTime();
        item.decidedBy = r.outcome.decider();
        switch (r.outcome.status) {
        case OutcomeStatus::PendingApproval: item.state = State::Waiting; break;
        case OutcomeStatus::Completed:
            // Approved while the teller was away: still to be paid out, never "completed".
            if (!waited && r.outcome.decidedBy.isEmpty())
                continue; // in doubt before, done now: the start-of-session dialog says so
            item.state = State::Approved;
            break;
        case OutcomeStatus::Rejected:
        case OutcomeStatus::Expired:
            if (!waited && r.outcome.decidedBy.isEmpty())
                continue;
            item.state = State::Rejected;
            item.reason = !r.outcome.decisionNote.isEmpty() ? r.outcome.decisionNote : reasonText(r.outcome.reason);
            break;
        case OutcomeStatus::Unknown: item.state = State::NotReceived; break;
        case OutcomeStatus::InDoubt:
        case OutcomeStatus::Busy:
        case OutcomeStatus::Error: item.state = waited ? State::Waiting : State::Unconfirmed; break;
        default: continue;
        }
        upsert(item);
        if (item.state == State::Waiting)
            m_toAsk << item.key;
    }
    askAboutWaiting();
}

void OpenItemsModel::onOutcome(const Outcome &outcome)
{
    const int row = find(outcome.key);
    if (row < 0)
        return;
    Item &item = m_items[row];
    const bool waited = item.state == State::Waiting;
    const auto remove = [&] {
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        endRemoveRows();
        Q_EMIT countChanged(int(m_items.size()));
    };
    switch (outcome.status) {
    case OutcomeStatus::PendingApproval: item.state = State::Waiting; break;
    case OutcomeStatus::Completed:
        if (!waited && outcome.decidedBy.isEmpty())
            return remove(); // carried out at once: the form says so
        item.state = State::Approved;
        item.decidedBy = outcome.decider();
        break;
    case OutcomeStatus::Rejected:
    case OutcomeStatus::Expired:
        if (!waited)
            return remove(); // refused at once: the form says why
        item.state = State::Rejected;
        item.decidedBy = outcome.decider();
        item.reason = outcome.status == OutcomeStatus::Expired ? tr("no supervisor decided in time")
                      : !outcome.decisionNote.isEmpty()        ? outcome.decisionNote
                                                               : reasonText(outcome.reason);
        break;
    case OutcomeStatus::Abandoned: return remove();
    case OutcomeStatus::Unknown:
        if (item.state == State::Unconfirmed)
            item.state = State::NotReceived;
        break;
    case OutcomeStatus::InDoubt:
    case OutcomeStatus::Busy:
        if (item.state == State::NotReceived)
            item.state = State::Unconfirmed; // sent again, not confirmed
        break;
    case OutcomeStatus::Error:
    case OutcomeStatus::KeyReused:
        if (outcome.notSent && item.state == State::NotReceived)
            break;
        if (!waited && item.state != State::Unconfirmed && item.state != State::NotReceived)
            return remove();
        break;
    }
    changed(row);
}

void OpenItemsModel::dismiss(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    const State s = m_items.at(row).state;
    if (s != State::Approved && s != State::Rejected)
        return; // not finished: it stays until the server has answered for it
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged(int(m_items.size()));
}

void OpenItemsModel::askAboutWaiting()
{
    for (const Item &i : std::as_const(m_items))
        if (i.state == State::Waiting && !i.inForm && !m_toAsk.contains(i.key))
            m_toAsk << i.key;
    if (!m_toAsk.isEmpty() && !m_asker->isActive())
        m_asker->start();
}

void OpenItemsModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_toAsk.clear();
    endResetModel();
    Q_EMIT countChanged(0);
}

QString OpenItemsModel::describe(const Item &item, const QLocale &l) const
{
    const QString amount = item.amount ? item.amount->toDisplayWithCode(l) : QString();
    const QString account = item.holder.isEmpty() ? item.account : QStringLiteral("%1 (%2)").arg(item.account, item.holder);
    const QString what = item.kind == ActionKind::Withdrawal ? tr("Withdrawal of %1 from %2").arg(amount, account)
                         : item.kind == ActionKind::Deposit
                             ? tr("Deposit of %1 into %2").arg(amount, account)
                             : tr("Transfer of %1 from %2 to %3").arg(amount, account, item.counterAccount);
    const QString by = item.decidedBy.isEmpty() ? QString() : u' ' + tr("by %1").arg(item.decidedBy);
    switch (item.state) {
    case State::Waiting:
        return item.kind == ActionKind::Withdrawal ? tr("%1 — waits for a supervisor: do not pay out yet").arg(what)
                                                   : tr("%1 — waits for a supervisor").arg(what);
    case State::Approved:
        return item.kind == ActionKind::Withdrawal ? tr("%1 — approved%2: pay out %3 now").arg(what, by, amount)
               : item.kind == ActionKind::Deposit  ? tr("%1 — approved%2: booked").arg(what, by)
                                                   : tr("%1 — approved%2: carried out").arg(what, by);
    case State::Rejected: return tr("%1 — rejected%2 (%3): tell the customer").arg(what, by, item.reason);
    case State::Unconfirmed:
        return item.kind == ActionKind::Withdrawal ? tr("%1 — not confirmed: do not pay out; check again").arg(what)
                                                   : tr("%1 — not confirmed: check again").arg(what);
    case State::NotReceived: return tr("%1 — never reached the server: send it now or cancel it").arg(what);
    }
    return what;
}

QStringList OpenItemsModel::needingAttention(const QLocale &locale) const
{
    QStringList out;
    for (const Item &i : m_items)
        if (!i.inForm && (i.state == State::Approved || i.state == State::Rejected || i.state == State::Waiting))
            out << describe(i, locale);
    return out;
}

QVariant OpenItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const Item &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return describe(item, QLocale());
    case Qt::ToolTipRole: return tr("Key %1").arg(item.key.toString());
    case Qt::ForegroundRole:
        return item.state == State::Approved                                       ? ui::Good
               : item.state == State::Rejected || item.state == State::Unconfirmed ? ui::Bad
                                                                                   : ui::Warn;
    case StateRole: return int(item.state);
    case KeyRole: return item.key.toString();
    default: return {};
    }
}
