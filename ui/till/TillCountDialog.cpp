#include "TillCountDialog.h"

#include "BlotterView.h"
#include "Ui.h"

#include "TellerClient.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

using namespace teller;

namespace {
enum Column { DenominationColumn, CountColumn, TotalColumn };

QLabel *textLabel(QWidget *parent, const char *name, bool wrap = true)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(wrap);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QPushButton *button(QWidget *parent, const QString &text, const char *name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setAutoDefault(true); // Enter on the focused button presses it, and only that one
    return b;
}

QString colour(const QColor &c)
{
    return QStringLiteral("color: %1;").arg(c.name());
}
} // namespace

TillCountDialog::TillCountDialog(TellerClient *client, Mode mode, const StaffInfo &staff, const Currency &currency, QWidget *parent)
    : QDialog(parent), m_client(client), m_mode(mode), m_staff(staff), m_preferred(currency)
{
    setObjectName(QStringLiteral("tillCountDialog"));
    setWindowTitle(mode == Mode::Open ? tr("Open the till") : tr("Close the till"));

    m_currencyBox = new QComboBox(this);
    m_currencyBox->setObjectName(QStringLiteral("currencyBox"));
    m_currencyBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *currencyLabel = new QLabel(tr("C&urrency:"), this);
    currencyLabel->setBuddy(m_currencyBox);
    m_tillLabel = textLabel(this, "tillLabel");
    m_expectedLabel = textLabel(this, "expectedLabel", false);
    QFont bold = m_expectedLabel->font();
    bold.setBold(true);
    m_expectedLabel->setFont(bold);
    m_tillProblem = textLabel(this, "tillProblem");
    m_tillProblem->setStyleSheet(colour(ui::Bad));
    m_tillProblem->hide();

    m_grid = new QTableWidget(0, 3, this);
    m_grid->setObjectName(QStringLiteral("countGrid"));
    m_grid->setHorizontalHeaderLabels({tr("Note or coin"), tr("Count"), tr("Line total")});
    m_grid->setAccessibleName(tr("Count by note and coin"));
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionMode(QAbstractItemView::NoSelection);
    m_grid->setFocusPolicy(Qt::NoFocus); // the count fields take the focus, not the grid
    m_grid->setTabKeyNavigation(false);
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setSectionResizeMode(DenominationColumn, QHeaderView::ResizeToContents);
    m_grid->horizontalHeader()->setSectionResizeMode(CountColumn, QHeaderView::Fixed);
    m_grid->horizontalHeader()->setSectionResizeMode(TotalColumn, QHeaderView::Stretch);
    m_grid->setColumnWidth(CountColumn, m_grid->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) + 24);
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 12);
    auto *gridLabel = new QLabel(tr("Count the cash by note and coin (Tab or Enter goes to the next line):"), this);
    gridLabel->setWordWrap(true);

    m_countedLabel = textLabel(this, "countedLabel", false);
    m_countedLabel->setFont(bold);
    m_differenceLabel = textLabel(this, "differenceLabel");
    m_differenceLabel->setFont(bold);
    m_explanation = textLabel(this, "differenceExplanation");
    m_problem = textLabel(this, "countProblem");
    m_problem->setStyleSheet(colour(ui::Bad));
    m_record = button(this, tr("&Record the count…"), "recordButton");
    connect(m_record, &QPushButton::clicked, this, &TillCountDialog::review);

    // The confirmation: the count once more, in words; Enter sends it, Back or Esc does not.
    auto *confirmFrame = new QFrame(this);
    confirmFrame->setObjectName(QStringLiteral("confirmFrame"));
    confirmFrame->setFrameShape(QFrame::StyledPanel);
    m_confirmText = textLabel(confirmFrame, "confirmText");
    m_confirm = button(confirmFrame, mode == Mode::Open ? tr("Con&firm — open the till") : tr("Con&firm — close the till"),
                       "confirmButton");
    m_back = button(confirmFrame, tr("&Back to the count"), "backButton");
    connect(m_confirm, &QPushButton::clicked, this, &TillCountDialog::confirm);
    connect(m_back, &QPushButton::clicked, this, &TillCountDialog::back);
    auto *confirmButtons = new QHBoxLayout;
    confirmButtons->addWidget(m_confirm);
    confirmButtons->addWidget(m_back);
    confirmButtons->addStretch(1);
    auto *confirmLayout = new QVBoxLayout(confirmFrame);
    confirmLayout->addWidget(m_confirmText);
    confirmLayout->addLayout(confirmButtons);

    // The outcome, and what the teller may do about an unconfirmed count.
    auto *outcomeFrame = new QFrame(this);
    outcomeFrame->setObjectName(QStringLiteral("outcomeFrame"));
    m_outcomeTitle = textLabel(outcomeFrame, "outcomeTitle");
    QFont big = m_outcomeTitle->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_outcomeTitle->setFont(big);
    m_outcomeDetail = textLabel(outcomeFrame, "outcomeDetail");
    m_technical = textLabel(outcomeFrame, "technicalLabel");
    m_technical->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_checkAgain = button(outcomeFrame, tr("Check a&gain"), "checkAgainButton");
    m_sendNow = button(outcomeFrame, tr("&Send now — the count is still right"), "sendNowButton");
    m_cancelNotReceived = button(outcomeFrame, tr("Cancel the coun&t — nothing happened"), "cancelNotReceivedButton");
    m_close = button(outcomeFrame, tr("Cl&ose"), "closeButton");
    connect(m_checkAgain, &QPushButton::clicked, this, &TillCountDialog::checkAgain);
    connect(m_sendNow, &QPushButton::clicked, this, &TillCountDialog::sendNow);
    connect(m_cancelNotReceived, &QPushButton::clicked, this, &TillCountDialog::cancelNotReceived);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *outcomeButtons = new QHBoxLayout;
    for (QPushButton *b : {m_checkAgain, m_sendNow, m_cancelNotReceived, m_close})
        outcomeButtons->addWidget(b);
    outcomeButtons->addStretch(1);
    auto *outcomeLayout = new QVBoxLayout(outcomeFrame);
    outcomeLayout->setContentsMargins(0, 0, 0, 0);
    outcomeLayout->addWidget(m_outcomeTitle);
    outcomeLayout->addWidget(m_outcomeDetail);
    outcomeLayout->addWidget(m_technical);
    outcomeLayout->addLayout(outcomeButtons);

    auto *countPanel = new QWidget(this);
    auto *top = new QGridLayout;
    top->addWidget(currencyLabel, 0, 0);
    top->addWidget(m_currencyBox, 0, 1);
    top->addWidget(m_tillLabel, 0, 2);
    top->setColumnStretch(2, 1);
    auto *countLayout = new QVBoxLayout(countPanel);
    countLayout->setContentsMargins(0, 0, 0, 0);
    countLayout->addLayout(top);
    countLayout->addWidget(m_expectedLabel);
    countLayout->addWidget(m_tillProblem);
    countLayout->addWidget(gridLabel);
    countLayout->addWidget(m_grid, 1);
    countLayout->addWidget(m_countedLabel);
    countLayout->addWidget(m_differenceLabel);
    countLayout->addWidget(m_explanation);
    countLayout->addWidget(m_problem);
    auto *recordRow = new QHBoxLayout;
    recordRow->addWidget(m_record);
    recordRow->addStretch(1);
    countLayout->addLayout(recordRow);
    countLayout->addWidget(confirmFrame);
    countLayout->addWidget(outcomeFrame);

    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::Close) {
        // Closing: the session's movements next to the count, to find a difference.
        m_blotter = new BlotterView(client, this);
        m_blotter->setStaff(staff);
        auto *splitter = new QSplitter(this);
        splitter->setObjectName(QStringLiteral("tillSplitter"));
        splitter->addWidget(countPanel);
        splitter->addWidget(m_blotter);
        splitter->setStretchFactor(0, 2);
        splitter->setStretchFactor(1, 3);
        splitter->setSizes({440, 760});
        layout->addWidget(splitter);
        resize(1200, 680);
    } else {
        layout->addWidget(countPanel);
        resize(560, 680);
    }

    connect(m_currencyBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0)
            return;
        if (auto c = Currency::fromCode(m_currencyBox->itemData(index).toString()))
            selectCurrency(*c);
    });
    connect(client, &TellerClient::tillsLoaded, this, [this](quint64 id, const QList<TillInfo> &tills) {
        if (id == m_tillsRequest) {
            m_tillsRequest = 0;
            onTills(tills);
        }
    });
    connect(client, &TellerClient::cashRulesLoaded, this,
            [this](quint64 id, const Currency &c, const QList<Denomination> &denominations, const Money &) {
                if (id == m_rulesRequest) {
                    m_rulesRequest = 0;
                    onCashRules(c, denominations);
                }
            });
    connect(client, &TellerClient::readFailed, this, [this](quint64 id, const Error &e) {
        if (id != m_tillsRequest && id != m_rulesRequest)
            return;
        const bool tills = id == m_tillsRequest;
        m_tillsRequest = m_rulesRequest = 0;
        m_tillProblem->setText(tills ? tr("Your till could not be read: %1").arg(e.message)
                                     : tr("The notes and coins could not be read: %1").arg(e.message));
        m_tillProblem->show();
        recompute();
    });
    connect(client, &TellerClient::actionRetrying, this, [this](const IdempotencyKey &key, const RetryNotice &notice) {
        if (m_state != State::InFlight || !m_key || !(key == *m_key))
            return;
        m_outcomeTitle->setText(tr("%1 — retrying, attempt %2 of %3")
                                    .arg(notice.message, QString::number(notice.nextAttempt), QString::number(notice.maxAttempts)));
        m_outcomeTitle->setStyleSheet(colour(ui::Warn));
    });
    connect(client, &TellerClient::actionFinished, this, [this](const Outcome &outcome) {
        if (m_state == State::InFlight && m_key && outcome.key == *m_key)
            showOutcome(outcome);
    });
    connect(client, &TellerClient::connectionStateChanged, this, [this](bool connected, const QString &) {
        // The connection is back: ask about an unconfirmed count at once (asking never sends it).
        if (connected && m_state == State::Unconfirmed)
            checkAgain();
    });

    ui::ignoreHeldEnter(m_confirm);
    setState(State::Loading);
    m_expectedLabel->setText(tr("Reading your till…"));
    m_tillsRequest = client->loadTills();
    ui::nameForAccessibility(this);
}

