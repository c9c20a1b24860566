<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>vigil::ActionRequestPanel</name>
    <message>
        <source>This profile is frozen after a revert: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>This profile is frozen after a revert: no action can be requested until a supervisor has reviewed and unfrozen it.</translation>
    </message>
    <message>
        <source>The policy refuses this action on privileged profiles.</source>
        <translation>The policy refuses this action on privileged profiles.</translation>
    </message>
    <message>
        <source>Needs assurance level %1; runs at once.</source>
        <translation>Needs assurance level %1; runs at once.</translation>
    </message>
    <message>
        <source>Needs assurance level %1 and approval by %2 supervisor(s).</source>
        <translation>Needs assurance level %1 and approval by %2 supervisor(s).</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Takes effect after an undo window of %1.</source>
        <translation>Takes effect after an undo window of %1.</translation>
    </message>
    <message>
        <source>The verification is at level %1: enough.</source>
        <translation>The verification is at level %1: enough.</translation>
    </message>
    <message>
        <source>The verification is at level %1: use Stronger proof above first.</source>
        <translation>The verification is at level %1: use Stronger proof above first.</translation>
    </message>
    <message>
        <source>The verification is at level %1. The cached policy does not say which level this action needs; the server checks it.</source>
        <translation>The verification is at level %1. The cached policy does not say which level this action needs; the server checks it.</translation>
    </message>
    <message>
        <source>What this action needs</source>
        <translation>What this action needs</translation>
    </message>
    <message>
        <source>New phone n&amp;umber:</source>
        <translation>New phone n&amp;umber:</translation>
    </message>
    <message>
        <source>New e-mail &amp;address:</source>
        <translation>New e-mail &amp;address:</translation>
    </message>
    <message>
        <source>New phone number</source>
        <translation>New phone number</translation>
    </message>
    <message>
        <source>New e-mail address</source>
        <translation>New e-mail address</translation>
    </message>
    <message>
        <source>+1 555 0100 001</source>
        <translation>+1 555 0100 001</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Sending the request…</translation>
    </message>
    <message>
        <source>Done: %1 for %2.</source>
        <translation>Done: %1 for %2.</translation>
    </message>
    <message>
        <source>Awaiting approval: %1 for %2 waits for a supervisor (ticket %3). Follow it under My requests.</source>
        <translation>Awaiting approval: %1 for %2 waits for a supervisor (ticket %3). Follow it under My requests.</translation>
    </message>
    <message>
        <source>Scheduled until %1: %2 for %3 takes effect then unless the user reverts it.</source>
        <translation>Scheduled until %1: %2 for %3 takes effect then unless the user reverts it.</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>%1 for %2: %3</translation>
    </message>
    <message>
        <source>Refused: this action needs assurance level %1 and the verification is at level %2. Step up first with Stronger proof, then request it again.</source>
        <translation>Refused: this action needs assurance level %1 and the verification is at level %2. Step up first with Stronger proof, then request it again.</translation>
    </message>
    <message>
        <source>Refused: the verification&apos;s level is too low. Step up first with Stronger proof, then request it again.</source>
        <translation>Refused: the verification&apos;s level is too low. Step up first with Stronger proof, then request it again.</translation>
    </message>
    <message>
        <source>Refused: the profile is frozen after a revert. A supervisor has to review and unfreeze it first.</source>
        <translation>Refused: the profile is frozen after a revert. A supervisor has to review and unfreeze it first.</translation>
    </message>
    <message>
        <source>Refused: the profile is locked. Ask a supervisor if the caller needs help.</source>
        <translation>Refused: the profile is locked. Ask a supervisor if the caller needs help.</translation>
    </message>
    <message>
        <source>Refused: your access to this profile has ended. Verify the caller again.</source>
        <translation>Refused: your access to this profile has ended. Verify the caller again.</translation>
    </message>
    <message>
        <source>Refused: the same action is already open on this profile. Follow it under My requests.</source>
        <translation>Refused: the same action is already open on this profile. Follow it under My requests.</translation>
    </message>
    <message>
        <source>Refused: there is no e-mail address or phone number on record to send the reset link to.</source>
        <translation>Refused: there is no e-mail address or phone number on record to send the reset link to.</translation>
    </message>
    <message>
        <source>Refused: the policy does not allow this action on a privileged profile.</source>
        <translation>Refused: the policy does not allow this action on a privileged profile.</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>The request could not be sent.</translation>
    </message>
    <message>
        <source>Request an action</source>
        <translation>Request an action</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>Acti&amp;on:</translation>
    </message>
    <message>
        <source>Action to request</source>
        <translation>Action to request</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why the caller needs it (required)</source>
        <translation>Why the caller needs it (required)</translation>
    </message>
    <message>
        <source>Tic&amp;ket:</source>
        <translation>Tic&amp;ket:</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>e.g. INC-1234 (required)</source>
        <translation>e.g. INC-1234 (required)</translation>
    </message>
    <message>
        <source>Send re&amp;quest</source>
        <translation>Send re&amp;quest</translation>
    </message>
    <message>
        <source>Request action</source>
        <translation>Request action</translation>
    </message>
    <message>
        <source>Sends the request; actions that need approval wait for a supervisor</source>
        <translation>Sends the request; actions that need approval wait for a supervisor</translation>
    </message>
    <message>
        <source>Request result</source>
        <translation>Request result</translation>
    </message>
