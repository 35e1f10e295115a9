<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
</context>
<context>
    <name>ActionForm</name>
    <message>
        <source>Problem with the account</source>
        <translation>Problem mit dem Konto</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>Auf Konto:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von Konto:</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>&amp;To account:</source>
        <translation>Zielkon&amp;to:</translation>
    </message>
    <message>
        <source>There is no account with this number.</source>
        <translation>Es gibt kein Konto mit dieser Nummer.</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Betr&amp;ag:</translation>
    </message>
    <message>
        <source>Problem with the amount</source>
        <translation>Problem mit dem Betrag</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Auszahlen (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation>Einzahlen (&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;ransfer</source>
        <translation>Übe&amp;rweisen</translation>
    </message>
    <message>
        <source>Carry out the operation (Enter)</source>
        <translation>Vorgang ausführen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>Leeren (&amp;C)</translation>
    </message>
    <message>
        <source>Clear the form (Esc)</source>
        <translation>Formular zurücksetzen (Esc)</translation>
    </message>
    <message>
        <source>Outcome details</source>
        <translation>Ergebnisdetails</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Show &amp;receipt</source>
        <translation>Beleg anzeigen (&amp;R)</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Erneut nachfra&amp;gen</translation>
    </message>
    <message>
        <source>Start a new operation (Esc)</source>
        <translation>Neuen Vorgang beginnen (Esc)</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>No account selected. Find one with Ctrl+F.</source>
        <translation>Kein Konto ausgewählt. Bitte mit Strg+F ein Konto suchen.</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>A transfer needs two different accounts.</source>
        <translation>Für eine Überweisung sind zwei verschiedene Konten nötig.</translation>
    </message>
    <message>
        <source>Above your approval limit of %1: a supervisor must approve it.</source>
        <translation>Über dem Freigabelimit von %1: Freigabe durch Vorgesetzte erforderlich.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Operation key %1</source>
        <translation>Vorgangsschlüssel %1</translation>
    </message>
    <message>
        <source>Another operation is still being confirmed. Wait for it, then submit again.</source>
        <translation>Ein anderer Vorgang wird noch bestätigt. Bitte abwarten und dann erneut absenden.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message>
        <source>%1 — retrying, attempt %2 of %3</source>
        <translation>%1 — neuer Versuch %2 von %3</translation>
    </message>
    <message>
        <source>Completed — pay out %1</source>
        <translation>Ausgeführt — %1 auszahlen</translation>
    </message>
    <message>
        <source>Completed — %1 paid in</source>
        <translation>Ausgeführt — %1 eingezahlt</translation>
    </message>
    <message>
        <source>Balance after: %1</source>
        <translation>Kontostand danach: %1</translation>
    </message>
    <message>
        <source>Rejected — %1</source>
        <translation>Abgelehnt — %1</translation>
    </message>
    <message>
        <source>Nothing was paid or booked.</source>
        <translation>Es wurde nichts ausgezahlt oder gebucht.</translation>
    </message>
    <message>
        <source>Waiting for a supervisor — do not pay out yet</source>
        <translation>Warten auf Freigabe durch Vorgesetzte — noch nicht auszahlen</translation>
    </message>
    <message>
        <source>%1 is held on the account until a supervisor approves or rejects it.</source>
        <translation>%1 ist auf dem Konto vorgemerkt, bis Vorgesetzte den Vorgang freigeben oder ablehnen.</translation>
    </message>
    <message>
        <source>Not confirmed — do not pay out yet</source>
        <translation>Nicht bestätigt — noch nicht auszahlen</translation>
    </message>
    <message>
        <source>The approval did not come in time; the hold was released.</source>
        <translation>Die Freigabe kam nicht rechtzeitig; die Vormerkung wurde aufgehoben.</translation>
    </message>
    <message>
        <source>This operation was abandoned; it will never be carried out.</source>
        <translation>Dieser Vorgang wurde verworfen; er wird nicht mehr ausgeführt.</translation>
    </message>
    <message>
        <source>The server refused the operation key (used for another operation).</source>
        <translation>Der Server hat den Vorgangsschlüssel abgelehnt (er gehört zu einem anderen Vorgang).</translation>
    </message>
    <message>
        <source>Failed — %1</source>
        <translation>Fehlgeschlagen — %1</translation>
    </message>
    <message>
        <source>A&amp;bandon</source>
        <translation>Aufge&amp;ben</translation>
    </message>
    <message>
        <source>Give the operation up for good: it will never be carried out. If it already was, you will see that instead.</source>
        <translation>Den Vorgang endgültig verwerfen: Er wird nie ausgeführt. Falls er bereits ausgeführt wurde, wird stattdessen das angezeigt.</translation>
    </message>
    <message>
        <source>Abandon the operation?</source>
        <translation>Vorgang verwerfen?</translation>
    </message>
    <message>
        <source>The operation (key %1) will never be carried out. If it already was, you will see that instead. Abandon it?</source>
        <translation>Der Vorgang (Schlüssel %1) wird nie ausgeführt. Falls er bereits ausgeführt wurde, wird stattdessen das angezeigt. Verwerfen?</translation>
    </message>
    <message>
        <source>Approved by %1 — pay out %2</source>
        <translation>Freigegeben von %1 — %2 auszahlen</translation>
    </message>
    <message>
        <source>Rejected by %1</source>
        <translation>Abgelehnt von %1</translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation>Abgelehnt von %1: %2</translation>
    </message>
    <message>
        <source>The account could not be looked up: %1</source>
        <translation>Das Konto konnte nicht nachgeschlagen werden: %1</translation>
    </message>
    <message>
        <source>New o&amp;peration</source>
        <translation>Neuer Vorgang (&amp;P)</translation>
    </message>
    <message>
        <source>Not confirmed — do not pay out yet. Another operation is still being confirmed: try again once it is done.</source>
        <translation>Nicht bestätigt — noch nicht auszahlen. Ein anderer Vorgang wird noch bestätigt: erneut versuchen, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Stop waiting for the supervisor?</source>
        <translation>Nicht mehr auf die Aufsicht warten?</translation>
    </message>
    <message>
        <source>The operation (key %1) stays held until a supervisor approves or rejects it, and that decision still applies. This form will no longer show it: the outcome will be in the account&apos;s recent operations. Do not pay out before you see it there.

Start a new operation?</source>
        <translation>Der Vorgang (Schlüssel %1) bleibt vorgemerkt, bis eine Aufsicht ihn genehmigt oder ablehnt, und diese Entscheidung gilt weiterhin. Dieses Formular zeigt ihn nicht mehr an: Das Ergebnis steht dann in den letzten Vorgängen des Kontos. Erst auszahlen, wenn es dort zu sehen ist.

Neuen Vorgang beginnen?</translation>
    </message>
    <message>
        <source>Ask the server what became of the operation, by its key. Nothing is sent: if the server never received it, you choose then.</source>
        <translation>Den Server nach dem Vorgang fragen (mit seinem Schlüssel). Es wird nichts gesendet: Hat der Server ihn nie erhalten, entscheiden Sie danach.</translation>
    </message>
    <message>
        <source>&amp;Send now — the customer is here</source>
        <translation>Jetzt &amp;senden — der Kunde ist da</translation>
    </message>
    <message>
        <source>The server never received the operation: send it now, with its key. It is carried out once.</source>
        <translation>Der Server hat den Vorgang nie erhalten: jetzt senden, mit seinem Schlüssel. Er wird genau einmal ausgeführt.</translation>
    </message>
    <message>
        <source>Canc&amp;el — nothing happened</source>
        <translation>Storni&amp;eren — nichts ist geschehen</translation>
    </message>
    <message>
        <source>The server never received the operation: cancel it for good. It will never be carried out, even if it arrives late.</source>
        <translation>Der Server hat den Vorgang nie erhalten: endgültig stornieren. Er wird nie ausgeführt, auch wenn er verspätet ankommt.</translation>
    </message>
    <message>
        <source>More than the available %1. If money came in meanwhile, refresh the account (F5).</source>
        <translation>Mehr als verfügbar (%1). Ist inzwischen Geld eingegangen, das Konto aktualisieren (F5).</translation>
    </message>
    <message>
        <source>Not sent — another operation is still being confirmed: try again once it is done.</source>
        <translation>Nicht gesendet — ein anderer Vorgang wird noch bestätigt: erneut versuchen, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird storniert…</translation>
    </message>
    <message>
        <source>Approved by %1 — %2 paid in</source>
        <translation>Freigegeben von %1 — %2 eingezahlt</translation>
    </message>
    <message>
        <source>Approved by %1 — %2 transferred to %3</source>
        <translation>Freigegeben von %1 — %2 überwiesen an %3</translation>
    </message>
    <message>
        <source>Completed — %1 transferred to %2</source>
        <translation>Ausgeführt — %1 überwiesen an %2</translation>
    </message>
    <message>
        <source>Carried out once, at %1 (the server&apos;s record).</source>
        <translation>Einmal ausgeführt, am %1 (laut Server).</translation>
    </message>
    <message>
        <source>Still not confirmed — do not pay out yet</source>
        <translation>Weiterhin nicht bestätigt — noch nicht auszahlen</translation>
    </message>
    <message>
        <source>The server could not be asked. It is asked again as soon as the connection is back.</source>
        <translation>Der Server konnte nicht gefragt werden. Er wird erneut gefragt, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>The account is locked by another operation — not confirmed</source>
        <translation>Das Konto ist durch einen anderen Vorgang gesperrt — nicht bestätigt</translation>
    </message>
    <message>
        <source>Cancelled — nothing was paid or booked.</source>
        <translation>Storniert — es wurde nichts ausgezahlt oder gebucht.</translation>
    </message>
    <message>
        <source>The server never received this operation — nothing happened</source>
        <translation>Der Server hat diesen Vorgang nie erhalten — nichts ist geschehen</translation>
    </message>
    <message>
        <source>If the customer is still here, send it now: it is carried out once. If the customer has left, cancel it: it will never be carried out.</source>
        <translation>Ist der Kunde noch da, jetzt senden: Der Vorgang wird genau einmal ausgeführt. Ist der Kunde gegangen, stornieren: Er wird nie ausgeführt.</translation>
    </message>
    <message>
        <source>Not sent — nothing happened</source>
        <translation>Nicht gesendet — nichts ist geschehen</translation>
    </message>
    <message>
        <source>The server could not be reached. Send it when the connection is back, or cancel it.</source>
        <translation>Der Server war nicht erreichbar. Senden, sobald die Verbindung wieder steht, oder stornieren.</translation>
    </message>
    <message>
        <source>The server could not be reached. Nothing was paid or booked: send it again when the connection is back.</source>
        <translation>Der Server war nicht erreichbar. Es wurde nichts ausgezahlt oder gebucht: erneut senden, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>The operation is still not settled: do not pay out yet.</source>
        <translation>Der Vorgang ist weiterhin ungeklärt: noch nicht auszahlen.</translation>
    </message>
    <message>
        <source>Your till</source>
        <translation>Ihre Kasse</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>Kasse:</translation>
    </message>
    <message>
        <source>Reading your till…</source>
        <translation>Ihre Kasse wird gelesen…</translation>
    </message>
    <message>
        <source>Your %1 till is not open: no cash can go out or come in. Open it first.</source>
        <translation>Ihre Kasse in %1 ist nicht geöffnet: Es kann kein Bargeld aus- oder eingehen. Öffnen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Paid out in cash from your till (%1 in it).</source>
        <translation>Bar aus Ihrer Kasse ausgezahlt (%1 darin).</translation>
    </message>
    <message>
        <source>Taken in as cash into your till (%1 in it).</source>
        <translation>Bar in Ihre Kasse eingenommen (%1 darin).</translation>
    </message>
    <message>
        <source>Your till holds only %1: ask a supervisor for cash from the vault.</source>
        <translation>Ihre Kasse enthält nur %1: Bitten Sie einen Vorgesetzten um Bargeld aus dem Tresor.</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2</source>
        <translation>Auszahlung von %1 von %2</translation>
    </message>
    <message>
        <source>Deposit of %1 into %2</source>
        <translation>Einzahlung von %1 auf %2</translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 to %3</source>
        <translation>Überweisung von %1 von %2 an %3</translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — do not pay out yet.</source>
        <translation>%1: wartet auf einen Vorgesetzten — noch nicht auszahlen.</translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — not booked yet; keep the cash apart.</source>
        <translation>%1: wartet auf einen Vorgesetzten — noch nicht gebucht; das Bargeld getrennt aufbewahren.</translation>
    </message>
    <message>
        <source>%1: waits for a supervisor — not carried out yet.</source>
        <translation>%1: wartet auf einen Vorgesetzten — noch nicht ausgeführt.</translation>
    </message>
    <message>
        <source>%1: never reached the server — nothing happened.</source>
        <translation>%1: hat den Server nie erreicht — nichts ist geschehen.</translation>
    </message>
    <message>
        <source>%1: not confirmed — do not pay out.</source>
        <translation>%1: nicht bestätigt — nicht auszahlen.</translation>
    </message>
    <message>
        <source>%1: not confirmed — keep the cash apart until it is settled.</source>
        <translation>%1: nicht bestätigt — das Bargeld getrennt aufbewahren, bis es geklärt ist.</translation>
    </message>
    <message>
        <source>%1: not confirmed — tell the customer it is not confirmed yet.</source>
        <translation>%1: nicht bestätigt — dem Kunden sagen, dass sie noch nicht bestätigt ist.</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technische Angaben</translation>
    </message>
    <message>
        <source>Detai&amp;ls</source>
        <translation>Detai&amp;ls</translation>
    </message>
    <message>
        <source>What the server or the network said, for your IT staff</source>
        <translation>Was der Server oder das Netz gemeldet hat, für Ihre IT</translation>
    </message>
    <message>
        <source>Another operation kept the account busy the whole time. Check again in a moment.</source>
        <translation>Ein anderer Vorgang hielt das Konto die ganze Zeit belegt. Gleich erneut prüfen.</translation>
    </message>
    <message>
        <source>The connection broke while the operation was on its way, so it may or may not have been carried out. It is asked about as soon as the connection is back.</source>
        <translation>Die Verbindung brach ab, während der Vorgang unterwegs war; er kann ausgeführt worden sein oder nicht. Sobald die Verbindung wieder steht, wird nachgefragt.</translation>
    </message>
    <message>
        <source>The server could not be asked just now. It is asked again as soon as the connection is back.</source>
        <translation>Der Server konnte gerade nicht gefragt werden. Sobald die Verbindung wieder steht, wird erneut gefragt.</translation>
    </message>
    <message>
        <source>The server could not be reached, so nothing was cancelled. It is asked again as soon as the connection is back.</source>
        <translation>Der Server war nicht erreichbar, daher wurde nichts storniert. Sobald die Verbindung wieder steht, wird erneut gefragt.</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Dokumentnummer</translation>
    </message>
    <message>
        <source>ID docu&amp;ment:</source>
        <translation>Ausweisdoku&amp;ment:</translation>
    </message>
    <message>
        <source>Needed from %1 on</source>
        <translation>Erforderlich ab %1</translation>
    </message>
    <message>
        <source>From %1 on, cash needs the customer&apos;s identification: the document&apos;s type and number.</source>
        <translation>Ab %1 ist bei Bargeld ein Ausweis des Kunden nötig: Art und Nummer des Dokuments.</translation>
    </message>
    <message>
        <source>Pay out %1 in cash from %2?</source>
        <translation>%1 bar von %2 auszahlen?</translation>
    </message>
    <message>
        <source>&amp;Withdraw %1</source>
        <translation>%1 auszahlen (&amp;W)</translation>
    </message>
    <message>
        <source>Take in %1 in cash into %2?</source>
        <translation>%1 bar auf %2 einzahlen?</translation>
    </message>
    <message>
        <source>&amp;Deposit %1</source>
        <translation>%1 einzahlen (&amp;D)</translation>
    </message>
    <message>
        <source>Transfer %1 from %2 to %3?</source>
        <translation>%1 von %2 an %3 überweisen?</translation>
    </message>
    <message>
        <source>T&amp;ransfer %1</source>
        <translation>%1 übe&amp;rweisen</translation>
    </message>
    <message>
        <source>Payee:</source>
        <translation>Empfänger:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Your till:</source>
        <translation>Ihre Kasse:</translation>
    </message>
    <message>
        <source>%1 now, %2 after</source>
        <translation>jetzt %1, danach %2</translation>
    </message>
    <message>
        <source>Identification:</source>
        <translation>Ausweis:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Vermerk:</translation>
    </message>
    <message>
        <source>Approval:</source>
        <translation>Freigabe:</translation>
    </message>
    <message>
        <source>above your limit: it waits for a supervisor before anything moves</source>
        <translation>über Ihrem Freigabelimit: wartet auf Freigabe durch Vorgesetzte, bevor etwas gebucht wird</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <source>Choose an account first.</source>
        <translation>Bitte zuerst ein Konto auswählen.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>The amount exceeds the maximum for a single operation.</source>
        <translation>Der Betrag übersteigt den Höchstbetrag für einen einzelnen Vorgang.</translation>
    </message>
</context>
<context>
    <name>BlotterDialog</name>
    <message>
        <source>Blotter</source>
        <translation>Kassenjournal</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Währ&amp;ung:</translation>
    </message>
    <message>
        <source>Reading your tills…</source>
        <translation>Ihre Kassen werden gelesen…</translation>
    </message>
    <message>
        <source>You have no till yet: open one first.</source>
        <translation>Sie haben noch keine Kasse: Öffnen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>%1 — open</source>
        <translation>%1 — geöffnet</translation>
    </message>
    <message>
        <source>%1 — not open</source>
        <translation>%1 — nicht geöffnet</translation>
    </message>
    <message>
        <source>Your tills could not be read: %1</source>
        <translation>Ihre Kassen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Till %1, open since %2.</source>
        <translation>Kasse %1, geöffnet seit %2.</translation>
    </message>
    <message>
        <source>Till %1 is not open: the movements of its last session.</source>
        <translation>Kasse %1 ist nicht geöffnet: die Bewegungen ihrer letzten Sitzung.</translation>
    </message>
</context>
<context>
    <name>BlotterReport</name>
    <message>
        <source>Till blotter</source>
        <translation>Kassenjournal</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Movements since the till was opened</source>
        <translation>Bewegungen seit dem Öffnen der Kasse</translation>
    </message>
    <message>
        <source>No movements yet.</source>
        <translation>Noch keine Bewegungen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Till effect</source>
        <translation>Wirkung auf die Kasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Totals by kind (completed operations)</source>
        <translation>Summen nach Art (ausgeführte Vorgänge)</translation>
    </message>
    <message>
        <source>No completed operations yet.</source>
        <translation>Noch keine ausgeführten Vorgänge.</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Net into the till</source>
        <translation>Netto in die Kasse</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>Das Seitenformat wird nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>BlotterView</name>
    <message>
        <source>Blotter</source>
        <translation>Kassenjournal</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Till effect</source>
        <translation>Wirkung auf die Kasse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Movements of the till</source>
        <translation>Bewegungen der Kasse</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Totals by kind</source>
        <translation>Summen nach Art</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Drucken (&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als P&amp;DF speichern…</translation>
    </message>
    <message>
        <source>Totals by kind (completed operations):</source>
        <translation>Summen nach Art (ausgeführte Vorgänge):</translation>
    </message>
    <message>
        <source>The blotter could not be read: %1</source>
        <translation>Das Kassenjournal konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Blotter — %1</source>
        <translation>Kassenjournal — %1</translation>
    </message>
    <message>
        <source>Blotter — till %1 · %2</source>
        <translation>Kassenjournal — Kasse %1 · %2</translation>
    </message>
    <message>
        <source>Reading the blotter…</source>
        <translation>Kassenjournal wird gelesen…</translation>
    </message>
    <message>
        <source>Net into the till</source>
        <translation>Netto in die Kasse</translation>
    </message>
    <message>
        <source>No movements since the till was opened.</source>
        <translation>Keine Bewegungen seit dem Öffnen der Kasse.</translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s) since the till was opened.</source>
        <translation>
            <numerusform>%n Bewegung seit dem Öffnen der Kasse.</numerusform>
            <numerusform>%n Bewegungen seit dem Öffnen der Kasse.</numerusform>
        </translation>
    </message>
    <message>
        <source>The blotter has not been read yet.</source>
        <translation>Das Kassenjournal wurde noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Till blotter</source>
        <translation>Kassenjournal</translation>
    </message>
    <message>
        <source>Print the blotter</source>
        <translation>Kassenjournal drucken</translation>
    </message>
    <message>
        <source>The blotter could not be printed.</source>
        <translation>Das Kassenjournal konnte nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>The blotter was sent to the printer.</source>
        <translation>Das Kassenjournal wurde an den Drucker gesendet.</translation>
    </message>
    <message>
        <source>blotter-%1-%2.pdf</source>
        <translation>blotter-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Save the blotter</source>
        <translation>Kassenjournal speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Approve this operation?</source>
        <translation>Diesen Vorgang freigeben?</translation>
    </message>
    <message>
        <source>Reject this operation?</source>
        <translation>Diesen Vorgang ablehnen?</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Betrag:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>To account:</source>
        <translation>Zielkonto:</translation>
    </message>
    <message>
        <source>Available now:</source>
        <translation>Jetzt verfügbar:</translation>
    </message>
    <message>
        <source>Teller:</source>
        <translation>Kassierer:</translation>
    </message>
    <message>
        <source>Teller&apos;s note:</source>
        <translation>Vermerk des Kassierers:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Required: the teller sees it</source>
        <translation>Pflichtangabe: Der Kassierer sieht sie</translation>
    </message>
    <message>
        <source>Your &amp;note:</source>
        <translation>Ihre &amp;Notiz:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>Freigeben (&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>Ablehnen (&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Back — decide nothing</source>
        <translation>Zurück — nichts entscheiden (&amp;B)</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2 (%3), asked by %4</source>
        <translation>Auszahlung von %1 von %2 (%3), beantragt von %4</translation>
    </message>
    <message>
        <source>Deposit of %1 into %2 (%3), asked by %4</source>
        <translation>Einzahlung von %1 auf %2 (%3), beantragt von %4</translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 (%3) to %4, asked by %5</source>
        <translation>Überweisung von %1 von %2 (%3) an %4, beantragt von %5</translation>
    </message>
    <message>
        <source>%1 of %2 on %3 (%4), asked by %5</source>
        <translation>%1 über %2 auf %3 (%4), beantragt von %5</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Eine Ablehnung braucht einen Grund.</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>Differenz:</translation>
    </message>
    <message>
        <source>Till:</source>
        <translation>Kasse:</translation>
    </message>
    <message>
        <source>Reason given:</source>
        <translation>Angegebener Grund:</translation>
    </message>
    <message>
        <source>Over/short at till close</source>
        <translation>Kassendifferenz beim Schließen der Kasse</translation>
    </message>
    <message>
        <source>Over/short at till opening</source>
        <translation>Kassendifferenz beim Öffnen der Kasse</translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3 counted %4, expected %5 — %6 short</source>
        <translation>%1: Kasse %3 von %2, gezählt %4, Sollbestand %5 — Fehlbetrag %6</translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3 counted %4, expected %5 — %6 over</source>
        <translation>%1: Kasse %3 von %2, gezählt %4, Sollbestand %5 — Überschuss %6</translation>
    </message>
    <message>
        <source>%1: %2&apos;s till %3, a difference of %4 between the count and the book</source>
        <translation>%1: Kasse %3 von %2, Differenz von %4 zwischen Zählung und Sollbestand</translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>(kein Grund angegeben)</translation>
    </message>
    <message>
        <source>Reversal of a transfer of %1 from %2 (%3) to %4, asked by %5: %6</source>
        <translation>Stornierung einer Überweisung über %1 von %2 (%3) an %4, beantragt von %5: %6</translation>
    </message>
    <message>
        <source>Reversal of a cash withdrawal or deposit of %1 on %2 (%3), asked by %4: %5</source>
        <translation>Stornierung einer Bar-Auszahlung oder -Einzahlung über %1 auf %2 (%3), beantragt von %4: %5</translation>
    </message>
    <message>
        <source>Reversal of a withdrawal of %1 from %2 (%3): the money goes back into the account, the cash back into the till; asked by %4: %5</source>
        <translation>Stornierung einer Auszahlung von %1 von %2 (%3): Das Geld geht zurück auf das Konto, das Bargeld zurück in die Kasse; beantragt von %4: %5</translation>
    </message>
    <message>
        <source>Reversal of a deposit of %1 into %2 (%3): the money comes out of the account, the cash goes back to the customer; asked by %4: %5</source>
        <translation>Stornierung einer Einzahlung von %1 auf %2 (%3): Das Geld wird dem Konto wieder belastet, das Bargeld geht zurück an den Kunden; beantragt von %4: %5</translation>
    </message>
</context>
<context>
    <name>DoubtTableModel</name>
    <message>
        <source>Never received</source>
        <translation>Nie angekommen</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>What the workstation saw</source>
        <translation>Meldung des Arbeitsplatzes</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Kontostand danach</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation>Vorgangsschlüssel</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to Teller</source>
        <translation>Bei Teller anmelden</translation>
    </message>
    <message>
        <source>db.branch.example or /run/postgresql</source>
        <translation>db.branch.example oder /run/postgresql</translation>
    </message>
    <message>
        <source>Encrypted, server verified (verify-full)</source>
        <translation>Verschlüsselt, Server geprüft (verify-full)</translation>
    </message>
    <message>
        <source>Encrypted, certificate checked (verify-ca)</source>
        <translation>Verschlüsselt, Zertifikat geprüft (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypted, not verified (require)</source>
        <translation>Verschlüsselt, nicht geprüft (require)</translation>
    </message>
    <message>
        <source>Encrypted if possible (prefer)</source>
        <translation>Verschlüsselt, falls möglich (prefer)</translation>
    </message>
    <message>
        <source>Not encrypted (disable)</source>
        <translation>Unverschlüsselt (disable)</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>V&amp;erschlüsselung:</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Beenden (&amp;Q)</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Bitte die Benutzerkennung eingeben.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>S&amp;ign in</source>
        <translation>Anmelden (&amp;I)</translation>
    </message>
    <message>
        <source>5432, or 5432,5433 for two servers</source>
        <translation>5432, oder 5432,5433 für zwei Server</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Teller</source>
        <translation>Teller</translation>
    </message>
    <message>
        <source>No account found.</source>
        <translation>Kein Konto gefunden.</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>Es gibt kein Konto %1.</translation>
    </message>
    <message>
        <source>Account number or holder&apos;s name</source>
        <translation>Kontonummer oder Name des Kontoinhabers</translation>
    </message>
    <message>
        <source>Accounts found</source>
        <translation>Gefundene Konten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Kontonummer:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Kontostand:</translation>
    </message>
    <message>
        <source>Held:</source>
        <translation>Vorgemerkt:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Verfügbar:</translation>
    </message>
    <message>
        <source>Withdraw (F2)</source>
        <translation>Auszahlung (F2)</translation>
    </message>
    <message>
        <source>Deposit (F3)</source>
        <translation>Einzahlung (F3)</translation>
    </message>
    <message>
        <source>Transfer (F4)</source>
        <translation>Überweisung (F4)</translation>
    </message>
    <message>
        <source>Recent operations</source>
        <translation>Letzte Vorgänge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Datei (&amp;F)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Abmelden (&amp;O)</translation>
    </message>
    <message>
        <source>An operation is still being confirmed.</source>
        <translation>Ein Vorgang wird noch bestätigt.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Beenden (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>V&amp;orgänge</translation>
    </message>
    <message>
        <source>&amp;Find account</source>
        <translation>Konto &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Auszahlung (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation>Einzahlung (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>Überweisung (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh account</source>
        <translation>Konto aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>Tastatur (&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tastaturbedienung</translation>
    </message>
    <message>
        <source>&amp;About Teller</source>
        <translation>Über Teller (&amp;A)</translation>
    </message>
    <message>
        <source>About Teller</source>
        <translation>Über Teller</translation>
    </message>
    <message>
        <source>&lt;b&gt;Teller&lt;/b&gt; %1&lt;br&gt;Withdrawals, deposits and transfers, each carried out exactly once.</source>
        <translation>&lt;b&gt;Teller&lt;/b&gt; %1&lt;br&gt;Auszahlungen, Einzahlungen und Überweisungen – jeder Vorgang wird genau einmal ausgeführt.</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Angemeldet: %1 (%2)</translation>
    </message>
    <message>
        <source>Teller — %1</source>
        <translation>Teller — %1</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <source>● Connection lost — reconnecting</source>
        <translation>● Verbindung unterbrochen — wird wiederhergestellt</translation>
    </message>
    <message>
        <source>Network: offline</source>
        <translation>Netzwerk: offline</translation>
    </message>
    <message>
        <source>No account selected</source>
        <translation>Kein Konto ausgewählt</translation>
    </message>
    <message>
        <source>(overdraft to %1)</source>
        <translation>(überziehbar bis %1)</translation>
    </message>
    <message>
        <source>An operation is being confirmed; the window closes when it is done.</source>
        <translation>Ein Vorgang wird gerade bestätigt; das Fenster schließt sich danach.</translation>
    </message>
    <message>
        <source>Local journal</source>
        <translation>Lokales Journal</translation>
    </message>
    <message>
        <source>Desk (Ctrl+1)</source>
        <translation>Schalter (Strg+1)</translation>
    </message>
    <message>
        <source>De&amp;sk</source>
        <translation>&amp;Schalter</translation>
    </message>
    <message>
        <source>Su&amp;pervision (pending approvals)</source>
        <translation>Aufsicht (ausstehende Freigaben) (&amp;P)</translation>
    </message>
    <message>
        <source>Supervision (Ctrl+2)</source>
        <translation>Freigaben (Strg+2)</translation>
    </message>
    <message>
        <source>Supervision: %1 pending (Ctrl+2)</source>
        <translation>Freigaben: %1 ausstehend (Strg+2)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ein&amp;stellungen…</translation>
    </message>
    <message>
        <source>F&amp;ind account (Ctrl+F):</source>
        <translation>Konto f&amp;inden (Strg+F):</translation>
    </message>
    <message>
        <source>Sign out anyway?</source>
        <translation>Trotzdem abmelden?</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Unfinished operations</source>
        <translation>Nicht abgeschlossene Vorgänge</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>&amp;Passwort ändern…</translation>
    </message>
    <message>
        <source>Your password is changed. Use it from the next sign-in on.</source>
        <translation>Ihr Passwort ist geändert. Verwenden Sie es ab der nächsten Anmeldung.</translation>
    </message>
    <message>
        <source>%1 — not available: the account is frozen</source>
        <translation>%1 — nicht verfügbar: Das Konto ist gesperrt</translation>
    </message>
    <message>
        <source>%1 — not available: the account is closed</source>
        <translation>%1 — nicht verfügbar: Das Konto ist aufgelöst</translation>
    </message>
    <message>
        <source>Your till could not be read: %1</source>
        <translation>Ihre Kasse konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Your till is not open: no cash can go out or come in.</source>
        <translation>Ihre Kasse ist nicht geöffnet: Es kann kein Bargeld aus- oder eingehen.</translation>
    </message>
    <message>
        <source>Your till: %1</source>
        <translation>Ihre Kasse: %1</translation>
    </message>
    <message>
        <source>not open: %1</source>
        <translation>nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>Your till</source>
        <translation>Ihre Kasse</translation>
    </message>
    <message>
        <source>These operations are not finished:

%1

They are shown again at your next sign-in on this workstation, and the supervisors see those not confirmed under In doubt.</source>
        <translation>Diese Vorgänge sind nicht abgeschlossen:

%1

Sie werden bei Ihrer nächsten Anmeldung an diesem Arbeitsplatz wieder angezeigt, und die Vorgesetzten sehen die nicht bestätigten unter „Unklar“.</translation>
    </message>
    <message>
        <source>Operation keys:
%1</source>
        <translation>Vorgangsschlüssel:
%1</translation>
    </message>
    <message>
        <source>Left unconfirmed at sign-out.</source>
        <translation>Bei der Abmeldung unbestätigt zurückgelassen.</translation>
    </message>
    <message>
        <source>Database %1 · encrypted</source>
        <translation>Datenbank %1 · verschlüsselt</translation>
    </message>
    <message>
        <source>Database %1 · not encrypted</source>
        <translation>Datenbank %1 · nicht verschlüsselt</translation>
    </message>
    <message>
        <source>The list could not be refreshed (the server cannot be reached): what it shows may be out of date.</source>
        <translation>Die Liste konnte nicht aktualisiert werden (der Server ist nicht erreichbar): Was sie zeigt, kann veraltet sein.</translation>
    </message>
    <message>
        <source>My open items</source>
        <translation>Meine offenen Posten</translation>
    </message>
    <message>
        <source>Enter: go to the operation or its account · Del: done (paid out, or the customer is told)</source>
        <translation>Eingabe: zum Vorgang oder zu seinem Konto wechseln · Entf: erledigt (ausgezahlt oder Kunde informiert)</translation>
    </message>
    <message>
        <source>M&amp;y open items: none</source>
        <translation>Meine offenen Vorgänge: keine (&amp;Y)</translation>
    </message>
    <message>
        <source>M&amp;y open items: %1</source>
        <translation>Meine offenen Vorgänge: %1 (&amp;Y)</translation>
    </message>
    <message>
        <source>Re&amp;verse…</source>
        <translation>Stornieren (&amp;V)…</translation>
    </message>
    <message>
        <source>Ask for the selected operation to be undone, with a reason: a supervisor decides (Alt+V)</source>
        <translation>Stornierung des ausgewählten Vorgangs mit Begründung beantragen: Vorgesetzte entscheiden (Alt+V)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Saved. A new language is used from the next start.</source>
        <translation>Gespeichert. Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Recent op&amp;erations</source>
        <translation>L&amp;etzte Vorgänge</translation>
    </message>
    <message>
        <source>The receipt could not be printed again: %1</source>
        <translation>Der Beleg konnte nicht erneut gedruckt werden: %1</translation>
    </message>
    <message>
        <source>Recei&amp;pt again…</source>
        <translation>Beleg erneut drucken (&amp;P)…</translation>
    </message>
    <message>
        <source>Print the receipt of the selected operation again, from the server&apos;s record</source>
        <translation>Beleg des ausgewählten Vorgangs erneut drucken, nach den Daten des Servers</translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: print the receipt once it is done.</source>
        <translation>Ein anderer Vorgang wird noch bestätigt: Beleg drucken, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The till&apos;s opening count: not confirmed — check it again.</source>
        <translation>Die Zählung beim Öffnen der Kasse: nicht bestätigt — bitte erneut nachfragen.</translation>
    </message>
    <message>
        <source>The till&apos;s closing count: not confirmed — check it again.</source>
        <translation>Die Zählung beim Schließen der Kasse: nicht bestätigt — bitte erneut nachfragen.</translation>
    </message>
    <message>
        <source>%1: not confirmed — check it again before moving cash anew.</source>
        <translation>%1: nicht bestätigt — erst erneut nachfragen, bevor Bargeld neu bewegt wird.</translation>
    </message>
    <message>
        <source>Still open at the counter:

%1</source>
        <translation>Am Schalter noch offen:

%1</translation>
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
        <translation>Strg+F  Konto suchen (Pfeil nach unten zur Liste, Eingabe zum Öffnen)
F2 / F3 / F4  Auszahlung / Einzahlung / Überweisung
Eingabe  Vorgang ausführen
Esc  Formular zurücksetzen oder neuen Vorgang beginnen
F5  Konto aktualisieren
Strg+H  letzte Vorgänge des Kontos (Alt+V: ausgewählten Vorgang stornieren)
F7 / F8 / F9  Kasse öffnen / Kasse schließen / Kassenjournal
Alt+Y  meine offenen Vorgänge (Eingabe: zum Vorgang, Entf: erledigt)
Strg+Umschalt+L  abmelden    Strg+Q  beenden</translation>
    </message>
</context>
<context>
    <name>OpenItemsModel</name>
    <message>
        <source>no supervisor decided in time</source>
        <translation>kein Vorgesetzter hat rechtzeitig entschieden</translation>
    </message>
    <message>
        <source>Withdrawal of %1 from %2</source>
        <translation>Auszahlung von %1 von %2</translation>
    </message>
    <message>
        <source>Deposit of %1 into %2</source>
        <translation>Einzahlung von %1 auf %2</translation>
    </message>
    <message>
        <source>Transfer of %1 from %2 to %3</source>
        <translation>Überweisung von %1 von %2 an %3</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>%1 — waits for a supervisor: do not pay out yet</source>
        <translation>%1 — wartet auf Freigabe: noch nicht auszahlen</translation>
    </message>
    <message>
        <source>%1 — waits for a supervisor</source>
        <translation>%1 — wartet auf Freigabe</translation>
    </message>
    <message>
        <source>%1 — approved%2: pay out %3 now</source>
        <translation>%1 — freigegeben%2: jetzt %3 auszahlen</translation>
    </message>
    <message>
        <source>%1 — approved%2: booked</source>
        <translation>%1 — freigegeben%2: gebucht</translation>
    </message>
    <message>
        <source>%1 — approved%2: carried out</source>
        <translation>%1 — freigegeben%2: ausgeführt</translation>
    </message>
    <message>
        <source>%1 — rejected%2 (%3): tell the customer</source>
        <translation>%1 — abgelehnt%2 (%3): Kunden informieren</translation>
    </message>
    <message>
        <source>%1 — not confirmed: do not pay out; check again</source>
        <translation>%1 — nicht bestätigt: nicht auszahlen; erneut prüfen</translation>
    </message>
    <message>
        <source>%1 — not confirmed: check again</source>
        <translation>%1 — nicht bestätigt: erneut prüfen</translation>
    </message>
    <message>
        <source>%1 — never reached the server: send it now or cancel it</source>
        <translation>%1 — hat den Server nie erreicht: jetzt senden oder stornieren</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
</context>
<context>
    <name>OperationTableModel</name>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Kontostand danach</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>Gegenkonto</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Erfasst von</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <source>An administrator set your password. Choose your own now: until you do, you cannot pay out or take in money.</source>
        <translation>Ein Administrator hat Ihr Passwort gesetzt. Wählen Sie jetzt Ihr eigenes: bis dahin können Sie kein Geld aus- oder einzahlen.</translation>
    </message>
    <message>
        <source>Choose a new password: at least 8 characters, with letters and at least one digit or sign, not containing your login.</source>
        <translation>Wählen Sie ein neues Passwort: mindestens 8 Zeichen, mit Buchstaben und mindestens einer Ziffer oder einem Zeichen, ohne Ihren Anmeldenamen.</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Neues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>Wiede&amp;rholen:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Ändern (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Später (&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>At least 8 characters.</source>
        <translation>Mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>Das Passwort wird geändert…</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern…</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>From account</source>
        <translation>Von Konto</translation>
    </message>
    <message>
        <source>To account</source>
        <translation>Zielkonto</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Kontostand danach</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation>Vorgangsschlüssel</translation>
    </message>
    <message>
        <source>Keep this receipt. The operation key identifies the operation at the bank.</source>
        <translation>Bitte diesen Beleg aufbewahren. Der Vorgangsschlüssel kennzeichnet den Vorgang bei der Bank.</translation>
    </message>
    <message>
        <source>The page size is not supported.</source>
        <translation>Das Seitenformat wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written.</source>
        <translation>Die Datei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>receipt-%1.pdf</source>
        <translation>receipt-%1.pdf</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>Beleg speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation>Beleg nicht gespeichert</translation>
    </message>
    <message>
        <source>Receipt roll %1 mm</source>
        <translation>Bonrolle %1 mm</translation>
    </message>
    <message>
        <source>%1, %2 %3</source>
        <comment>date, time, time zone</comment>
        <translation>%1, %2 %3</translation>
    </message>
    <message>
        <source>Receipt (reprint)</source>
        <translation>Beleg (Nachdruck)</translation>
    </message>
    <message>
        <source>Receipt printer (80 mm)</source>
        <translation>Bondrucker (80 mm)</translation>
    </message>
    <message>
        <source>A5 page</source>
        <translation>A5-Seite</translation>
    </message>
    <message>
        <source>A4 page</source>
        <translation>A4-Seite</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Papie&amp;r:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Drucken (&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>— REPRINT —</source>
        <translation>— NACHDRUCK —</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Freigegeben von</translation>
    </message>
    <message>
        <source>Customer&apos;s signature</source>
        <translation>Unterschrift des Kunden</translation>
    </message>
    <message>
        <source>Teller&apos;s signature</source>
        <translation>Unterschrift des Kassierers</translation>
    </message>
    <message>
        <source>The printer&apos;s resolution is not known.</source>
        <translation>Die Auflösung des Druckers ist unbekannt.</translation>
    </message>
    <message>
        <source>The page has no room to print on.</source>
        <translation>Auf der Seite ist kein Platz zum Drucken.</translation>
    </message>
    <message>
        <source>The receipt cannot be printed there (the printer or the file is not available).</source>
        <translation>Der Beleg kann dort nicht gedruckt werden (der Drucker oder die Datei ist nicht verfügbar).</translation>
    </message>
    <message>
        <source>The receipt&apos;s page %1 cannot be printed.</source>
        <translation>Seite %1 des Belegs kann nicht gedruckt werden.</translation>
    </message>
    <message>
        <source>The receipt could not be finished on the printer or in the file.</source>
        <translation>Der Beleg konnte auf dem Drucker oder in der Datei nicht fertiggestellt werden.</translation>
    </message>
    <message>
        <source>The file %1 cannot be written: %2</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>The receipt was not printed.</source>
        <translation>Der Beleg wurde nicht gedruckt.</translation>
    </message>
    <message>
        <source>Receipt not printed</source>
        <translation>Beleg nicht gedruckt</translation>
    </message>
    <message>
        <source>The receipt was printed.</source>
        <translation>Der Beleg wurde gedruckt.</translation>
    </message>
    <message>
        <source>The receipt was printed on %1.</source>
        <translation>Der Beleg wurde auf %1 gedruckt.</translation>
    </message>
    <message>
        <source>The receipt was not saved.</source>
        <translation>Der Beleg wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The receipt was saved as %1.</source>
        <translation>Der Beleg wurde als %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Operations from an earlier session</source>
        <translation>Vorgänge aus einer früheren Sitzung</translation>
    </message>
    <message>
        <source>These operations were not confirmed when Teller last stopped on this workstation. This is what the server says about them now.</source>
        <translation>Diese Vorgänge waren nicht bestätigt, als Teller auf diesem Arbeitsplatz zuletzt beendet wurde. So lautet jetzt die Auskunft des Servers.</translation>
    </message>
    <message>
        <source>Unconfirmed operations</source>
        <translation>Unbestätigte Vorgänge</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>&amp;Abandon</source>
        <translation>&amp;Aufgeben</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Erneut nachfra&amp;gen</translation>
    </message>
    <message>
        <source>Transfer %1 from %2 to %3</source>
        <translation>Überweisung %1 von %2 an %3</translation>
    </message>
    <message>
        <source>Deposit %1 into %2</source>
        <translation>Einzahlung %1 auf %2</translation>
    </message>
    <message>
        <source>Withdrawal %1 from %2</source>
        <translation>Auszahlung %1 von %2</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Wartet auf Freigabe durch Vorgesetzte</translation>
    </message>
    <message>
        <source>Abandoned: it will never be carried out</source>
        <translation>Verworfen: wird nie ausgeführt</translation>
    </message>
    <message>
        <source>The approval did not come in time</source>
        <translation>Die Freigabe kam nicht rechtzeitig</translation>
    </message>
    <message>
        <source>The server could not be asked: check again later</source>
        <translation>Der Server war nicht erreichbar: später erneut prüfen</translation>
    </message>
    <message>
        <source>The key belongs to another operation</source>
        <translation>Der Schlüssel gehört zu einem anderen Vorgang</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Sending %1 with its original key…</source>
        <translation>%1 wird mit dem ursprünglichen Schlüssel gesendet…</translation>
    </message>
    <message>
        <source>Abandon the operation?</source>
        <translation>Vorgang verwerfen?</translation>
    </message>
    <message>
        <source>%1 will never be carried out. If it already was, you will see that instead. Abandon it?</source>
        <translation>%1 wird nie ausgeführt. Falls der Vorgang bereits ausgeführt wurde, wird stattdessen das angezeigt. Verwerfen?</translation>
    </message>
    <message>
        <source>Another operation is still being confirmed; nothing was sent. Try again once it is done.</source>
        <translation>Ein anderer Vorgang wird noch bestätigt; nichts wurde gesendet. Erneut versuchen, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>&amp;Send now — the customer is here</source>
        <translation>Jetzt &amp;senden — der Kunde ist da</translation>
    </message>
    <message>
        <source>The server never received the operation: send it now, with its own key. Only if the customer is here.</source>
        <translation>Der Server hat den Vorgang nie erhalten: jetzt senden, mit seinem eigenen Schlüssel. Nur wenn der Kunde da ist.</translation>
    </message>
    <message>
        <source>Approved by %1 — pay out %2 now</source>
        <translation>Freigegeben von %1 — jetzt %2 auszahlen</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Freigegeben von %1</translation>
    </message>
    <message>
        <source>Completed: %1 was taken from the account. If the cash was not handed over, ask a supervisor to reverse it</source>
        <translation>Ausgeführt: %1 wurde vom Konto abgebucht. Wurde das Bargeld nicht übergeben, eine Stornierung bei einem Vorgesetzten beantragen</translation>
    </message>
    <message>
        <source>Completed (balance after %1)</source>
        <translation>Ausgeführt (Saldo danach %1)</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Never received by the server — nothing happened. Send it now only if the customer is here; otherwise cancel it</source>
        <translation>Vom Server nie erhalten — nichts ist geschehen. Nur senden, wenn der Kunde da ist; sonst stornieren</translation>
    </message>
    <message>
        <source>Canc&amp;el — nothing happened</source>
        <translation>Storni&amp;eren — nichts ist geschehen</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse an operation</source>
        <translation>Vorgang stornieren</translation>
    </message>
    <message>
        <source>Reverse: %1</source>
        <translation>Stornierung: %1</translation>
    </message>
    <message>
        <source>%1 goes back into the account; the customer brings the cash back into your till.</source>
        <translation>%1 wird dem Konto wieder gutgeschrieben; der Kunde gibt das Bargeld in Ihre Kasse zurück.</translation>
    </message>
    <message>
        <source>%1 comes out of the account again; the cash goes back to the customer from your till.</source>
        <translation>%1 wird dem Konto wieder abgebucht; das Bargeld geht aus Ihrer Kasse an den Kunden zurück.</translation>
    </message>
    <message>
        <source>%1 goes back from %2 to the account it came from.</source>
        <translation>%1 geht von %2 zurück an das Konto, von dem der Betrag kam.</translation>
    </message>
    <message>
        <source>Nothing moves until a supervisor other than you approves it.</source>
        <translation>Es wird nichts gebucht, bis ein anderer Vorgesetzter als Sie die Stornierung freigibt.</translation>
    </message>
    <message>
        <source>Required: the supervisor and the account&apos;s history see it</source>
        <translation>Pflichtangabe: für Vorgesetzte und in der Kontohistorie sichtbar</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>&amp;Ask for the reversal</source>
        <translation>Stornierung be&amp;antragen</translation>
    </message>
    <message>
        <source>&amp;Back — reverse nothing</source>
        <translation>Zurück — nichts stornieren (&amp;B)</translation>
    </message>
    <message>
        <source>withdrawal of %1 from %2 on %3</source>
        <translation>Auszahlung von %1 von %2 am %3</translation>
    </message>
    <message>
        <source>deposit of %1 into %2 on %3</source>
        <translation>Einzahlung von %1 auf %2 am %3</translation>
    </message>
    <message>
        <source>transfer of %1 from %2 to %3 on %4</source>
        <translation>Überweisung von %1 von %2 an %3 am %4</translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: try again once it is done.</source>
        <translation>Ein anderer Vorgang wird noch bestätigt: erneut versuchen, sobald er abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Asked. The reversal waits for a supervisor; the account shows it once it is decided.</source>
        <translation>Beantragt. Die Stornierung wartet auf Freigabe; das Konto zeigt sie an, sobald entschieden ist.</translation>
    </message>
    <message>
        <source>Reversed.</source>
        <translation>Storniert.</translation>
    </message>
    <message>
        <source>Not reversed: %1</source>
        <translation>Nicht storniert: %1</translation>
    </message>
    <message>
        <source>Not reversed: no supervisor decided in time.</source>
        <translation>Nicht storniert: Kein Vorgesetzter hat rechtzeitig entschieden.</translation>
    </message>
    <message>
        <source>Not reversed: the request was cancelled.</source>
        <translation>Nicht storniert: Der Antrag wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Not confirmed: the server did not answer. Check again before asking anew.</source>
        <translation>Nicht bestätigt: Der Server hat nicht geantwortet. Erneut prüfen, bevor Sie die Stornierung neu beantragen.</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Erneut nachfra&amp;gen</translation>
    </message>
    <message>
        <source>The server never received the request: nothing happened. Send it again, or go back.</source>
        <translation>Der Server hat den Antrag nie erhalten: Es ist nichts geschehen. Erneut senden oder zurückgehen.</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>Not sent — nothing happened. Send it again once the server can be reached.</source>
        <translation>Nicht gesendet — nichts ist geschehen. Erneut senden, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Leave it unconfirmed?</source>
        <translation>Unbestätigt lassen?</translation>
    </message>
    <message>
        <source>The reversal may have reached the server and may be waiting for a supervisor. Look at the account&apos;s operations before asking again.</source>
        <translation>Die Stornierung hat den Server möglicherweise erreicht und wartet vielleicht auf Freigabe. Sehen Sie sich die Vorgänge des Kontos an, bevor Sie sie erneut beantragen.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Carry out this operation?</source>
        <translation>Diesen Vorgang ausführen?</translation>
    </message>
    <message>
        <source>&amp;Back — change it</source>
        <translation>Zurück — ändern (&amp;B)</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>(expiry)</source>
        <translation>(Ablauf)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Kontoinhaber</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Available now</source>
        <translation>Jetzt verfügbar</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Vermerk</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>As the workstation is set up (%1)</source>
        <translation>Wie am Arbeitsplatz eingestellt (%1)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sprache (&amp;L):</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Teller.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start von Teller verwendet.</translation>
    </message>
    <message>
        <source>not set (default)</source>
        <translation>nicht festgelegt (Standard)</translation>
    </message>
    <message>
        <source>Set up by your IT staff</source>
        <translation>Von Ihrer IT eingerichtet</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>none (%1 does not exist)</source>
        <translation>keine (%1 existiert nicht)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Verschlüsselung:</translation>
    </message>
    <message>
        <source>Workstation id:</source>
        <translation>Arbeitsplatz-ID:</translation>
    </message>
    <message>
        <source>Lock timeout:</source>
        <translation>Sperr-Timeout:</translation>
    </message>
    <message>
        <source>Statement timeout:</source>
        <translation>Anweisungs-Timeout:</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Wiederholungen:</translation>
    </message>
    <message>
        <source>Review before sending from:</source>
        <translation>Prüfung vor dem Senden ab:</translation>
    </message>
    <message>
        <source>%1 (in the account&apos;s currency)</source>
        <translation>%1 (in der Kontowährung)</translation>
    </message>
    <message>
        <source>Changes to these are made by IT in the workstation configuration.</source>
        <translation>Änderungen daran nimmt die IT in der Arbeitsplatzkonfiguration vor.</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <source>Filter by teller, account, holder…</source>
        <translation>Nach Kassierer(in), Konto, Inhaber filtern…</translation>
    </message>
    <message>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <source>Operations waiting for approval</source>
        <translation>Vorgänge, die auf Freigabe warten</translation>
    </message>
    <message>
        <source>Details of the selected operation</source>
        <translation>Einzelheiten des gewählten Vorgangs</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>Freigeben (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>Ablehnen (&amp;R)…</translation>
    </message>
    <message>
        <source>Reject the selected operation, with a reason: the hold is released (Alt+R)</source>
        <translation>Den gewählten Vorgang mit Begründung ablehnen: Die Vormerkung wird aufgehoben (Alt+R)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>&amp;Pending</source>
        <translation>Ausstehend (&amp;P)</translation>
    </message>
    <message>
        <source>Operations in doubt</source>
        <translation>Unklare Vorgänge</translation>
    </message>
    <message>
        <source>In &amp;doubt</source>
        <translation>Unklar (&amp;D)</translation>
    </message>
    <message>
        <source>Recently decided operations</source>
        <translation>Kürzlich entschiedene Vorgänge</translation>
    </message>
    <message>
        <source>D&amp;ecided</source>
        <translation>&amp;Entschieden</translation>
    </message>
    <message>
        <source>Account number, then Enter</source>
        <translation>Kontonummer, dann Eingabe</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>Buchungen</translation>
    </message>
    <message>
        <source>A&amp;udit</source>
        <translation>Prüf&amp;ung</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The account&lt;/b&gt; (%1): balance %2, held %3. Recent operations:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Das Konto&lt;/b&gt; (%1): Kontostand %2, vorgemerkt %3. Letzte Vorgänge:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>○ Refreshing every 5 s</source>
        <translation>○ Aktualisierung alle 5 s</translation>
    </message>
    <message>
        <source>Changes arrive as they happen (LISTEN/NOTIFY).</source>
        <translation>Änderungen kommen sofort an (LISTEN/NOTIFY).</translation>
    </message>
    <message>
        <source>Live updates are not available right now; the list is refreshed on a timer.</source>
        <translation>Sofortige Aktualisierung ist gerade nicht verfügbar; die Liste wird in Abständen aktualisiert.</translation>
    </message>
    <message>
        <source>&amp;Pending (%1)</source>
        <translation>Ausstehend (%1) (&amp;P)</translation>
    </message>
    <message>
        <source>In &amp;doubt (%1)</source>
        <translation>Unklar (%1) (&amp;D)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Available now</source>
        <translation>Jetzt verfügbar</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer(in)</translation>
    </message>
    <message>
        <source>Teller&apos;s note</source>
        <translation>Vermerk der Kassierer(in)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Operation key</source>
        <translation>Vorgangsschlüssel</translation>
    </message>
    <message>
        <source>Approving…</source>
        <translation>Wird freigegeben…</translation>
    </message>
    <message>
        <source>Rejecting…</source>
        <translation>Wird abgelehnt…</translation>
    </message>
    <message>
        <source>Too late: the hold had expired.</source>
        <translation>Zu spät: Die Vormerkung war abgelaufen.</translation>
    </message>
    <message>
        <source>Ac&amp;count:</source>
        <translation>Konto (&amp;C):</translation>
    </message>
    <message>
        <source>The operation you had selected is no longer waiting: another supervisor decided it, or it expired. Select the next one yourself.</source>
        <translation>Der ausgewählte Vorgang wartet nicht mehr: Eine andere Aufsicht hat entschieden, oder er ist abgelaufen. Den nächsten bitte selbst auswählen.</translation>
    </message>
    <message>
        <source>The operation&apos;s key &quot;%1&quot; is not valid; nothing was decided.</source>
        <translation>Der Schlüssel &quot;%1&quot; des Vorgangs ist ungültig; nichts wurde entschieden.</translation>
    </message>
    <message>
        <source>Already approved by %1 at %2.</source>
        <translation>Bereits von %1 um %2 genehmigt.</translation>
    </message>
    <message>
        <source>Already rejected by %1 at %2.</source>
        <translation>Bereits von %1 um %2 abgelehnt.</translation>
    </message>
    <message>
        <source>Approve the selected operation, after a look at what it is (Alt+A)</source>
        <translation>Den ausgewählten Vorgang freigeben, nach einem Blick auf seine Angaben (Alt+A)</translation>
    </message>
    <message>
        <source>Nothing was decided.</source>
        <translation>Es wurde nichts entschieden.</translation>
    </message>
    <message>
        <source>the operation %1</source>
        <translation>der Vorgang %1</translation>
    </message>
    <message>
        <source>Approved: %1. %2 may pay out.</source>
        <translation>Freigegeben: %1. %2 darf auszahlen.</translation>
    </message>
    <message>
        <source>Approved: %1. The deposit is booked.</source>
        <translation>Freigegeben: %1. Die Einzahlung ist gebucht.</translation>
    </message>
    <message>
        <source>Approved: %1. The transfer is carried out.</source>
        <translation>Freigegeben: %1. Die Überweisung ist ausgeführt.</translation>
    </message>
    <message>
        <source>Rejected: %1. The hold is released; %2 sees your reason.</source>
        <translation>Abgelehnt: %1. Die Vormerkung ist aufgehoben; %2 sieht Ihren Grund.</translation>
    </message>
    <message>
        <source>Choose the next operation yourself.</source>
        <translation>Den nächsten Vorgang bitte selbst auswählen.</translation>
    </message>
    <message>
        <source>Approved: %1.</source>
        <translation>Freigegeben: %1.</translation>
    </message>
    <message>
        <source>Vau&amp;lt</source>
        <translation>Tresor (&amp;L)</translation>
    </message>
    <message>
        <source>What is decided</source>
        <translation>Zu entscheiden</translation>
    </message>
    <message>
        <source>never: it waits for a decision</source>
        <translation>nie: wartet auf eine Entscheidung</translation>
    </message>
</context>
<context>
    <name>TillActions</name>
    <message>
        <source>Till</source>
        <extracomment>The menu of the teller&apos;s own till. Only a mnemonic that is free on the desk in every form (in German e.g. &quot;&amp;Kasse&quot;: K is free there).</extracomment>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>&amp;Open till…</source>
        <translation>Kasse öffnen (&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Close till…</source>
        <translation>Kasse s&amp;chließen…</translation>
    </message>
    <message>
        <source>&amp;Blotter…</source>
        <translation>Kassenjournal (&amp;B)…</translation>
    </message>
</context>
<context>
    <name>TillCountDialog</name>
    <message>
        <source>Open the till</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>Kasse schließen</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Währ&amp;ung:</translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation>Banknote oder Münze</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
    <message>
        <source>Count by note and coin</source>
        <translation>Zählung nach Banknoten und Münzen</translation>
    </message>
    <message>
        <source>Count the cash by note and coin (Tab or Enter goes to the next line):</source>
        <translation>Bargeld nach Banknoten und Münzen zählen (Tab oder Eingabe springt zur nächsten Zeile):</translation>
    </message>
    <message>
        <source>&amp;Record the count…</source>
        <translation>Zählung e&amp;rfassen…</translation>
    </message>
    <message>
        <source>Con&amp;firm — open the till</source>
        <translation>Bestätigen — Kasse ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Con&amp;firm — close the till</source>
        <translation>Bestätigen — Kasse schließen (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back to the count</source>
        <translation>Zurück zur Zählung (&amp;B)</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Erneut nachfra&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Send now — the count is still right</source>
        <translation>Jetzt &amp;senden — die Zählung stimmt noch</translation>
    </message>
    <message>
        <source>Cancel the coun&amp;t — nothing happened</source>
        <translation>Zählung s&amp;tornieren — nichts ist geschehen</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Schließen (&amp;O)</translation>
    </message>
    <message>
        <source>Your till could not be read: %1</source>
        <translation>Ihre Kasse konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The notes and coins could not be read: %1</source>
        <translation>Die Stückelung (Banknoten und Münzen) konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — retrying, attempt %2 of %3</source>
        <translation>%1 — neuer Versuch %2 von %3</translation>
    </message>
    <message>
        <source>Reading your till…</source>
        <translation>Ihre Kasse wird gelesen…</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öffnen</translation>
    </message>
    <message>
        <source>close</source>
        <translation>schließen</translation>
    </message>
    <message>
        <source>%1 — open</source>
        <translation>%1 — geöffnet</translation>
    </message>
    <message>
        <source>%1 — not open</source>
        <translation>%1 — nicht geöffnet</translation>
    </message>
    <message>
        <source>Till %1</source>
        <translation>Kasse %1</translation>
    </message>
    <message>
        <source>No till in %1 yet: opening makes it.</source>
        <translation>Noch keine Kasse in %1: Sie wird beim Öffnen angelegt.</translation>
    </message>
    <message>
        <source>Expected by the book: %1</source>
        <translation>Sollbestand laut Buch: %1</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>Banknote %1</translation>
    </message>
    <message>
        <source>%1 coin</source>
        <translation>Münze %1</translation>
    </message>
    <message>
        <source>Count of %1 notes</source>
        <translation>Anzahl der Banknoten zu %1</translation>
    </message>
    <message>
        <source>Count of %1 coins</source>
        <translation>Anzahl der Münzen zu %1</translation>
    </message>
    <message>
        <source>Your %1 till is already open.</source>
        <translation>Ihre Kasse in %1 ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>Your %1 till is not open: there is nothing to close.</source>
        <translation>Ihre Kasse in %1 ist nicht geöffnet: Es gibt nichts zu schließen.</translation>
    </message>
    <message>
        <source>No difference: the count matches the book.</source>
        <translation>Keine Differenz: Die Zählung stimmt mit dem Buch überein.</translation>
    </message>
    <message>
        <source>%1 short: the till holds less than the book says.</source>
        <translation>Fehlbetrag %1: Die Kasse enthält weniger als laut Buch.</translation>
    </message>
    <message>
        <source>%1 over: the till holds more than the book says.</source>
        <translation>Überschuss %1: Die Kasse enthält mehr als laut Buch.</translation>
    </message>
    <message>
        <source>%1: a count cannot be negative.</source>
        <translation>%1: Eine Anzahl kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number of pieces.</source>
        <translation>%1: „%2“ ist keine ganze Stückzahl.</translation>
    </message>
    <message>
        <source>%1: more than %2 pieces cannot be counted on one line.</source>
        <translation>%1: Mehr als %2 Stück können nicht in einer Zeile gezählt werden.</translation>
    </message>
    <message>
        <source>%1: the amount is too large.</source>
        <translation>%1: Der Betrag ist zu groß.</translation>
    </message>
    <message>
        <source>The total is too large to be counted.</source>
        <translation>Die Gesamtsumme ist zu groß für eine Zählung.</translation>
    </message>
    <message>
        <source>Counted: —</source>
        <translation>Gezählt: —</translation>
    </message>
    <message>
        <source>Counted: %1</source>
        <translation>Gezählt: %1</translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation>Differenz: %1</translation>
    </message>
    <message>
        <source>Within the bank&apos;s tolerance the difference is recorded at once; beyond it, it goes to a supervisor, who approves or rejects it. The till opens now either way.</source>
        <translation>Innerhalb der Toleranz der Bank wird die Differenz sofort erfasst; darüber hinaus geht sie an einen Vorgesetzten, der sie freigibt oder ablehnt. Die Kasse wird in jedem Fall jetzt geöffnet.</translation>
    </message>
    <message>
        <source>Within the bank&apos;s tolerance the difference is recorded at once; beyond it, it goes to a supervisor, who approves or rejects it. The till closes now either way.</source>
        <translation>Innerhalb der Toleranz der Bank wird die Differenz sofort erfasst; darüber hinaus geht sie an einen Vorgesetzten, der sie freigibt oder ablehnt. Die Kasse wird in jedem Fall jetzt geschlossen.</translation>
    </message>
    <message>
        <source>Until the supervisor decides, the missing cash is held: it cannot be paid out.</source>
        <translation>Bis der Vorgesetzte entscheidet, ist das fehlende Bargeld vorgemerkt: Es kann nicht ausgezahlt werden.</translation>
    </message>
    <message>
        <source>Count again first if you are not sure.</source>
        <translation>Im Zweifel zuerst erneut zählen.</translation>
    </message>
    <message>
        <source>Open your %1 till with %2 counted?</source>
        <translation>Ihre Kasse in %1 mit einem gezählten Bestand von %2 öffnen?</translation>
    </message>
    <message>
        <source>Close your %1 till with %2 counted?</source>
        <translation>Ihre Kasse in %1 mit einem gezählten Bestand von %2 schließen?</translation>
    </message>
    <message>
        <source>Expected by the book: %1.</source>
        <translation>Sollbestand laut Buch: %1.</translation>
    </message>
    <message>
        <source>Enter records the count; Esc goes back to it.</source>
        <translation>Eingabe erfasst die Zählung; Esc führt zur Zählung zurück.</translation>
    </message>
    <message>
        <source>Recording the count…</source>
        <translation>Zählung wird erfasst…</translation>
    </message>
    <message>
        <source>Operation key %1</source>
        <translation>Vorgangsschlüssel %1</translation>
    </message>
    <message>
        <source>Another operation is still being confirmed: wait for it, then try again.</source>
        <translation>Ein anderer Vorgang wird noch bestätigt: Bitte abwarten und dann erneut versuchen.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird storniert…</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Sollbestand: %1</translation>
    </message>
    <message>
        <source>Till opened — the count is recorded.</source>
        <translation>Kasse geöffnet — die Zählung ist erfasst.</translation>
    </message>
    <message>
        <source>Till closed — the count is recorded.</source>
        <translation>Kasse geschlossen — die Zählung ist erfasst.</translation>
    </message>
    <message>
        <source>The difference was approved by %1.</source>
        <translation>Die Differenz wurde von %1 freigegeben.</translation>
    </message>
    <message>
        <source>The difference is recorded against the branch&apos;s over/short account.</source>
        <translation>Die Differenz ist auf dem Kassendifferenzkonto der Filiale erfasst.</translation>
    </message>
    <message>
        <source>Recorded once, at %1 (the server&apos;s record).</source>
        <translation>Einmal erfasst, am %1 (laut Server).</translation>
    </message>
    <message>
        <source>Till opened — the difference waits for a supervisor.</source>
        <translation>Kasse geöffnet — die Differenz wartet auf Freigabe.</translation>
    </message>
    <message>
        <source>Till closed — the difference waits for a supervisor.</source>
        <translation>Kasse geschlossen — die Differenz wartet auf Freigabe.</translation>
    </message>
    <message>
        <source>A supervisor approves or rejects the difference; the till cannot be counted again until then.</source>
        <translation>Ein Vorgesetzter gibt die Differenz frei oder lehnt sie ab; bis dahin kann die Kasse nicht erneut gezählt werden.</translation>
    </message>
    <message>
        <source>The missing cash is held in your till meanwhile: it cannot be paid out.</source>
        <translation>Das fehlende Bargeld ist bis dahin in Ihrer Kasse vorgemerkt: Es kann nicht ausgezahlt werden.</translation>
    </message>
    <message>
        <source>Not recorded — %1</source>
        <translation>Nicht erfasst — %1</translation>
    </message>
    <message>
        <source>The difference was rejected by %1.</source>
        <translation>Die Differenz wurde von %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The difference was rejected by %1: %2</source>
        <translation>Die Differenz wurde von %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Nothing was recorded: the till is as it was.</source>
        <translation>Es wurde nichts erfasst: Die Kasse ist unverändert.</translation>
    </message>
    <message>
        <source>Still not confirmed</source>
        <translation>Weiterhin nicht bestätigt</translation>
    </message>
    <message>
        <source>The server could not be asked. It is asked again as soon as the connection is back.</source>
        <translation>Der Server konnte nicht gefragt werden. Er wird erneut gefragt, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>The till is locked by another operation — not confirmed</source>
        <translation>Die Kasse ist durch einen anderen Vorgang gesperrt — nicht bestätigt</translation>
    </message>
    <message>
        <source>Check again in a moment.</source>
        <translation>Gleich erneut prüfen.</translation>
    </message>
    <message>
        <source>Not confirmed — the count may or may not have been recorded</source>
        <translation>Nicht bestätigt — unklar, ob die Zählung erfasst wurde</translation>
    </message>
    <message>
        <source>The connection broke while the count was on its way. Check again: that only asks the server, it never records the count a second time.</source>
        <translation>Die Verbindung brach ab, während die Zählung unterwegs war. Erneut prüfen: Dabei wird nur der Server gefragt, die Zählung wird nie ein zweites Mal erfasst.</translation>
    </message>
    <message>
        <source>The server never received this count — nothing happened</source>
        <translation>Der Server hat diese Zählung nie erhalten — nichts ist geschehen</translation>
    </message>
    <message>
        <source>Send it now if the count is still right (it is recorded once), or cancel it (it will never be recorded).</source>
        <translation>Jetzt senden, wenn die Zählung noch stimmt (sie wird genau einmal erfasst), oder stornieren (sie wird nie erfasst).</translation>
    </message>
    <message>
        <source>Cancelled — the count was not recorded; the till is as it was.</source>
        <translation>Storniert — die Zählung wurde nicht erfasst; die Kasse ist unverändert.</translation>
    </message>
    <message>
        <source>The server refused the operation key (used for another operation).</source>
        <translation>Der Server hat den Vorgangsschlüssel abgelehnt (er gehört zu einem anderen Vorgang).</translation>
    </message>
    <message>
        <source>The approval did not come in time.</source>
        <translation>Die Freigabe kam nicht rechtzeitig.</translation>
    </message>
    <message>
        <source>Not sent — nothing happened</source>
        <translation>Nicht gesendet — nichts ist geschehen</translation>
    </message>
    <message>
        <source>The server could not be reached. Try again when the connection is back.</source>
        <translation>Der Server war nicht erreichbar. Erneut versuchen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Failed — %1</source>
        <translation>Fehlgeschlagen — %1</translation>
    </message>
    <message>
        <source>The server could not be reached. Nothing was recorded: confirm again when the connection is back.</source>
        <translation>Der Server war nicht erreichbar. Es wurde nichts erfasst: erneut bestätigen, sobald die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Es wurde nichts erfasst.</translation>
    </message>
    <message>
        <source>The count is with the server: wait for its answer.</source>
        <translation>Die Zählung liegt beim Server: Bitte seine Antwort abwarten.</translation>
    </message>
    <message>
        <source>This count is not settled. Press Esc again to leave it so: your till then shows on the desk what the server recorded; count again only once you know.</source>
        <translation>Diese Zählung ist nicht geklärt. Drücken Sie erneut Esc, um sie so zu belassen: Ihre Kasse zeigt dann am Schalter, was der Server erfasst hat; erst wieder zählen, wenn das feststeht.</translation>
    </message>
</context>
<context>
    <name>TillTableModel</name>
    <message>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>never counted</source>
        <translation>nie gezählt</translation>
    </message>
    <message>
        <source>%1 at closing</source>
        <translation>%1 beim Schließen</translation>
    </message>
    <message>
        <source>%1 at opening</source>
        <translation>%1 beim Öffnen</translation>
    </message>
    <message>
        <source>Difference waiting</source>
        <translation>Differenz wartet auf Freigabe</translation>
    </message>
    <message>
        <source>The last count differed from the book beyond the tolerance: it waits for a supervisor (Alt+I to decide).</source>
        <translation>Die letzte Zählung wich über die Toleranz hinaus vom Buch ab: Sie wartet auf Freigabe durch Vorgesetzte (Alt+I zum Entscheiden).</translation>
    </message>
    <message>
        <source>Teller</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bargeld</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Vorgemerkt</translation>
    </message>
    <message>
        <source>Last count</source>
        <translation>Letzte Zählung</translation>
    </message>
    <message>
        <source>Counted at</source>
        <translation>Gezählt am</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
</context>
<context>
    <name>VaultMoveDialog</name>
    <message>
        <source>Send cash to a till</source>
        <translation>Bargeld an eine Kasse ausgeben</translation>
    </message>
    <message>
        <source>Take cash back into the vault</source>
        <translation>Bargeld in den Tresor zurücknehmen</translation>
    </message>
    <message>
        <source>Cash delivered to the vault</source>
        <translation>Bargeldlieferung an den Tresor</translation>
    </message>
    <message>
        <source>Cash sent out of the vault</source>
        <translation>Bargeldversand aus dem Tresor</translation>
    </message>
    <message>
        <source>%1 by the book, %2 of it held by operations waiting for a supervisor</source>
        <translation>%1 laut Buch, davon %2 vorgemerkt durch Vorgänge, die auf Freigabe warten</translation>
    </message>
    <message>
        <source>%1 by the book</source>
        <translation>%1 laut Buch</translation>
    </message>
    <message>
        <source>The till holds:</source>
        <translation>Die Kasse enthält:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>Währ&amp;ung:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>Betr&amp;ag:</translation>
    </message>
    <message>
        <source>Outcome of the movement</source>
        <translation>Ergebnis der Bargeldbewegung</translation>
    </message>
    <message>
        <source>&amp;Move the cash</source>
        <translation>Bargeld bewegen (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Back — move nothing</source>
        <translation>Zurück — nichts &amp;bewegen</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>Bargeld</translation>
    </message>
    <message>
        <source>%1 from the vault into %2&apos;s till %3</source>
        <translation>%1 aus dem Tresor in die Kasse %3 von %2</translation>
    </message>
    <message>
        <source>%1 from %2&apos;s till %3 back into the vault</source>
        <translation>%1 aus der Kasse %3 von %2 zurück in den Tresor</translation>
    </message>
    <message>
        <source>%1 delivered into the vault by cash-in-transit</source>
        <translation>%1 per Werttransport an den Tresor geliefert</translation>
    </message>
    <message>
        <source>%1 sent out of the vault with cash-in-transit</source>
        <translation>%1 per Werttransport aus dem Tresor versandt</translation>
    </message>
    <message>
        <source>Send cash from the vault to %1&apos;s till %2 (%3)</source>
        <translation>Bargeld aus dem Tresor an die Kasse %2 von %1 ausgeben (%3)</translation>
    </message>
    <message>
        <source>Take cash back from %1&apos;s till %2 (%3) into the vault</source>
        <translation>Bargeld aus der Kasse %2 von %1 (%3) in den Tresor zurücknehmen</translation>
    </message>
    <message>
        <source>Cash delivered to the branch&apos;s vault by cash-in-transit</source>
        <translation>Per Werttransport an den Tresor der Filiale geliefertes Bargeld</translation>
    </message>
    <message>
        <source>Cash sent out of the branch&apos;s vault with cash-in-transit</source>
        <translation>Per Werttransport aus dem Tresor der Filiale versandtes Bargeld</translation>
    </message>
    <message>
        <source>Choose a currency.</source>
        <translation>Bitte eine Währung auswählen.</translation>
    </message>
    <message>
        <source>The till has only %1 that is not held: take back at most that.</source>
        <translation>In der Kasse sind nur %1 nicht vorgemerkt: höchstens diesen Betrag zurücknehmen.</translation>
    </message>
    <message>
        <source>Moves %1 out of the vault into the till: the till will hold %2 by the book.</source>
        <translation>Bewegt %1 aus dem Tresor in die Kasse: Die Kasse enthält danach laut Buch %2.</translation>
    </message>
    <message>
        <source>Moves %1 out of the till into the vault: the till will hold %2 by the book.</source>
        <translation>Bewegt %1 aus der Kasse in den Tresor: Die Kasse enthält danach laut Buch %2.</translation>
    </message>
    <message>
        <source>Books %1 into the vault.</source>
        <translation>Bucht %1 in den Tresor ein.</translation>
    </message>
    <message>
        <source>Books %1 out of the vault.</source>
        <translation>Bucht %1 aus dem Tresor aus.</translation>
    </message>
    <message>
        <source>The vault held %1 after the last movement made here.</source>
        <translation>Nach der letzten hier ausgeführten Bewegung enthielt der Tresor %1.</translation>
    </message>
    <message>
        <source>Enter moves it, Esc moves nothing.</source>
        <translation>Eingabe führt die Bewegung aus, Esc bewegt nichts.</translation>
    </message>
    <message>
        <source>Type the amount, then press Enter.</source>
        <translation>Betrag eingeben, dann Eingabe drücken.</translation>
    </message>
    <message>
        <source>Send a&amp;gain — the same movement, carried out once</source>
        <translation>Erneut senden — dieselbe Bewegung, &amp;genau einmal ausgeführt</translation>
    </message>
    <message>
        <source>&amp;Close — nothing was moved</source>
        <translation>S&amp;chließen — nichts wurde bewegt</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>Erneut nachfra&amp;gen</translation>
    </message>
    <message>
        <source>&amp;Close — check again later</source>
        <translation>S&amp;chließen — später erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Moving %1…</source>
        <translation>Wird ausgeführt: %1…</translation>
    </message>
    <message>
        <source>Another action of this window is still with the server; nothing was sent. Try again in a moment.</source>
        <translation>Eine andere Aktion dieses Fensters liegt noch beim Server; es wurde nichts gesendet. Gleich erneut versuchen.</translation>
    </message>
    <message>
        <source>Asking the server about this movement (nothing is sent)…</source>
        <translation>Server wird zu dieser Bewegung befragt (es wird nichts gesendet)…</translation>
    </message>
    <message>
        <source>Another action of this window is still with the server; nothing was asked. Check again in a moment.</source>
        <translation>Eine andere Aktion dieses Fensters liegt noch beim Server; es wurde nichts gefragt. Gleich erneut prüfen.</translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation>(nicht gemeldet)</translation>
    </message>
    <message>
        <source>Done: %1. The till now holds %2; the vault %3.</source>
        <translation>Erledigt: %1. Die Kasse enthält jetzt %2, der Tresor %3.</translation>
    </message>
    <message>
        <source>Done: %1. The vault now holds %2.</source>
        <translation>Erledigt: %1. Der Tresor enthält jetzt %2.</translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was moved.</source>
        <translation>Abgelehnt: %1 Es wurde nichts bewegt.</translation>
    </message>
    <message>
        <source>Not confirmed: the answer never came, so the cash may or may not have moved. Do not count on either; Check again asks the server about this very movement and sends nothing. (%1)</source>
        <translation>Nicht bestätigt: Die Antwort kam nie, daher ist unklar, ob das Bargeld bewegt wurde. Verlassen Sie sich auf keines von beiden; „Erneut prüfen“ fragt den Server genau nach dieser Bewegung und sendet nichts. (%1)</translation>
    </message>
    <message>
        <source>Busy: the till or the vault stayed locked by other work; nothing was moved. Send it again when you are ready.</source>
        <translation>Belegt: Die Kasse oder der Tresor blieb durch andere Vorgänge gesperrt; es wurde nichts bewegt. Erneut senden, wenn Sie bereit sind.</translation>
    </message>
    <message>
        <source>The server never received this movement: nothing was moved. Send it again (the same movement, carried out once), or close.</source>
        <translation>Der Server hat diese Bewegung nie erhalten: Es wurde nichts bewegt. Erneut senden (dieselbe Bewegung, genau einmal ausgeführt) oder schließen.</translation>
    </message>
    <message>
        <source>The server refused it: its key belongs to another request. Nothing was moved.</source>
        <translation>Der Server hat sie abgelehnt: Ihr Schlüssel gehört zu einer anderen Anfrage. Es wurde nichts bewegt.</translation>
    </message>
    <message>
        <source>Not sent — nothing happened: %1</source>
        <translation>Nicht gesendet — nichts ist geschehen: %1</translation>
    </message>
    <message>
        <source>It failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server says: %1.</source>
        <translation>Der Server meldet: %1.</translation>
    </message>
</context>
<context>
    <name>VaultPage</name>
    <message>
        <source>Tills of the branch</source>
        <translation>Kassen der Filiale</translation>
    </message>
    <message>
        <source>The vault&apos;s cash</source>
        <translation>Bargeld im Tresor</translation>
    </message>
    <message>
        <source>Vault page status</source>
        <translation>Status der Tresorseite</translation>
    </message>
    <message>
        <source>&amp;Send cash to till…</source>
        <translation>Bargeld an Kasse &amp;senden…</translation>
    </message>
    <message>
        <source>Cash from the vault into the selected teller&apos;s open till</source>
        <translation>Bargeld aus dem Tresor in die geöffnete Kasse des ausgewählten Kassierers</translation>
    </message>
    <message>
        <source>Take cash &amp;back…</source>
        <translation>&amp;Bargeld zurücknehmen…</translation>
    </message>
    <message>
        <source>Cash from the selected teller&apos;s till back into the vault</source>
        <translation>Bargeld aus der Kasse des ausgewählten Kassierers zurück in den Tresor</translation>
    </message>
    <message>
        <source>&amp;Cash delivered…</source>
        <translation>Bargeld angeliefert (&amp;C)…</translation>
    </message>
    <message>
        <source>Cash delivered into the vault by cash-in-transit</source>
        <translation>Per Werttransport an den Tresor geliefertes Bargeld</translation>
    </message>
    <message>
        <source>Cash se&amp;nt out…</source>
        <translation>Bargeld versa&amp;ndt…</translation>
    </message>
    <message>
        <source>Cash sent out of the vault with cash-in-transit</source>
        <translation>Per Werttransport aus dem Tresor versandtes Bargeld</translation>
    </message>
    <message>
        <source>Dec&amp;ide the difference…</source>
        <translation>Über d&amp;ie Differenz entscheiden…</translation>
    </message>
    <message>
        <source>Approve the selected till&apos;s waiting over/short, after a look at what it is</source>
        <translation>Die wartende Kassendifferenz der ausgewählten Kasse freigeben, nach einem Blick auf ihre Angaben</translation>
    </message>
    <message>
        <source>Re&amp;ject the difference…</source>
        <translation>Differenz ablehnen (&amp;J)…</translation>
    </message>
    <message>
        <source>Reject the selected till&apos;s waiting over/short, with a reason the teller sees</source>
        <translation>Die wartende Kassendifferenz der ausgewählten Kasse ablehnen, mit einem Grund, den der Kassierer sieht</translation>
    </message>
    <message>
        <source>Check the unconfir&amp;med movement…</source>
        <translation>Unbestätigte Bewegung prüfen (&amp;M)…</translation>
    </message>
    <message>
        <source>A movement that was sent and never confirmed: ask the server about it with its own key</source>
        <translation>Eine gesendete, aber nie bestätigte Bewegung: den Server mit ihrem eigenen Schlüssel danach fragen</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Read the tills again</source>
        <translation>Kassen neu einlesen</translation>
    </message>
    <message>
        <source>The tills could not be read again (%1); what is shown may be out of date. F5 tries again.</source>
        <translation>Die Kassen konnten nicht neu eingelesen werden (%1); die Anzeige kann veraltet sein. F5 versucht es erneut.</translation>
    </message>
    <message>
        <source>The difference is approved and booked.</source>
        <translation>Die Differenz ist freigegeben und gebucht.</translation>
    </message>
    <message>
        <source>The difference is rejected; the teller sees your reason.</source>
        <translation>Die Differenz ist abgelehnt; der Kassierer sieht Ihren Grund.</translation>
    </message>
    <message>
        <source>Already approved by %1.</source>
        <translation>Bereits von %1 freigegeben.</translation>
    </message>
    <message>
        <source>Already decided by %1: %2.</source>
        <translation>Bereits von %1 entschieden: %2.</translation>
    </message>
    <message>
        <source>The difference was not decided: %1</source>
        <translation>Über die Differenz wurde nicht entschieden: %1</translation>
    </message>
    <message>
        <source>The vault&apos;s cash: not known yet. There is no read of the vault&apos;s balance; each movement made here reports what the vault holds after it.</source>
        <translation>Bargeld im Tresor: noch nicht bekannt. Der Tresorbestand kann nicht abgefragt werden; jede hier ausgeführte Bewegung meldet, was der Tresor danach enthält.</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (um %2)</translation>
    </message>
    <message>
        <source>The vault&apos;s cash, as the last movement made here reported it: %1. There is no read of the vault&apos;s balance; currencies not moved yet are not known.</source>
        <translation>Bargeld im Tresor, wie von der letzten hier ausgeführten Bewegung gemeldet: %1. Der Tresorbestand kann nicht abgefragt werden; Währungen, die noch nicht bewegt wurden, sind nicht bekannt.</translation>
    </message>
    <message>
        <source>A movement is not confirmed yet (%1): check it again first, so that nothing is moved twice.</source>
        <translation>Eine Bewegung ist noch nicht bestätigt (%1): Bitte zuerst erneut prüfen, damit nichts doppelt bewegt wird.</translation>
    </message>
    <message>
        <source>Select a till first.</source>
        <translation>Bitte zuerst eine Kasse auswählen.</translation>
    </message>
    <message>
        <source>This is your own till: cash for it is moved by another supervisor.</source>
        <translation>Das ist Ihre eigene Kasse: Bargeld dafür bewegt ein anderer Vorgesetzter.</translation>
    </message>
    <message>
        <source>%1&apos;s till %2 is closed: cash moves only into and out of an open till.</source>
        <translation>Die Kasse %2 von %1 ist geschlossen: Bargeld wird nur in eine geöffnete Kasse hinein oder aus ihr heraus bewegt.</translation>
    </message>
    <message>
        <source>Not confirmed: %1. Check the unconfirmed movement (Alt+M) before moving that cash again.</source>
        <translation>Nicht bestätigt: %1. Die unbestätigte Bewegung prüfen (Alt+M), bevor dieses Bargeld erneut bewegt wird.</translation>
    </message>
    <message>
        <source>Done: %1. The till holds %2 now.</source>
        <translation>Erledigt: %1. Die Kasse enthält jetzt %2.</translation>
    </message>
    <message>
        <source>Done: %1.</source>
        <translation>Erledigt: %1.</translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was moved.</source>
        <translation>Abgelehnt: %1 Es wurde nichts bewegt.</translation>
    </message>
    <message>
        <source>Not confirmed: %1.</source>
        <translation>Nicht bestätigt: %1.</translation>
    </message>
    <message>
        <source>The difference of %1&apos;s till %2 is not in the pending queue yet; it is read again now. Try again in a moment.</source>
        <translation>Die Differenz der Kasse %2 von %1 steht noch nicht in der Liste der ausstehenden Vorgänge; sie wird jetzt neu eingelesen. Gleich erneut versuchen.</translation>
    </message>
    <message>
        <source>Another decision is under way: wait for its answer.</source>
        <translation>Eine andere Entscheidung läuft: Bitte deren Antwort abwarten.</translation>
    </message>
    <message>
        <source>Approving the difference…</source>
        <translation>Differenz wird freigegeben…</translation>
    </message>
    <message>
        <source>Rejecting the difference…</source>
        <translation>Differenz wird abgelehnt…</translation>
    </message>
    <message>
        <source>Nothing was decided.</source>
        <translation>Es wurde nichts entschieden.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Withdrawals, deposits and transfers for bank tellers.</source>
        <translation>Auszahlungen, Einzahlungen und Überweisungen für Kassierer(innen) am Bankschalter.</translation>
    </message>
    <message>
        <source>Start a private demo database and sign in to it.</source>
        <translation>Eine private Demo-Datenbank starten und dort anmelden.</translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation>Demo-Datenbank wird gestartet…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo.&lt;/b&gt; Press Enter to sign in as Anna, a teller. Other demo logins: &lt;i&gt;ben&lt;/i&gt; (teller), &lt;i&gt;clara&lt;/i&gt; (supervisor); password &lt;i&gt;%1&lt;/i&gt;. Try account 10000001.</source>
        <translation>&lt;b&gt;Demo.&lt;/b&gt; Mit der Eingabetaste als Anna (Kassiererin) anmelden. Weitere Demo-Benutzerkennungen: &lt;i&gt;ben&lt;/i&gt; (Kassierer), &lt;i&gt;clara&lt;/i&gt; (Vorgesetzte); Passwort &lt;i&gt;%1&lt;/i&gt;. Zum Ausprobieren: Konto 10000001.</translation>
    </message>
    <message>
        <source>The demo database could not be started:
%1</source>
        <translation>Die Demo-Datenbank konnte nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>Open the window and report what was found; exit 0 when all is there.</source>
        <translation>Das Fenster öffnen und berichten, was gefunden wurde; Exit-Code 0, wenn alles vorhanden ist.</translation>
    </message>
</context>
<context>
    <name>teller::Accounts</name>
    <message>
        <source>The server sent an account this program cannot read.</source>
        <translation>Der Server hat ein Konto gesendet, das dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <source>looking up an account</source>
        <translation>beim Abrufen eines Kontos</translation>
    </message>
    <message>
        <source>searching accounts</source>
        <translation>bei der Kontosuche</translation>
    </message>
    <message>
        <source>reading recent operations</source>
        <translation>beim Lesen der letzten Vorgänge</translation>
    </message>
    <message>
        <source>The server sent an operation this program cannot read.</source>
        <translation>Der Server hat einen Vorgang gesendet, den dieses Programm nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>teller::Action</name>
    <message>
        <source>An account number has only letters and digits; &quot;%1&quot; is not allowed.</source>
        <translation>Eine Kontonummer besteht nur aus Buchstaben und Ziffern; „%1“ ist nicht zulässig.</translation>
    </message>
    <message>
        <source>Enter an account number.</source>
        <translation>Bitte eine Kontonummer eingeben.</translation>
    </message>
    <message>
        <source>An account number has at most 34 characters.</source>
        <translation>Eine Kontonummer hat höchstens 34 Zeichen.</translation>
    </message>
    <message>
        <source>A transfer needs two different accounts.</source>
        <translation>Für eine Überweisung sind zwei verschiedene Konten nötig.</translation>
    </message>
    <message>
        <source>Only a transfer has a second account.</source>
        <translation>Nur eine Überweisung hat ein zweites Konto.</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>Der Betrag muss größer als null sein.</translation>
    </message>
    <message>
        <source>The amount exceeds the maximum for a single operation.</source>
        <translation>Der Betrag übersteigt den Höchstbetrag für einen einzelnen Vorgang.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>Der Vermerk ist zu lang.</translation>
    </message>
    <message>
        <source>The note contains a control or formatting character.</source>
        <translation>Der Vermerk enthält ein Steuer- oder Formatierungszeichen.</translation>
    </message>
    <message>
        <source>The document number must have 3 to 40 letters, digits, spaces, &quot;/&quot; or &quot;-&quot;, starting with a letter or digit.</source>
        <translation>Die Dokumentnummer muss 3 bis 40 Buchstaben, Ziffern, Leerzeichen, „/“ oder „-“ haben und mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <source>A teller&apos;s action is a withdrawal, a deposit or a transfer.</source>
        <translation>Ein Vorgang am Schalter ist eine Auszahlung, eine Einzahlung oder eine Überweisung.</translation>
    </message>
    <message>
        <source>Only cash paid out or in is recorded with an identification.</source>
        <translation>Nur Bargeld, das aus- oder eingezahlt wird, wird mit einem Ausweis erfasst.</translation>
    </message>
</context>
<context>
    <name>teller::ActionExecutor</name>
    <message>
        <source>The connection was lost while the server was confirming; the operation may or may not have been carried out. Check again with the same key.</source>
        <translation>Die Verbindung brach ab, während der Server bestätigte; es ist unklar, ob der Vorgang ausgeführt wurde. Bitte mit demselben Vorgangsschlüssel erneut prüfen.</translation>
    </message>
    <message>
        <source>The server could not be reached; the operation was not confirmed. Check again with the same key.</source>
        <translation>Der Server war nicht erreichbar; der Vorgang wurde nicht bestätigt. Bitte mit demselben Vorgangsschlüssel erneut prüfen.</translation>
    </message>
    <message>
        <source>The account stayed busy; nothing was done. Try again with the same key.</source>
        <translation>Das Konto blieb belegt; es wurde nichts ausgeführt. Bitte mit demselben Vorgangsschlüssel erneut versuchen.</translation>
    </message>
    <message>
        <source>carrying out the operation</source>
        <translation>beim Ausführen des Vorgangs</translation>
    </message>
    <message>
        <source>committing</source>
        <translation>beim Festschreiben</translation>
    </message>
    <message>
        <source>asking for the operation&apos;s status</source>
        <translation>bei der Abfrage des Vorgangsstatus</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood (%1).</source>
        <translation>Die Antwort des Servers war nicht verständlich (%1).</translation>
    </message>
    <message>
        <source>no row</source>
        <translation>keine Zeile</translation>
    </message>
    <message>
        <source>another key</source>
        <translation>anderer Schlüssel</translation>
    </message>
    <message>
        <source>status &quot;%1&quot;</source>
        <translation>Status „%1“</translation>
    </message>
    <message>
        <source>currency &quot;%1&quot;</source>
        <translation>Währung „%1“</translation>
    </message>
    <message>
        <source>a rejection without a reason</source>
        <translation>Ablehnung ohne Begründung</translation>
    </message>
    <message>
        <source>a completed operation without amounts</source>
        <translation>ausgeführter Vorgang ohne Beträge</translation>
    </message>
    <message>
        <source>abandoning the operation</source>
        <translation>beim Verwerfen des Vorgangs</translation>
    </message>
    <message>
        <source>A concurrent operation interfered</source>
        <translation>Ein gleichzeitiger Vorgang kam dazwischen</translation>
    </message>
    <message>
        <source>The account is locked by another operation</source>
        <translation>Das Konto ist durch einen anderen Vorgang gesperrt</translation>
    </message>
    <message>
        <source>The server is slow</source>
        <translation>Der Server antwortet langsam</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>Connection lost while confirming</source>
        <translation>Verbindung beim Bestätigen unterbrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The time for retries ran out while reconnecting.</source>
        <translation>Die Zeit für Wiederholungen lief beim erneuten Verbinden ab.</translation>
    </message>
    <message>
        <source>kind &quot;%1&quot;</source>
        <translation>Art „%1“</translation>
    </message>
    <message>
        <source>ending stale sessions</source>
        <translation>beim Beenden hängender Sitzungen</translation>
    </message>
    <message>
        <source>counting the till</source>
        <translation>beim Zählen der Kasse</translation>
    </message>
    <message>
        <source>moving the vault&apos;s cash</source>
        <translation>beim Bewegen des Tresorbargelds</translation>
    </message>
    <message>
        <source>asking for a reversal</source>
        <translation>beim Beantragen einer Stornierung</translation>
    </message>
    <message>
        <source>No server accepts changes right now (a switch-over?)</source>
        <translation>Gerade nimmt kein Server Änderungen an (eine Umschaltung?)</translation>
    </message>
    <message>
        <source>The database could not be identified for the local journal, so the operation was not sent: %1</source>
        <translation>Die Datenbank konnte für das lokale Journal nicht identifiziert werden; der Vorgang wurde daher nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent — nothing happened: the server could not be reached.</source>
        <translation>Nicht gesendet — nichts ist geschehen: Der Server war nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>teller::Administration</name>
    <message>
        <source>reading the home currency</source>
        <translation>beim Lesen der Hauswährung</translation>
    </message>
    <message>
        <source>The database&apos;s home currency &quot;%1&quot; is not known.</source>
        <translation>Die Hauswährung „%1“ der Datenbank ist unbekannt.</translation>
    </message>
    <message>
        <source>reading the staff record</source>
        <translation>beim Lesen des Mitarbeiterdatensatzes</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is not an active Teller staff member.</source>
        <translation>Die Benutzerkennung „%1“ gehört zu keinem aktiven Teller-Mitarbeiter.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login: lower-case letters, digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;, starting with a letter, at most 63 characters.</source>
        <translation>„%1“ ist keine gültige Benutzerkennung: erlaubt sind Kleinbuchstaben, Ziffern, „_“, „.“ und „-“, beginnend mit einem Buchstaben, höchstens 63 Zeichen.</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is reserved.</source>
        <translation>Die Benutzerkennung „%1“ ist reserviert.</translation>
    </message>
    <message>
        <source>An approval limit cannot be negative.</source>
        <translation>Ein Freigabelimit darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>Ein Passwort muss mindestens 8 Zeichen haben.</translation>
    </message>
    <message>
        <source>adding staff</source>
        <translation>beim Anlegen des Mitarbeiters</translation>
    </message>
    <message>
        <source>The holder&apos;s name must have between 1 and 200 characters.</source>
        <translation>Der Name des Kontoinhabers muss zwischen 1 und 200 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The balance floor cannot be above zero (a negative floor is an overdraft).</source>
        <translation>Die Untergrenze des Kontostands darf nicht über null liegen (eine negative Untergrenze ist ein Überziehungsrahmen).</translation>
    </message>
    <message>
        <source>The balance floor must be in the account&apos;s currency.</source>
        <translation>Die Untergrenze des Kontostands muss in der Kontowährung angegeben sein.</translation>
    </message>
    <message>
        <source>opening the account</source>
        <translation>beim Eröffnen des Kontos</translation>
    </message>
    <message>
        <source>changing the account&apos;s status</source>
        <translation>beim Ändern des Kontostatus</translation>
    </message>
    <message>
        <source>There is no account %1.</source>
        <translation>Es gibt kein Konto %1.</translation>
    </message>
    <message>
        <source>checking the invariants</source>
        <translation>beim Prüfen der Konsistenzbedingungen</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>a quoted field is not closed or has text before its quote.</source>
        <translation>ein Feld in Anführungszeichen ist nicht geschlossen oder hat Text vor dem Anführungszeichen.</translation>
    </message>
    <message>
        <source>expected number,holder,currency,floor; found %1 fields.</source>
        <translation>erwartet: Nummer,Inhaber,Währung,Untergrenze; gefunden: %1 Felder.</translation>
    </message>
    <message>
        <source>the account %1 appears twice in the file.</source>
        <translation>das Konto %1 kommt in der Datei zweimal vor.</translation>
    </message>
    <message>
        <source>the holder&apos;s name must have between 1 and 200 characters.</source>
        <translation>der Name des Inhabers muss zwischen 1 und 200 Zeichen haben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 4217 currency code this program knows.</source>
        <translation>„%1“ ist kein diesem Programm bekannter ISO-4217-Währungscode.</translation>
    </message>
    <message>
        <source>the floor: %1</source>
        <translation>die Untergrenze: %1</translation>
    </message>
    <message>
        <source>the floor must be 0 or negative (an overdraft).</source>
        <translation>die Untergrenze muss 0 oder negativ sein (ein Dispositionskredit).</translation>
    </message>
    <message>
        <source>The file has no accounts.</source>
        <translation>Die Datei enthält keine Konten.</translation>
    </message>
    <message>
        <source>reading the existing accounts</source>
        <translation>beim Lesen der vorhandenen Konten</translation>
    </message>
    <message>
        <source>opening account %1</source>
        <translation>beim Eröffnen des Kontos %1</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text (save it as UTF-8).</source>
        <translation>die Datei ist kein UTF-8-Text (als UTF-8 speichern).</translation>
    </message>
    <message>
        <source>reading the server&apos;s libraries</source>
        <translation>beim Lesen der Bibliotheken des Servers</translation>
    </message>
    <message>
        <source>The server sent a staff record this program cannot read.</source>
        <translation>Der Server hat einen Mitarbeiterdatensatz gesendet, den dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <source>A password needs letters and at least one digit or sign.</source>
        <translation>Ein Passwort braucht Buchstaben und mindestens eine Ziffer oder ein Zeichen.</translation>
    </message>
    <message>
        <source>A password must not contain the login.</source>
        <translation>Ein Passwort darf den Anmeldenamen nicht enthalten.</translation>
    </message>
    <message>
        <source>A limit and unlimited at once.</source>
        <translation>Ein Limit und unbegrenzt zugleich.</translation>
    </message>
    <message>
        <source>changing the staff member</source>
        <translation>beim Ändern des Mitarbeiters</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Eine Ablehnung braucht eine Begründung.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>Die Notiz ist zu lang.</translation>
    </message>
    <message>
        <source>deciding the staff change</source>
        <translation>beim Entscheiden der Mitarbeiteränderung</translation>
    </message>
    <message>
        <source>reading the staff changes</source>
        <translation>beim Lesen der Mitarbeiteränderungen</translation>
    </message>
    <message>
        <source>changing the password</source>
        <translation>beim Ändern des Passworts</translation>
    </message>
    <message>
        <source>opening the branch</source>
        <translation>beim Eröffnen der Filiale</translation>
    </message>
    <message>
        <source>reading the bank&apos;s and the branch&apos;s names</source>
        <translation>beim Lesen der Namen von Bank und Filiale</translation>
    </message>
</context>
<context>
    <name>teller::Cash</name>
    <message>
        <source>The server sent cash figures this program cannot read.</source>
        <translation>Der Server hat Bargeldzahlen gesendet, die dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <source>reading the tills</source>
        <translation>beim Lesen der Kassen</translation>
    </message>
    <message>
        <source>reading the blotter</source>
        <translation>beim Lesen des Kassenjournals</translation>
    </message>
    <message>
        <source>reading the notes and coins</source>
        <translation>beim Lesen der Scheine und Münzen</translation>
    </message>
    <message>
        <source>reading the large-cash threshold</source>
        <translation>beim Lesen der Bargeldschwelle</translation>
    </message>
    <message>
        <source>reading the large-cash report</source>
        <translation>beim Lesen des Bargeldberichts</translation>
    </message>
</context>
<context>
    <name>teller::CashCount</name>
    <message>
        <source>A note or coin must have a positive value.</source>
        <translation>Ein Schein oder eine Münze muss einen positiven Wert haben.</translation>
    </message>
    <message>
        <source>A count must be a whole number from 0 to %1.</source>
        <translation>Eine Anzahl muss eine ganze Zahl von 0 bis %1 sein.</translation>
    </message>
    <message>
        <source>The count is more than any till can hold.</source>
        <translation>Die Zählung ist mehr, als eine Kasse fassen kann.</translation>
    </message>
    <message>
        <source>No notes or coins were given.</source>
        <translation>Es wurden keine Scheine oder Münzen angegeben.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a denomination and a count, e.g. 50:10 (ten notes of 50).</source>
        <translation>„%1“ ist keine Stückelung mit Anzahl, z. B. 50:10 (zehn Scheine zu 50).</translation>
    </message>
    <message>
        <source>The denomination &quot;%1&quot; is not valid: %2</source>
        <translation>Die Stückelung „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <source>The denomination %1 is given twice.</source>
        <translation>Die Stückelung %1 ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>teller::ConnectionSettings</name>
    <message>
        <source>out of memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The connection string is not valid: %1</source>
        <translation>Die Verbindungszeichenfolge ist ungültig: %1</translation>
    </message>
    <message>
        <source>The connection setting %1=&quot;%2&quot; is not valid: %3</source>
        <translation>Die Verbindungseinstellung %1=&quot;%2&quot; ist ungültig: %3</translation>
    </message>
    <message>
        <source>expected a port number between 1 and 65535.</source>
        <translation>erwartet wird eine Portnummer zwischen 1 und 65535.</translation>
    </message>
    <message>
        <source>expected one of %1.</source>
        <translation>erwartet wird einer der Werte %1.</translation>
    </message>
    <message>
        <source>expected a whole number.</source>
        <translation>erwartet wird eine ganze Zahl.</translation>
    </message>
    <message>
        <source>The connection setting %1 has no value.</source>
        <translation>Die Verbindungseinstellung %1 hat keinen Wert.</translation>
    </message>
    <message>
        <source>a value may not contain &quot;;&quot;.</source>
        <translation>ein Wert darf kein „;“ enthalten.</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>lokaler Socket</translation>
    </message>
    <message>
        <source>local socket %1</source>
        <translation>lokaler Socket %1</translation>
    </message>
    <message>
        <source>The connection setting %1 may not contain &quot;;&quot;.</source>
        <translation>Die Verbindungseinstellung %1 darf kein „;“ enthalten.</translation>
    </message>
    <message numerus="yes">
        <source>expected one port, or one for each of the %n host(s).</source>
        <translation>
            <numerusform>erwartet wird ein Port, oder einer für den %n Server.</numerusform>
            <numerusform>erwartet wird ein Port, oder einer für jeden der %n Server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>teller::DatabaseIdentity</name>
    <message>
        <source>reading the database&apos;s identity</source>
        <translation>beim Lesen der Identität der Datenbank</translation>
    </message>
    <message>
        <source>The database has no identity (teller.database_identity() answered &quot;%1&quot;); its owner runs SELECT teller.renew_database_identity().</source>
        <translation>Die Datenbank hat keine Identität (teller.database_identity() lieferte „%1“); ihr Eigentümer führt SELECT teller.renew_database_identity() aus.</translation>
    </message>
</context>
<context>
    <name>teller::DbSession</name>
    <message>
        <source>The PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Der PostgreSQL-Treiber (QPSQL) ist nicht installiert.</translation>
    </message>
    <message>
        <source>reading the session</source>
        <translation>beim Lesen der Sitzung</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is not a Teller staff member.</source>
        <translation>Die Benutzerkennung „%1“ gehört zu keinem Teller-Mitarbeiter.</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>beim Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>The database schema is newer (version %1) than this program knows (version %2). Install the current Teller version.</source>
        <translation>Das Datenbankschema ist neuer (Version %1), als dieses Programm kennt (Version %2). Bitte die aktuelle Teller-Version installieren.</translation>
    </message>
    <message>
        <source>running a statement</source>
        <translation>beim Ausführen einer Anweisung</translation>
    </message>
    <message>
        <source>The connection to the server was lost while %1.</source>
        <translation>Die Verbindung zum Server brach %1 ab.</translation>
    </message>
    <message>
        <source>The connection to the server was lost while %1: %2</source>
        <translation>Die Verbindung zum Server brach %1 ab: %2</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>Nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>Der Server hat die Anfrage abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server reported an error while %1: %2</source>
        <translation>Der Server meldete %1 einen Fehler: %2</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The password could not be encrypted: %1</source>
        <translation>Das Passwort konnte nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <source>The database has no Teller schema yet. Ask an administrator to run &quot;tellerctl migrate&quot;.</source>
        <translation>Die Datenbank hat noch kein Teller-Schema. Bitte eine Administratorin oder einen Administrator bitten, „tellerctl migrate“ auszuführen.</translation>
    </message>
    <message>
        <source>The database schema is older (version %1) than this program needs (version %2). Ask an administrator to run &quot;tellerctl migrate&quot;.</source>
        <translation>Das Datenbankschema ist älter (Version %1), als dieses Programm benötigt (Version %2). Bitte eine Administratorin oder einen Administrator bitten, „tellerctl migrate“ auszuführen.</translation>
    </message>
    <message>
        <source>The user name or password is wrong (%1).</source>
        <translation>Benutzerkennung oder Passwort ist falsch (%1).</translation>
    </message>
    <message>
        <source>This login may not connect to %1: %2</source>
        <translation>Diese Benutzerkennung darf sich nicht mit %1 verbinden: %2</translation>
    </message>
    <message>
        <source>The database does not exist (%1).</source>
        <translation>Die Datenbank existiert nicht (%1).</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server %1 has no free connection right now.</source>
        <translation>Der Server %1 hat derzeit keine freie Verbindung.</translation>
    </message>
    <message>
        <source>The server %1 is not accepting connections right now.</source>
        <translation>Der Server %1 nimmt derzeit keine Verbindungen an.</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached: %2</source>
        <translation>Der Server %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>checking the connection</source>
        <translation>beim Prüfen der Verbindung</translation>
    </message>
    <message>
        <source>The server gave no answer while %1; nothing was changed.</source>
        <translation>Der Server hat %1 nicht geantwortet; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>No server of %1 accepts changes right now (a standby, or a switch-over under way).</source>
        <translation>Kein Server von %1 nimmt gerade Änderungen an (ein Standby-Server, oder eine Umschaltung ist im Gange).</translation>
    </message>
    <message>
        <source>The server accepts no changes right now (a standby, or a switch-over under way) while %1: %2</source>
        <translation>Der Server nahm %1 keine Änderungen an (ein Standby-Server, oder eine Umschaltung ist im Gange): %2</translation>
    </message>
    <message>
        <source>Value %1 contains a NUL character, which no text may hold.</source>
        <translation>Wert %1 enthält ein NUL-Zeichen, das kein Text enthalten darf.</translation>
    </message>
</context>
<context>
    <name>teller::Events</name>
    <message>
        <source>reading what changed on the server</source>
        <translation>beim Lesen dessen, was sich auf dem Server geändert hat</translation>
    </message>
    <message>
        <source>The server sent an event this program cannot read.</source>
        <translation>Der Server hat ein Ereignis gesendet, das dieses Programm nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>teller::IdempotencyKey</name>
    <message>
        <source>&quot;%1&quot; is not a valid idempotency key: expected a UUID such as 0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d.</source>
        <translation>„%1“ ist kein gültiger Vorgangsschlüssel: erwartet wird eine UUID wie 0190a6f2-8f4e-7c3a-9b1d-2e5f6a7b8c9d.</translation>
    </message>
</context>
<context>
    <name>teller::Journal</name>
    <message>
        <source>The SQLite driver (QSQLITE) is not installed; the local journal cannot be kept.</source>
        <translation>Der SQLite-Treiber (QSQLITE) ist nicht installiert; das lokale Journal kann nicht geführt werden.</translation>
    </message>
    <message>
        <source>The local journal %1 cannot be opened: %2</source>
        <translation>Das lokale Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The local journal %1 is not usable: %2</source>
        <translation>Das lokale Journal %1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>The local journal %1 is damaged.</source>
        <translation>Das lokale Journal %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The local journal %1 was written by another Teller version (%2).</source>
        <translation>Das lokale Journal %1 wurde von einer anderen Teller-Version geschrieben (%2).</translation>
    </message>
    <message>
        <source>The local journal %1 cannot be created: %2</source>
        <translation>Das lokale Journal %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The local journal %1 is damaged and cannot be moved aside: %2</source>
        <translation>Das lokale Journal %1 ist beschädigt und kann nicht beiseitegelegt werden: %2</translation>
    </message>
    <message>
        <source>The local journal was damaged (%1). It was moved to %2 and a new one was started. Operations recorded only in the old file must be checked with a supervisor.</source>
        <translation>Das lokale Journal war beschädigt (%1). Es wurde nach %2 verschoben und ein neues angelegt. Vorgänge, die nur in der alten Datei stehen, bitte mit Vorgesetzten prüfen.</translation>
    </message>
    <message>
        <source>The action could not be written to the local journal, so it was not sent: %1</source>
        <translation>Der Vorgang konnte nicht in das lokale Journal geschrieben werden und wurde daher nicht gesendet: %1</translation>
    </message>
    <message>
        <source>The local journal could not be updated: %1</source>
        <translation>Das lokale Journal konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>The local journal cannot be read: %1</source>
        <translation>Das lokale Journal kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The journal entry %1 is not a valid action.</source>
        <translation>Der Journaleintrag %1 ist kein gültiger Vorgang.</translation>
    </message>
    <message>
        <source>The journal entry %1 does not match its fingerprint; it is not resent.</source>
        <translation>Der Journaleintrag %1 passt nicht zu seinem Fingerabdruck; er wird nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>teller::LocalServer</name>
    <message>
        <source>TELLER_PG_BINDIR=%1 has no initdb and pg_ctl.</source>
        <translation>In TELLER_PG_BINDIR=%1 fehlen initdb und pg_ctl.</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s server programs (initdb, pg_ctl) were not found. On Debian: apt-get install postgresql</source>
        <translation>Die Serverprogramme von PostgreSQL (initdb, pg_ctl) wurden nicht gefunden. Unter Debian: apt-get install postgresql</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 did not finish in time.</source>
        <translation>%1 wurde nicht rechtzeitig beendet.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The directory %1 cannot be created.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The directory %1 cannot be handed to the postgres user. Running as root needs the postgres OS user (apt-get install postgresql).</source>
        <translation>Das Verzeichnis %1 kann nicht an den Benutzer postgres übergeben werden. Für den Betrieb als root wird der Betriebssystembenutzer postgres benötigt (apt-get install postgresql).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot update %1.</source>
        <translation>%1 kann nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>The server in %1 has no readable superuser.password.</source>
        <translation>Der Server in %1 hat keine lesbare Datei superuser.password.</translation>
    </message>
    <message>
        <source>No free TCP port on 127.0.0.1.</source>
        <translation>Kein freier TCP-Port auf 127.0.0.1.</translation>
    </message>
    <message>
        <source>The private PostgreSQL server did not start: %1</source>
        <translation>Der private PostgreSQL-Server ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The private PostgreSQL server did not find a free port: %1</source>
        <translation>Der private PostgreSQL-Server hat keinen freien Port gefunden: %1</translation>
    </message>
    <message>
        <source>Cannot copy %1 into the server&apos;s directory.</source>
        <translation>%1 kann nicht in das Verzeichnis des Servers kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot hand %1 to the postgres user.</source>
        <translation>%1 kann nicht an den Benutzer postgres übergeben werden.</translation>
    </message>
    <message>
        <source>The directory %1 belongs to another user.</source>
        <translation>Das Verzeichnis %1 gehört einem anderen Benutzer.</translation>
    </message>
    <message>
        <source>The directory %1 is not private to the server&apos;s user (it must be theirs, with mode 0700).</source>
        <translation>Das Verzeichnis %1 gehört nicht allein dem Benutzer des Servers (es muss ihm gehören, mit den Rechten 0700).</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s passwordcheck module is not installed in %1. On Debian it comes with the package postgresql-15.</source>
        <translation>Das PostgreSQL-Modul passwordcheck ist in %1 nicht installiert. Unter Debian gehört es zum Paket postgresql-15.</translation>
    </message>
</context>
<context>
    <name>teller::Migrator</name>
    <message>
        <source>reading the applied migrations</source>
        <translation>beim Lesen der angewendeten Migrationen</translation>
    </message>
    <message>
        <source>The database schema is newer (version %1) than this program knows (version %2). Install the current Teller version.</source>
        <translation>Das Datenbankschema ist neuer (Version %1), als dieses Programm kennt (Version %2). Bitte die aktuelle Teller-Version installieren.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) in the database differs from this program&apos;s copy. The schema was changed by hand or by another build; nothing was changed.</source>
        <translation>Migration %1 (%2) in der Datenbank weicht von der Fassung dieses Programms ab. Das Schema wurde von Hand oder durch einen anderen Build geändert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>beim Lesen der Schemaversion</translation>
    </message>
    <message>
        <source>applying migration %1 (%2)</source>
        <translation>beim Anwenden der Migration %1 (%2)</translation>
    </message>
    <message>
        <source>recording migration %1</source>
        <translation>beim Protokollieren der Migration %1</translation>
    </message>
    <message>
        <source>reading the applied functions</source>
        <translation>beim Lesen der angewendeten Funktionen</translation>
    </message>
    <message>
        <source>applying the function file %1</source>
        <translation>beim Anwenden der Funktionsdatei %1</translation>
    </message>
    <message>
        <source>recording the applied functions</source>
        <translation>beim Protokollieren der angewendeten Funktionen</translation>
    </message>
</context>
<context>
    <name>teller::Money</name>
    <message>
        <source>Enter an amount.</source>
        <translation>Bitte einen Betrag eingeben.</translation>
    </message>
    <message>
        <source>The digit grouping is not valid: groups of three digits, decimal separator &quot;%1&quot;.</source>
        <translation>Die Zifferngruppierung ist ungültig: erwartet werden Dreiergruppen und „%1“ als Dezimaltrennzeichen.</translation>
    </message>
    <message>
        <source>A sign may only stand at the start of the amount.</source>
        <translation>Ein Vorzeichen darf nur am Anfang des Betrags stehen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in an amount: use digits and &quot;%2&quot; as decimal separator.</source>
        <translation>„%1“ ist in einem Betrag nicht zulässig: Bitte Ziffern und „%2“ als Dezimaltrennzeichen verwenden.</translation>
    </message>
    <message>
        <source>Digits are missing after the decimal separator.</source>
        <translation>Nach dem Dezimaltrennzeichen fehlen Ziffern.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimal places.</source>
        <translation>Beträge in %1 haben keine Nachkommastellen.</translation>
    </message>
    <message>
        <source>%1 amounts have at most %2 digits after the decimal separator.</source>
        <translation>Beträge in %1 haben höchstens %2 Nachkommastellen.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Der Betrag ist zu groß.</translation>
    </message>
</context>
<context>
    <name>teller::Outcome</name>
    <message>
        <source>Insufficient funds: the available balance does not cover the amount.</source>
        <translation>Keine ausreichende Deckung: Der verfügbare Kontostand reicht für den Betrag nicht aus.</translation>
    </message>
    <message>
        <source>The account is frozen: no money may leave it.</source>
        <translation>Das Konto ist gesperrt: Es darf kein Geld abfließen.</translation>
    </message>
    <message>
        <source>The account is closed.</source>
        <translation>Das Konto ist aufgelöst.</translation>
    </message>
    <message>
        <source>There is no account with this number.</source>
        <translation>Es gibt kein Konto mit dieser Nummer.</translation>
    </message>
    <message>
        <source>The currency does not match the account&apos;s currency.</source>
        <translation>Die Währung stimmt nicht mit der Kontowährung überein.</translation>
    </message>
    <message>
        <source>The resulting balance would exceed what an account can hold.</source>
        <translation>Der neue Kontostand würde den Höchstbetrag für ein Konto überschreiten.</translation>
    </message>
    <message>
        <source>A supervisor rejected the operation.</source>
        <translation>Die Freigabe durch Vorgesetzte wurde verweigert.</translation>
    </message>
    <message>
        <source>Your till is not open: open it with a count first.</source>
        <translation>Ihre Kasse ist nicht geöffnet: öffnen Sie sie zuerst mit einer Zählung.</translation>
    </message>
    <message>
        <source>Not enough cash in the till: ask a supervisor for cash from the vault.</source>
        <translation>Nicht genug Bargeld in der Kasse: bitten Sie eine Aufsicht um Bargeld aus dem Tresor.</translation>
    </message>
    <message>
        <source>This amount needs the customer&apos;s identification (document type and number).</source>
        <translation>Dieser Betrag braucht den Ausweis des Kunden (Dokumentart und -nummer).</translation>
    </message>
    <message>
        <source>The till is already open.</source>
        <translation>Die Kasse ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>A difference found when the till was last counted is still waiting for a supervisor.</source>
        <translation>Eine Differenz aus der letzten Kassenzählung wartet noch auf eine Aufsicht.</translation>
    </message>
    <message>
        <source>Operations waiting for a supervisor still hold cash in this till: have them decided first.</source>
        <translation>Vorgänge, die auf eine Aufsicht warten, halten noch Bargeld in dieser Kasse: lassen Sie sie zuerst entscheiden.</translation>
    </message>
    <message>
        <source>There is no such active teller in this branch.</source>
        <translation>In dieser Filiale gibt es keinen solchen aktiven Kassierer.</translation>
    </message>
    <message>
        <source>Cash for your own till is moved by another supervisor.</source>
        <translation>Bargeld für Ihre eigene Kasse bewegt eine andere Aufsicht.</translation>
    </message>
    <message>
        <source>Not enough cash in the vault.</source>
        <translation>Nicht genug Bargeld im Tresor.</translation>
    </message>
    <message>
        <source>Too many of your operations are waiting for a supervisor (or one already holds money on this account): have them decided first.</source>
        <translation>Zu viele Ihrer Vorgänge warten auf eine Aufsicht (oder einer hält bereits Geld auf diesem Konto): lassen Sie sie zuerst entscheiden.</translation>
    </message>
    <message>
        <source>This operation has been reversed already, or a reversal of it is waiting.</source>
        <translation>Dieser Vorgang ist bereits storniert, oder eine Stornierung wartet.</translation>
    </message>
</context>
<context>
    <name>teller::Supervision</name>
    <message>
        <source>reading the operations to review</source>
        <translation>beim Lesen der zu prüfenden Vorgänge</translation>
    </message>
    <message>
        <source>reading the operations in doubt</source>
        <translation>beim Lesen der unklaren Vorgänge</translation>
    </message>
    <message>
        <source>reading the ledger</source>
        <translation>beim Lesen der Buchungen</translation>
    </message>
    <message>
        <source>A rejection needs a reason.</source>
        <translation>Eine Ablehnung braucht eine Begründung.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>Der Vermerk ist zu lang.</translation>
    </message>
    <message>
        <source>deciding the operation</source>
        <translation>beim Entscheiden des Vorgangs</translation>
    </message>
    <message>
        <source>There is no operation with this key.</source>
        <translation>Es gibt keinen Vorgang mit diesem Schlüssel.</translation>
    </message>
    <message>
        <source>releasing expired holds</source>
        <translation>beim Aufheben abgelaufener Vormerkungen</translation>
    </message>
    <message>
        <source>reporting an operation in doubt</source>
        <translation>beim Melden eines unklaren Vorgangs</translation>
    </message>
    <message>
        <source>The server sent an operation this program cannot read.</source>
        <translation>Der Server hat einen Vorgang gesendet, den dieses Programm nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>teller::TellerClient</name>
    <message>
        <source>Not signed in.</source>
        <translation>Nicht angemeldet.</translation>
    </message>
    <message>
        <source>The connection to the server is lost; reconnecting.</source>
        <translation>Die Verbindung zum Server ist unterbrochen; sie wird wiederhergestellt.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Not signed in; the action was not sent.</source>
        <translation>Nicht angemeldet; der Vorgang wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Found open in the workstation&apos;s journal at sign-in.</source>
        <translation>Bei der Anmeldung offen im Journal des Arbeitsplatzes gefunden.</translation>
    </message>
    <message>
        <source>No operation can be sent while the local journal cannot be used: %1</source>
        <translation>Solange das lokale Journal nicht benutzbar ist, kann kein Vorgang gesendet werden: %1</translation>
    </message>
</context>
<context>
    <name>teller::WorkstationConfig</name>
    <message>
        <source>a value without &quot;;&quot;</source>
        <translation>ein Wert ohne „;“</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>The configuration %1 is not valid: [%2] %3 = &quot;%4&quot;; expected %5.</source>
        <translation>Die Konfiguration %1 ist ungültig: [%2] %3 = „%4“; erwartet wird %5.</translation>
    </message>
    <message>
        <source>The configuration file %1 does not exist.</source>
        <translation>Die Konfigurationsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The configuration file %1 cannot be read.</source>
        <translation>Die Konfigurationsdatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file.</source>
        <translation>Die Konfigurationsdatei %1 ist keine gültige INI-Datei.</translation>
    </message>
    <message>
        <source>a database name</source>
        <translation>ein Datenbankname</translation>
    </message>
    <message>
        <source>disable, allow, prefer, require, verify-ca or verify-full</source>
        <translation>disable, allow, prefer, require, verify-ca oder verify-full</translation>
    </message>
    <message>
        <source>a file name</source>
        <translation>ein Dateiname</translation>
    </message>
    <message>
        <source>a pg_service.conf service name</source>
        <translation>ein Dienstname aus pg_service.conf</translation>
    </message>
    <message>
        <source>letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, at most 63</source>
        <translation>Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos;, höchstens 63</translation>
    </message>
    <message>
        <source>The configuration %1 names the root certificate %2, which does not exist.</source>
        <translation>Die Konfiguration %1 nennt das Stammzertifikat %2, das nicht existiert.</translation>
    </message>
    <message>
        <source>The configuration file %1 is not a valid INI file: line %2 is neither a [section], a key = value nor a ; comment.</source>
        <translation>Die Konfigurationsdatei %1 ist keine gültige INI-Datei: Zeile %2 ist weder ein [Abschnitt] noch Schlüssel = Wert noch ein ;-Kommentar.</translation>
    </message>
    <message>
        <source>a host name, address or socket directory, or a list of them separated by &quot;,&quot;</source>
        <translation>ein Hostname, eine Adresse oder ein Socket-Verzeichnis, oder eine Liste davon, durch „,“ getrennt</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2, or a list of them separated by &quot;,&quot;, one for each host</source>
        <translation>eine ganze Zahl von %1 bis %2, oder eine Liste davon, durch „,“ getrennt, eine für jeden Server</translation>
    </message>
    <message>
        <source>any, read-write or primary</source>
        <translation>any, read-write oder primary</translation>
    </message>
    <message numerus="yes">
        <source>one port, or one for each of the %n host(s)</source>
        <translation>
            <numerusform>ein Port, oder einer für den %n Server</numerusform>
            <numerusform>ein Port, oder einer für jeden der %n Server</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>teller::demo</name>
    <message>
        <source>Opening balance</source>
        <translation>Eröffnungssaldo</translation>
    </message>
    <message>
        <source>looking for the demo database</source>
        <translation>bei der Suche nach der Demo-Datenbank</translation>
    </message>
    <message>
        <source>The demo seed could not %1: %2 %3 %4</source>
        <translation>Die Demo-Daten konnten nicht %1: %2 %3 %4</translation>
    </message>
    <message>
        <source>checking that the database is the demo&apos;s</source>
        <translation>beim Prüfen, ob die Datenbank die der Demo ist</translation>
    </message>
    <message>
        <source>This database has staff or accounts of its own and is not a demo database: the demo seed would give its staff the demo&apos;s well-known passwords. Nothing was changed. Seed only a new, empty database (tellerctl demo start makes one).</source>
        <translation>Diese Datenbank hat eigene Mitarbeiter oder Konten und ist keine Demo-Datenbank: die Demo-Daten würden ihren Mitarbeitern die bekannten Passwörter der Demo geben. Nichts wurde geändert. Befüllen Sie nur eine neue, leere Datenbank (tellerctl demo start legt eine an).</translation>
    </message>
    <message>
        <source>marking the database as the demo&apos;s</source>
        <translation>beim Kennzeichnen der Datenbank als Demo-Datenbank</translation>
    </message>
    <message>
        <source>receive cash into the vault</source>
        <translation>Bargeld im Tresor annehmen</translation>
    </message>
    <message>
        <source>open a till</source>
        <translation>eine Kasse öffnen</translation>
    </message>
    <message>
        <source>bring cash to a till</source>
        <translation>Bargeld zu einer Kasse bringen</translation>
    </message>
    <message>
        <source>pay in the opening balance of %1</source>
        <translation>den Anfangssaldo von %1 einzahlen</translation>
    </message>
    <message>
        <source>take the paid-in cash to the vault</source>
        <translation>das eingezahlte Bargeld in den Tresor bringen</translation>
    </message>
    <message>
        <source>starting the tellers&apos; day</source>
        <translation>beim Beginnen des Kassiertags</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Aufgelöst</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Einzahlung</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Überweisung</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Till opened</source>
        <translation>Kasse geöffnet</translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation>Kasse geschlossen</translation>
    </message>
    <message>
        <source>Cash into the vault</source>
        <translation>Bargeld in den Tresor</translation>
    </message>
    <message>
        <source>Cash out of the vault</source>
        <translation>Bargeld aus dem Tresor</translation>
    </message>
    <message>
        <source>Cash from the vault</source>
        <translation>Bargeld vom Tresor</translation>
    </message>
    <message>
        <source>Cash to the vault</source>
        <translation>Bargeld zum Tresor</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Stornierung</translation>
    </message>
    <message>
        <source>teller</source>
        <translation>Kassierer</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Vorgesetzter</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Personalausweis</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Reisepass</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Führerschein</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Anderes Ausweisdokument</translation>
    </message>
</context>
</TS>