std::optional<TillInfo> TillCountDialog::till() const
{
    if (!m_tills || !m_currency)
        return std::nullopt;
    for (const TillInfo &t : *m_tills)
        if (t.currency == *m_currency)
            return t;
    return std::nullopt;
}

std::optional<Money> TillCountDialog::expected() const
{
    if (!m_tills || !m_currency)
        return std::nullopt;
    // What the till held at its last count, by the book (a till not made yet holds nothing).
    if (auto t = till())
        return t->cash;
    return Money(0, *m_currency);
}

std::optional<Money> TillCountDialog::counted() const
{
    if (!m_currency || m_lines.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    for (const Line &l : m_lines) {
        if (!l.count)
            return std::nullopt;
        total += *l.count * l.denomination.value.minorUnits(); // bounded in recompute()
        if (total > Money::MaxActionMinorUnits)
            return std::nullopt;
    }
    return Money(total, *m_currency);
}

QString TillCountDialog::modeVerb() const
{
    return m_mode == Mode::Open ? tr("open") : tr("close");
}

void TillCountDialog::onTills(const QList<TillInfo> &tills)
{
    m_tills = tills;
    // The member's tills, one per currency; opening may make a till in the preferred currency.
    QList<Currency> currencies;
    for (const TillInfo &t : tills)
        if (!currencies.contains(t.currency))
            currencies << t.currency;
    if (!currencies.contains(m_preferred) && (m_mode == Mode::Open || currencies.isEmpty()))
        currencies.prepend(m_preferred);
    const Currency wanted = m_currency ? *m_currency : m_preferred;
    const QSignalBlocker block(m_currencyBox);
    m_currencyBox->clear();
    int index = 0;
    for (const Currency &c : std::as_const(currencies)) {
        QString text = c.code();
        for (const TillInfo &t : tills)
            if (t.currency == c)
                text = t.open ? tr("%1 — open").arg(c.code()) : tr("%1 — not open").arg(c.code());
        if (c == wanted)
            index = m_currencyBox->count();
        m_currencyBox->addItem(text, c.code());
    }
    m_currencyBox->setCurrentIndex(index);
    m_currencyBox->setEnabled(currencies.size() > 1);
    selectCurrency(currencies.value(index, m_preferred));
}

void TillCountDialog::selectCurrency(const Currency &currency)
{
    if (m_state != State::Loading && m_state != State::Editing)
        return; // a count on its way keeps its currency
    const bool changed = !m_currency || !(*m_currency == currency);
    m_currency = currency;
    const int index = m_currencyBox->findData(currency.code());
    if (index >= 0 && index != m_currencyBox->currentIndex()) {
        const QSignalBlocker block(m_currencyBox);
        m_currencyBox->setCurrentIndex(index);
    }
    const std::optional<TillInfo> t = till();
    const QLocale l = locale();
    m_tillLabel->setText(t ? tr("Till %1").arg(t->number) : tr("No till in %1 yet: opening makes it.").arg(currency.code()));
    if (const auto e = expected())
        m_expectedLabel->setText(tr("Expected by the book: %1").arg(e->toDisplayWithCode(l)));
    if (changed || m_lines.isEmpty()) {
        m_grid->setRowCount(0);
        m_lines.clear();
        setState(State::Loading);
        m_rulesRequest = m_client->loadCashRules(currency);
    }
    if (m_blotter) {
        if (t)
            m_blotter->load(currency, t->number);
        else
            m_blotter->clear();
    }
    recompute();
}

void TillCountDialog::onCashRules(const Currency &currency, const QList<Denomination> &denominations)
{
    if (!m_currency || !(*m_currency == currency))
        return;
    const QLocale l = locale();
    m_lines.clear();
    m_grid->setRowCount(int(denominations.size()));
    QWidget *previous = m_currencyBox;
    for (int row = 0; row < denominations.size(); ++row) {
        const Denomination &d = denominations.at(row);
        Line line;
        line.denomination = d;
        line.count = 0;
        const QString name = d.note ? tr("%1 note").arg(d.value.toDisplay(l)) : tr("%1 coin").arg(d.value.toDisplay(l));
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setFlags(Qt::ItemIsEnabled);
        m_grid->setItem(row, DenominationColumn, nameItem);
        auto *totalItem = new QTableWidgetItem;
        totalItem->setFlags(Qt::ItemIsEnabled);
        totalItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_grid->setItem(row, TotalColumn, totalItem);
        // A line of text, not a spin box: what was typed stays as typed, and a letter or a minus
        // sign is said, not silently dropped.
        auto *edit = new QLineEdit(m_grid);
        edit->setObjectName(QStringLiteral("count_%1").arg(d.value.minorUnits()));
        edit->setAlignment(Qt::AlignRight);
        edit->setMaxLength(12);
        edit->setPlaceholderText(QStringLiteral("0"));
        edit->setAccessibleName(d.note ? tr("Count of %1 notes").arg(d.value.toDisplay(l))
                                       : tr("Count of %1 coins").arg(d.value.toDisplay(l)));
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::textChanged, this, &TillCountDialog::recompute);
        m_grid->setCellWidget(row, CountColumn, edit);
        line.edit = edit;
        m_lines << line;
        QWidget::setTabOrder(previous, edit);
        previous = edit;
    }
    QWidget::setTabOrder(previous, m_record);
    setState(State::Editing);
    recompute();
    focusLine(0);
}