</context>
<context>
    <name>vigil::ActionTableModel</name>
    <message>
        <source>%1 (privileged)</source>
        <translation>%1 (privileged)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>A privileged profile (administrator or executive): changes need more approvals.</source>
        <translation>A privileged profile (administrator or executive): changes need more approvals.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Unlock account</source>
        <translation>Unlock account</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Reset MFA</source>
        <translation>Reset MFA</translation>
    </message>
    <message>
        <source>Change e-mail address</source>
        <translation>Change e-mail address</translation>
    </message>
    <message>
        <source>Change phone number</source>
        <translation>Change phone number</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>View profile</translation>
    </message>
    <message>
        <source>Awaiting approval (%1 of %2)</source>
        <translation>Awaiting approval (%1 of %2)</translation>
    </message>
    <message>
        <source>Scheduled until %1</source>
        <translation>Scheduled until %1</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Denied</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Reverted</translation>
    </message>
    <message>
        <source>the profile is locked</source>
        <translation>the profile is locked</translation>
    </message>
    <message>
        <source>the requester&apos;s access to the profile had ended</source>
        <translation>the requester&apos;s access to the profile had ended</translation>
    </message>
    <message>
        <source>the profile is frozen</source>
        <translation>the profile is frozen</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>code by e-mail</source>
        <translation>code by e-mail</translation>
    </message>
    <message>
        <source>code by SMS</source>
        <translation>code by SMS</translation>
    </message>
    <message>
        <source>TOTP read-out</source>
        <translation>TOTP read-out</translation>
    </message>
    <message>
        <source>approval on the user&apos;s device</source>
        <translation>approval on the user&apos;s device</translation>
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
        <translation>Verification: %1</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
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
        <translation>Loading the audit log…</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>The server&apos;s answer could not be read.</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Could not load the audit log: %1</translation>
    </message>
    <message>
        <source>Loading more entries…</source>
        <translation>Loading more entries…</translation>
    </message>
    <message>
        <source>Could not load more entries: %1</source>
        <translation>Could not load more entries: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1</source>
        <translation>Entries loaded: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1, shown in the selected time range: %2</source>
        <translation>Entries loaded: %1, shown in the selected time range: %2</translation>
    </message>
    <message>
        <source>More entries are available.</source>
        <translation>More entries are available.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>The server filters by action, agent and profile. The time range is applied here, to the entries already loaded: use &quot;Load more&quot; to reach older or newer entries.</source>
        <translation>The server filters by action, agent and profile. The time range is applied here, to the entries already loaded: use &quot;Load more&quot; to reach older or newer entries.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Action filter</translation>
    </message>
    <message>
        <source>Show only entries with this action. Leave empty for all actions.</source>
        <translation>Show only entries with this action. Leave empty for all actions.</translation>
    </message>
    <message>
        <source>Exact action name, filtered by the server</source>
        <translation>Exact action name, filtered by the server</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Agent filter</translation>
    </message>
    <message>
        <source>Show only entries by this agent user name.</source>
        <translation>Show only entries by this agent user name.</translation>
    </message>
    <message>
        <source>Exact agent user name, filtered by the server</source>
        <translation>Exact agent user name, filtered by the server</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Any agent</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation>Profile filter</translation>
    </message>
    <message>
        <source>Show only entries about this profile id.</source>
        <translation>Show only entries about this profile id.</translation>
    </message>
    <message>
        <source>Exact profile id, filtered by the server</source>
        <translation>Exact profile id, filtered by the server</translation>
    </message>
    <message>
        <source>Any profile</source>
        <translation>Any profile</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Filter from a time</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>From time</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Filter up to a time</source>
        <translation>Filter up to a time</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>To time</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Refresh the audit log</translation>
    </message>
    <message>
        <source>Load the audit log again with these filters and check the chain</source>
        <translation>Load the audit log again with these filters and check the chain</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Audit entries</translation>
    </message>
    <message>
        <source>Audit log entries matching the filters. Click a column header to sort.</source>
        <translation>Audit log entries matching the filters. Click a column header to sort.</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>Load &amp;more</translation>
    </message>
    <message>
        <source>Load more entries</source>
        <translation>Load more entries</translation>
    </message>
    <message>
        <source>Load the next entries after the last one shown</source>
        <translation>Load the next entries after the last one shown</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Audit log status</translation>
    </message>
    <message>
        <source>Audit chain status</source>
        <translation>Audit chain status</translation>
    </message>
    <message>
        <source>Audit chain not checked yet</source>
        <translation>Audit chain not checked yet</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Checking the audit chain…</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries</source>
        <translation>Audit chain verified: %1 entries</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1</source>
        <translation>Audit chain BROKEN at entry %1</translation>
    </message>
    <message>
        <source>Audit chain could not be checked: %1</source>
        <translation>Audit chain could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>vigil::BackendClient</name>
    <message>
        <source>The server address “%1” is not a valid https:// address.</source>
        <translation>The server address “%1” is not a valid https:// address.</translation>
    </message>
    <message>
        <source>The server&apos;s reply is too large.</source>
        <translation>The server&apos;s reply is too large.</translation>
    </message>
    <message>
        <source>The server presented a certificate this console has not seen before (SHA-256 fingerprint %1). Compare it with the fingerprint your IT department gave you before you trust it.</source>
        <translation>The server presented a certificate this console has not seen before (SHA-256 fingerprint %1). Compare it with the fingerprint your IT department gave you before you trust it.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so the connection was refused. Someone may be intercepting it; tell your IT department.</source>
        <translation>The server&apos;s certificate does not match the one this console trusts, so the connection was refused. Someone may be intercepting it; tell your IT department.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established: %1</source>
        <translation>A secure connection to the server could not be established: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so its reply was ignored.</source>
        <translation>The server&apos;s certificate does not match the one this console trusts, so its reply was ignored.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation>The server did not answer in time. Check the network and try again.</translation>
    </message>
    <message>
        <source>The Vigil server at %1 cannot be reached: %2</source>
        <translation>The Vigil server at %1 cannot be reached: %2</translation>
    </message>
    <message>
        <source>The server stopped answering in the middle of its reply. Try again.</source>
        <translation>The server stopped answering in the middle of its reply. Try again.</translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut off. Try again.</source>
        <translation>The server&apos;s reply was cut off. Try again.</translation>
    </message>
    <message>
        <source>The server sent a reply this console cannot read. Check that the server address points to a Vigil server.</source>
        <translation>The server sent a reply this console cannot read. Check that the server address points to a Vigil server.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>The server refused the request as invalid.</translation>
    </message>
    <message>
        <source>You are not signed in, or your session has ended. Please sign in again.</source>
        <translation>You are not signed in, or your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>The server could not find what was asked for.</source>
        <translation>The server could not find what was asked for.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state of the profile.</source>
        <translation>The request conflicts with the current state of the profile.</translation>
    </message>
    <message>
        <source>This verification is no longer open. Start a new one.</source>
        <translation>This verification is no longer open. Start a new one.</translation>
    </message>
    <message>
        <source>The request was too large for the server.</source>
        <translation>The request was too large for the server.</translation>
    </message>
    <message>
        <source>The server did not accept the format of the request.</source>
        <translation>The server did not accept the format of the request.</translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation>The profile is locked.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Too many attempts. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>The server ran into an internal error. Nothing was changed.</source>
        <translation>The server ran into an internal error. Nothing was changed.</translation>
    </message>
    <message>
        <source>The server is unavailable at the moment. Nothing was changed.</source>
        <translation>The server is unavailable at the moment. Nothing was changed.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>The server answered with an error (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>vigil::BackendReply</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>The request was cancelled.</translation>
    </message>
</context>
<context>
    <name>vigil::ConsoleController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationEvidence</name>
    <message>
        <source>You requested this action, so another supervisor has to decide.</source>
        <translation>You requested this action, so another supervisor has to decide.</translation>
    </message>
    <message>
        <source>You verified this caller, so another supervisor has to decide.</source>
        <translation>You verified this caller, so another supervisor has to decide.</translation>
    </message>
    <message>
        <source>You have already approved it; it waits for another supervisor.</source>
        <translation>You have already approved it; it waits for another supervisor.</translation>
    </message>
    <message>
        <source>You cannot decide on this escalation.</source>
        <translation>You cannot decide on this escalation.</translation>
    </message>
    <message>
        <source>Privileged profile:</source>
        <translation>Privileged profile:</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Yes — changes need more approvals</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>New value:</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>Requested by:</translation>
    </message>
    <message>
        <source>Requested at:</source>
        <translation>Requested at:</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>Ticket:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expires:</translation>
    </message>
    <message>
        <source>Approvals so far:</source>
        <translation>Approvals so far:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <source>%1 (%2) %3 at %4: %5</source>
        <translation>%1 (%2) %3 at %4: %5</translation>
    </message>
    <message>
        <source>Assurance level:</source>
        <translation>Assurance level:</translation>
    </message>
    <message>
        <source>Proved by:</source>
        <translation>Proved by:</translation>
    </message>
    <message>
        <source>Verified by:</source>
        <translation>Verified by:</translation>
    </message>
    <message>
        <source>Failed attempts now:</source>
        <translation>Failed attempts now:</translation>
    </message>
    <message>
        <source>Locked:</source>
        <translation>Locked:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation>Attempt history</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationQueue</name>
    <message>
        <source>The escalation queue could not be loaded.</source>
        <translation>The escalation queue could not be loaded.</translation>
    </message>
    <message>
        <source>No escalation is waiting for approval.</source>
        <translation>No escalation is waiting for approval.</translation>
    </message>
    <message>
        <source>Escalations waiting for approval: %1</source>
        <translation>Escalations waiting for approval: %1</translation>
    </message>
    <message>
        <source>Vigil: escalation waiting for approval</source>
        <translation>Vigil: escalation waiting for approval</translation>
    </message>
    <message>
        <source>%1 asks for “%2” on %3 (ticket %4).</source>
        <translation>%1 asks for “%2” on %3 (ticket %4).</translation>
    </message>
    <message>
        <source>New escalations waiting for approval: %1</source>
        <translation>New escalations waiting for approval: %1</translation>
    </message>
    <message>
        <source>Vigil escalation queue</source>
        <translation>Vigil escalation queue</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Sending your decision…</translation>
    </message>
    <message>
        <source>You requested this action or verified the caller, so another supervisor has to decide.</source>
        <translation>You requested this action or verified the caller, so another supervisor has to decide.</translation>
    </message>
    <message>
        <source>You have already approved this escalation.</source>
        <translation>You have already approved this escalation.</translation>
    </message>
    <message>
        <source>This escalation has already been decided or cancelled.</source>
        <translation>This escalation has already been decided or cancelled.</translation>
    </message>
    <message>
        <source>This escalation has expired. The technician has to request it again.</source>
        <translation>This escalation has expired. The technician has to request it again.</translation>
    </message>
    <message>
        <source>The server still asks for your second factor. Try again.</source>
        <translation>The server still asks for your second factor. Try again.</translation>
    </message>
    <message>
        <source>Your decision could not be sent.</source>
        <translation>Your decision could not be sent.</translation>
    </message>
    <message>
        <source>Your decision was refused: %1</source>
        <translation>Your decision was refused: %1</translation>
    </message>
    <message>
        <source>Denied: %1 for %2.</source>
        <translation>Denied: %1 for %2.</translation>
    </message>
    <message>
        <source>Your approval is recorded: %1 for %2 now has %3 of %4 approvals.</source>
        <translation>Your approval is recorded: %1 for %2 now has %3 of %4 approvals.</translation>
    </message>
    <message>
        <source>Approved: %1 for %2 is now: %3.</source>
        <translation>Approved: %1 for %2 is now: %3.</translation>
    </message>
    <message>
        <source>Select an escalation to see the evidence behind it.</source>
        <translation>Select an escalation to see the evidence behind it.</translation>
    </message>
    <message>
        <source>Vigil — escalation queue</source>
        <translation>Vigil — escalation queue</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation>Refresh the queue</translation>
    </message>
    <message>
        <source>Open escalations</source>
        <translation>Open escalations</translation>
    </message>
    <message>
        <source>Oldest first; select one to see its evidence</source>
        <translation>Oldest first; select one to see its evidence</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>What the requester proved: levels, methods, attempt history, ticket and reason</source>
        <translation>What the requester proved: levels, methods, attempt history, ticket and reason</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>Queue status</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation>Why you cannot decide</translation>
    </message>
    <message>
        <source>Re&amp;ason for your decision:</source>
        <translation>Re&amp;ason for your decision:</translation>
    </message>
    <message>
        <source>Reason for your decision</source>
        <translation>Reason for your decision</translation>
    </message>
    <message>
        <source>Required for approving and denying</source>
        <translation>Required for approving and denying</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>A&amp;pprove</translation>
    </message>
    <message>
        <source>Approve escalation</source>
        <translation>Approve escalation</translation>
    </message>
    <message>
        <source>Approves the selected escalation; asks for your authenticator code first if needed</source>
        <translation>Approves the selected escalation; asks for your authenticator code first if needed</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>&amp;Deny</translation>
    </message>
    <message>
        <source>Deny escalation</source>
        <translation>Deny escalation</translation>
    </message>
    <message>
        <source>Denies the selected escalation</source>
        <translation>Denies the selected escalation</translation>
    </message>
    <message>
        <source>Decision result</source>
        <translation>Decision result</translation>
    </message>
</context>
<context>
    <name>vigil::LoginDialog</name>
    <message>
        <source>Sign in to Vigil</source>
        <translation>Sign in to Vigil</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Sign in with your help desk account to verify callers.</source>
        <translation>Sign in with your help desk account to verify callers.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>The HTTPS address of your Vigil server</source>
        <translation>The HTTPS address of your Vigil server</translation>
    </message>
    <message>
        <source>Set by your IT department; it cannot be changed here</source>
        <translation>Set by your IT department; it cannot be changed here</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Quit Vigil</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Sign-in problem</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://</source>
        <translation>Enter the server address, starting with https://</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand. Ask IT to check that the server and the console have the same version.</source>
        <translation>The server at %1 sent an answer Vigil does not understand. Ask IT to check that the server and the console have the same version.</translation>
    </message>
    <message>
        <source>Vigil refused to connect to %1: your IT department requires a known certificate, and this server did not present it. Call your IT service desk.</source>
        <translation>Vigil refused to connect to %1: your IT department requires a known certificate, and this server did not present it. Call your IT service desk.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted. It now shows the fingerprint %2. This can mean that someone is intercepting the connection, so Vigil refused to connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil administrator) and tell them the certificate changed.</source>
        <translation>The certificate of %1 has changed since it was trusted. It now shows the fingerprint %2. This can mean that someone is intercepting the connection, so Vigil refused to connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil administrator) and tell them the certificate changed.</translation>
    </message>
    <message>
        <source>Server certificate changed</source>
        <translation>Server certificate changed</translation>
    </message>
    <message>
        <source>Cannot reach the Vigil server at %1. Check the address and your network connection; if it still fails, ask IT whether the server is running.</source>
        <translation>Cannot reach the Vigil server at %1. Check the address and your network connection; if it still fails, ask IT whether the server is running.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>A secure connection to %1 could not be established: %2</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this user name. Wait five minutes, then try again.</source>
        <translation>Too many failed sign-ins for this user name. Wait five minutes, then try again.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation>The server refused the sign-in (HTTP %1).</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand.</source>
        <translation>The server at %1 sent an answer Vigil does not understand.</translation>
    </message>
    <message>
        <source>Vigil has not connected to %1 before. The server presents a certificate with this SHA-256 fingerprint:

%2

Compare it with the fingerprint your IT department gave you. Trust this server only if they match exactly.</source>
        <translation>Vigil has not connected to %1 before. The server presents a certificate with this SHA-256 fingerprint:

%2

Compare it with the fingerprint your IT department gave you. Trust this server only if they match exactly.</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Trust this server?</translation>
    </message>
    <message>
        <source>You did not trust the server, so nothing was sent to it.</source>
        <translation>You did not trust the server, so nothing was sent to it.</translation>
    </message>
    <message>
        <source>Vigil will not connect, because settings your IT department enforces are invalid:
%1
Call your IT service desk to have them corrected. Nothing was sent to any server.</source>
        <translation>Vigil will not connect, because settings your IT department enforces are invalid:
%1
Call your IT service desk to have them corrected. Nothing was sent to any server.</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>The search failed.</translation>
    </message>
    <message>
        <source>No matching profile.</source>
        <translation>No matching profile.</translation>
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
        <translation>Vigil — caller verification</translation>
    </message>
    <message>
        <source>No keychain available: you will need to sign in again after closing Vigil</source>
        <translation>No keychain available: you will need to sign in again after closing Vigil</translation>
    </message>
    <message>
        <source>&amp;Find caller:</source>
        <translation>&amp;Find caller:</translation>
    </message>
    <message>
        <source>Name, user name, e-mail, phone or employee ID</source>
        <translation>Name, user name, e-mail, phone or employee ID</translation>
    </message>
    <message>
        <source>Your role cannot search profiles</source>
        <translation>Your role cannot search profiles</translation>
    </message>
    <message>
        <source>Find caller</source>
        <translation>Find caller</translation>
    </message>
    <message>
        <source>Fuzzy search by name, user name, e-mail, phone or employee ID; results appear as you type (Ctrl+F)</source>
        <translation>Fuzzy search by name, user name, e-mail, phone or employee ID; results appear as you type (Ctrl+F)</translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation>Matching profiles</translation>
    </message>
    <message>
        <source>Press Enter or double-click to verify the selected caller</source>
        <translation>Press Enter or double-click to verify the selected caller</translation>
    </message>
    <message>
        <source>&amp;Verify caller</source>
        <translation>&amp;Verify caller</translation>
    </message>
    <message>
        <source>Verify caller</source>
        <translation>Verify caller</translation>
    </message>
    <message>
        <source>Starts a verification of the selected profile</source>
        <translation>Starts a verification of the selected profile</translation>
    </message>
    <message>
        <source>Find the caller&apos;s profile, then choose Verify caller. Vigil shows the questions to ask; the profile opens only after the caller passes.</source>
        <translation>Find the caller&apos;s profile, then choose Verify caller. Vigil shows the questions to ask; the profile opens only after the caller passes.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) · %3</source>
        <translation>Signed in as %1 (%2) · %3</translation>
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
        <translation>Connected to the server</translation>
    </message>
    <message>
        <source>Offline: reconnecting to the server</source>
        <translation>Offline: reconnecting to the server</translation>
    </message>
    <message>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profiles</translation>
    </message>
    <message>
        <source>&amp;Find caller</source>
        <translation>&amp;Find caller</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Audit log…</translation>
    </message>
    <message>
        <source>New escalations waiting: %1 — open the queue</source>
        <translation>New escalations waiting: %1 — open the queue</translation>
    </message>
    <message>
        <source>&amp;Escalation queue…</source>
        <translation>&amp;Escalation queue…</translation>
    </message>
