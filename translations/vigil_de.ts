<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>vigil::ActionRequestPanel</name>
    <message>
        <source>This profile is frozen after a revert: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Dieses Profil wurde nach einer Rücknahme eingefroren: Es können keine Aktionen angefordert werden, bis ein Supervisor es geprüft und die Einfrierung aufgehoben hat.</translation>
    </message>
    <message>
        <source>The policy refuses this action on privileged profiles.</source>
        <translation>Die Richtlinie verweigert diese Aktion bei privilegierten Profilen.</translation>
    </message>
    <message>
        <source>Needs assurance level %1; runs at once.</source>
        <translation>Erfordert Vertrauensstufe %1; wird sofort ausgeführt.</translation>
    </message>
    <message>
        <source>Needs assurance level %1 and approval by %2 supervisor(s).</source>
        <translation>Erfordert Vertrauensstufe %1 und die Freigabe durch %2 Supervisor(en).</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Takes effect after an undo window of %1.</source>
        <translation>Wird nach einer Widerrufsfrist von %1 wirksam.</translation>
    </message>
    <message>
        <source>The verification is at level %1: enough.</source>
        <translation>Die Verifizierung hat Stufe %1: ausreichend.</translation>
    </message>
    <message>
        <source>The verification is at level %1: use Stronger proof above first.</source>
        <translation>Die Verifizierung hat Stufe %1: Verwenden Sie zuerst oben „Stärkerer Nachweis“.</translation>
    </message>
    <message>
        <source>The verification is at level %1. The cached policy does not say which level this action needs; the server checks it.</source>
        <translation>Die Verifizierung hat Stufe %1. Die zwischengespeicherte Richtlinie nennt die für diese Aktion nötige Stufe nicht; der Server prüft sie.</translation>
    </message>
    <message>
        <source>What this action needs</source>
        <translation>Was diese Aktion erfordert</translation>
    </message>
    <message>
        <source>New phone n&amp;umber:</source>
        <translation>Neue Telefon&amp;nummer:</translation>
    </message>
    <message>
        <source>New e-mail &amp;address:</source>
        <translation>Neue E-Mail-&amp;Adresse:</translation>
    </message>
    <message>
        <source>New phone number</source>
        <translation>Neue Telefonnummer</translation>
    </message>
    <message>
        <source>New e-mail address</source>
        <translation>Neue E-Mail-Adresse</translation>
    </message>
    <message>
        <source>+1 555 0100 001</source>
        <translation>+49 30 1234 5678</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Anfrage wird gesendet …</translation>
    </message>
    <message>
        <source>Done: %1 for %2.</source>
        <translation>Erledigt: %1 für %2.</translation>
    </message>
    <message>
        <source>Awaiting approval: %1 for %2 waits for a supervisor (ticket %3). Follow it under My requests.</source>
        <translation>Wartet auf Freigabe: %1 für %2 wartet auf einen Supervisor (Ticket %3). Verfolgen Sie es unter „Meine Anfragen“.</translation>
    </message>
    <message>
        <source>Scheduled until %1: %2 for %3 takes effect then unless the user reverts it.</source>
        <translation>Geplant bis %1: %2 für %3 wird dann wirksam, sofern der Benutzer es nicht zurücknimmt.</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>%1 für %2: %3</translation>
    </message>
    <message>
        <source>Refused: this action needs assurance level %1 and the verification is at level %2. Step up first with Stronger proof, then request it again.</source>
        <translation>Abgelehnt: Diese Aktion erfordert Vertrauensstufe %1, die Verifizierung hat Stufe %2. Erhöhen Sie zuerst mit „Stärkerer Nachweis“ die Stufe und fordern Sie die Aktion dann erneut an.</translation>
    </message>
    <message>
        <source>Refused: the verification&apos;s level is too low. Step up first with Stronger proof, then request it again.</source>
        <translation>Abgelehnt: Die Stufe der Verifizierung ist zu niedrig. Erhöhen Sie zuerst mit „Stärkerer Nachweis“ die Stufe und fordern Sie die Aktion dann erneut an.</translation>
    </message>
    <message>
        <source>Refused: the profile is frozen after a revert. A supervisor has to review and unfreeze it first.</source>
        <translation>Abgelehnt: Das Profil wurde nach einer Rücknahme eingefroren. Ein Supervisor muss es zuerst prüfen und die Einfrierung aufheben.</translation>
    </message>
    <message>
        <source>Refused: the profile is locked. Ask a supervisor if the caller needs help.</source>
        <translation>Abgelehnt: Das Profil ist gesperrt. Wenden Sie sich an einen Supervisor, falls der Anrufer Hilfe benötigt.</translation>
    </message>
    <message>
        <source>Refused: your access to this profile has ended. Verify the caller again.</source>
        <translation>Abgelehnt: Ihr Zugriff auf dieses Profil ist beendet. Verifizieren Sie den Anrufer erneut.</translation>
    </message>
    <message>
        <source>Refused: the same action is already open on this profile. Follow it under My requests.</source>
        <translation>Abgelehnt: Dieselbe Aktion ist für dieses Profil bereits offen. Verfolgen Sie sie unter „Meine Anfragen“.</translation>
    </message>
    <message>
        <source>Refused: there is no e-mail address or phone number on record to send the reset link to.</source>
        <translation>Abgelehnt: Es ist keine E-Mail-Adresse und keine Telefonnummer hinterlegt, an die der Link zum Zurücksetzen gehen könnte.</translation>
    </message>
    <message>
        <source>Refused: the policy does not allow this action on a privileged profile.</source>
        <translation>Abgelehnt: Die Richtlinie erlaubt diese Aktion bei einem privilegierten Profil nicht.</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Vom Server abgelehnt: %1</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>Die Anfrage konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Request an action</source>
        <translation>Aktion anfordern</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>Akti&amp;on:</translation>
    </message>
    <message>
        <source>Action to request</source>
        <translation>Anzufordernde Aktion</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Why the caller needs it (required)</source>
        <translation>Warum der Anrufer sie braucht (erforderlich)</translation>
    </message>
    <message>
        <source>Tic&amp;ket:</source>
        <translation>&amp;Ticket:</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>e.g. INC-1234 (required)</source>
        <translation>z. B. INC-1234 (erforderlich)</translation>
    </message>
    <message>
        <source>Send re&amp;quest</source>
        <translation>Anfrage s&amp;enden</translation>
    </message>
    <message>
        <source>Request action</source>
        <translation>Aktion anfordern</translation>
    </message>
    <message>
        <source>Sends the request; actions that need approval wait for a supervisor</source>
        <translation>Sendet die Anfrage; Aktionen, die eine Freigabe erfordern, warten auf einen Supervisor</translation>
    </message>
    <message>
        <source>Request result</source>
        <translation>Ergebnis der Anfrage</translation>
    </message>