bool TillCountDialog::eventFilter(QObject *watched, QEvent *event)
{
    auto *edit = qobject_cast<QLineEdit *>(watched);
    if (edit && (event->type() == QEvent::KeyPress || event->type() == QEvent::FocusIn)) {
        int index = -1;
        for (int i = 0; i < m_lines.size(); ++i)
            if (m_lines.at(i).edit == edit)
                index = i;
        if (index >= 0 && event->type() == QEvent::FocusIn) {
            m_grid->scrollTo(m_grid->model()->index(index, CountColumn));
        } else if (index >= 0) {
            const auto *key = static_cast<QKeyEvent *>(event);
            switch (key->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                // Down the column; after the last line, to the record button. Never the dialog's
                // default button: Enter in a count field sends nothing.
                if (!key->isAutoRepeat()) {
                    if (index + 1 < m_lines.size())
                        focusLine(index + 1);
                    else
                        m_record->setFocus(Qt::TabFocusReason);
                }
                return true;
            case Qt::Key_Down:
                if (index + 1 < m_lines.size())
                    focusLine(index + 1);
                return true;
            case Qt::Key_Up:
                if (index > 0)
                    focusLine(index - 1);
                return true;
            default: break;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

void TillCountDialog::focusLine(int index)
{
    if (index < 0 || index >= m_lines.size())
        return;
    QLineEdit *edit = m_lines.at(index).edit;
    edit->setFocus(Qt::TabFocusReason);
    edit->selectAll();
}

QString TillCountDialog::tillProblem() const
{
    if (!m_tills || !m_currency)
        return {};
    const std::optional<TillInfo> t = till();
    if (m_mode == Mode::Open && t && t->open)
        return tr("Your %1 till is already open.").arg(m_currency->code());
    if (m_mode == Mode::Close && (!t || !t->open))
        return tr("Your %1 till is not open: there is nothing to close.").arg(m_currency->code());
    if (t && t->differencePending)
        return reasonText(QStringLiteral("difference_pending"));
    if (m_mode == Mode::Close && t && t->held.minorUnits() > 0)
        return reasonText(QStringLiteral("operations_pending"));
    return {};
}

QString TillCountDialog::differenceText(const Money &difference) const
{
    const QLocale l = locale();
    const Money size(difference.minorUnits() < 0 ? -difference.minorUnits() : difference.minorUnits(), difference.currency());
    if (difference.minorUnits() == 0)
        return tr("No difference: the count matches the book.");
    return difference.minorUnits() < 0 ? tr("%1 short: the till holds less than the book says.").arg(size.toDisplayWithCode(l))
                                       : tr("%1 over: the till holds more than the book says.").arg(size.toDisplayWithCode(l));
}

void TillCountDialog::recompute()
{
    const QLocale l = locale();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    QStringList problems;
    qint64 total = 0;
    bool totalOk = true;
    for (int row = 0; row < m_lines.size(); ++row) {
        Line &line = m_lines[row];
        const QString text = line.edit->text().trimmed();
        const QString name = m_grid->item(row, DenominationColumn)->text();
        line.count.reset();
        line.problem.clear();
        bool ok = false;
        const qint64 n = text.isEmpty() ? 0 : text.toLongLong(&ok);
        if (text.isEmpty()) {
            line.count = 0;
        } else if (text.startsWith(u'-') && text.mid(1).contains(digits)) {
            line.problem = tr("%1: a count cannot be negative.").arg(name);
        } else if (!digits.match(text).hasMatch() || !ok) {
            line.problem = tr("%1: “%2” is not a whole number of pieces.").arg(name, text);
        } else if (n > CashCount::MaxPieces) {
            line.problem = tr("%1: more than %2 pieces cannot be counted on one line.").arg(name, l.toString(CashCount::MaxPieces));
        } else {
            line.count = n;
        }
        QTableWidgetItem *totalItem = m_grid->item(row, TotalColumn);
        if (line.count) {
            const qint64 value = line.denomination.value.minorUnits();
            // value <= 10^15 and count < 10^9 could overflow a qint64 together: checked first.
            if (*line.count > 0 && value > Money::MaxActionMinorUnits / *line.count) {
                line.problem = tr("%1: the amount is too large.").arg(name);
                line.count.reset();
            } else {
                const qint64 lineTotal = *line.count * value;
                totalItem->setText(*line.count ? Money(lineTotal, line.denomination.value.currency()).toDisplay(l) : QString());
                total += lineTotal;
                if (total > Money::MaxActionMinorUnits)
                    totalOk = false;
            }
        }
        if (!line.count)
            totalItem->setText(QStringLiteral("—"));
        line.edit->setStyleSheet(line.problem.isEmpty() ? QString()
                                                        : QStringLiteral("color: %1; font-weight: bold;").arg(ui::Bad.name()));
        line.edit->setToolTip(line.problem);
        if (!line.problem.isEmpty())
            problems << line.problem;
    }
    if (!totalOk)
        problems << tr("The total is too large to be counted.");

    const QString tillIssue = tillProblem();
    m_tillProblem->setText(tillIssue.isEmpty() ? m_tillProblem->text() : tillIssue);
    if (!tillIssue.isEmpty())
        m_tillProblem->show();
    else if (m_tills)
        m_tillProblem->hide();

    const std::optional<Money> count = problems.isEmpty() ? counted() : std::nullopt;
    const std::optional<Money> book = expected();
    if (m_lines.isEmpty()) {
        m_countedLabel->clear();
        m_differenceLabel->clear();
        m_explanation->clear();
    } else if (!count) {
        m_countedLabel->setText(tr("Counted: —"));
        m_differenceLabel->clear();
        m_explanation->clear();
    } else {
        m_countedLabel->setText(tr("Counted: %1").arg(count->toDisplayWithCode(l)));
        if (book) {
            const Money diff(count->minorUnits() - book->minorUnits(), count->currency());
            m_differenceLabel->setText(tr("Difference: %1").arg(differenceText(diff)));
            m_differenceLabel->setStyleSheet(colour(diff.minorUnits() == 0 ? ui::Good : ui::Warn));
            // teller.count_till: within the bank's tolerance the difference is posted at once,
            // beyond it it waits for a supervisor; the till opens (or closes) either way, and a
            // shortage that waits is held in the till meanwhile.
            QString rule;
            if (diff.minorUnits() != 0) {
                rule = m_mode == Mode::Open
                           ? tr("Within the bank's tolerance the difference is recorded at once; beyond it, it goes to a "
                                "supervisor, who approves or rejects it. The till opens now either way.")
                           : tr("Within the bank's tolerance the difference is recorded at once; beyond it, it goes to a "
                                "supervisor, who approves or rejects it. The till closes now either way.");
                if (diff.minorUnits() < 0)
                    rule += u' ' + tr("Until the supervisor decides, the missing cash is held: it cannot be paid out.");
                rule += u' ' + tr("Count again first if you are not sure.");
            }
            m_explanation->setText(rule);
        }
    }
    m_problem->setText(problems.join(u'\n'));
    m_problem->setVisible(!problems.isEmpty());
    m_record->setEnabled(m_state == State::Editing && count && book && tillIssue.isEmpty() && !m_tillsRequest && !m_rulesRequest);
}

void TillCountDialog::setState(State state)
{
    m_state = state;
    const bool editing = state == State::Editing;
    for (const Line &l : std::as_const(m_lines))
        l.edit->setReadOnly(!editing);
    m_currencyBox->setEnabled(editing && m_currencyBox->count() > 1);
    m_record->setVisible(editing || state == State::Loading);
    m_confirm->parentWidget()->setVisible(state == State::Confirming);
    const bool sent = state == State::InFlight || state == State::Unconfirmed || state == State::NotReceived || state == State::Finished;
    m_outcomeTitle->parentWidget()->setVisible(sent || m_outcome.has_value());
    m_checkAgain->setVisible(state == State::Unconfirmed);
    m_sendNow->setVisible(state == State::NotReceived);
    m_cancelNotReceived->setVisible(state == State::NotReceived);
    m_close->setVisible(state == State::Finished);
    if (state != State::Unconfirmed && state != State::NotReceived)
        m_leaveWarned = false;
    recompute();
    Q_EMIT stateChanged(state);
}

void TillCountDialog::review()
{
    recompute();
    const std::optional<Money> count = counted();
    const std::optional<Money> book = expected();
    if (m_state != State::Editing || !m_record->isEnabled() || !count || !book || !m_currency)
        return;
    const QLocale l = locale();
    const Money diff(count->minorUnits() - book->minorUnits(), count->currency());
    const QString what = m_mode == Mode::Open
                             ? tr("Open your %1 till with %2 counted?").arg(m_currency->code(), count->toDisplayWithCode(l))
                             : tr("Close your %1 till with %2 counted?").arg(m_currency->code(), count->toDisplayWithCode(l));
    m_confirmText->setText(what + u'\n' + tr("Expected by the book: %1.").arg(book->toDisplayWithCode(l)) + u' ' + differenceText(diff)
                           + u'\n' + tr("Enter records the count; Esc goes back to it."));
    m_outcome.reset();
    setState(State::Confirming);
    m_confirm->setDefault(true);
    m_confirm->setFocus(Qt::OtherFocusReason);
}

void TillCountDialog::back()
{
    if (m_state != State::Confirming)
        return;
    m_confirm->setDefault(false);
    setState(State::Editing);
    focusLine(0);
}

void TillCountDialog::confirm()
{
    if (m_state != State::Confirming || !m_currency)
        return;
    const std::optional<Money> count = counted();
    if (!count)
        return;
    QMap<qint64, qint64> pieces;
    for (const Line &l : std::as_const(m_lines))
        if (l.count && *l.count > 0)
            pieces.insert(l.denomination.value.minorUnits(), *l.count);
    auto cash = CashCount::fromPieces(pieces, *m_currency);
    if (!cash) {
        m_problem->setText(cash.error().message);
        m_problem->show();
        back();
        return;
    }
    // One key for this count from now on, until its outcome is definitive.
    m_key = IdempotencyKey::generate();
    m_sentCounted = *count;
    m_sentPieces = *cash;
    m_confirm->setDefault(false);
    send();
}

void TillCountDialog::send()
{
    if (!m_key || !m_sentCounted)
        return;
    const State from = m_state == State::Confirming ? State::Editing : m_state;
    if (!m_client->countTill(*m_key, m_mode, *m_sentCounted, m_sentPieces)) {
        showClientBusy();
        if (from == State::Editing) {
            // Never sent: nothing happened; the same confirmation can be given again.
            m_key.reset();
            m_sentCounted.reset();
            m_sentPieces.reset();
        }
        return;
    }
    startCall(from, tr("Recording the count…"));
    m_outcomeDetail->setText(tr("Operation key %1").arg(m_key->toString()));
}

void TillCountDialog::startCall(State from, const QString &title)
{
    m_callFrom = from;
    m_outcomeTitle->setText(title);
    m_outcomeTitle->setStyleSheet({});
    m_technical->clear();
    setState(State::InFlight);
}

void TillCountDialog::showClientBusy()
{
    m_outcomeTitle->parentWidget()->show();
    m_outcomeTitle->setText(tr("Another operation is still being confirmed: wait for it, then try again."));
    m_outcomeTitle->setStyleSheet(colour(ui::Warn));
    m_outcomeDetail->setText(m_state == State::Confirming ? tr("Nothing was sent.") : QString());
}

void TillCountDialog::checkAgain()
{
    if (m_state != State::Unconfirmed || !m_key)
        return;
    // Only asks the server about the key; the count is never sent by asking.
    if (!m_client->queryStatus(*m_key)) {
        showClientBusy();
        return;
    }
    startCall(State::Unconfirmed, tr("Asking the server…"));
}

void TillCountDialog::sendNow()
{
    if (m_state != State::NotReceived || !m_key)
        return;
    // The same count under the same key: recorded once, however often this is pressed.
    if (!m_client->countTill(*m_key, m_mode, *m_sentCounted, m_sentPieces)) {
        showClientBusy();
        return;
    }
    startCall(State::NotReceived, tr("Recording the count…"));
}

void TillCountDialog::cancelNotReceived()
{
    if (m_state != State::NotReceived || !m_key)
        return;
    // A tombstone: a copy of the count that arrives late is never recorded.
    if (!m_client->abandon(*m_key)) {
        showClientBusy();
        return;
    }
    startCall(State::NotReceived, tr("Cancelling…"));
}

void TillCountDialog::showOutcome(const Outcome &o)
{
    const State from = std::exchange(m_callFrom, State::Editing);
    const bool wasUnresolved = from == State::Unconfirmed || from == State::NotReceived;
    m_outcome = o;
    const QLocale l = locale();
    QString title, detail, technical;
    QColor tone = ui::Bad;
    State next = State::Finished;
    bool freshKey = false; // nothing happened and nothing will: a new count gets a new key

    QStringList figures;
    if (o.expected)
        figures << tr("Expected: %1").arg(o.expected->toDisplayWithCode(l));
    if (o.counted)
        figures << tr("Counted: %1").arg(o.counted->toDisplayWithCode(l));
    if (o.difference)
        figures << tr("Difference: %1").arg(differenceText(*o.difference));
    const QString numbers = figures.join(u'\n');
    const bool differs = o.difference && o.difference->minorUnits() != 0;

    switch (o.status) {
    case OutcomeStatus::Completed:
        tone = ui::Good;
        title = m_mode == Mode::Open ? tr("Till opened — the count is recorded.") : tr("Till closed — the count is recorded.");
        if (!o.decidedBy.isEmpty())
            title += u' ' + tr("The difference was approved by %1.").arg(o.decider());
        detail = numbers;
        if (differs && o.decidedBy.isEmpty())
            detail += u'\n' + tr("The difference is recorded against the branch's over/short account.");
        if (o.replayed && o.executedAt.isValid())
            detail += u'\n' + tr("Recorded once, at %1 (the server's record).").arg(BlotterReport::timeWithZone(o.executedAt, l));
        break;
    case OutcomeStatus::PendingApproval:
        tone = ui::Warn;
        title = m_mode == Mode::Open ? tr("Till opened — the difference waits for a supervisor.")
                                     : tr("Till closed — the difference waits for a supervisor.");
        detail = numbers + u'\n' + tr("A supervisor approves or rejects the difference; the till cannot be counted again until then.");
        if (o.difference && o.difference->minorUnits() < 0)
            detail += u' ' + tr("The missing cash is held in your till meanwhile: it cannot be paid out.");
        break;
    case OutcomeStatus::Rejected:
        title = o.decidedBy.isEmpty()      ? tr("Not recorded — %1").arg(reasonText(o.reason))
                : o.decisionNote.isEmpty() ? tr("The difference was rejected by %1.").arg(o.decider())
                                           : tr("The difference was rejected by %1: %2").arg(o.decider(), o.decisionNote);
        detail = o.decidedBy.isEmpty() ? tr("Nothing was recorded: the till is as it was.") : numbers;
        if (o.decidedBy.isEmpty()) {
            next = State::Editing;
            freshKey = true;
        }
        break;
    case OutcomeStatus::Busy:
    case OutcomeStatus::InDoubt:
        tone = ui::Warn;
        if (from == State::Unconfirmed && o.status == OutcomeStatus::InDoubt) {
            title = tr("Still not confirmed");
            detail = tr("The server could not be asked. It is asked again as soon as the connection is back.");
        } else if (o.status == OutcomeStatus::Busy) {
            title = tr("The till is locked by another operation — not confirmed");
            detail = tr("Check again in a moment.");
        } else {
            title = tr("Not confirmed — the count may or may not have been recorded");
            detail = tr("The connection broke while the count was on its way. Check again: that only asks the server, it "
                        "never records the count a second time.");
        }
        technical = o.message;
        next = State::Unconfirmed;
        break;
    case OutcomeStatus::Unknown:
        tone = ui::Warn;
        title = tr("The server never received this count — nothing happened");
        detail = tr("Send it now if the count is still right (it is recorded once), or cancel it (it will never be recorded).");
        next = State::NotReceived;
        break;
    case OutcomeStatus::Abandoned:
        title = tr("Cancelled — the count was not recorded; the till is as it was.");
        next = State::Editing;
        freshKey = true;
        break;
    case OutcomeStatus::KeyReused:
        title = tr("The server refused the operation key (used for another operation).");
        next = State::Editing;
        freshKey = true;
        break;
    case OutcomeStatus::Expired: title = tr("The approval did not come in time."); break;
    case OutcomeStatus::Error:
        technical = o.message;
        if (wasUnresolved) {
            // Asking (or cancelling, or sending again) failed: the count is as unsettled as before.
            tone = ui::Warn;
            title = from == State::NotReceived ? tr("Not sent — nothing happened") : tr("Still not confirmed");
            detail = o.notSent ? tr("The server could not be reached. Try again when the connection is back.") : o.message;
            next = from;
        } else {
            title = o.notSent ? tr("Not sent — nothing happened") : tr("Failed — %1").arg(o.message);
            detail = o.notSent ? tr("The server could not be reached. Nothing was recorded: confirm again when the connection is back.")
                               : tr("Nothing was recorded.");
            next = State::Editing;
            freshKey = true;
        }
        break;
    }
    if (m_key)
        detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) + tr("Operation key %1").arg(m_key->toString());
    m_outcomeTitle->setText(title);
    m_outcomeTitle->setStyleSheet(colour(tone));
    m_outcomeDetail->setText(detail);
    m_technical->setText(technical);
    m_technical->setVisible(!technical.isEmpty());
    if (freshKey) {
        m_key.reset();
        m_sentCounted.reset();
        m_sentPieces.reset();
    }
    setState(next);
    if (next == State::Editing) {
        // The till may have changed meanwhile (opened elsewhere, a difference decided).
        m_tillsRequest = m_client->loadTills();
        focusLine(0);
    } else if (next == State::Unconfirmed) {
        m_checkAgain->setFocus();
    } else if (next == State::NotReceived) {
        m_sendNow->setFocus();
    } else {
        m_close->setDefault(true);
        m_close->setFocus();
    }
    if (o.status == OutcomeStatus::Completed || o.status == OutcomeStatus::PendingApproval) {
        if (m_blotter && m_currency)
            m_blotter->load(*m_currency, o.till.isEmpty() ? (till() ? till()->number : QString()) : o.till);
        Q_EMIT countRecorded(o);
    }
}

void TillCountDialog::reject()
{
    switch (m_state) {
    case State::InFlight:
        // Never leave a count half-way: its answer is on its way.
        m_outcomeTitle->setText(tr("The count is with the server: wait for its answer."));
        return;
    case State::Confirming: back(); return;
    case State::Unconfirmed:
    case State::NotReceived:
        if (!m_leaveWarned) {
            m_leaveWarned = true;
            m_outcomeDetail->setText(m_outcomeDetail->text() + u'\n'
                                     + tr("This count is not settled. Press Esc again to leave it so: your till then shows on "
                                          "the desk what the server recorded; count again only once you know."));
            return;
        }
        break;
    default: break;
    }
    QDialog::reject();
}