</context>
<context>
    <name>vigil::MyRequestsPanel</name>
    <message>
        <source>Your requests could not be loaded.</source>
        <translation>Your requests could not be loaded.</translation>
    </message>
    <message>
        <source>You have not requested any action yet.</source>
        <translation>You have not requested any action yet.</translation>
    </message>
    <message>
        <source>Requests: %1, still open: %2.</source>
        <translation>Requests: %1, still open: %2.</translation>
    </message>
    <message>
        <source>Cancel request?</source>
        <translation>Cancel request?</translation>
    </message>
    <message>
        <source>Cancel %1 for %2 (ticket %3)? Supervisors will no longer see it.</source>
        <translation>Cancel %1 for %2 (ticket %3)? Supervisors will no longer see it.</translation>
    </message>
    <message>
        <source>The request could not be cancelled: %1</source>
        <translation>The request could not be cancelled: %1</translation>
    </message>
    <message>
        <source>The request is cancelled.</source>
        <translation>The request is cancelled.</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>My requests</translation>
    </message>
    <message>
        <source>My requested actions</source>
        <translation>My requested actions</translation>
    </message>
    <message>
        <source>The actions you requested and their state, updated every few seconds</source>
        <translation>The actions you requested and their state, updated every few seconds</translation>
    </message>
    <message>
        <source>My requests status</source>
        <translation>My requests status</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Refresh my requests</source>
        <translation>Refresh my requests</translation>
    </message>
    <message>
        <source>Cance&amp;l request</source>
        <translation>Cance&amp;l request</translation>
    </message>
    <message>
        <source>Cancel the selected request</source>
        <translation>Cancel the selected request</translation>
    </message>