</context>
<context>
    <name>vigil::ActionTableModel</name>
    <message>
        <source>%1 (privileged)</source>
        <translation>%1 (privilegiert)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>A privileged profile (administrator or executive): changes need more approvals.</source>
        <translation>Ein privilegiertes Profil (Administrator oder Führungskraft): Änderungen erfordern weitere Freigaben.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Angefordert</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Unlock account</source>
        <translation>Konto entsperren</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <source>Reset MFA</source>
        <translation>MFA zurücksetzen</translation>
    </message>
    <message>
        <source>Change e-mail address</source>
        <translation>E-Mail-Adresse ändern</translation>
    </message>
    <message>
        <source>Change phone number</source>
        <translation>Telefonnummer ändern</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Profil anzeigen</translation>
    </message>
    <message>
        <source>Awaiting approval (%1 of %2)</source>
        <translation>Wartet auf Freigabe (%1 von %2)</translation>
    </message>
    <message>
        <source>Scheduled until %1</source>
        <translation>Geplant bis %1</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Zurückgenommen</translation>
    </message>
    <message>
        <source>the profile is locked</source>
        <translation>das Profil ist gesperrt</translation>
    </message>
    <message>
        <source>the requester&apos;s access to the profile had ended</source>
        <translation>der Zugriff des Anfragenden auf das Profil war beendet</translation>
    </message>
    <message>
        <source>the profile is frozen</source>
        <translation>das Profil ist eingefroren</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>code by e-mail</source>
        <translation>Code per E-Mail</translation>
    </message>
    <message>
        <source>code by SMS</source>
        <translation>Code per SMS</translation>
    </message>
    <message>
        <source>TOTP read-out</source>
        <translation>vorgelesener TOTP-Code</translation>
    </message>
    <message>
        <source>approval on the user&apos;s device</source>
        <translation>Bestätigung auf dem Gerät des Benutzers</translation>
    </message>
</context>
<context>
    <name>vigil::AuditTableModel</name>
    <message>
        <source>%1 (UTC: %2)</source>
        <translation>%1 (UTC: %2)</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>Verifizierung: %1</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>vigil::AuditViewer</name>
    <message>
        <source>Loading the audit log…</source>
        <translation>Audit-Protokoll wird geladen …</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Das Audit-Protokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Loading more entries…</source>
        <translation>Weitere Einträge werden geladen …</translation>
    </message>
    <message>
        <source>Could not load more entries: %1</source>
        <translation>Weitere Einträge konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1</source>
        <translation>Geladene Einträge: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1, shown in the selected time range: %2</source>
        <translation>Geladene Einträge: %1, davon im gewählten Zeitraum angezeigt: %2</translation>
    </message>
    <message>
        <source>More entries are available.</source>
        <translation>Es sind weitere Einträge verfügbar.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>The server filters by action, agent and profile. The time range is applied here, to the entries already loaded: use &quot;Load more&quot; to reach older or newer entries.</source>
        <translation>Der Server filtert nach Aktion, Agent und Profil. Der Zeitraum wird hier auf die bereits geladenen Einträge angewendet: Mit „Mehr laden“ erreichen Sie ältere oder neuere Einträge.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Aktionsfilter</translation>
    </message>
    <message>
        <source>Show only entries with this action. Leave empty for all actions.</source>
        <translation>Nur Einträge mit dieser Aktion anzeigen. Leer lassen für alle Aktionen.</translation>
    </message>
    <message>
        <source>Exact action name, filtered by the server</source>
        <translation>Genauer Aktionsname, vom Server gefiltert</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Agentenfilter</translation>
    </message>
    <message>
        <source>Show only entries by this agent user name.</source>
        <translation>Nur Einträge dieses Agenten (Benutzername) anzeigen.</translation>
    </message>
    <message>
        <source>Exact agent user name, filtered by the server</source>
        <translation>Genauer Benutzername des Agenten, vom Server gefiltert</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation>Profilfilter</translation>
    </message>
    <message>
        <source>Show only entries about this profile id.</source>
        <translation>Nur Einträge zu dieser Profil-ID anzeigen.</translation>
    </message>
    <message>
        <source>Exact profile id, filtered by the server</source>
        <translation>Genaue Profil-ID, vom Server gefiltert</translation>
    </message>
    <message>
        <source>Any profile</source>
        <translation>Alle Profile</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Ab einem Zeitpunkt filtern</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>Startzeitpunkt</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Filter up to a time</source>
        <translation>Bis zu einem Zeitpunkt filtern</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>Endzeitpunkt</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Audit-Protokoll aktualisieren</translation>
    </message>
    <message>
        <source>Load the audit log again with these filters and check the chain</source>
        <translation>Audit-Protokoll mit diesen Filtern neu laden und die Kette prüfen</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Audit-Einträge</translation>
    </message>
    <message>
        <source>Audit log entries matching the filters. Click a column header to sort.</source>
        <translation>Einträge des Audit-Protokolls, die den Filtern entsprechen. Zum Sortieren auf eine Spaltenüberschrift klicken.</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>&amp;Mehr laden</translation>
    </message>
    <message>
        <source>Load more entries</source>
        <translation>Weitere Einträge laden</translation>
    </message>
    <message>
        <source>Load the next entries after the last one shown</source>
        <translation>Die nächsten Einträge nach dem zuletzt angezeigten laden</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Status des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Audit chain status</source>
        <translation>Status der Audit-Kette</translation>
    </message>
    <message>
        <source>Audit chain not checked yet</source>
        <translation>Audit-Kette noch nicht geprüft</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Audit-Kette wird geprüft …</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries</source>
        <translation>Audit-Kette bestätigt: %1 Einträge</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1</source>
        <translation>Audit-Kette BESCHÄDIGT bei Eintrag %1</translation>
    </message>
    <message>
        <source>Audit chain could not be checked: %1</source>
        <translation>Audit-Kette konnte nicht geprüft werden: %1</translation>
    </message>
