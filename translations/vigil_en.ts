<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vigil::AuditTableModel</name>
    <message>
        <source>%1 (UTC: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::AuditViewer</name>
    <message>
        <source>Loading the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading more entries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load more entries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries loaded: %1, shown in the selected time range: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More entries are available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server filters by action, agent and profile. The time range is applied here, to the entries already loaded: use &quot;Load more&quot; to reach older or newer entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only entries with this action. Leave empty for all actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact action name, filtered by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only entries by this agent user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact agent user name, filtered by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only entries about this profile id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact profile id, filtered by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter up to a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the audit log again with these filters and check the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log entries matching the filters. Click a column header to sort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the next entries after the last one shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::BackendClient</name>
    <message>
        <source>The server address “%1” is not a valid https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server presented a certificate this console has not seen before (SHA-256 fingerprint %1). Compare it with the fingerprint your IT department gave you before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so the connection was refused. Someone may be intercepting it; tell your IT department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so its reply was ignored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Vigil server at %1 cannot be reached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server stopped answering in the middle of its reply. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut off. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent a reply this console cannot read. Check that the server address points to a Vigil server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in, or your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not find what was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request conflicts with the current state of the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This verification is no longer open. Start a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was too large for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the format of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into an internal error. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is unavailable at the moment. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::BackendReply</name>
    <message>
        <source>The request was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ConsoleController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::LoginDialog</name>
    <message>
        <source>Sign in to Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your help desk account to verify callers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTPS address of your Vigil server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your IT department; it cannot be changed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand. Ask IT to check that the server and the console have the same version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil refused to connect to %1: your IT department requires a known certificate, and this server did not present it. Call your IT service desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted. It now shows the fingerprint %2. This can mean that someone is intercepting the connection, so Vigil refused to connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil administrator) and tell them the certificate changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the Vigil server at %1. Check the address and your network connection; if it still fails, ask IT whether the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this user name. Wait five minutes, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil has not connected to %1 before. The server presents a certificate with this SHA-256 fingerprint:

%2

Compare it with the fingerprint your IT department gave you. Trust this server only if they match exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You did not trust the server, so nothing was sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matching profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) found.</source>
        <translation>
            <numerusform>%n profile found.</numerusform>
            <numerusform>%n profiles found.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil — caller verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available: you will need to sign in again after closing Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, user name, e-mail, phone or employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role cannot search profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fuzzy search by name, user name, e-mail, phone or employee ID; results appear as you type (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or double-click to verify the selected caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a verification of the selected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the caller&apos;s profile, then choose Verify caller. Vigil shows the questions to ask; the profile opens only after the caller passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: reconnecting to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::OfflineBanner</name>
    <message>
        <source>No cached policy is available on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cached policy from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) per verification, the secret word included.</source>
        <translation>
            <numerusform>%n question per verification, the secret word included.</numerusform>
            <numerusform>%n questions per verification, the secret word included.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A profile locks after %n failed attempt(s).</source>
        <translation>
            <numerusform>A profile locks after %n failed attempt.</numerusform>
            <numerusform>A profile locks after %n failed attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A lock lasts %n minute(s).</source>
        <translation>
            <numerusform>A lock lasts %n minute.</numerusform>
            <numerusform>A lock lasts %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Access after a pass lasts %n minute(s).</source>
        <translation>
            <numerusform>Access after a pass lasts %n minute.</numerusform>
            <numerusform>Access after a pass lasts %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — showing the cached policy read-only; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ProfileDetailsPanel</name>
    <message>
        <source>The profile could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access ends in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to %1 has ended. Verify the caller again to see the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock %1? The failed attempts are forgotten and any technician can verify this caller again. The unblock is recorded in the audit log under your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile could not be unblocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unblocked. You can verify the caller again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is locked%1. As a supervisor you can unblock it once you are sure the caller is not an attacker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile is locked. Ask a supervisor if the caller needs help before the lock ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolled answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unblock profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears the lock after you confirm; recorded in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::ProfileTableModel</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed verifications: nobody can verify this caller until the lock ends or a supervisor unblocks the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user has no secret word, so the caller cannot be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>The server address must be an https:// address, for example https://vigil.example.com:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons. Leave it empty to confirm the certificate on first connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy key must be the base64 encoding of a 32-byte Ed25519 public key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the console finds the Vigil server, how it recognises it, and the language of the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: confirm the certificate on first connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server certificate, e.g. AB:CD:…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base64 Ed25519 public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public key that signs the verification policy, in base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPanel</name>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent questions Vigil does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the questions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) remaining before the profile locks.</source>
        <translation>
            <numerusform>%n attempt remaining before the profile locks.</numerusform>
            <numerusform>%n attempts remaining before the profile locks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Passed: %1 answered every question correctly. The profile is open to you for a limited time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>✘ Failed: the answers did not all match. %n attempt(s) remaining before the profile locks. Do not tell the caller which answer was wrong.</source>
        <translation>
            <numerusform>✘ Failed: the answers did not all match. %n attempt remaining before the profile locks. Do not tell the caller which answer was wrong.</numerusform>
            <numerusform>✘ Failed: the answers did not all match. %n attempts remaining before the profile locks. Do not tell the caller which answer was wrong.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ Too late: the questions expired before the answers were sent, which counts as a failed attempt. %n attempt(s) remaining.</source>
        <translation>
            <numerusform>✘ Too late: the questions expired before the answers were sent, which counts as a failed attempt. %n attempt remaining.</numerusform>
            <numerusform>✘ Too late: the questions expired before the answers were sent, which counts as a failed attempt. %n attempts remaining.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no secret word, so Vigil cannot verify this caller. The user must first set a secret word in the self-service portal, or ask an administrator to set one. Do not verify the caller any other way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the caller each question and type the answer as spoken. Press Enter to check the answers, Esc to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the typed answers to the server and clears the form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask new questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the typed secret word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show secret word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1: too many failed verifications. Nobody can verify this caller until then, unless a supervisor unblocks the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: too many failed verifications. Nobody can verify this caller until the lock ends, unless a supervisor unblocks the profile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