</context>
<context>
    <name>vigil::OfflineBanner</name>
    <message>
        <source>No cached policy is available on this computer.</source>
        <translation>No cached policy is available on this computer.</translation>
    </message>
    <message>
        <source>Cached policy from %1.</source>
        <translation>Cached policy from %1.</translation>
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
        <translation>Offline — showing the cached policy read-only; reconnecting…</translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation>Offline notice</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileDetailsPanel</name>
    <message>
        <source>The profile could not be loaded.</source>
        <translation>The profile could not be loaded.</translation>
    </message>
    <message>
        <source>Access ends in %1</source>
        <translation>Access ends in %1</translation>
    </message>
    <message>
        <source>Access to %1 has ended. Verify the caller again to see the profile.</source>
        <translation>Access to %1 has ended. Verify the caller again to see the profile.</translation>
    </message>
    <message>
        <source>Unblock profile?</source>
        <translation>Unblock profile?</translation>
    </message>
    <message>
        <source>Unblock %1? The failed attempts are forgotten and any technician can verify this caller again. The unblock is recorded in the audit log under your name.</source>
        <translation>Unblock %1? The failed attempts are forgotten and any technician can verify this caller again. The unblock is recorded in the audit log under your name.</translation>
    </message>
    <message>
        <source>The profile could not be unblocked: %1</source>
        <translation>The profile could not be unblocked: %1</translation>
    </message>
    <message>
        <source>%1 is unblocked. You can verify the caller again.</source>
        <translation>%1 is unblocked. You can verify the caller again.</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Yes — changes need more approvals</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>Loading the profile…</translation>
    </message>
    <message>
        <source>This profile is locked%1. As a supervisor you can unblock it once you are sure the caller is not an attacker.</source>
        <translation>This profile is locked%1. As a supervisor you can unblock it once you are sure the caller is not an attacker.</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation> until %1</translation>
    </message>
    <message>
        <source>This profile is locked. Ask a supervisor if the caller needs help before the lock ends.</source>
        <translation>This profile is locked. Ask a supervisor if the caller needs help before the lock ends.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>Profile details</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation>Privileged:</translation>
    </message>
    <message>
        <source>Enrolled answers:</source>
        <translation>Enrolled answers:</translation>
    </message>
    <message>
        <source>Unblock profile</source>
        <translation>Unblock profile</translation>
    </message>
    <message>
        <source>Clears the lock after you confirm; recorded in the audit log</source>
        <translation>Clears the lock after you confirm; recorded in the audit log</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close profile</source>
        <translation>Close profile</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>Profile status</translation>
    </message>
    <message>
        <source>Unfreeze profile?</source>
        <translation>Unfreeze profile?</translation>
    </message>
    <message>
        <source>Unfreeze %1? A revert froze this profile, which may mean someone tried to take over the account. Unfreeze it only once you have checked the reverted change with the user. Technicians can then request actions again; the unfreeze is recorded in the audit log under your name.</source>
        <translation>Unfreeze %1? A revert froze this profile, which may mean someone tried to take over the account. Unfreeze it only once you have checked the reverted change with the user. Technicians can then request actions again; the unfreeze is recorded in the audit log under your name.</translation>
    </message>
    <message>
        <source>The profile could not be unfrozen: %1</source>
        <translation>The profile could not be unfrozen: %1</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested. As a supervisor you can unfreeze it once you have reviewed it.</source>
        <translation>Frozen: a revert froze this profile, so no action can be requested. As a supervisor you can unfreeze it once you have reviewed it.</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Frozen: a revert froze this profile, so no action can be requested until a supervisor has reviewed and unfrozen it.</translation>
    </message>
    <message>
        <source>Frozen profile</source>
        <translation>Frozen profile</translation>
    </message>
    <message>
        <source>Unfree&amp;ze profile</source>
        <translation>Unfree&amp;ze profile</translation>
    </message>
    <message>
        <source>Unfreeze profile</source>
        <translation>Unfreeze profile</translation>
    </message>
    <message>
        <source>Lets technicians request actions again after you confirm; needs your authenticator code</source>
        <translation>Lets technicians request actions again after you confirm; needs your authenticator code</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileTableModel</name>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Too many failed verifications: nobody can verify this caller until the lock ends or a supervisor unblocks the profile.</source>
        <translation>Too many failed verifications: nobody can verify this caller until the lock ends or a supervisor unblocks the profile.</translation>
    </message>
    <message>
        <source>This user has no secret word, so the caller cannot be verified.</source>
        <translation>This user has no secret word, so the caller cannot be verified.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Secret word</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Frozen</translation>
    </message>
    <message>
        <source>A revert froze this profile: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>A revert froze this profile: no action can be requested until a supervisor has reviewed and unfrozen it.</translation>
    </message>