</context>
<context>
    <name>vigil::BackendClient</name>
    <message>
        <source>The server address “%1” is not a valid https:// address.</source>
        <translation>Die Serveradresse „%1“ ist keine gültige https://-Adresse.</translation>
    </message>
    <message>
        <source>The server&apos;s reply is too large.</source>
        <translation>Die Antwort des Servers ist zu groß.</translation>
    </message>
    <message>
        <source>The server presented a certificate this console has not seen before (SHA-256 fingerprint %1). Compare it with the fingerprint your IT department gave you before you trust it.</source>
        <translation>Der Server hat ein Zertifikat vorgelegt, das diese Konsole noch nicht kennt (SHA-256-Fingerabdruck %1). Vergleichen Sie es mit dem Fingerabdruck, den Ihnen Ihre IT-Abteilung gegeben hat, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so the connection was refused. Someone may be intercepting it; tell your IT department.</source>
        <translation>Das Zertifikat des Servers stimmt nicht mit dem überein, dem diese Konsole vertraut, daher wurde die Verbindung abgelehnt. Möglicherweise wird sie abgefangen; informieren Sie Ihre IT-Abteilung.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established: %1</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so its reply was ignored.</source>
        <translation>Das Zertifikat des Servers stimmt nicht mit dem überein, dem diese Konsole vertraut, daher wurde seine Antwort ignoriert.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Vigil server at %1 cannot be reached: %2</source>
        <translation>Der Vigil-Server unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The server stopped answering in the middle of its reply. Try again.</source>
        <translation>Der Server hat mitten in seiner Antwort aufgehört zu antworten. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut off. Try again.</source>
        <translation>Die Antwort des Servers wurde abgeschnitten. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server sent a reply this console cannot read. Check that the server address points to a Vigil server.</source>
        <translation>Der Server hat eine Antwort gesendet, die diese Konsole nicht lesen kann. Prüfen Sie, ob die Serveradresse auf einen Vigil-Server verweist.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>You are not signed in, or your session has ended. Please sign in again.</source>
        <translation>Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>The server could not find what was asked for.</source>
        <translation>Der Server konnte das Angeforderte nicht finden.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state of the profile.</source>
        <translation>Die Anfrage steht im Widerspruch zum aktuellen Zustand des Profils.</translation>
    </message>
    <message>
        <source>This verification is no longer open. Start a new one.</source>
        <translation>Diese Verifizierung ist nicht mehr offen. Starten Sie eine neue.</translation>
    </message>
    <message>
        <source>The request was too large for the server.</source>
        <translation>Die Anfrage war für den Server zu groß.</translation>
    </message>
    <message>
        <source>The server did not accept the format of the request.</source>
        <translation>Der Server hat das Format der Anfrage nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation>Das Profil ist gesperrt.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server ran into an internal error. Nothing was changed.</source>
        <translation>Auf dem Server ist ein interner Fehler aufgetreten. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server is unavailable at the moment. Nothing was changed.</source>
        <translation>Der Server ist derzeit nicht verfügbar. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>Der Server hat mit einem Fehler geantwortet (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>vigil::BackendReply</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>vigil::ConsoleController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationEvidence</name>
    <message>
        <source>You requested this action, so another supervisor has to decide.</source>
        <translation>Sie haben diese Aktion angefordert, daher muss ein anderer Supervisor entscheiden.</translation>
    </message>
    <message>
        <source>You verified this caller, so another supervisor has to decide.</source>
        <translation>Sie haben diesen Anrufer verifiziert, daher muss ein anderer Supervisor entscheiden.</translation>
    </message>
    <message>
        <source>You have already approved it; it waits for another supervisor.</source>
        <translation>Sie haben sie bereits freigegeben; sie wartet auf einen weiteren Supervisor.</translation>
    </message>
    <message>
        <source>You cannot decide on this escalation.</source>
        <translation>Sie können über diese Eskalation nicht entscheiden.</translation>
    </message>
    <message>
        <source>Privileged profile:</source>
        <translation>Privilegiertes Profil:</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Ja – Änderungen erfordern weitere Freigaben</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Neuer Wert:</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>Angefordert von:</translation>
    </message>
    <message>
        <source>Requested at:</source>
        <translation>Angefordert am:</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>Ticket:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Begründung:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Approvals so far:</source>
        <translation>Bisherige Freigaben:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>%1 (%2) %3 at %4: %5</source>
        <translation>%1 (%2) hat am %4 %3: %5</translation>
    </message>
    <message>
        <source>Assurance level:</source>
        <translation>Vertrauensstufe:</translation>
    </message>
    <message>
        <source>Proved by:</source>
        <translation>Nachgewiesen durch:</translation>
    </message>
    <message>
        <source>Verified by:</source>
        <translation>Verifiziert von:</translation>
    </message>
    <message>
        <source>Failed attempts now:</source>
        <translation>Aktuelle Fehlversuche:</translation>
    </message>
    <message>
        <source>Locked:</source>
        <translation>Gesperrt:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation>Verlauf der Versuche</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationQueue</name>
    <message>
        <source>The escalation queue could not be loaded.</source>
        <translation>Die Eskalationsliste konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>No escalation is waiting for approval.</source>
        <translation>Keine Eskalation wartet auf Freigabe.</translation>
    </message>
    <message>
        <source>Escalations waiting for approval: %1</source>
        <translation>Eskalationen, die auf Freigabe warten: %1</translation>
    </message>
    <message>
        <source>Vigil: escalation waiting for approval</source>
        <translation>Vigil: Eskalation wartet auf Freigabe</translation>
    </message>
    <message>
        <source>%1 asks for “%2” on %3 (ticket %4).</source>
        <translation>%1 bittet um „%2“ für %3 (Ticket %4).</translation>
    </message>
    <message>
        <source>New escalations waiting for approval: %1</source>
        <translation>Neue Eskalationen, die auf Freigabe warten: %1</translation>
    </message>
    <message>
        <source>Vigil escalation queue</source>
        <translation>Vigil-Eskalationsliste</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Ihre Entscheidung wird gesendet …</translation>
    </message>
    <message>
        <source>You requested this action or verified the caller, so another supervisor has to decide.</source>
        <translation>Sie haben diese Aktion angefordert oder den Anrufer verifiziert, daher muss ein anderer Supervisor entscheiden.</translation>
    </message>
    <message>
        <source>You have already approved this escalation.</source>
        <translation>Sie haben diese Eskalation bereits freigegeben.</translation>
    </message>
    <message>
        <source>This escalation has already been decided or cancelled.</source>
        <translation>Über diese Eskalation wurde bereits entschieden, oder sie wurde zurückgezogen.</translation>
    </message>
    <message>
        <source>This escalation has expired. The technician has to request it again.</source>
        <translation>Diese Eskalation ist abgelaufen. Der Techniker muss sie erneut anfordern.</translation>
    </message>
    <message>
        <source>The server still asks for your second factor. Try again.</source>
        <translation>Der Server verlangt weiterhin Ihren zweiten Faktor. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your decision could not be sent.</source>
        <translation>Ihre Entscheidung konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>Your decision was refused: %1</source>
        <translation>Ihre Entscheidung wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>Denied: %1 for %2.</source>
        <translation>Abgelehnt: %1 für %2.</translation>
    </message>
    <message>
        <source>Your approval is recorded: %1 for %2 now has %3 of %4 approvals.</source>
        <translation>Ihre Freigabe ist erfasst: %1 für %2 hat jetzt %3 von %4 Freigaben.</translation>
    </message>
    <message>
        <source>Approved: %1 for %2 is now: %3.</source>
        <translation>Freigegeben: %1 für %2 ist jetzt: %3.</translation>
    </message>
    <message>
        <source>Select an escalation to see the evidence behind it.</source>
        <translation>Wählen Sie eine Eskalation aus, um die zugehörigen Nachweise zu sehen.</translation>
    </message>
    <message>
        <source>Vigil — escalation queue</source>
        <translation>Vigil — Eskalationen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation>Liste aktualisieren</translation>
    </message>
    <message>
        <source>Open escalations</source>
        <translation>Offene Eskalationen</translation>
    </message>
    <message>
        <source>Oldest first; select one to see its evidence</source>
        <translation>Älteste zuerst; wählen Sie eine aus, um ihre Nachweise zu sehen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>What the requester proved: levels, methods, attempt history, ticket and reason</source>
        <translation>Was der Anfragende nachgewiesen hat: Stufen, Methoden, Verlauf der Versuche, Ticket und Begründung</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Status der Liste</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation>Warum Sie nicht entscheiden können</translation>
    </message>
    <message>
        <source>Re&amp;ason for your decision:</source>
        <translation>&amp;Begründung Ihrer Entscheidung:</translation>
    </message>
    <message>
        <source>Reason for your decision</source>
        <translation>Begründung Ihrer Entscheidung</translation>
    </message>
    <message>
        <source>Required for approving and denying</source>
        <translation>Erforderlich zum Freigeben und Ablehnen</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>Approve escalation</source>
        <translation>Eskalation freigeben</translation>
    </message>
    <message>
        <source>Approves the selected escalation; asks for your authenticator code first if needed</source>
        <translation>Gibt die ausgewählte Eskalation frei; fragt bei Bedarf zuerst nach dem Code Ihrer Authenticator-App</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Deny escalation</source>
        <translation>Eskalation ablehnen</translation>
    </message>
    <message>
        <source>Denies the selected escalation</source>
        <translation>Lehnt die ausgewählte Eskalation ab</translation>
    </message>
    <message>
        <source>Decision result</source>
        <translation>Ergebnis der Entscheidung</translation>
    </message>
</context>
<context>
    <name>vigil::LoginDialog</name>
    <message>
        <source>Sign in to Vigil</source>
        <translation>Bei Vigil anmelden</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Sign in with your help desk account to verify callers.</source>
        <translation>Melden Sie sich mit Ihrem Helpdesk-Konto an, um Anrufer zu verifizieren.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>The HTTPS address of your Vigil server</source>
        <translation>Die HTTPS-Adresse Ihres Vigil-Servers</translation>
    </message>
    <message>
        <source>Set by your IT department; it cannot be changed here</source>
        <translation>Von Ihrer IT-Abteilung festgelegt; hier nicht änderbar</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Von Ihrer IT-Abteilung festgelegt</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Vigil beenden</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problem bei der Anmeldung</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://</source>
        <translation>Geben Sie die Serveradresse ein, beginnend mit https://</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Geben Sie Ihren Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand. Ask IT to check that the server and the console have the same version.</source>
        <translation>Der Server unter %1 hat eine Antwort gesendet, die Vigil nicht versteht. Bitten Sie die IT zu prüfen, ob Server und Konsole dieselbe Version haben.</translation>
    </message>
    <message>
        <source>Vigil refused to connect to %1: your IT department requires a known certificate, and this server did not present it. Call your IT service desk.</source>
        <translation>Vigil hat die Verbindung zu %1 abgelehnt: Ihre IT-Abteilung verlangt ein bekanntes Zertifikat, und dieser Server hat es nicht vorgelegt. Wenden Sie sich an Ihren IT-Service-Desk.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted. It now shows the fingerprint %2. This can mean that someone is intercepting the connection, so Vigil refused to connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil administrator) and tell them the certificate changed.</source>
        <translation>Das Zertifikat von %1 hat sich geändert, seit ihm vertraut wurde. Es zeigt jetzt den Fingerabdruck %2. Das kann bedeuten, dass jemand die Verbindung abfängt; daher hat Vigil die Verbindung abgelehnt und nichts gesendet. Melden Sie sich nicht an: Rufen Sie Ihren IT-Service-Desk (oder den Vigil-Administrator) an und teilen Sie mit, dass sich das Zertifikat geändert hat.</translation>
    </message>
    <message>
        <source>Server certificate changed</source>
        <translation>Serverzertifikat geändert</translation>
    </message>
    <message>
        <source>Cannot reach the Vigil server at %1. Check the address and your network connection; if it still fails, ask IT whether the server is running.</source>
        <translation>Der Vigil-Server unter %1 ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Netzwerkverbindung; falls es weiterhin fehlschlägt, fragen Sie die IT, ob der Server läuft.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>Es konnte keine sichere Verbindung zu %1 hergestellt werden: %2</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this user name. Wait five minutes, then try again.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen für diesen Benutzernamen. Warten Sie fünf Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation>Der Server hat die Anmeldung abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand.</source>
        <translation>Der Server unter %1 hat eine Antwort gesendet, die Vigil nicht versteht.</translation>
    </message>
    <message>
        <source>Vigil has not connected to %1 before. The server presents a certificate with this SHA-256 fingerprint:

%2

Compare it with the fingerprint your IT department gave you. Trust this server only if they match exactly.</source>
        <translation>Vigil hat sich noch nie mit %1 verbunden. Der Server legt ein Zertifikat mit diesem SHA-256-Fingerabdruck vor:

%2

Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen Ihre IT-Abteilung gegeben hat. Vertrauen Sie diesem Server nur, wenn beide genau übereinstimmen.</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Diesem Server vertrauen?</translation>
    </message>
    <message>
        <source>You did not trust the server, so nothing was sent to it.</source>
        <translation>Sie haben dem Server nicht vertraut, daher wurde nichts an ihn gesendet.</translation>
    </message>
    <message>
        <source>Vigil will not connect, because settings your IT department enforces are invalid:
%1
Call your IT service desk to have them corrected. Nothing was sent to any server.</source>
        <translation>Vigil stellt keine Verbindung her, weil von Ihrer IT-Abteilung vorgegebene Einstellungen ungültig sind:
%1
Rufen Sie Ihren IT-Service-Desk an, damit sie korrigiert werden. Es wurde nichts an einen Server gesendet.</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>Die Suche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>No matching profile.</source>
        <translation>Kein passendes Profil.</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) found.</source>
        <translation>
            <numerusform>%n Profil gefunden.</numerusform>
            <numerusform>%n Profile gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil — caller verification</source>
        <translation>Vigil – Anruferverifizierung</translation>
    </message>
    <message>
        <source>No keychain available: you will need to sign in again after closing Vigil</source>
        <translation>Kein Schlüsselbund verfügbar: Nach dem Schließen von Vigil müssen Sie sich erneut anmelden</translation>
    </message>
    <message>
        <source>&amp;Find caller:</source>
        <translation>Anrufer &amp;suchen:</translation>
    </message>
    <message>
        <source>Name, user name, e-mail, phone or employee ID</source>
        <translation>Name, Benutzername, E-Mail, Telefon oder Personalnummer</translation>
    </message>
    <message>
        <source>Your role cannot search profiles</source>
        <translation>Ihre Rolle darf keine Profile durchsuchen</translation>
    </message>
    <message>
        <source>Find caller</source>
        <translation>Anrufer suchen</translation>
    </message>
    <message>
        <source>Fuzzy search by name, user name, e-mail, phone or employee ID; results appear as you type (Ctrl+F)</source>
        <translation>Unscharfe Suche nach Name, Benutzername, E-Mail, Telefon oder Personalnummer; Ergebnisse erscheinen während der Eingabe (Strg+F)</translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation>Passende Profile</translation>
    </message>
    <message>
        <source>Press Enter or double-click to verify the selected caller</source>
        <translation>Eingabetaste drücken oder doppelklicken, um den ausgewählten Anrufer zu verifizieren</translation>
    </message>
    <message>
        <source>&amp;Verify caller</source>
        <translation>Anrufer &amp;verifizieren</translation>
    </message>
    <message>
        <source>Verify caller</source>
        <translation>Anrufer verifizieren</translation>
    </message>
    <message>
        <source>Starts a verification of the selected profile</source>
        <translation>Startet eine Verifizierung des ausgewählten Profils</translation>
    </message>
    <message>
        <source>Find the caller&apos;s profile, then choose Verify caller. Vigil shows the questions to ask; the profile opens only after the caller passes.</source>
        <translation>Suchen Sie das Profil des Anrufers und wählen Sie dann „Anrufer verifizieren“. Vigil zeigt die zu stellenden Fragen an; das Profil öffnet sich erst, wenn der Anrufer die Verifizierung besteht.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) · %3</source>
        <translation>Angemeldet als %1 (%2) · %3</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Mit dem Server verbunden</translation>
    </message>
    <message>
        <source>Offline: reconnecting to the server</source>
        <translation>Offline: Verbindung zum Server wird wiederhergestellt</translation>
    </message>
    <message>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Find caller</source>
        <translation>Anrufer &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Audit-Protokoll …</translation>
    </message>
    <message>
        <source>New escalations waiting: %1 — open the queue</source>
        <translation>Neue Eskalationen warten: %1 – Liste öffnen</translation>
    </message>
    <message>
        <source>&amp;Escalation queue…</source>
        <translation>&amp;Eskalationen …</translation>
    </message>
