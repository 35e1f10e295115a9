#include "Action.h"

#include "Names.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace teller {

namespace {
constexpr NamedValue<ActionKind> kindNames[] = {
    {ActionKind::Withdrawal, u"withdrawal"}, {ActionKind::Deposit, u"deposit"},           {ActionKind::Transfer, u"transfer"},
    {ActionKind::TillOpen, u"till_open"},    {ActionKind::TillClose, u"till_close"},      {ActionKind::VaultReceive, u"vault_receive"},
    {ActionKind::VaultShip, u"vault_ship"},  {ActionKind::VaultToTill, u"vault_to_till"}, {ActionKind::TillToVault, u"till_to_vault"},
    {ActionKind::Reversal, u"reversal"},
};

constexpr NamedValue<IdDocument> documentNames[] = {
    {IdDocument::Passport, u"passport"},
    {IdDocument::IdCard, u"id_card"},
    {IdDocument::DrivingLicence, u"driving_licence"},
    {IdDocument::ResidencePermit, u"residence_permit"},
    {IdDocument::Other, u"other"},
};
} // namespace

QString actionKindName(ActionKind kind)
{
    return nameOf(kindNames, kind);
}

std::optional<ActionKind> actionKindFromName(QStringView name)
{
    return valueOf(kindNames, name);
}

bool isCustomerAction(ActionKind kind)
{
    return kind == ActionKind::Withdrawal || kind == ActionKind::Deposit || kind == ActionKind::Transfer;
}

bool isCashAction(ActionKind kind)
{
    return kind == ActionKind::Withdrawal || kind == ActionKind::Deposit;
}

QString idDocumentName(IdDocument type)
{
    return nameOf(documentNames, type);
}

std::optional<IdDocument> idDocumentFromName(QStringView name)
{
    return valueOf(documentNames, name);
}

Result<CustomerId> CustomerId::create(IdDocument type, QStringView number)
{
    // Must match the domain of teller.cash_identifications.document_number (migrations/011).
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 /-]{2,39}$"));
    const QString n = number.trimmed().toString();
    if (!pattern.match(n).hasMatch())
        return fail(Error::badInput(QCoreApplication::translate(
            "teller::Action",
            "The document number must have 3 to 40 letters, digits, spaces, \"/\" or \"-\", starting with a letter or digit.")));
    return CustomerId{type, n};
}

Result<QString> normalizeAccountNumber(QStringView text)
{
    QString number;
    number.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        // ASCII only: some other letters (Turkish dotless i, long s) upper-case into ASCII.
        const bool ascii = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        const QChar u = c.toUpper();
        if (!ascii)
            return fail(Error::badInput(
                QCoreApplication::translate("teller::Action", "An account number has only letters and digits; \"%1\" is not allowed.")
                    .arg(c)));
        number += u;
    }
    if (number.isEmpty())
        return fail(Error::badInput(QCoreApplication::translate("teller::Action", "Enter an account number.")));
    if (number.size() > 34)
        return fail(Error::badInput(QCoreApplication::translate("teller::Action", "An account number has at most 34 characters.")));
    return number;
}

Result<ActionRequest> ActionRequest::create(ActionKind kind, QStringView account, QStringView counterAccount, const Money &amount,
                                            QStringView note, const std::optional<CustomerId> &customerId)
{
    if (!isCustomerAction(kind))
        return fail(Error::badInput(
            QCoreApplication::translate("teller::Action", "A teller's action is a withdrawal, a deposit or a transfer.")));
    if (customerId && !isCashAction(kind))
        return fail(Error::badInput(
            QCoreApplication::translate("teller::Action", "Only cash paid out or in is recorded with an identification.")));
    auto first = normalizeAccountNumber(account);
    if (!first)
        return fail(first.error());

    QString counter;
    if (kind == ActionKind::Transfer) {
        auto second = normalizeAccountNumber(counterAccount);
        if (!second)
            return fail(second.error());
        if (*second == *first)
            return fail(Error::badInput(QCoreApplication::translate("teller::Action", "A transfer needs two different accounts.")));
        counter = *second;
    } else if (!counterAccount.trimmed().isEmpty()) {
        return fail(Error::badInput(QCoreApplication::translate("teller::Action", "Only a transfer has a second account.")));
    }

    if (!amount.isPositive())
        return fail(Error::badInput(QCoreApplication::translate("teller::Action", "The amount must be greater than zero.")));
    if (amount.minorUnits() > Money::MaxActionMinorUnits)
        return fail(
            Error::badInput(QCoreApplication::translate("teller::Action", "The amount exceeds the maximum for a single operation.")));

    const QString trimmedNote = note.trimmed().toString();
    if (trimmedNote.size() > MaxNoteLength)
        return fail(Error::badInput(QCoreApplication::translate("teller::Action", "The note is too long.")));
    for (const QChar c : trimmedNote) {
        // Control characters, and invisible formatting such as U+202E (which turns the
        // displayed text around), have no place in a note a supervisor will read.
        if ((c.category() == QChar::Other_Control && c != u'\n') || c.category() == QChar::Other_Format)
            return fail(
                Error::badInput(QCoreApplication::translate("teller::Action", "The note contains a control or formatting character.")));
    }

    return ActionRequest(kind, *first, counter, amount, trimmedNote, customerId);
}

QByteArray ActionRequest::canonical() const
{
    // Must match teller.request_fingerprint() (resources/sql/functions/request_fingerprint.sql):
    // the server recomputes it. Every field is from a restricted alphabet, so the newline
    // separator is unambiguous.
    QByteArray out;
    out += "teller/v1\n";
    out += actionKindName(m_kind).toLatin1() + '\n';
    out += m_account.toLatin1() + '\n';
    out += m_counterAccount.toLatin1() + '\n';
    out += QByteArray::number(m_amount.minorUnits()) + '\n';
    out += m_amount.currency().code().toLatin1() + '\n';
    // The identification only when there is one: without it the text is version 1's.
    if (m_customerId) {
        out += "id\n";
        out += idDocumentName(m_customerId->type).toLatin1() + '\n';
        out += m_customerId->number.toLatin1() + '\n';
    }
    return out;
}

QByteArray ActionRequest::fingerprint() const
{
    return QCryptographicHash::hash(canonical(), QCryptographicHash::Sha256);
}

} // namespace teller