</context>
<context>
    <name>vigil::SecondFactorGate</name>
    <message>
        <source>Your code is still being checked.</source>
        <translation>Your code is still being checked.</translation>
    </message>
    <message>
        <source>Approving, denying and unfreezing need your own authenticator app (TOTP), and none is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>Approving, denying and unfreezing need your own authenticator app (TOTP), and none is enrolled for you. Ask an administrator to enroll one.</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Confirm it is you</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now:</source>
        <translation>Enter the 6-digit code your authenticator app shows now:</translation>
    </message>
    <message>
        <source>The code is not right, or it was already used. Wait for the next code and try again.</source>
        <translation>The code is not right, or it was already used. Wait for the next code and try again.</translation>
    </message>
    <message>
        <source>No authenticator app is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>No authenticator app is enrolled for you. Ask an administrator to enroll one.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a few minutes, then try again.</source>
        <translation>Too many wrong codes. Wait a few minutes, then try again.</translation>
    </message>
    <message>
        <source>Your code could not be checked.</source>
        <translation>Your code could not be checked.</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>The server address must be an https:// address, for example https://vigil.example.com:8443.</source>
        <translation>The server address must be an https:// address, for example https://vigil.example.com:8443.</translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons. Leave it empty to confirm the certificate on first connection.</source>
        <translation>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons. Leave it empty to confirm the certificate on first connection.</translation>
    </message>
    <message>
        <source>The policy key must be the base64 encoding of a 32-byte Ed25519 public key.</source>
        <translation>The policy key must be the base64 encoding of a 32-byte Ed25519 public key.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Where the console finds the Vigil server, how it recognises it, and the language of the console.</source>
        <translation>Where the console finds the Vigil server, how it recognises it, and the language of the console.</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Set by your IT department</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server &amp;URL:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>Certificate &amp;pin:</translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation>Certificate pin</translation>
    </message>
    <message>
        <source>Empty: confirm the certificate on first connection</source>
        <translation>Empty: confirm the certificate on first connection</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server certificate, e.g. AB:CD:…</source>
        <translation>SHA-256 fingerprint of the server certificate, e.g. AB:CD:…</translation>
    </message>
    <message>
        <source>Policy &amp;key:</source>
        <translation>Policy &amp;key:</translation>
    </message>
    <message>
        <source>Policy signing key</source>
        <translation>Policy signing key</translation>
    </message>
    <message>
        <source>Base64 Ed25519 public key</source>
        <translation>Base64 Ed25519 public key</translation>
    </message>
    <message>
        <source>The public key that signs the verification policy, in base64</source>
        <translation>The public key that signs the verification policy, in base64</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problem with the settings</translation>
    </message>
    <message>
        <source>Set by your IT department, but unusable: %1</source>
        <translation>Set by your IT department, but unusable: %1</translation>
    </message>
    <message>
        <source>Default from your IT department; you can change it</source>
        <translation>Default from your IT department; you can change it</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsResolver</name>
    <message>
        <source>%1 in %2 has a value Vigil cannot read.</source>
        <translation>%1 in %2 has a value Vigil cannot read.</translation>
    </message>
    <message>
        <source>%1 in %2 is not an https:// address with a server name.</source>
        <translation>%1 in %2 is not an https:// address with a server name.</translation>
    </message>
    <message>
        <source>%1 in %2 is not a SHA-256 certificate fingerprint (32 pairs of hexadecimal digits separated by colons).</source>
        <translation>%1 in %2 is not a SHA-256 certificate fingerprint (32 pairs of hexadecimal digits separated by colons).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a policy key (the base64 encoding of a 32-byte Ed25519 public key).</source>
        <translation>%1 in %2 is not a policy key (the base64 encoding of a 32-byte Ed25519 public key).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a language Vigil offers (en, de or fr).</source>
        <translation>%1 in %2 is not a language Vigil offers (en, de or fr).</translation>
    </message>
    <message>
        <source>the IT settings</source>
        <translation>the IT settings</translation>
    </message>
    <message>
        <source>Vigil cannot read %1.</source>
        <translation>Vigil cannot read %1.</translation>
    </message>