</context>
<context>
    <name>vigil::MyRequestsPanel</name>
    <message>
        <source>Your requests could not be loaded.</source>
        <translation>Ihre Anfragen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <source>You have not requested any action yet.</source>
        <translation>Sie haben noch keine Aktion angefordert.</translation>
    </message>
    <message>
        <source>Requests: %1, still open: %2.</source>
        <translation>Anfragen: %1, noch offen: %2.</translation>
    </message>
    <message>
        <source>Cancel request?</source>
        <translation>Anfrage zurückziehen?</translation>
    </message>
    <message>
        <source>Cancel %1 for %2 (ticket %3)? Supervisors will no longer see it.</source>
        <translation>%1 für %2 (Ticket %3) zurückziehen? Supervisoren sehen die Anfrage dann nicht mehr.</translation>
    </message>
    <message>
        <source>The request could not be cancelled: %1</source>
        <translation>Die Anfrage konnte nicht zurückgezogen werden: %1</translation>
    </message>
    <message>
        <source>The request is cancelled.</source>
        <translation>Die Anfrage ist zurückgezogen.</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <source>My requested actions</source>
        <translation>Meine angeforderten Aktionen</translation>
    </message>
    <message>
        <source>The actions you requested and their state, updated every few seconds</source>
        <translation>Die von Ihnen angeforderten Aktionen und ihr Status, alle paar Sekunden aktualisiert</translation>
    </message>
    <message>
        <source>My requests status</source>
        <translation>Status meiner Anfragen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh my requests</source>
        <translation>Meine Anfragen aktualisieren</translation>
    </message>
    <message>
        <source>Cance&amp;l request</source>
        <translation>Anfrage zurück&amp;ziehen</translation>
    </message>
    <message>
        <source>Cancel the selected request</source>
        <translation>Ausgewählte Anfrage zurückziehen</translation>
    </message>
