<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionForm</name>
    <message>
        <source>Problem with the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carry out the operation (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the form (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new operation (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account selected. Find one with Ctrl+F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer needs two different accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above your approval limit of %1: a supervisor must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation is still being confirmed. Wait for it, then submit again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — retrying, attempt %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed — pay out %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed — %1 paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was paid or booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a supervisor — do not pay out yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is held on the account until a supervisor approves or rejects it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed — do not pay out yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval did not come in time; the hold was released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation was abandoned; it will never be carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the operation key (used for another operation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the operation up for good: it will never be carried out. If it already was, you will see that instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon the operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation (key %1) will never be carried out. If it already was, you will see that instead. Abandon it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1 — pay out %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account could not be looked up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New o&amp;peration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed — do not pay out yet. Another operation is still being confirmed: try again once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for the supervisor?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation (key %1) stays held until a supervisor approves or rejects it, and that decision still applies. This form will no longer show it: the outcome will be in the account&apos;s recent operations. Do not pay out before you see it there.

Start a new operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server what became of the operation, by its key. Nothing is sent: if the server never received it, you choose then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send now — the customer is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received the operation: send it now, with its key. It is carried out once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canc&amp;el — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received the operation: cancel it for good. It will never be carried out, even if it arrives late.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than the available %1. If money came in meanwhile, refresh the account (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — another operation is still being confirmed: try again once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1 — %2 paid in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1 — %2 transferred to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed — %1 transferred to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried out once, at %1 (the server&apos;s record).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still not confirmed — do not pay out yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked. It is asked again as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is locked by another operation — not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — nothing was paid or booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received this operation — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the customer is still here, send it now: it is carried out once. If the customer has left, cancel it: it will never be carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Send it when the connection is back, or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Nothing was paid or booked: send it again when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation is still not settled: do not pay out yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 till is not open: no cash can go out or come in. Open it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid out in cash from your till (%1 in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken in as cash into your till (%1 in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till holds only %1: ask a supervisor for cash from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit of %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — do not pay out yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — not booked yet; keep the cash apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — not carried out yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: never reached the server — nothing happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not confirmed — do not pay out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not confirmed — keep the cash apart until it is settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not confirmed — tell the customer it is not confirmed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detai&amp;ls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the server or the network said, for your IT staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation kept the account busy the whole time. Check again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke while the operation was on its way, so it may or may not have been carried out. It is asked about as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked just now. It is asked again as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached, so nothing was cancelled. It is asked again as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID docu&amp;ment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed from %1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 on, cash needs the customer&apos;s identification: the document&apos;s type and number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay out %1 in cash from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take in %1 in cash into %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deposit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer %1 from %2 to %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ransfer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now, %2 after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>above your limit: it waits for a supervisor before anything moves</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>Choose an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount exceeds the maximum for a single operation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlotterDialog</name>
    <message>
        <source>Blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your tills…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no till yet: open one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tills could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1, open since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1 is not open: the movements of its last session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlotterReport</name>
    <message>
        <source>Till blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movements since the till was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No movements yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals by kind (completed operations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No completed operations yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net into the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlotterView</name>
    <message>
        <source>Blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till effect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movements of the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals by kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals by kind (completed operations):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blotter could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blotter — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blotter — till %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the blotter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net into the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No movements since the till was opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s) since the till was opened.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The blotter has not been read yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blotter could not be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blotter was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blotter-%1-%2.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve this operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject this operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller&apos;s note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the teller sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back — decide nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 (%3), asked by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit of %1 into %2 (%3), asked by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 (%3) to %4, asked by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 on %3 (%4), asked by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason given:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over/short at till close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over/short at till opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3 counted %4, expected %5 — %6 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3 counted %4, expected %5 — %6 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3, a difference of %4 between the count and the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of a transfer of %1 from %2 (%3) to %4, asked by %5: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of a cash withdrawal or deposit of %1 on %2 (%3), asked by %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of a withdrawal of %1 from %2 (%3): the money goes back into the account, the cash back into the till; asked by %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of a deposit of %1 into %2 (%3): the money comes out of the account, the cash goes back to the customer; asked by %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoubtTableModel</name>
    <message>
        <source>Never received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the workstation saw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>db.branch.example or /run/postgresql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, server verified (verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, certificate checked (verify-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted, not verified (require)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted if possible (prefer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted (disable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5432, or 5432,5433 for two servers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number or holder&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operation is still being confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Teller&lt;/b&gt; %1&lt;br&gt;Withdrawals, deposits and transfers, each carried out exactly once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Connection lost — reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(overdraft to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operation is being confirmed; the window closes when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;sk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;pervision (pending approvals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervision: %1 pending (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ind account (Ctrl+F):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is changed. Use it from the next sign-in on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not available: the account is frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not available: the account is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till is not open: no cash can go out or come in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These operations are not finished:

%1

They are shown again at your next sign-in on this workstation, and the supervisors see those not confirmed under In doubt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation keys:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left unconfirmed at sign-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 · encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database %1 · not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be refreshed (the server cannot be reached): what it shows may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My open items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: go to the operation or its account · Del: done (paid out, or the customer is told)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;y open items: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;y open items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;verse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the selected operation to be undone, with a reason: a supervisor decides (Alt+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. A new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent op&amp;erations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be printed again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recei&amp;pt again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the receipt of the selected operation again, from the server&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: print the receipt once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till&apos;s opening count: not confirmed — check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till&apos;s closing count: not confirmed — check it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not confirmed — check it again before moving cash anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still open at the counter:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F  find an account (Down to the list, Enter to open it)
F2 / F3 / F4  withdraw / deposit / transfer
Enter  carry out the operation
Esc  clear the form, or start a new operation
F5  refresh the account
Ctrl+H  the account&apos;s recent operations (Alt+V reverse the selected one)
F7 / F8 / F9  open the till / close the till / the blotter
Alt+Y  my open items (Enter goes to one, Del when it is done)
Ctrl+Shift+L  sign out    Ctrl+Q  quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenItemsModel</name>
    <message>
        <source>no supervisor decided in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit of %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — waits for a supervisor: do not pay out yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — waits for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — approved%2: pay out %3 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — approved%2: booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — approved%2: carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — rejected%2 (%3): tell the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not confirmed: do not pay out; check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not confirmed: check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — never reached the server: send it now or cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationTableModel</name>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator set your password. Choose your own now: until you do, you cannot pay out or take in money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password: at least 8 characters, with letters and at least one digit or sign, not containing your login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this receipt. The operation key identifies the operation at the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt roll %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <comment>date, time, time zone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt (reprint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer (80 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A5 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— REPRINT —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller&apos;s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s resolution is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page has no room to print on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt cannot be printed there (the printer or the file is not available).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt&apos;s page %1 cannot be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt could not be finished on the printer or in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was not printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was printed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt was saved as %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Operations from an earlier session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These operations were not confirmed when Teller last stopped on this workstation. This is what the server says about them now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unconfirmed operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abandon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit %1 into %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned: it will never be carried out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval did not come in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked: check again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key belongs to another operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1 with its original key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon the operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will never be carried out. If it already was, you will see that instead. Abandon it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation is still being confirmed; nothing was sent. Try again once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send now — the customer is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received the operation: send it now, with its own key. Only if the customer is here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1 — pay out %2 now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed: %1 was taken from the account. If the cash was not handed over, ask a supervisor to reverse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed (balance after %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never received by the server — nothing happened. Send it now only if the customer is here; otherwise cancel it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canc&amp;el — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse an operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes back into the account; the customer brings the cash back into your till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 comes out of the account again; the cash goes back to the customer from your till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 goes back from %2 to the account it came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing moves until a supervisor other than you approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: the supervisor and the account&apos;s history see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ask for the reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back — reverse nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawal of %1 from %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deposit of %1 into %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transfer of %1 from %2 to %3 on %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: try again once it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked. The reversal waits for a supervisor; the account shows it once it is decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reversed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reversed: no supervisor decided in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reversed: the request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: the server did not answer. Check again before asking anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received the request: nothing happened. Send it again, or go back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — nothing happened. Send it again once the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave it unconfirmed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reversal may have reached the server and may be waiting for a supervisor. Look at the account&apos;s operations before asking again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Carry out this operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back — change it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the workstation is set up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start of Teller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up by your IT staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (%1 does not exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review before sending from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in the account&apos;s currency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to these are made by IT in the workstation configuration.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <source>Filter by teller, account, holder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the selected operation, with a reason: the hold is released (Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations in doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently decided operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The account&lt;/b&gt; (%1): balance %2, held %3. Recent operations:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Refreshing every 5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes arrive as they happen (LISTEN/NOTIFY).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live updates are not available right now; the list is refreshed on a timer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pending (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;doubt (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too late: the hold had expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation you had selected is no longer waiting: another supervisor decided it, or it expired. Select the next one yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation&apos;s key &quot;%1&quot; is not valid; nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already approved by %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already rejected by %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected operation, after a look at what it is (Alt+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the operation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: %1. %2 may pay out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: %1. The deposit is booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: %1. The transfer is carried out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1. The hold is released; %2 sees your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the next operation yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vau&amp;lt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never: it waits for a decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillActions</name>
    <message>
        <source>Till</source>
        <extracomment>The menu of the teller&apos;s own till. Only a mnemonic that is free on the desk in every form (in German e.g. &quot;&amp;Kasse&quot;: K is free there).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blotter…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillCountDialog</name>
    <message>
        <source>Open the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count by note and coin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash by note and coin (Tab or Enter goes to the next line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm — open the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm — close the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send now — the count is still right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the coun&amp;t — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes and coins could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — retrying, attempt %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading your till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No till in %1 yet: opening makes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected by the book: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 coin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count of %1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count of %1 coins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 till is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 till is not open: there is nothing to close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No difference: the count matches the book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 short: the till holds less than the book says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 over: the till holds more than the book says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a count cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number of pieces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: more than %2 pieces cannot be counted on one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total is too large to be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the bank&apos;s tolerance the difference is recorded at once; beyond it, it goes to a supervisor, who approves or rejects it. The till opens now either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within the bank&apos;s tolerance the difference is recorded at once; beyond it, it goes to a supervisor, who approves or rejects it. The till closes now either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until the supervisor decides, the missing cash is held: it cannot be paid out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count again first if you are not sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your %1 till with %2 counted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close your %1 till with %2 counted?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected by the book: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter records the count; Esc goes back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: wait for it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till opened — the count is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till closed — the count is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference was approved by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference is recorded against the branch&apos;s over/short account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded once, at %1 (the server&apos;s record).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till opened — the difference waits for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till closed — the difference waits for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor approves or rejects the difference; the till cannot be counted again until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The missing cash is held in your till meanwhile: it cannot be paid out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference was rejected by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference was rejected by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded: the till is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be asked. It is asked again as soon as the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till is locked by another operation — not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed — the count may or may not have been recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke while the count was on its way. Check again: that only asks the server, it never records the count a second time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received this count — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it now if the count is still right (it is recorded once), or cancel it (it will never be recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled — the count was not recorded; the till is as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the operation key (used for another operation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The approval did not come in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — nothing happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Try again when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached. Nothing was recorded: confirm again when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count is with the server: wait for its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This count is not settled. Press Esc again to leave it so: your till then shows on the desk what the server recorded; count again only once you know.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillTableModel</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last count differed from the book beyond the tolerance: it waits for a supervisor (Alt+I to decide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultMoveDialog</name>
    <message>
        <source>Send cash to a till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take cash back into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash delivered to the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash sent out of the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by the book, %2 of it held by operations waiting for a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till holds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome of the movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move the cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back — move nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from the vault into %2&apos;s till %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 from %2&apos;s till %3 back into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 delivered into the vault by cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent out of the vault with cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send cash from the vault to %1&apos;s till %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take cash back from %1&apos;s till %2 (%3) into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash delivered to the branch&apos;s vault by cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash sent out of the branch&apos;s vault with cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till has only %1 that is not held: take back at most that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves %1 out of the vault into the till: the till will hold %2 by the book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves %1 out of the till into the vault: the till will hold %2 by the book.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Books %1 into the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Books %1 out of the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault held %1 after the last movement made here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter moves it, Esc moves nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the amount, then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a&amp;gain — the same movement, carried out once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close — nothing was moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close — check again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another action of this window is still with the server; nothing was sent. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the server about this movement (nothing is sent)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another action of this window is still with the server; nothing was asked. Check again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1. The till now holds %2; the vault %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1. The vault now holds %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: the answer never came, so the cash may or may not have moved. Do not count on either; Check again asks the server about this very movement and sends nothing. (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: the till or the vault stayed locked by other work; nothing was moved. Send it again when you are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server never received this movement: nothing was moved. Send it again (the same movement, carried out once), or close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused it: its key belongs to another request. Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — nothing happened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server says: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Tills of the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault page status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send cash to till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash from the vault into the selected teller&apos;s open till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take cash &amp;back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash from the selected teller&apos;s till back into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cash delivered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash delivered into the vault by cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash se&amp;nt out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash sent out of the vault with cash-in-transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec&amp;ide the difference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve the selected till&apos;s waiting over/short, after a look at what it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ject the difference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject the selected till&apos;s waiting over/short, with a reason the teller sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the unconfir&amp;med movement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A movement that was sent and never confirmed: ask the server about it with its own key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the tills again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tills could not be read again (%1); what is shown may be out of date. F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference is approved and booked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference is rejected; the teller sees your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already approved by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already decided by %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference was not decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s cash: not known yet. There is no read of the vault&apos;s balance; each movement made here reports what the vault holds after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s cash, as the last movement made here reported it: %1. There is no read of the vault&apos;s balance; currencies not moved yet are not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A movement is not confirmed yet (%1): check it again first, so that nothing is moved twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a till first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own till: cash for it is moved by another supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s till %2 is closed: cash moves only into and out of an open till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: %1. Check the unconfirmed movement (Alt+M) before moving that cash again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1. The till holds %2 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not confirmed: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference of %1&apos;s till %2 is not in the pending queue yet; it is read again now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another decision is under way: wait for its answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approving the difference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting the difference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was decided.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Withdrawals, deposits and transfers for bank tellers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a private demo database and sign in to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo.&lt;/b&gt; Press Enter to sign in as Anna, a teller. Other demo logins: &lt;i&gt;ben&lt;/i&gt; (teller), &lt;i&gt;clara&lt;/i&gt; (supervisor); password &lt;i&gt;%1&lt;/i&gt;. Try account 10000001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo database could not be started:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the window and report what was found; exit 0 when all is there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Accounts</name>
    <message>
        <source>The server sent an account this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking up an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searching accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading recent operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an operation this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Action</name>
    <message>
        <source>An account number has only letters and digits; &quot;%1&quot; is not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an account number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account number has at most 34 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer needs two different accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a transfer has a second account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount exceeds the maximum for a single operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note contains a control or formatting character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document number must have 3 to 40 letters, digits, spaces, &quot;/&quot; or &quot;-&quot;, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A teller&apos;s action is a withdrawal, a deposit or a transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cash paid out or in is recorded with an identification.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::ActionExecutor</name>
    <message>
        <source>The connection was lost while the server was confirming; the operation may or may not have been carried out. Check again with the same key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached; the operation was not confirmed. Check again with the same key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account stayed busy; nothing was done. Try again with the same key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrying out the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking for the operation&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>currency &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rejection without a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a completed operation without amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abandoning the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A concurrent operation interfered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is locked by another operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost while confirming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time for retries ran out while reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ending stale sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moving the vault&apos;s cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking for a reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server accepts changes right now (a switch-over?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be identified for the local journal, so the operation was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent — nothing happened: the server could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Administration</name>
    <message>
        <source>reading the home currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database&apos;s home currency &quot;%1&quot; is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the staff record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is not an active Teller staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login: lower-case letters, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, starting with a letter, at most 63 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is reserved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An approval limit cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adding staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder&apos;s name must have between 1 and 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance floor cannot be above zero (a negative floor is an overdraft).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance floor must be in the account&apos;s currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing the account&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the invariants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is not closed or has text before its quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected number,holder,currency,floor; found %1 fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 appears twice in the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the holder&apos;s name must have between 1 and 200 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code this program knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the floor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the floor must be 0 or negative (an overdraft).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the existing accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (save it as UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the server&apos;s libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a staff record this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password needs letters and at least one digit or sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password must not contain the login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A limit and unlimited at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing the staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deciding the staff change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the staff changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changing the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opening the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the bank&apos;s and the branch&apos;s names</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Cash</name>
    <message>
        <source>The server sent cash figures this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the tills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the blotter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the notes and coins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the large-cash threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the large-cash report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::CashCount</name>
    <message>
        <source>A note or coin must have a positive value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count must be a whole number from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count is more than any till can hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes or coins were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a denomination and a count, e.g. 50:10 (ten notes of 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The denomination &quot;%1&quot; is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The denomination %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::ConnectionSettings</name>
    <message>
        <source>out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection setting %1=&quot;%2&quot; is not valid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a port number between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected one of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection setting %1 has no value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value may not contain &quot;;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection setting %1 may not contain &quot;;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>expected one port, or one for each of the %n host(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>teller::DatabaseIdentity</name>
    <message>
        <source>reading the database&apos;s identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no identity (teller.database_identity() answered &quot;%1&quot;); its owner runs SELECT teller.renew_database_identity().</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::DbSession</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database has no Teller schema yet. Ask an administrator to run &quot;tellerctl migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is not a Teller staff member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema is older (version %1) than this program needs (version %2). Ask an administrator to run &quot;tellerctl migrate&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema is newer (version %1) than this program knows (version %2). Install the current Teller version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost while %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported an error while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be encrypted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This login may not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database does not exist (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 has no free connection right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 is not accepting connections right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave no answer while %1; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server of %1 accepts changes right now (a standby, or a switch-over under way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server accepts no changes right now (a standby, or a switch-over under way) while %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value %1 contains a NUL character, which no text may hold.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Events</name>
    <message>
        <source>reading what changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an event this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::IdempotencyKey</name>
    <message>
        <source>&quot;%1&quot; is not a valid idempotency key: expected a UUID such as 0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Journal</name>
    <message>
        <source>The SQLite driver (QSQLITE) is not installed; the local journal cannot be kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 is not usable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 was written by another Teller version (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 cannot be created: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal %1 is damaged and cannot be moved aside: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal was damaged (%1). It was moved to %2 and a new one was started. Operations recorded only in the old file must be checked with a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action could not be written to the local journal, so it was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal could not be updated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local journal cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal entry %1 is not a valid action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal entry %1 does not match its fingerprint; it is not resent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::LocalServer</name>
    <message>
        <source>TELLER_PG_BINDIR=%1 has no initdb and pg_ctl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s server programs (initdb, pg_ctl) were not found. On Debian: apt-get install postgresql</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 cannot be handed to the postgres user. Running as root needs the postgres OS user (apt-get install postgresql).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot update %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server in %1 has no readable superuser.password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free TCP port on 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private PostgreSQL server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private PostgreSQL server did not find a free port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy %1 into the server&apos;s directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hand %1 to the postgres user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 belongs to another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory %1 is not private to the server&apos;s user (it must be theirs, with mode 0700).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s passwordcheck module is not installed in %1. On Debian it comes with the package postgresql-15.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Migrator</name>
    <message>
        <source>reading the applied migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database schema is newer (version %1) than this program knows (version %2). Install the current Teller version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) in the database differs from this program&apos;s copy. The schema was changed by hand or by another build; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applying migration %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording migration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the applied functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applying the function file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recording the applied functions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digit grouping is not valid: groups of three digits, decimal separator &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign may only stand at the start of the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in an amount: use digits and &quot;%2&quot; as decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits are missing after the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 amounts have no decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 digits after the decimal separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Outcome</name>
    <message>
        <source>Insufficient funds: the available balance does not cover the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is frozen: no money may leave it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The currency does not match the account&apos;s currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The resulting balance would exceed what an account can hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor rejected the operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your till is not open: open it with a count first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash in the till: ask a supervisor for cash from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This amount needs the customer&apos;s identification (document type and number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till is already open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A difference found when the till was last counted is still waiting for a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operations waiting for a supervisor still hold cash in this till: have them decided first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such active teller in this branch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash for your own till is moved by another supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many of your operations are waiting for a supervisor (or one already holds money on this account): have them decided first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation has been reversed already, or a reversal of it is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::Supervision</name>
    <message>
        <source>reading the operations to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the operations in doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deciding the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no operation with this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>releasing expired holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reporting an operation in doubt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an operation this program cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::TellerClient</name>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server is lost; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in; the action was not sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found open in the workstation&apos;s journal at sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No operation can be sent while the local journal cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>teller::WorkstationConfig</name>
    <message>
        <source>a value without &quot;;&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration %1 is not valid: [%2] %3 = &quot;%4&quot;; expected %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a database name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disable, allow, prefer, require, verify-ca or verify-full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a pg_service.conf service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration %1 names the root certificate %2, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file: line %2 is neither a [section], a key = value nor a ; comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a host name, address or socket directory, or a list of them separated by &quot;,&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number from %1 to %2, or a list of them separated by &quot;,&quot;, one for each host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any, read-write or primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>one port, or one for each of the %n host(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>teller::demo</name>
    <message>
        <source>Opening balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking for the demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo seed could not %1: %2 %3 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking that the database is the demo&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database has staff or accounts of its own and is not a demo database: the demo seed would give its staff the demo&apos;s well-known passwords. Nothing was changed. Seed only a new, empty database (tellerctl demo start makes one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marking the database as the demo&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receive cash into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open a till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bring cash to a till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pay in the opening balance of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>take the paid-in cash to the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting the tellers&apos; day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash into the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out of the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash from the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash to the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