</context>
<context>
    <name>vigil::StepUpPanel</name>
    <message>
        <source>Level 1: questions passed</source>
        <translation>Level 1: questions passed</translation>
    </message>
    <message>
        <source>Level 2: code confirmed</source>
        <translation>Level 2: code confirmed</translation>
    </message>
    <message>
        <source>Level 3: approved on the user&apos;s device</source>
        <translation>Level 3: approved on the user&apos;s device</translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation>The code could not be sent.</translation>
    </message>
    <message>
        <source>The code could not be checked.</source>
        <translation>The code could not be checked.</translation>
    </message>
    <message>
        <source>The request could not be sent to the device.</source>
        <translation>The request could not be sent to the device.</translation>
    </message>
    <message>
        <source>The answer from the device could not be read.</source>
        <translation>The answer from the device could not be read.</translation>
    </message>
    <message>
        <source>No mobile phone number is on record for this user.</source>
        <translation>No mobile phone number is on record for this user.</translation>
    </message>
    <message>
        <source>No e-mail address is on record for this user.</source>
        <translation>No e-mail address is on record for this user.</translation>
    </message>
    <message>
        <source>This user has no authenticator app (TOTP) enrolled.</source>
        <translation>This user has no authenticator app (TOTP) enrolled.</translation>
    </message>
    <message>
        <source>This user has no device enrolled for approval.</source>
        <translation>This user has no device enrolled for approval.</translation>
    </message>
    <message>
        <source>The verification has ended. Verify the caller again.</source>
        <translation>The verification has ended. Verify the caller again.</translation>
    </message>
    <message>
        <source>Passed: the code is confirmed.</source>
        <translation>Passed: the code is confirmed.</translation>
    </message>
    <message>
        <source>Approved on “%1”.</source>
        <translation>Approved on “%1”.</translation>
    </message>
    <message>
        <source>Check failed: the code is not right. Attempts remaining before the profile locks: %1.</source>
        <translation>Check failed: the code is not right. Attempts remaining before the profile locks: %1.</translation>
    </message>
    <message>
        <source>Check failed: the code is not right.</source>
        <translation>Check failed: the code is not right.</translation>
    </message>
    <message>
        <source>The profile is now locked. Ask a supervisor if the caller needs help.</source>
        <translation>The profile is now locked. Ask a supervisor if the caller needs help.</translation>
    </message>
    <message>
        <source>The profile is now locked until %1. Ask a supervisor if the caller needs help.</source>
        <translation>The profile is now locked until %1. Ask a supervisor if the caller needs help.</translation>
    </message>
    <message>
        <source>The request on the user&apos;s device has expired. Ask again if you still need it.</source>
        <translation>The request on the user&apos;s device has expired. Ask again if you still need it.</translation>
    </message>
    <message>
        <source>The code has expired or was already used. Send a new code.</source>
        <translation>The code has expired or was already used. Send a new code.</translation>
    </message>
    <message>
        <source>Denied on the user&apos;s device, or a different number was entered. This counts as a failed attempt.</source>
        <translation>Denied on the user&apos;s device, or a different number was entered. This counts as a failed attempt.</translation>
    </message>
    <message>
        <source>Ask for stronger proof before changes that need it, such as a password reset.</source>
        <translation>Ask for stronger proof before changes that need it, such as a password reset.</translation>
    </message>
    <message>
        <source>Sending the request to the user&apos;s device…</source>
        <translation>Sending the request to the user&apos;s device…</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Sending the code…</translation>
    </message>
    <message>
        <source>Ask the caller to read out the 6-digit code their authenticator app shows now.</source>
        <translation>Ask the caller to read out the 6-digit code their authenticator app shows now.</translation>
    </message>
    <message>
        <source>A code was sent by SMS to %1. Ask the caller to read it out.</source>
        <translation>A code was sent by SMS to %1. Ask the caller to read it out.</translation>
    </message>
    <message>
        <source>A code was sent by e-mail to %1. Ask the caller to read it out.</source>
        <translation>A code was sent by e-mail to %1. Ask the caller to read it out.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <source>Ask the caller to enter %1 in the Vigil app on their phone. Waiting for an answer from “%2”…</source>
        <translation>Ask the caller to enter %1 in the Vigil app on their phone. Waiting for an answer from “%2”…</translation>
    </message>
    <message>
        <source>Stronger proof</source>
        <translation>Stronger proof</translation>
    </message>
    <message>
        <source>Assurance level</source>
        <translation>Assurance level</translation>
    </message>
    <message>
        <source>Send code by e-mail</source>
        <translation>Send code by e-mail</translation>
    </message>
    <message>
        <source>Sends a one-time code to the e-mail address on record</source>
        <translation>Sends a one-time code to the e-mail address on record</translation>
    </message>
    <message>
        <source>Send code by SMS</source>
        <translation>Send code by SMS</translation>
    </message>
    <message>
        <source>Sends a one-time code to the mobile number on record</source>
        <translation>Sends a one-time code to the mobile number on record</translation>
    </message>
    <message>
        <source>Caller reads TOTP code</source>
        <translation>Caller reads TOTP code</translation>
    </message>
    <message>
        <source>The caller reads the code shown in their authenticator app</source>
        <translation>The caller reads the code shown in their authenticator app</translation>
    </message>
    <message>
        <source>Ask for approval on the user&apos;s device</source>
        <translation>Ask for approval on the user&apos;s device</translation>
    </message>
    <message>
        <source>Sends a request to the Vigil app on the user&apos;s enrolled phone</source>
        <translation>Sends a request to the Vigil app on the user&apos;s enrolled phone</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Code read out by the caller</source>
        <translation>Code read out by the caller</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Check code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel stronger proof</source>
        <translation>Cancel stronger proof</translation>
    </message>
    <message>
        <source>Stronger proof result</source>
        <translation>Stronger proof result</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Number to enter on the phone: %1</source>
        <translation>Number to enter on the phone: %1</translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPanel</name>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation>Middle initial</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Employee ID</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Secret word</translation>
    </message>
    <message>
        <source>The server sent questions Vigil does not understand.</source>
        <translation>The server sent questions Vigil does not understand.</translation>
    </message>
    <message>
        <source>The verification could not be started.</source>
        <translation>The verification could not be started.</translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation>The answers could not be checked.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Preparing the questions…</source>
        <translation>Preparing the questions…</translation>
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
        <translation>Checking the answers…</translation>
    </message>
    <message>
        <source>✔ Passed: %1 answered every question correctly. The profile is open to you for a limited time.</source>
        <translation>✔ Passed: %1 answered every question correctly. The profile is open to you for a limited time.</translation>
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
        <translation>%1 has no secret word, so Vigil cannot verify this caller. The user must first set a secret word in the self-service portal, or ask an administrator to set one. Do not verify the caller any other way.</translation>
    </message>
    <message>
        <source>Verify the caller</source>
        <translation>Verify the caller</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Verify %1</translation>
    </message>
    <message>
        <source>Ask the caller each question and type the answer as spoken. Press Enter to check the answers, Esc to cancel.</source>
        <translation>Ask the caller each question and type the answer as spoken. Press Enter to check the answers, Esc to cancel.</translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation>Check answers</translation>
    </message>
    <message>
        <source>Sends the typed answers to the server and clears the form</source>
        <translation>Sends the typed answers to the server and clears the form</translation>
    </message>
    <message>
        <source>Ask new questions</source>
        <translation>Ask new questions</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Verification result</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show or hide the typed secret word</source>
        <translation>Show or hide the typed secret word</translation>
    </message>
    <message>
        <source>Show secret word</source>
        <translation>Show secret word</translation>
    </message>
    <message>
        <source>Locked until %1: too many failed verifications. Nobody can verify this caller until then, unless a supervisor unblocks the profile.</source>
        <translation>Locked until %1: too many failed verifications. Nobody can verify this caller until then, unless a supervisor unblocks the profile.</translation>
    </message>
    <message>
        <source>Locked: too many failed verifications. Nobody can verify this caller until the lock ends, unless a supervisor unblocks the profile.</source>
        <translation>Locked: too many failed verifications. Nobody can verify this caller until the lock ends, unless a supervisor unblocks the profile.</translation>
    </message>
</context>
</TS>