</context>
<context>
    <name>vigil::OfflineBanner</name>
    <message>
        <source>No cached policy is available on this computer.</source>
        <translation>Auf diesem Computer ist keine zwischengespeicherte Richtlinie verfügbar.</translation>
    </message>
    <message>
        <source>Cached policy from %1.</source>
        <translation>Zwischengespeicherte Richtlinie vom %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) per verification, the secret word included.</source>
        <translation>
            <numerusform>%n Frage pro Verifizierung, das Geheimwort eingeschlossen.</numerusform>
            <numerusform>%n Fragen pro Verifizierung, das Geheimwort eingeschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A profile locks after %n failed attempt(s).</source>
        <translation>
            <numerusform>Ein Profil wird nach %n Fehlversuch gesperrt.</numerusform>
            <numerusform>Ein Profil wird nach %n Fehlversuchen gesperrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A lock lasts %n minute(s).</source>
        <translation>
            <numerusform>Eine Sperre dauert %n Minute.</numerusform>
            <numerusform>Eine Sperre dauert %n Minuten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Access after a pass lasts %n minute(s).</source>
        <translation>
            <numerusform>Der Zugriff nach bestandener Verifizierung dauert %n Minute.</numerusform>
            <numerusform>Der Zugriff nach bestandener Verifizierung dauert %n Minuten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — showing the cached policy read-only; reconnecting…</source>
        <translation>Offline – die zwischengespeicherte Richtlinie wird schreibgeschützt angezeigt; Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation>Offline-Hinweis</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileDetailsPanel</name>
    <message>
        <source>The profile could not be loaded.</source>
        <translation>Das Profil konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Access ends in %1</source>
        <translation>Zugriff endet in %1</translation>
    </message>
    <message>
        <source>Access to %1 has ended. Verify the caller again to see the profile.</source>
        <translation>Der Zugriff auf %1 ist abgelaufen. Verifizieren Sie den Anrufer erneut, um das Profil zu sehen.</translation>
    </message>
    <message>
        <source>Unblock profile?</source>
        <translation>Profil entsperren?</translation>
    </message>
    <message>
        <source>Unblock %1? The failed attempts are forgotten and any technician can verify this caller again. The unblock is recorded in the audit log under your name.</source>
        <translation>%1 entsperren? Die Fehlversuche werden verworfen, und jeder Techniker kann diesen Anrufer wieder verifizieren. Das Entsperren wird unter Ihrem Namen im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>The profile could not be unblocked: %1</source>
        <translation>Das Profil konnte nicht entsperrt werden: %1</translation>
    </message>
    <message>
        <source>%1 is unblocked. You can verify the caller again.</source>
        <translation>%1 ist entsperrt. Sie können den Anrufer erneut verifizieren.</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Ja – Änderungen erfordern weitere Freigaben</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>Profil wird geladen …</translation>
    </message>
    <message>
        <source>This profile is locked%1. As a supervisor you can unblock it once you are sure the caller is not an attacker.</source>
        <translation>Dieses Profil ist gesperrt%1. Als Supervisor können Sie es entsperren, sobald Sie sicher sind, dass der Anrufer kein Angreifer ist.</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation> bis %1</translation>
    </message>
    <message>
        <source>This profile is locked. Ask a supervisor if the caller needs help before the lock ends.</source>
        <translation>Dieses Profil ist gesperrt. Wenden Sie sich an einen Supervisor, falls der Anrufer vor Ende der Sperre Hilfe benötigt.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>Profildetails</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Abteilung:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation>Privilegiert:</translation>
    </message>
    <message>
        <source>Enrolled answers:</source>
        <translation>Hinterlegte Antworten:</translation>
    </message>
    <message>
        <source>Unblock profile</source>
        <translation>Profil entsperren</translation>
    </message>
    <message>
        <source>Clears the lock after you confirm; recorded in the audit log</source>
        <translation>Hebt die Sperre nach Ihrer Bestätigung auf; wird im Audit-Protokoll festgehalten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close profile</source>
        <translation>Profil schließen</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>Profilstatus</translation>
    </message>
    <message>
        <source>Unfreeze profile?</source>
        <translation>Einfrierung des Profils aufheben?</translation>
    </message>
    <message>
        <source>Unfreeze %1? A revert froze this profile, which may mean someone tried to take over the account. Unfreeze it only once you have checked the reverted change with the user. Technicians can then request actions again; the unfreeze is recorded in the audit log under your name.</source>
        <translation>Einfrierung von %1 aufheben? Eine Rücknahme hat dieses Profil eingefroren; möglicherweise hat jemand versucht, das Konto zu übernehmen. Heben Sie die Einfrierung erst auf, wenn Sie die zurückgenommene Änderung mit dem Benutzer geklärt haben. Techniker können dann wieder Aktionen anfordern; die Aufhebung wird unter Ihrem Namen im Audit-Protokoll vermerkt.</translation>
    </message>
    <message>
        <source>The profile could not be unfrozen: %1</source>
        <translation>Die Einfrierung des Profils konnte nicht aufgehoben werden: %1</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested. As a supervisor you can unfreeze it once you have reviewed it.</source>
        <translation>Eingefroren: Eine Rücknahme hat dieses Profil eingefroren, daher können keine Aktionen angefordert werden. Als Supervisor können Sie die Einfrierung nach einer Prüfung aufheben.</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Eingefroren: Eine Rücknahme hat dieses Profil eingefroren, daher können keine Aktionen angefordert werden, bis ein Supervisor es geprüft und die Einfrierung aufgehoben hat.</translation>
    </message>
    <message>
        <source>Frozen profile</source>
        <translation>Eingefrorenes Profil</translation>
    </message>
    <message>
        <source>Unfree&amp;ze profile</source>
        <translation>Einfrierung auf&amp;heben</translation>
    </message>
    <message>
        <source>Unfreeze profile</source>
        <translation>Einfrierung des Profils aufheben</translation>
    </message>
    <message>
        <source>Lets technicians request actions again after you confirm; needs your authenticator code</source>
        <translation>Erlaubt Technikern nach Ihrer Bestätigung wieder Aktionsanfragen; erfordert den Code Ihrer Authenticator-App</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileTableModel</name>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <source>Too many failed verifications: nobody can verify this caller until the lock ends or a supervisor unblocks the profile.</source>
        <translation>Zu viele fehlgeschlagene Verifizierungen: Niemand kann diesen Anrufer verifizieren, bis die Sperre endet oder ein Supervisor das Profil entsperrt.</translation>
    </message>
    <message>
        <source>This user has no secret word, so the caller cannot be verified.</source>
        <translation>Dieser Benutzer hat kein Geheimwort, daher kann der Anrufer nicht verifiziert werden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Geheimwort</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>A revert froze this profile: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Eine Rücknahme hat dieses Profil eingefroren: Es können keine Aktionen angefordert werden, bis ein Supervisor es geprüft und die Einfrierung aufgehoben hat.</translation>
    </message>
</context>
<context>
    <name>vigil::SecondFactorGate</name>
    <message>
        <source>Your code is still being checked.</source>
        <translation>Ihr Code wird noch geprüft.</translation>
    </message>
    <message>
        <source>Approving, denying and unfreezing need your own authenticator app (TOTP), and none is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>Freigeben, Ablehnen und Aufheben einer Einfrierung erfordern Ihre eigene Authenticator-App (TOTP), und für Sie ist keine registriert. Bitten Sie einen Administrator, eine zu registrieren.</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Bestätigen Sie, dass Sie es sind</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now:</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App gerade anzeigt:</translation>
    </message>
    <message>
        <source>The code is not right, or it was already used. Wait for the next code and try again.</source>
        <translation>Der Code ist falsch oder wurde bereits verwendet. Warten Sie auf den nächsten Code und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No authenticator app is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>Für Sie ist keine Authenticator-App registriert. Bitten Sie einen Administrator, eine zu registrieren.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a few minutes, then try again.</source>
        <translation>Zu viele falsche Codes. Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Your code could not be checked.</source>
        <translation>Ihr Code konnte nicht geprüft werden.</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>The server address must be an https:// address, for example https://vigil.example.com:8443.</source>
        <translation>Die Serveradresse muss eine https://-Adresse sein, zum Beispiel https://vigil.example.com:8443.</translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons. Leave it empty to confirm the certificate on first connection.</source>
        <translation>Der Zertifikats-Pin muss ein SHA-256-Fingerabdruck sein: 64 Hexadezimalziffern, mit oder ohne Doppelpunkte. Lassen Sie das Feld leer, um das Zertifikat bei der ersten Verbindung zu bestätigen.</translation>
    </message>
    <message>
        <source>The policy key must be the base64 encoding of a 32-byte Ed25519 public key.</source>
        <translation>Der Richtlinienschlüssel muss die Base64-Kodierung eines 32-Byte-Ed25519-Public-Keys sein.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Where the console finds the Vigil server, how it recognises it, and the language of the console.</source>
        <translation>Wo die Konsole den Vigil-Server findet, wie sie ihn erkennt, und die Sprache der Konsole.</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Von Ihrer IT-Abteilung festgelegt</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>&amp;Zertifikats-Pin:</translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation>Zertifikats-Pin</translation>
    </message>
    <message>
        <source>Empty: confirm the certificate on first connection</source>
        <translation>Leer: Zertifikat bei der ersten Verbindung bestätigen</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server certificate, e.g. AB:CD:…</source>
        <translation>SHA-256-Fingerabdruck des Serverzertifikats, z. B. AB:CD:…</translation>
    </message>
    <message>
        <source>Policy &amp;key:</source>
        <translation>Richtlinien&amp;schlüssel:</translation>
    </message>
    <message>
        <source>Policy signing key</source>
        <translation>Signaturschlüssel der Richtlinie</translation>
    </message>
    <message>
        <source>Base64 Ed25519 public key</source>
        <translation>Ed25519-Public-Key in Base64</translation>
    </message>
    <message>
        <source>The public key that signs the verification policy, in base64</source>
        <translation>Der öffentliche Schlüssel, der die Verifizierungsrichtlinie signiert, in Base64</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Einstellungen speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>Set by your IT department, but unusable: %1</source>
        <translation>Von Ihrer IT-Abteilung festgelegt, aber unbrauchbar: %1</translation>
    </message>
    <message>
        <source>Default from your IT department; you can change it</source>
        <translation>Vorgabe Ihrer IT-Abteilung; Sie können sie ändern</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsResolver</name>
    <message>
        <source>%1 in %2 has a value Vigil cannot read.</source>
        <translation>%1 in „%2“ hat einen Wert, den Vigil nicht lesen kann.</translation>
    </message>
    <message>
        <source>%1 in %2 is not an https:// address with a server name.</source>
        <translation>%1 in „%2“ ist keine https://-Adresse mit einem Servernamen.</translation>
    </message>
    <message>
        <source>%1 in %2 is not a SHA-256 certificate fingerprint (32 pairs of hexadecimal digits separated by colons).</source>
        <translation>%1 in „%2“ ist kein SHA-256-Fingerabdruck eines Zertifikats (32 Paare hexadezimaler Ziffern, durch Doppelpunkte getrennt).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a policy key (the base64 encoding of a 32-byte Ed25519 public key).</source>
        <translation>%1 in „%2“ ist kein Richtlinienschlüssel (die Base64-Kodierung eines 32 Byte langen öffentlichen Ed25519-Schlüssels).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a language Vigil offers (en, de or fr).</source>
        <translation>%1 in „%2“ ist keine Sprache, die Vigil anbietet (en, de oder fr).</translation>
    </message>
    <message>
        <source>the IT settings</source>
        <translation>IT-Einstellungen</translation>
    </message>
    <message>
        <source>Vigil cannot read %1.</source>
        <translation>Vigil kann „%1“ nicht lesen.</translation>
    </message>
</context>
<context>
    <name>vigil::StepUpPanel</name>
    <message>
        <source>Level 1: questions passed</source>
        <translation>Stufe 1: Fragen bestanden</translation>
    </message>
    <message>
        <source>Level 2: code confirmed</source>
        <translation>Stufe 2: Code bestätigt</translation>
    </message>
    <message>
        <source>Level 3: approved on the user&apos;s device</source>
        <translation>Stufe 3: auf dem Gerät des Benutzers bestätigt</translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation>Der Code konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The code could not be checked.</source>
        <translation>Der Code konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The request could not be sent to the device.</source>
        <translation>Die Anfrage konnte nicht an das Gerät gesendet werden.</translation>
    </message>
    <message>
        <source>The answer from the device could not be read.</source>
        <translation>Die Antwort des Geräts konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No mobile phone number is on record for this user.</source>
        <translation>Für diesen Benutzer ist keine Mobilnummer hinterlegt.</translation>
    </message>
    <message>
        <source>No e-mail address is on record for this user.</source>
        <translation>Für diesen Benutzer ist keine E-Mail-Adresse hinterlegt.</translation>
    </message>
    <message>
        <source>This user has no authenticator app (TOTP) enrolled.</source>
        <translation>Für diesen Benutzer ist keine Authenticator-App (TOTP) eingerichtet.</translation>
    </message>
    <message>
        <source>This user has no device enrolled for approval.</source>
        <translation>Für diesen Benutzer ist kein Gerät zur Bestätigung registriert.</translation>
    </message>
    <message>
        <source>The verification has ended. Verify the caller again.</source>
        <translation>Die Verifizierung ist beendet. Verifizieren Sie den Anrufer erneut.</translation>
    </message>
    <message>
        <source>Passed: the code is confirmed.</source>
        <translation>Bestanden: Der Code ist bestätigt.</translation>
    </message>
    <message>
        <source>Approved on “%1”.</source>
        <translation>Bestätigt auf „%1“.</translation>
    </message>
    <message>
        <source>Check failed: the code is not right. Attempts remaining before the profile locks: %1.</source>
        <translation>Prüfung fehlgeschlagen: Der Code ist nicht richtig. Verbleibende Versuche, bevor das Profil gesperrt wird: %1.</translation>
    </message>
    <message>
        <source>Check failed: the code is not right.</source>
        <translation>Prüfung fehlgeschlagen: Der Code ist nicht richtig.</translation>
    </message>
    <message>
        <source>The profile is now locked. Ask a supervisor if the caller needs help.</source>
        <translation>Das Profil ist jetzt gesperrt. Wenden Sie sich an einen Supervisor, wenn der Anrufer Hilfe braucht.</translation>
    </message>
    <message>
        <source>The profile is now locked until %1. Ask a supervisor if the caller needs help.</source>
        <translation>Das Profil ist jetzt bis %1 gesperrt. Wenden Sie sich an einen Supervisor, wenn der Anrufer Hilfe braucht.</translation>
    </message>
    <message>
        <source>The request on the user&apos;s device has expired. Ask again if you still need it.</source>
        <translation>Die Anfrage auf dem Gerät des Benutzers ist abgelaufen. Fragen Sie erneut an, falls nötig.</translation>
    </message>
    <message>
        <source>The code has expired or was already used. Send a new code.</source>
        <translation>Der Code ist abgelaufen oder wurde bereits verwendet. Senden Sie einen neuen Code.</translation>
    </message>
    <message>
        <source>Denied on the user&apos;s device, or a different number was entered. This counts as a failed attempt.</source>
        <translation>Auf dem Gerät des Benutzers abgelehnt oder eine andere Zahl eingegeben. Das zählt als Fehlversuch.</translation>
    </message>
    <message>
        <source>Ask for stronger proof before changes that need it, such as a password reset.</source>
        <translation>Fordern Sie vor Änderungen, die es erfordern, etwa dem Zurücksetzen eines Passworts, einen stärkeren Nachweis an.</translation>
    </message>
    <message>
        <source>Sending the request to the user&apos;s device…</source>
        <translation>Anfrage wird an das Gerät des Benutzers gesendet …</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Code wird gesendet …</translation>
    </message>
    <message>
        <source>Ask the caller to read out the 6-digit code their authenticator app shows now.</source>
        <translation>Bitten Sie den Anrufer, den 6-stelligen Code vorzulesen, den seine Authenticator-App gerade anzeigt.</translation>
    </message>
    <message>
        <source>A code was sent by SMS to %1. Ask the caller to read it out.</source>
        <translation>Ein Code wurde per SMS an %1 gesendet. Bitten Sie den Anrufer, ihn vorzulesen.</translation>
    </message>
    <message>
        <source>A code was sent by e-mail to %1. Ask the caller to read it out.</source>
        <translation>Ein Code wurde per E-Mail an %1 gesendet. Bitten Sie den Anrufer, ihn vorzulesen.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Code wird geprüft …</translation>
    </message>
    <message>
        <source>Ask the caller to enter %1 in the Vigil app on their phone. Waiting for an answer from “%2”…</source>
        <translation>Bitten Sie den Anrufer, %1 in der Vigil-App auf seinem Telefon einzugeben. Warten auf Antwort von „%2“ …</translation>
    </message>
    <message>
        <source>Stronger proof</source>
        <translation>Stärkerer Nachweis</translation>
    </message>
    <message>
        <source>Assurance level</source>
        <translation>Vertrauensstufe</translation>
    </message>
    <message>
        <source>Send code by e-mail</source>
        <translation>Code per E-Mail senden</translation>
    </message>
    <message>
        <source>Sends a one-time code to the e-mail address on record</source>
        <translation>Sendet einen Einmalcode an die hinterlegte E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Send code by SMS</source>
        <translation>Code per SMS senden</translation>
    </message>
    <message>
        <source>Sends a one-time code to the mobile number on record</source>
        <translation>Sendet einen Einmalcode an die hinterlegte Mobilnummer</translation>
    </message>
    <message>
        <source>Caller reads TOTP code</source>
        <translation>Anrufer liest TOTP-Code vor</translation>
    </message>
    <message>
        <source>The caller reads the code shown in their authenticator app</source>
        <translation>Der Anrufer liest den Code aus seiner Authenticator-App vor</translation>
    </message>
    <message>
        <source>Ask for approval on the user&apos;s device</source>
        <translation>Bestätigung auf dem Gerät des Benutzers anfordern</translation>
    </message>
    <message>
        <source>Sends a request to the Vigil app on the user&apos;s enrolled phone</source>
        <translation>Sendet eine Anfrage an die Vigil-App auf dem registrierten Telefon des Benutzers</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Code read out by the caller</source>
        <translation>Vom Anrufer vorgelesener Code</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 Ziffern</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Code prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel stronger proof</source>
        <translation>Stärkeren Nachweis abbrechen</translation>
    </message>
    <message>
        <source>Stronger proof result</source>
        <translation>Ergebnis des stärkeren Nachweises</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>Number to enter on the phone: %1</source>
        <translation>Auf dem Telefon einzugebende Zahl: %1</translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPanel</name>
    <message>
        <source>Job title</source>
        <translation>Berufsbezeichnung</translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation>Initiale des zweiten Vornamens</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Geheimwort</translation>
    </message>
    <message>
        <source>The server sent questions Vigil does not understand.</source>
        <translation>Der Server hat Fragen gesendet, die Vigil nicht versteht.</translation>
    </message>
    <message>
        <source>The verification could not be started.</source>
        <translation>Die Verifizierung konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation>Die Antworten konnten nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Preparing the questions…</source>
        <translation>Fragen werden vorbereitet …</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) remaining before the profile locks.</source>
        <translation>
            <numerusform>Noch %n Versuch, bevor das Profil gesperrt wird.</numerusform>
            <numerusform>Noch %n Versuche, bevor das Profil gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the answers…</source>
        <translation>Antworten werden geprüft …</translation>
    </message>
    <message>
        <source>✔ Passed: %1 answered every question correctly. The profile is open to you for a limited time.</source>
        <translation>✔ Bestanden: %1 hat alle Fragen richtig beantwortet. Das Profil ist für Sie für begrenzte Zeit geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>✘ Failed: the answers did not all match. %n attempt(s) remaining before the profile locks. Do not tell the caller which answer was wrong.</source>
        <translation>
            <numerusform>✘ Nicht bestanden: Nicht alle Antworten stimmen. Noch %n Versuch, bevor das Profil gesperrt wird. Sagen Sie dem Anrufer nicht, welche Antwort falsch war.</numerusform>
            <numerusform>✘ Nicht bestanden: Nicht alle Antworten stimmen. Noch %n Versuche, bevor das Profil gesperrt wird. Sagen Sie dem Anrufer nicht, welche Antwort falsch war.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ Too late: the questions expired before the answers were sent, which counts as a failed attempt. %n attempt(s) remaining.</source>
        <translation>
            <numerusform>✘ Zu spät: Die Fragen sind abgelaufen, bevor die Antworten gesendet wurden; das zählt als Fehlversuch. Noch %n Versuch.</numerusform>
            <numerusform>✘ Zu spät: Die Fragen sind abgelaufen, bevor die Antworten gesendet wurden; das zählt als Fehlversuch. Noch %n Versuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no secret word, so Vigil cannot verify this caller. The user must first set a secret word in the self-service portal, or ask an administrator to set one. Do not verify the caller any other way.</source>
        <translation>%1 hat kein Geheimwort, daher kann Vigil diesen Anrufer nicht verifizieren. Der Benutzer muss zuerst im Self-Service-Portal ein Geheimwort festlegen oder einen Administrator darum bitten. Verifizieren Sie den Anrufer auf keinem anderen Weg.</translation>
    </message>
    <message>
        <source>Verify the caller</source>
        <translation>Anrufer verifizieren</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>%1 verifizieren</translation>
    </message>
    <message>
        <source>Ask the caller each question and type the answer as spoken. Press Enter to check the answers, Esc to cancel.</source>
        <translation>Stellen Sie dem Anrufer jede Frage und geben Sie die Antwort so ein, wie sie gesprochen wird. Drücken Sie die Eingabetaste, um die Antworten zu prüfen, oder Esc zum Abbrechen.</translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation>Antworten prüfen</translation>
    </message>
    <message>
        <source>Sends the typed answers to the server and clears the form</source>
        <translation>Sendet die eingegebenen Antworten an den Server und leert das Formular</translation>
    </message>
    <message>
        <source>Ask new questions</source>
        <translation>Neue Fragen stellen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Verifizierungsergebnis</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the typed secret word</source>
        <translation>Eingegebenes Geheimwort anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show secret word</source>
        <translation>Geheimwort anzeigen</translation>
    </message>
    <message>
        <source>Locked until %1: too many failed verifications. Nobody can verify this caller until then, unless a supervisor unblocks the profile.</source>
        <translation>Gesperrt bis %1: zu viele fehlgeschlagene Verifizierungen. Bis dahin kann niemand diesen Anrufer verifizieren, es sei denn, ein Supervisor hebt die Sperre des Profils auf.</translation>
    </message>
    <message>
        <source>Locked: too many failed verifications. Nobody can verify this caller until the lock ends, unless a supervisor unblocks the profile.</source>
        <translation>Gesperrt: zu viele fehlgeschlagene Verifizierungen. Bis die Sperre endet, kann niemand diesen Anrufer verifizieren, es sei denn, ein Supervisor hebt die Sperre des Profils auf.</translation>
    </message>
</context>
</TS>
