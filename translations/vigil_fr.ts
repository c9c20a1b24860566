<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>vigil::ActionRequestPanel</name>
    <message>
        <source>This profile is frozen after a revert: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Ce profil a été gelé après une annulation&#xa0;: aucune action ne peut être demandée tant qu&apos;un superviseur ne l&apos;a pas examiné et dégelé.</translation>
    </message>
    <message>
        <source>The policy refuses this action on privileged profiles.</source>
        <translation>La politique refuse cette action sur les profils privilégiés.</translation>
    </message>
    <message>
        <source>Needs assurance level %1; runs at once.</source>
        <translation>Exige le niveau d&apos;assurance %1&#xa0;; s&apos;exécute immédiatement.</translation>
    </message>
    <message>
        <source>Needs assurance level %1 and approval by %2 supervisor(s).</source>
        <translation>Exige le niveau d&apos;assurance %1 et l&apos;approbation de %2 superviseur(s).</translation>
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
        <translation>Prend effet après un délai d&apos;annulation de %1.</translation>
    </message>
    <message>
        <source>The verification is at level %1: enough.</source>
        <translation>La vérification est au niveau %1&#xa0;: suffisant.</translation>
    </message>
    <message>
        <source>The verification is at level %1: use Stronger proof above first.</source>
        <translation>La vérification est au niveau %1&#xa0;: utilisez d&apos;abord «&#xa0;Preuve renforcée&#xa0;» ci-dessus.</translation>
    </message>
    <message>
        <source>The verification is at level %1. The cached policy does not say which level this action needs; the server checks it.</source>
        <translation>La vérification est au niveau %1. La politique en cache n&apos;indique pas le niveau exigé par cette action&#xa0;; le serveur le vérifie.</translation>
    </message>
    <message>
        <source>What this action needs</source>
        <translation>Ce qu&apos;exige cette action</translation>
    </message>
    <message>
        <source>New phone n&amp;umber:</source>
        <translation>Nouveau &amp;numéro de téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>New e-mail &amp;address:</source>
        <translation>Nouvelle &amp;adresse e-mail&#xa0;:</translation>
    </message>
    <message>
        <source>New phone number</source>
        <translation>Nouveau numéro de téléphone</translation>
    </message>
    <message>
        <source>New e-mail address</source>
        <translation>Nouvelle adresse e-mail</translation>
    </message>
    <message>
        <source>+1 555 0100 001</source>
        <translation>+33 1 23 45 67 89</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nom@example.com</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Envoi de la demande…</translation>
    </message>
    <message>
        <source>Done: %1 for %2.</source>
        <translation>Effectué&#xa0;: %1 pour %2.</translation>
    </message>
    <message>
        <source>Awaiting approval: %1 for %2 waits for a supervisor (ticket %3). Follow it under My requests.</source>
        <translation>En attente d&apos;approbation&#xa0;: %1 pour %2 attend un superviseur (ticket %3). Suivez-la dans «&#xa0;Mes demandes&#xa0;».</translation>
    </message>
    <message>
        <source>Scheduled until %1: %2 for %3 takes effect then unless the user reverts it.</source>
        <translation>Planifié jusqu&apos;au %1&#xa0;: %2 pour %3 prendra effet à ce moment, sauf si l&apos;utilisateur l&apos;annule.</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>%1 pour %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Refused: this action needs assurance level %1 and the verification is at level %2. Step up first with Stronger proof, then request it again.</source>
        <translation>Refusé&#xa0;: cette action exige le niveau d&apos;assurance %1 et la vérification est au niveau %2. Relevez d&apos;abord le niveau avec «&#xa0;Preuve renforcée&#xa0;», puis refaites la demande.</translation>
    </message>
    <message>
        <source>Refused: the verification&apos;s level is too low. Step up first with Stronger proof, then request it again.</source>
        <translation>Refusé&#xa0;: le niveau de la vérification est trop bas. Relevez d&apos;abord le niveau avec «&#xa0;Preuve renforcée&#xa0;», puis refaites la demande.</translation>
    </message>
    <message>
        <source>Refused: the profile is frozen after a revert. A supervisor has to review and unfreeze it first.</source>
        <translation>Refusé&#xa0;: le profil a été gelé après une annulation. Un superviseur doit d&apos;abord l&apos;examiner et le dégeler.</translation>
    </message>
    <message>
        <source>Refused: the profile is locked. Ask a supervisor if the caller needs help.</source>
        <translation>Refusé&#xa0;: le profil est verrouillé. Adressez-vous à un superviseur si l&apos;appelant a besoin d&apos;aide.</translation>
    </message>
    <message>
        <source>Refused: your access to this profile has ended. Verify the caller again.</source>
        <translation>Refusé&#xa0;: votre accès à ce profil a pris fin. Vérifiez à nouveau l&apos;appelant.</translation>
    </message>
    <message>
        <source>Refused: the same action is already open on this profile. Follow it under My requests.</source>
        <translation>Refusé&#xa0;: la même action est déjà en cours sur ce profil. Suivez-la dans «&#xa0;Mes demandes&#xa0;».</translation>
    </message>
    <message>
        <source>Refused: there is no e-mail address or phone number on record to send the reset link to.</source>
        <translation>Refusé&#xa0;: aucune adresse e-mail ni aucun numéro de téléphone n&apos;est enregistré pour envoyer le lien de réinitialisation.</translation>
    </message>
    <message>
        <source>Refused: the policy does not allow this action on a privileged profile.</source>
        <translation>Refusé&#xa0;: la politique n&apos;autorise pas cette action sur un profil privilégié.</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Refusé par le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request could not be sent.</source>
        <translation>La demande n&apos;a pas pu être envoyée.</translation>
    </message>
    <message>
        <source>Request an action</source>
        <translation>Demander une action</translation>
    </message>
    <message>
        <source>Acti&amp;on:</source>
        <translation>Acti&amp;on&#xa0;:</translation>
    </message>
    <message>
        <source>Action to request</source>
        <translation>Action à demander</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Moti&amp;f&#xa0;:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Why the caller needs it (required)</source>
        <translation>Pourquoi l&apos;appelant en a besoin (obligatoire)</translation>
    </message>
    <message>
        <source>Tic&amp;ket:</source>
        <translation>Tic&amp;ket&#xa0;:</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>e.g. INC-1234 (required)</source>
        <translation>p. ex. INC-1234 (obligatoire)</translation>
    </message>
    <message>
        <source>Send re&amp;quest</source>
        <translation>Envoyer la &amp;demande</translation>
    </message>
    <message>
        <source>Request action</source>
        <translation>Demander l&apos;action</translation>
    </message>
    <message>
        <source>Sends the request; actions that need approval wait for a supervisor</source>
        <translation>Envoie la demande&#xa0;; les actions soumises à approbation attendent un superviseur</translation>
    </message>
    <message>
        <source>Request result</source>
        <translation>Résultat de la demande</translation>
    </message>
</context>
<context>
    <name>vigil::ActionTableModel</name>
    <message>
        <source>%1 (privileged)</source>
        <translation>%1 (privilégié)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>A privileged profile (administrator or executive): changes need more approvals.</source>
        <translation>Un profil privilégié (administrateur ou dirigeant)&#xa0;: les modifications exigent davantage d&apos;approbations.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif&#xa0;: %1</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
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
        <translation>État</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandée par</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Demandée le</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Unlock account</source>
        <translation>Déverrouiller le compte</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>Reset MFA</source>
        <translation>Réinitialiser la MFA</translation>
    </message>
    <message>
        <source>Change e-mail address</source>
        <translation>Modifier l&apos;adresse e-mail</translation>
    </message>
    <message>
        <source>Change phone number</source>
        <translation>Modifier le numéro de téléphone</translation>
    </message>
    <message>
        <source>View profile</source>
        <translation>Consulter le profil</translation>
    </message>
    <message>
        <source>Awaiting approval (%1 of %2)</source>
        <translation>En attente d&apos;approbation (%1 sur %2)</translation>
    </message>
    <message>
        <source>Scheduled until %1</source>
        <translation>Planifiée jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Effectuée</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Rétablie</translation>
    </message>
    <message>
        <source>the profile is locked</source>
        <translation>le profil est verrouillé</translation>
    </message>
    <message>
        <source>the requester&apos;s access to the profile had ended</source>
        <translation>l&apos;accès du demandeur au profil avait pris fin</translation>
    </message>
    <message>
        <source>the profile is frozen</source>
        <translation>le profil est gelé</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison indiquée</translation>
    </message>
    <message>
        <source>questions</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>code by e-mail</source>
        <translation>code par e-mail</translation>
    </message>
    <message>
        <source>code by SMS</source>
        <translation>code par SMS</translation>
    </message>
    <message>
        <source>TOTP read-out</source>
        <translation>code TOTP lu à voix haute</translation>
    </message>
    <message>
        <source>approval on the user&apos;s device</source>
        <translation>approbation sur l&apos;appareil de l&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>vigil::AuditTableModel</name>
    <message>
        <source>%1 (UTC: %2)</source>
        <translation>%1 (UTC&#xa0;: %2)</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>Vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
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
        <translation>Profil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
</context>
<context>
    <name>vigil::AuditViewer</name>
    <message>
        <source>Loading the audit log…</source>
        <translation>Chargement du journal d&apos;audit…</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>La réponse du serveur n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>Could not load the audit log: %1</source>
        <translation>Impossible de charger le journal d&apos;audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Loading more entries…</source>
        <translation>Chargement d&apos;autres entrées…</translation>
    </message>
    <message>
        <source>Could not load more entries: %1</source>
        <translation>Impossible de charger d&apos;autres entrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1</source>
        <translation>Entrées chargées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Entries loaded: %1, shown in the selected time range: %2</source>
        <translation>Entrées chargées&#xa0;: %1, affichées dans la période choisie&#xa0;: %2</translation>
    </message>
    <message>
        <source>More entries are available.</source>
        <translation>D&apos;autres entrées sont disponibles.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>The server filters by action, agent and profile. The time range is applied here, to the entries already loaded: use &quot;Load more&quot; to reach older or newer entries.</source>
        <translation>Le serveur filtre par action, agent et profil. La période est appliquée ici, aux entrées déjà chargées&#xa0;: utilisez «&#xa0;Charger la suite&#xa0;» pour atteindre des entrées plus anciennes ou plus récentes.</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>Ac&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>Action filter</source>
        <translation>Filtre par action</translation>
    </message>
    <message>
        <source>Show only entries with this action. Leave empty for all actions.</source>
        <translation>Afficher uniquement les entrées de cette action. Laisser vide pour toutes les actions.</translation>
    </message>
    <message>
        <source>Exact action name, filtered by the server</source>
        <translation>Nom exact de l&apos;action, filtré par le serveur</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent&#xa0;:</translation>
    </message>
    <message>
        <source>Agent filter</source>
        <translation>Filtre par agent</translation>
    </message>
    <message>
        <source>Show only entries by this agent user name.</source>
        <translation>Afficher uniquement les entrées de cet agent (nom d&apos;utilisateur).</translation>
    </message>
    <message>
        <source>Exact agent user name, filtered by the server</source>
        <translation>Nom d&apos;utilisateur exact de l&apos;agent, filtré par le serveur</translation>
    </message>
    <message>
        <source>Any agent</source>
        <translation>Tous les agents</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <source>Profile filter</source>
        <translation>Filtre par profil</translation>
    </message>
    <message>
        <source>Show only entries about this profile id.</source>
        <translation>Afficher uniquement les entrées concernant cet identifiant de profil.</translation>
    </message>
    <message>
        <source>Exact profile id, filtered by the server</source>
        <translation>Identifiant de profil exact, filtré par le serveur</translation>
    </message>
    <message>
        <source>Any profile</source>
        <translation>Tous les profils</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>Filter from a time</source>
        <translation>Filtrer à partir d&apos;une date</translation>
    </message>
    <message>
        <source>From time</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>Filter up to a time</source>
        <translation>Filtrer jusqu&apos;à une date</translation>
    </message>
    <message>
        <source>To time</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the audit log</source>
        <translation>Actualiser le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Load the audit log again with these filters and check the chain</source>
        <translation>Recharger le journal d&apos;audit avec ces filtres et vérifier la chaîne</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entrées d&apos;audit</translation>
    </message>
    <message>
        <source>Audit log entries matching the filters. Click a column header to sort.</source>
        <translation>Entrées du journal d&apos;audit correspondant aux filtres. Cliquez sur un en-tête de colonne pour trier.</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>Charger la &amp;suite</translation>
    </message>
    <message>
        <source>Load more entries</source>
        <translation>Charger d&apos;autres entrées</translation>
    </message>
    <message>
        <source>Load the next entries after the last one shown</source>
        <translation>Charger les entrées suivant la dernière affichée</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>État du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Audit chain status</source>
        <translation>État de la chaîne d&apos;audit</translation>
    </message>
    <message>
        <source>Audit chain not checked yet</source>
        <translation>Chaîne d&apos;audit pas encore vérifiée</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Vérification de la chaîne d&apos;audit…</translation>
    </message>
    <message>
        <source>Audit chain verified: %1 entries</source>
        <translation>Chaîne d&apos;audit vérifiée&#xa0;: %1 entrées</translation>
    </message>
    <message>
        <source>Audit chain BROKEN at entry %1</source>
        <translation>Chaîne d&apos;audit ROMPUE à l&apos;entrée %1</translation>
    </message>
    <message>
        <source>Audit chain could not be checked: %1</source>
        <translation>Impossible de vérifier la chaîne d&apos;audit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>vigil::BackendClient</name>
    <message>
        <source>The server address “%1” is not a valid https:// address.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» n&apos;est pas une adresse https:// valide.</translation>
    </message>
    <message>
        <source>The server&apos;s reply is too large.</source>
        <translation>La réponse du serveur est trop volumineuse.</translation>
    </message>
    <message>
        <source>The server presented a certificate this console has not seen before (SHA-256 fingerprint %1). Compare it with the fingerprint your IT department gave you before you trust it.</source>
        <translation>Le serveur a présenté un certificat que cette console ne connaît pas encore (empreinte SHA-256 %1). Comparez-la avec l&apos;empreinte fournie par votre service informatique avant de lui faire confiance.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so the connection was refused. Someone may be intercepting it; tell your IT department.</source>
        <translation>Le certificat du serveur ne correspond pas à celui auquel cette console fait confiance, la connexion a donc été refusée. Quelqu&apos;un l&apos;intercepte peut-être&#xa0;; prévenez votre service informatique.</translation>
    </message>
    <message>
        <source>A secure connection to the server could not be established: %1</source>
        <translation>Impossible d&apos;établir une connexion sécurisée avec le serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the one this console trusts, so its reply was ignored.</source>
        <translation>Le certificat du serveur ne correspond pas à celui auquel cette console fait confiance, sa réponse a donc été ignorée.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check the network and try again.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Vérifiez le réseau et réessayez.</translation>
    </message>
    <message>
        <source>The Vigil server at %1 cannot be reached: %2</source>
        <translation>Le serveur Vigil à l&apos;adresse %1 est injoignable&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server stopped answering in the middle of its reply. Try again.</source>
        <translation>Le serveur a cessé de répondre au milieu de sa réponse. Réessayez.</translation>
    </message>
    <message>
        <source>The server&apos;s reply was cut off. Try again.</source>
        <translation>La réponse du serveur a été tronquée. Réessayez.</translation>
    </message>
    <message>
        <source>The server sent a reply this console cannot read. Check that the server address points to a Vigil server.</source>
        <translation>Le serveur a envoyé une réponse que cette console ne sait pas lire. Vérifiez que l&apos;adresse du serveur désigne bien un serveur Vigil.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Le serveur a refusé la requête comme non valide.</translation>
    </message>
    <message>
        <source>You are not signed in, or your session has ended. Please sign in again.</source>
        <translation>Vous n&apos;êtes pas connecté ou votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Vous n&apos;êtes pas autorisé à effectuer cette action.</translation>
    </message>
    <message>
        <source>The server could not find what was asked for.</source>
        <translation>Le serveur n&apos;a pas trouvé l&apos;élément demandé.</translation>
    </message>
    <message>
        <source>The request conflicts with the current state of the profile.</source>
        <translation>La requête est en conflit avec l&apos;état actuel du profil.</translation>
    </message>
    <message>
        <source>This verification is no longer open. Start a new one.</source>
        <translation>Cette vérification n&apos;est plus ouverte. Démarrez-en une nouvelle.</translation>
    </message>
    <message>
        <source>The request was too large for the server.</source>
        <translation>La requête était trop volumineuse pour le serveur.</translation>
    </message>
    <message>
        <source>The server did not accept the format of the request.</source>
        <translation>Le serveur n&apos;a pas accepté le format de la requête.</translation>
    </message>
    <message>
        <source>The profile is locked.</source>
        <translation>Le profil est verrouillé.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a few minutes, then try again.</source>
        <translation>Trop de tentatives. Patientez quelques minutes, puis réessayez.</translation>
    </message>
    <message>
        <source>The server ran into an internal error. Nothing was changed.</source>
        <translation>Le serveur a rencontré une erreur interne. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The server is unavailable at the moment. Nothing was changed.</source>
        <translation>Le serveur est indisponible pour le moment. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>Le serveur a répondu par une erreur (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>vigil::BackendReply</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
</context>
<context>
    <name>vigil::ConsoleController</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Votre session a pris fin. Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationEvidence</name>
    <message>
        <source>You requested this action, so another supervisor has to decide.</source>
        <translation>Vous avez demandé cette action&#xa0;: un autre superviseur doit donc décider.</translation>
    </message>
    <message>
        <source>You verified this caller, so another supervisor has to decide.</source>
        <translation>Vous avez vérifié cet appelant&#xa0;: un autre superviseur doit donc décider.</translation>
    </message>
    <message>
        <source>You have already approved it; it waits for another supervisor.</source>
        <translation>Vous l&apos;avez déjà approuvée&#xa0;; elle attend un autre superviseur.</translation>
    </message>
    <message>
        <source>You cannot decide on this escalation.</source>
        <translation>Vous ne pouvez pas trancher cette escalade.</translation>
    </message>
    <message>
        <source>Privileged profile:</source>
        <translation>Profil privilégié&#xa0;:</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Oui — les modifications exigent davantage d&apos;approbations</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Nouvelle valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>Demandée par&#xa0;:</translation>
    </message>
    <message>
        <source>Requested at:</source>
        <translation>Demandée le&#xa0;:</translation>
    </message>
    <message>
        <source>Ticket:</source>
        <translation>Ticket&#xa0;:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Expire le&#xa0;:</translation>
    </message>
    <message>
        <source>Approvals so far:</source>
        <translation>Approbations jusqu&apos;ici&#xa0;:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>%1 (%2) %3 at %4: %5</source>
        <translation>%1 (%2) a %3 le %4&#xa0;: %5</translation>
    </message>
    <message>
        <source>Assurance level:</source>
        <translation>Niveau d&apos;assurance&#xa0;:</translation>
    </message>
    <message>
        <source>Proved by:</source>
        <translation>Prouvé par&#xa0;:</translation>
    </message>
    <message>
        <source>Verified by:</source>
        <translation>Vérifié par&#xa0;:</translation>
    </message>
    <message>
        <source>Failed attempts now:</source>
        <translation>Tentatives échouées actuelles&#xa0;:</translation>
    </message>
    <message>
        <source>Locked:</source>
        <translation>Verrouillé&#xa0;:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation>Historique des tentatives</translation>
    </message>
</context>
<context>
    <name>vigil::EscalationQueue</name>
    <message>
        <source>The escalation queue could not be loaded.</source>
        <translation>La file des escalades n&apos;a pas pu être chargée.</translation>
    </message>
    <message>
        <source>No escalation is waiting for approval.</source>
        <translation>Aucune escalade n&apos;attend d&apos;approbation.</translation>
    </message>
    <message>
        <source>Escalations waiting for approval: %1</source>
        <translation>Escalades en attente d&apos;approbation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Vigil: escalation waiting for approval</source>
        <translation>Vigil&#xa0;: escalade en attente d&apos;approbation</translation>
    </message>
    <message>
        <source>%1 asks for “%2” on %3 (ticket %4).</source>
        <translation>%1 demande «&#xa0;%2&#xa0;» pour %3 (ticket %4).</translation>
    </message>
    <message>
        <source>New escalations waiting for approval: %1</source>
        <translation>Nouvelles escalades en attente d&apos;approbation&#xa0;: %1</translation>
    </message>
    <message>
        <source>Vigil escalation queue</source>
        <translation>File des escalades Vigil</translation>
    </message>
    <message>
        <source>Sending your decision…</source>
        <translation>Envoi de votre décision…</translation>
    </message>
    <message>
        <source>You requested this action or verified the caller, so another supervisor has to decide.</source>
        <translation>Vous avez demandé cette action ou vérifié l&apos;appelant&#xa0;: un autre superviseur doit donc décider.</translation>
    </message>
    <message>
        <source>You have already approved this escalation.</source>
        <translation>Vous avez déjà approuvé cette escalade.</translation>
    </message>
    <message>
        <source>This escalation has already been decided or cancelled.</source>
        <translation>Cette escalade a déjà été tranchée ou annulée.</translation>
    </message>
    <message>
        <source>This escalation has expired. The technician has to request it again.</source>
        <translation>Cette escalade a expiré. Le technicien doit refaire la demande.</translation>
    </message>
    <message>
        <source>The server still asks for your second factor. Try again.</source>
        <translation>Le serveur demande toujours votre second facteur. Réessayez.</translation>
    </message>
    <message>
        <source>Your decision could not be sent.</source>
        <translation>Votre décision n&apos;a pas pu être envoyée.</translation>
    </message>
    <message>
        <source>Your decision was refused: %1</source>
        <translation>Votre décision a été refusée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Denied: %1 for %2.</source>
        <translation>Refusé&#xa0;: %1 pour %2.</translation>
    </message>
    <message>
        <source>Your approval is recorded: %1 for %2 now has %3 of %4 approvals.</source>
        <translation>Votre approbation est enregistrée&#xa0;: %1 pour %2 a maintenant %3 approbation(s) sur %4.</translation>
    </message>
    <message>
        <source>Approved: %1 for %2 is now: %3.</source>
        <translation>Approuvé&#xa0;: %1 pour %2 est maintenant&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Select an escalation to see the evidence behind it.</source>
        <translation>Sélectionnez une escalade pour voir les éléments qui la justifient.</translation>
    </message>
    <message>
        <source>Vigil — escalation queue</source>
        <translation>Vigil — file des escalades</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the queue</source>
        <translation>Actualiser la file</translation>
    </message>
    <message>
        <source>Open escalations</source>
        <translation>Escalades en cours</translation>
    </message>
    <message>
        <source>Oldest first; select one to see its evidence</source>
        <translation>Les plus anciennes d&apos;abord&#xa0;; sélectionnez-en une pour voir ses justificatifs</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>What the requester proved: levels, methods, attempt history, ticket and reason</source>
        <translation>Ce que le demandeur a prouvé&#xa0;: niveaux, méthodes, historique des tentatives, ticket et motif</translation>
    </message>
    <message>
        <source>Queue status</source>
        <translation>État de la file</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation>Pourquoi vous ne pouvez pas décider</translation>
    </message>
    <message>
        <source>Re&amp;ason for your decision:</source>
        <translation>&amp;Motif de votre décision&#xa0;:</translation>
    </message>
    <message>
        <source>Reason for your decision</source>
        <translation>Motif de votre décision</translation>
    </message>
    <message>
        <source>Required for approving and denying</source>
        <translation>Obligatoire pour approuver et refuser</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <source>Approve escalation</source>
        <translation>Approuver l&apos;escalade</translation>
    </message>
    <message>
        <source>Approves the selected escalation; asks for your authenticator code first if needed</source>
        <translation>Approuve l&apos;escalade sélectionnée&#xa0;; demande d&apos;abord le code de votre application d&apos;authentification si nécessaire</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <source>Deny escalation</source>
        <translation>Refuser l&apos;escalade</translation>
    </message>
    <message>
        <source>Denies the selected escalation</source>
        <translation>Refuse l&apos;escalade sélectionnée</translation>
    </message>
    <message>
        <source>Decision result</source>
        <translation>Résultat de la décision</translation>
    </message>
</context>
<context>
    <name>vigil::LoginDialog</name>
    <message>
        <source>Sign in to Vigil</source>
        <translation>Connexion à Vigil</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Sign in with your help desk account to verify callers.</source>
        <translation>Connectez-vous avec votre compte du support pour vérifier les appelants.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>The HTTPS address of your Vigil server</source>
        <translation>L&apos;adresse HTTPS de votre serveur Vigil</translation>
    </message>
    <message>
        <source>Set by your IT department; it cannot be changed here</source>
        <translation>Défini par votre service informatique&#xa0;; non modifiable ici</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Défini par votre service informatique</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Quitter Vigil</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Problème de connexion</translation>
    </message>
    <message>
        <source>Enter the server address, starting with https://</source>
        <translation>Saisissez l&apos;adresse du serveur, commençant par https://</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand. Ask IT to check that the server and the console have the same version.</source>
        <translation>Le serveur à l&apos;adresse %1 a envoyé une réponse que Vigil ne comprend pas. Demandez au service informatique de vérifier que le serveur et la console ont la même version.</translation>
    </message>
    <message>
        <source>Vigil refused to connect to %1: your IT department requires a known certificate, and this server did not present it. Call your IT service desk.</source>
        <translation>Vigil a refusé de se connecter à %1&#xa0;: votre service informatique exige un certificat connu, et ce serveur ne l&apos;a pas présenté. Appelez votre support informatique.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since it was trusted. It now shows the fingerprint %2. This can mean that someone is intercepting the connection, so Vigil refused to connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil administrator) and tell them the certificate changed.</source>
        <translation>Le certificat de %1 a changé depuis qu&apos;il a été approuvé. Il présente maintenant l&apos;empreinte %2. Cela peut signifier que quelqu&apos;un intercepte la connexion&#xa0;; Vigil a donc refusé de se connecter et n&apos;a rien envoyé. Ne vous connectez pas&#xa0;: appelez votre support informatique (ou l&apos;administrateur de Vigil) et signalez que le certificat a changé.</translation>
    </message>
    <message>
        <source>Server certificate changed</source>
        <translation>Le certificat du serveur a changé</translation>
    </message>
    <message>
        <source>Cannot reach the Vigil server at %1. Check the address and your network connection; if it still fails, ask IT whether the server is running.</source>
        <translation>Impossible de joindre le serveur Vigil à l&apos;adresse %1. Vérifiez l&apos;adresse et votre connexion réseau&#xa0;; si le problème persiste, demandez au service informatique si le serveur fonctionne.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established: %2</source>
        <translation>Impossible d&apos;établir une connexion sécurisée avec %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe est incorrect.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins for this user name. Wait five minutes, then try again.</source>
        <translation>Trop d&apos;échecs de connexion pour ce nom d&apos;utilisateur. Patientez cinq minutes, puis réessayez.</translation>
    </message>
    <message>
        <source>The server refused the sign-in (HTTP %1).</source>
        <translation>Le serveur a refusé la connexion (HTTP %1).</translation>
    </message>
    <message>
        <source>The server at %1 sent an answer Vigil does not understand.</source>
        <translation>Le serveur à l&apos;adresse %1 a envoyé une réponse que Vigil ne comprend pas.</translation>
    </message>
    <message>
        <source>Vigil has not connected to %1 before. The server presents a certificate with this SHA-256 fingerprint:

%2

Compare it with the fingerprint your IT department gave you. Trust this server only if they match exactly.</source>
        <translation>Vigil ne s&apos;est encore jamais connecté à %1. Le serveur présente un certificat avec cette empreinte SHA-256&#xa0;:

%2

Comparez-la avec l&apos;empreinte fournie par votre service informatique. Ne faites confiance à ce serveur que si elles correspondent exactement.</translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation>Faire confiance à ce serveur&#xa0;?</translation>
    </message>
    <message>
        <source>You did not trust the server, so nothing was sent to it.</source>
        <translation>Vous n&apos;avez pas fait confiance au serveur, rien ne lui a donc été envoyé.</translation>
    </message>
    <message>
        <source>Vigil will not connect, because settings your IT department enforces are invalid:
%1
Call your IT service desk to have them corrected. Nothing was sent to any server.</source>
        <translation>Vigil ne se connectera pas, car des paramètres imposés par votre service informatique ne sont pas valides&#xa0;:
%1
Appelez votre support informatique pour les faire corriger. Rien n&apos;a été envoyé à aucun serveur.</translation>
    </message>
</context>
<context>
    <name>vigil::MainWindow</name>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>The search failed.</source>
        <translation>La recherche a échoué.</translation>
    </message>
    <message>
        <source>No matching profile.</source>
        <translation>Aucun profil correspondant.</translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s) found.</source>
        <translation>
            <numerusform>%n profil trouvé.</numerusform>
            <numerusform>%n profils trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil — caller verification</source>
        <translation>Vigil — vérification des appelants</translation>
    </message>
    <message>
        <source>No keychain available: you will need to sign in again after closing Vigil</source>
        <translation>Aucun trousseau disponible&#xa0;: vous devrez vous reconnecter après avoir fermé Vigil</translation>
    </message>
    <message>
        <source>&amp;Find caller:</source>
        <translation>&amp;Rechercher l&apos;appelant&#xa0;:</translation>
    </message>
    <message>
        <source>Name, user name, e-mail, phone or employee ID</source>
        <translation>Nom, nom d&apos;utilisateur, e-mail, téléphone ou matricule</translation>
    </message>
    <message>
        <source>Your role cannot search profiles</source>
        <translation>Votre rôle ne permet pas de rechercher des profils</translation>
    </message>
    <message>
        <source>Find caller</source>
        <translation>Rechercher l&apos;appelant</translation>
    </message>
    <message>
        <source>Fuzzy search by name, user name, e-mail, phone or employee ID; results appear as you type (Ctrl+F)</source>
        <translation>Recherche approximative par nom, nom d&apos;utilisateur, e-mail, téléphone ou matricule&#xa0;; les résultats s&apos;affichent pendant la saisie (Ctrl+F)</translation>
    </message>
    <message>
        <source>Matching profiles</source>
        <translation>Profils correspondants</translation>
    </message>
    <message>
        <source>Press Enter or double-click to verify the selected caller</source>
        <translation>Appuyez sur Entrée ou double-cliquez pour vérifier l&apos;appelant sélectionné</translation>
    </message>
    <message>
        <source>&amp;Verify caller</source>
        <translation>&amp;Vérifier l&apos;appelant</translation>
    </message>
    <message>
        <source>Verify caller</source>
        <translation>Vérifier l&apos;appelant</translation>
    </message>
    <message>
        <source>Starts a verification of the selected profile</source>
        <translation>Démarre une vérification du profil sélectionné</translation>
    </message>
    <message>
        <source>Find the caller&apos;s profile, then choose Verify caller. Vigil shows the questions to ask; the profile opens only after the caller passes.</source>
        <translation>Recherchez le profil de l&apos;appelant, puis choisissez «&#xa0;Vérifier l&apos;appelant&#xa0;». Vigil affiche les questions à poser&#xa0;; le profil ne s&apos;ouvre qu&apos;une fois la vérification réussie.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2) · %3</source>
        <translation>Connecté en tant que %1 (%2) · %3</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● En ligne</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Hors ligne</translation>
    </message>
    <message>
        <source>Connected to the server</source>
        <translation>Connecté au serveur</translation>
    </message>
    <message>
        <source>Offline: reconnecting to the server</source>
        <translation>Hors ligne&#xa0;: reconnexion au serveur en cours</translation>
    </message>
    <message>
        <source>&amp;Vigil</source>
        <translation>&amp;Vigil</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profils</translation>
    </message>
    <message>
        <source>&amp;Find caller</source>
        <translation>&amp;Rechercher l&apos;appelant</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal d&apos;audit…</translation>
    </message>
    <message>
        <source>New escalations waiting: %1 — open the queue</source>
        <translation>Nouvelles escalades en attente&#xa0;: %1 — ouvrir la file</translation>
    </message>
    <message>
        <source>&amp;Escalation queue…</source>
        <translation>File des &amp;escalades…</translation>
    </message>
</context>
<context>
    <name>vigil::MyRequestsPanel</name>
    <message>
        <source>Your requests could not be loaded.</source>
        <translation>Vos demandes n&apos;ont pas pu être chargées.</translation>
    </message>
    <message>
        <source>You have not requested any action yet.</source>
        <translation>Vous n&apos;avez encore demandé aucune action.</translation>
    </message>
    <message>
        <source>Requests: %1, still open: %2.</source>
        <translation>Demandes&#xa0;: %1, encore en cours&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cancel request?</source>
        <translation>Annuler la demande&#xa0;?</translation>
    </message>
    <message>
        <source>Cancel %1 for %2 (ticket %3)? Supervisors will no longer see it.</source>
        <translation>Annuler %1 pour %2 (ticket %3)&#xa0;? Les superviseurs ne la verront plus.</translation>
    </message>
    <message>
        <source>The request could not be cancelled: %1</source>
        <translation>La demande n&apos;a pas pu être annulée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request is cancelled.</source>
        <translation>La demande est annulée.</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Mes demandes</translation>
    </message>
    <message>
        <source>My requested actions</source>
        <translation>Les actions que j&apos;ai demandées</translation>
    </message>
    <message>
        <source>The actions you requested and their state, updated every few seconds</source>
        <translation>Les actions que vous avez demandées et leur état, mis à jour toutes les quelques secondes</translation>
    </message>
    <message>
        <source>My requests status</source>
        <translation>État de mes demandes</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh my requests</source>
        <translation>Actualiser mes demandes</translation>
    </message>
    <message>
        <source>Cance&amp;l request</source>
        <translation>Annu&amp;ler la demande</translation>
    </message>
    <message>
        <source>Cancel the selected request</source>
        <translation>Annuler la demande sélectionnée</translation>
    </message>
</context>
<context>
    <name>vigil::OfflineBanner</name>
    <message>
        <source>No cached policy is available on this computer.</source>
        <translation>Aucune politique en cache n&apos;est disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Cached policy from %1.</source>
        <translation>Politique en cache du %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) per verification, the secret word included.</source>
        <translation>
            <numerusform>%n question par vérification, mot secret compris.</numerusform>
            <numerusform>%n questions par vérification, mot secret compris.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A profile locks after %n failed attempt(s).</source>
        <translation>
            <numerusform>Un profil est verrouillé après %n tentative échouée.</numerusform>
            <numerusform>Un profil est verrouillé après %n tentatives échouées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A lock lasts %n minute(s).</source>
        <translation>
            <numerusform>Un verrouillage dure %n minute.</numerusform>
            <numerusform>Un verrouillage dure %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Access after a pass lasts %n minute(s).</source>
        <translation>
            <numerusform>L&apos;accès après une vérification réussie dure %n minute.</numerusform>
            <numerusform>L&apos;accès après une vérification réussie dure %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — showing the cached policy read-only; reconnecting…</source>
        <translation>Hors ligne — politique en cache affichée en lecture seule&#xa0;; reconnexion en cours…</translation>
    </message>
    <message>
        <source>Offline notice</source>
        <translation>Avis hors ligne</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileDetailsPanel</name>
    <message>
        <source>The profile could not be loaded.</source>
        <translation>Le profil n&apos;a pas pu être chargé.</translation>
    </message>
    <message>
        <source>Access ends in %1</source>
        <translation>L&apos;accès prend fin dans %1</translation>
    </message>
    <message>
        <source>Access to %1 has ended. Verify the caller again to see the profile.</source>
        <translation>L&apos;accès à %1 a pris fin. Vérifiez à nouveau l&apos;appelant pour voir le profil.</translation>
    </message>
    <message>
        <source>Unblock profile?</source>
        <translation>Débloquer le profil&#xa0;?</translation>
    </message>
    <message>
        <source>Unblock %1? The failed attempts are forgotten and any technician can verify this caller again. The unblock is recorded in the audit log under your name.</source>
        <translation>Débloquer %1&#xa0;? Les tentatives échouées sont oubliées et tout technicien peut de nouveau vérifier cet appelant. Le déblocage est consigné dans le journal d&apos;audit à votre nom.</translation>
    </message>
    <message>
        <source>The profile could not be unblocked: %1</source>
        <translation>Le profil n&apos;a pas pu être débloqué&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is unblocked. You can verify the caller again.</source>
        <translation>%1 est débloqué. Vous pouvez de nouveau vérifier l&apos;appelant.</translation>
    </message>
    <message>
        <source>Yes — changes need more approvals</source>
        <translation>Oui — les modifications exigent davantage d&apos;approbations</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>Chargement du profil…</translation>
    </message>
    <message>
        <source>This profile is locked%1. As a supervisor you can unblock it once you are sure the caller is not an attacker.</source>
        <translation>Ce profil est verrouillé%1. En tant que superviseur, vous pouvez le débloquer dès que vous êtes sûr que l&apos;appelant n&apos;est pas un attaquant.</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation> jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>This profile is locked. Ask a supervisor if the caller needs help before the lock ends.</source>
        <translation>Ce profil est verrouillé. Adressez-vous à un superviseur si l&apos;appelant a besoin d&apos;aide avant la fin du verrouillage.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile details</source>
        <translation>Détails du profil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Service&#xa0;:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone&#xa0;:</translation>
    </message>
    <message>
        <source>Privileged:</source>
        <translation>Privilégié&#xa0;:</translation>
    </message>
    <message>
        <source>Enrolled answers:</source>
        <translation>Réponses enregistrées&#xa0;:</translation>
    </message>
    <message>
        <source>Unblock profile</source>
        <translation>Débloquer le profil</translation>
    </message>
    <message>
        <source>Clears the lock after you confirm; recorded in the audit log</source>
        <translation>Lève le verrouillage après votre confirmation&#xa0;; consigné dans le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close profile</source>
        <translation>Fermer le profil</translation>
    </message>
    <message>
        <source>Profile status</source>
        <translation>État du profil</translation>
    </message>
    <message>
        <source>Unfreeze profile?</source>
        <translation>Dégeler le profil&#xa0;?</translation>
    </message>
    <message>
        <source>Unfreeze %1? A revert froze this profile, which may mean someone tried to take over the account. Unfreeze it only once you have checked the reverted change with the user. Technicians can then request actions again; the unfreeze is recorded in the audit log under your name.</source>
        <translation>Dégeler %1&#xa0;? Une annulation a gelé ce profil, ce qui peut signifier que quelqu&apos;un a tenté de prendre le contrôle du compte. Ne le dégelez qu&apos;après avoir vérifié la modification annulée avec l&apos;utilisateur. Les techniciens pourront alors de nouveau demander des actions&#xa0;; le dégel est consigné dans le journal d&apos;audit à votre nom.</translation>
    </message>
    <message>
        <source>The profile could not be unfrozen: %1</source>
        <translation>Le profil n&apos;a pas pu être dégelé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested. As a supervisor you can unfreeze it once you have reviewed it.</source>
        <translation>Gelé&#xa0;: une annulation a gelé ce profil, aucune action ne peut donc être demandée. En tant que superviseur, vous pouvez le dégeler après l&apos;avoir examiné.</translation>
    </message>
    <message>
        <source>Frozen: a revert froze this profile, so no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Gelé&#xa0;: une annulation a gelé ce profil, aucune action ne peut donc être demandée tant qu&apos;un superviseur ne l&apos;a pas examiné et dégelé.</translation>
    </message>
    <message>
        <source>Frozen profile</source>
        <translation>Profil gelé</translation>
    </message>
    <message>
        <source>Unfree&amp;ze profile</source>
        <translation>Dé&amp;geler le profil</translation>
    </message>
    <message>
        <source>Unfreeze profile</source>
        <translation>Dégeler le profil</translation>
    </message>
    <message>
        <source>Lets technicians request actions again after you confirm; needs your authenticator code</source>
        <translation>Permet de nouveau aux techniciens de demander des actions après votre confirmation&#xa0;; exige le code de votre application d&apos;authentification</translation>
    </message>
</context>
<context>
    <name>vigil::ProfileTableModel</name>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>Too many failed verifications: nobody can verify this caller until the lock ends or a supervisor unblocks the profile.</source>
        <translation>Trop de vérifications échouées&#xa0;: personne ne peut vérifier cet appelant avant la fin du verrouillage ou le déblocage du profil par un superviseur.</translation>
    </message>
    <message>
        <source>This user has no secret word, so the caller cannot be verified.</source>
        <translation>Cet utilisateur n&apos;a pas de mot secret, l&apos;appelant ne peut donc pas être vérifié.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Mot secret</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gelé</translation>
    </message>
    <message>
        <source>A revert froze this profile: no action can be requested until a supervisor has reviewed and unfrozen it.</source>
        <translation>Une annulation a gelé ce profil&#xa0;: aucune action ne peut être demandée tant qu&apos;un superviseur ne l&apos;a pas examiné et dégelé.</translation>
    </message>
</context>
<context>
    <name>vigil::SecondFactorGate</name>
    <message>
        <source>Your code is still being checked.</source>
        <translation>Votre code est encore en cours de vérification.</translation>
    </message>
    <message>
        <source>Approving, denying and unfreezing need your own authenticator app (TOTP), and none is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>Approuver, refuser et dégeler exigent votre propre application d&apos;authentification (TOTP), et aucune n&apos;est enregistrée pour vous. Demandez à un administrateur d&apos;en enregistrer une.</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Confirmez votre identité</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now:</source>
        <translation>Saisissez le code à 6 chiffres qu&apos;affiche maintenant votre application d&apos;authentification&#xa0;:</translation>
    </message>
    <message>
        <source>The code is not right, or it was already used. Wait for the next code and try again.</source>
        <translation>Le code est incorrect ou a déjà été utilisé. Attendez le code suivant et réessayez.</translation>
    </message>
    <message>
        <source>No authenticator app is enrolled for you. Ask an administrator to enroll one.</source>
        <translation>Aucune application d&apos;authentification n&apos;est enregistrée pour vous. Demandez à un administrateur d&apos;en enregistrer une.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait a few minutes, then try again.</source>
        <translation>Trop de codes erronés. Patientez quelques minutes, puis réessayez.</translation>
    </message>
    <message>
        <source>Your code could not be checked.</source>
        <translation>Votre code n&apos;a pas pu être vérifié.</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsDialog</name>
    <message>
        <source>The server address must be an https:// address, for example https://vigil.example.com:8443.</source>
        <translation>L&apos;adresse du serveur doit être une adresse https://, par exemple https://vigil.example.com:8443.</translation>
    </message>
    <message>
        <source>The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons. Leave it empty to confirm the certificate on first connection.</source>
        <translation>L&apos;empreinte du certificat doit être une empreinte SHA-256&#xa0;: 64 chiffres hexadécimaux, avec ou sans deux-points. Laissez le champ vide pour confirmer le certificat lors de la première connexion.</translation>
    </message>
    <message>
        <source>The policy key must be the base64 encoding of a 32-byte Ed25519 public key.</source>
        <translation>La clé de politique doit être l&apos;encodage base64 d&apos;une clé publique Ed25519 de 32 octets.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Where the console finds the Vigil server, how it recognises it, and the language of the console.</source>
        <translation>Où la console trouve le serveur Vigil, comment elle le reconnaît, et la langue de la console.</translation>
    </message>
    <message>
        <source>Set by your IT department</source>
        <translation>Défini par votre service informatique</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>&amp;URL du serveur&#xa0;:</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>Certificate &amp;pin:</source>
        <translation>&amp;Empreinte du certificat&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate pin</source>
        <translation>Empreinte du certificat</translation>
    </message>
    <message>
        <source>Empty: confirm the certificate on first connection</source>
        <translation>Vide&#xa0;: confirmer le certificat à la première connexion</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server certificate, e.g. AB:CD:…</source>
        <translation>Empreinte SHA-256 du certificat du serveur, par ex. AB:CD:…</translation>
    </message>
    <message>
        <source>Policy &amp;key:</source>
        <translation>&amp;Clé de politique&#xa0;:</translation>
    </message>
    <message>
        <source>Policy signing key</source>
        <translation>Clé de signature de la politique</translation>
    </message>
    <message>
        <source>Base64 Ed25519 public key</source>
        <translation>Clé publique Ed25519 en base64</translation>
    </message>
    <message>
        <source>The public key that signs the verification policy, in base64</source>
        <translation>La clé publique qui signe la politique de vérification, en base64</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Problem with the settings</source>
        <translation>Problème dans les paramètres</translation>
    </message>
    <message>
        <source>Set by your IT department, but unusable: %1</source>
        <translation>Défini par votre service informatique, mais inutilisable&#xa0;: %1</translation>
    </message>
    <message>
        <source>Default from your IT department; you can change it</source>
        <translation>Valeur par défaut de votre service informatique&#xa0;; vous pouvez la modifier</translation>
    </message>
</context>
<context>
    <name>vigil::SettingsResolver</name>
    <message>
        <source>%1 in %2 has a value Vigil cannot read.</source>
        <translation>%1 dans %2 a une valeur que Vigil ne sait pas lire.</translation>
    </message>
    <message>
        <source>%1 in %2 is not an https:// address with a server name.</source>
        <translation>%1 dans %2 n&apos;est pas une adresse https:// avec un nom de serveur.</translation>
    </message>
    <message>
        <source>%1 in %2 is not a SHA-256 certificate fingerprint (32 pairs of hexadecimal digits separated by colons).</source>
        <translation>%1 dans %2 n&apos;est pas une empreinte SHA-256 de certificat (32 paires de chiffres hexadécimaux séparées par des deux-points).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a policy key (the base64 encoding of a 32-byte Ed25519 public key).</source>
        <translation>%1 dans %2 n&apos;est pas une clé de politique (l&apos;encodage base64 d&apos;une clé publique Ed25519 de 32&#xa0;octets).</translation>
    </message>
    <message>
        <source>%1 in %2 is not a language Vigil offers (en, de or fr).</source>
        <translation>%1 dans %2 n&apos;est pas une langue proposée par Vigil (en, de ou fr).</translation>
    </message>
    <message>
        <source>the IT settings</source>
        <translation>les paramètres informatiques</translation>
    </message>
    <message>
        <source>Vigil cannot read %1.</source>
        <translation>Vigil ne peut pas lire %1.</translation>
    </message>
</context>
<context>
    <name>vigil::StepUpPanel</name>
    <message>
        <source>Level 1: questions passed</source>
        <translation>Niveau 1&#xa0;: questions réussies</translation>
    </message>
    <message>
        <source>Level 2: code confirmed</source>
        <translation>Niveau 2&#xa0;: code confirmé</translation>
    </message>
    <message>
        <source>Level 3: approved on the user&apos;s device</source>
        <translation>Niveau 3&#xa0;: approuvé sur l&apos;appareil de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation>Le code n&apos;a pas pu être envoyé.</translation>
    </message>
    <message>
        <source>The code could not be checked.</source>
        <translation>Le code n&apos;a pas pu être vérifié.</translation>
    </message>
    <message>
        <source>The request could not be sent to the device.</source>
        <translation>La demande n&apos;a pas pu être envoyée à l&apos;appareil.</translation>
    </message>
    <message>
        <source>The answer from the device could not be read.</source>
        <translation>La réponse de l&apos;appareil n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>No mobile phone number is on record for this user.</source>
        <translation>Aucun numéro de mobile n&apos;est enregistré pour cet utilisateur.</translation>
    </message>
    <message>
        <source>No e-mail address is on record for this user.</source>
        <translation>Aucune adresse e-mail n&apos;est enregistrée pour cet utilisateur.</translation>
    </message>
    <message>
        <source>This user has no authenticator app (TOTP) enrolled.</source>
        <translation>Aucune application d&apos;authentification (TOTP) n&apos;est enregistrée pour cet utilisateur.</translation>
    </message>
    <message>
        <source>This user has no device enrolled for approval.</source>
        <translation>Aucun appareil d&apos;approbation n&apos;est enregistré pour cet utilisateur.</translation>
    </message>
    <message>
        <source>The verification has ended. Verify the caller again.</source>
        <translation>La vérification a pris fin. Vérifiez à nouveau l&apos;appelant.</translation>
    </message>
    <message>
        <source>Passed: the code is confirmed.</source>
        <translation>Réussi&#xa0;: le code est confirmé.</translation>
    </message>
    <message>
        <source>Approved on “%1”.</source>
        <translation>Approuvé sur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Check failed: the code is not right. Attempts remaining before the profile locks: %1.</source>
        <translation>Échec de la vérification&#xa0;: le code est incorrect. Tentatives restantes avant le verrouillage du profil&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Check failed: the code is not right.</source>
        <translation>Échec de la vérification&#xa0;: le code est incorrect.</translation>
    </message>
    <message>
        <source>The profile is now locked. Ask a supervisor if the caller needs help.</source>
        <translation>Le profil est maintenant verrouillé. Adressez-vous à un superviseur si l&apos;appelant a besoin d&apos;aide.</translation>
    </message>
    <message>
        <source>The profile is now locked until %1. Ask a supervisor if the caller needs help.</source>
        <translation>Le profil est maintenant verrouillé jusqu&apos;au %1. Adressez-vous à un superviseur si l&apos;appelant a besoin d&apos;aide.</translation>
    </message>
    <message>
        <source>The request on the user&apos;s device has expired. Ask again if you still need it.</source>
        <translation>La demande sur l&apos;appareil de l&apos;utilisateur a expiré. Renouvelez-la si nécessaire.</translation>
    </message>
    <message>
        <source>The code has expired or was already used. Send a new code.</source>
        <translation>Le code a expiré ou a déjà été utilisé. Envoyez un nouveau code.</translation>
    </message>
    <message>
        <source>Denied on the user&apos;s device, or a different number was entered. This counts as a failed attempt.</source>
        <translation>Refusé sur l&apos;appareil de l&apos;utilisateur, ou un autre nombre a été saisi. Cela compte comme une tentative échouée.</translation>
    </message>
    <message>
        <source>Ask for stronger proof before changes that need it, such as a password reset.</source>
        <translation>Demandez une preuve renforcée avant les modifications qui l&apos;exigent, comme la réinitialisation d&apos;un mot de passe.</translation>
    </message>
    <message>
        <source>Sending the request to the user&apos;s device…</source>
        <translation>Envoi de la demande à l&apos;appareil de l&apos;utilisateur…</translation>
    </message>
    <message>
        <source>Sending the code…</source>
        <translation>Envoi du code…</translation>
    </message>
    <message>
        <source>Ask the caller to read out the 6-digit code their authenticator app shows now.</source>
        <translation>Demandez à l&apos;appelant de lire le code à 6 chiffres affiché en ce moment par son application d&apos;authentification.</translation>
    </message>
    <message>
        <source>A code was sent by SMS to %1. Ask the caller to read it out.</source>
        <translation>Un code a été envoyé par SMS au %1. Demandez à l&apos;appelant de le lire.</translation>
    </message>
    <message>
        <source>A code was sent by e-mail to %1. Ask the caller to read it out.</source>
        <translation>Un code a été envoyé par e-mail à %1. Demandez à l&apos;appelant de le lire.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>Vérification du code…</translation>
    </message>
    <message>
        <source>Ask the caller to enter %1 in the Vigil app on their phone. Waiting for an answer from “%2”…</source>
        <translation>Demandez à l&apos;appelant de saisir %1 dans l&apos;application Vigil de son téléphone. En attente d&apos;une réponse de «&#xa0;%2&#xa0;»…</translation>
    </message>
    <message>
        <source>Stronger proof</source>
        <translation>Preuve renforcée</translation>
    </message>
    <message>
        <source>Assurance level</source>
        <translation>Niveau d&apos;assurance</translation>
    </message>
    <message>
        <source>Send code by e-mail</source>
        <translation>Envoyer un code par e-mail</translation>
    </message>
    <message>
        <source>Sends a one-time code to the e-mail address on record</source>
        <translation>Envoie un code à usage unique à l&apos;adresse e-mail enregistrée</translation>
    </message>
    <message>
        <source>Send code by SMS</source>
        <translation>Envoyer un code par SMS</translation>
    </message>
    <message>
        <source>Sends a one-time code to the mobile number on record</source>
        <translation>Envoie un code à usage unique au numéro de mobile enregistré</translation>
    </message>
    <message>
        <source>Caller reads TOTP code</source>
        <translation>L&apos;appelant lit le code TOTP</translation>
    </message>
    <message>
        <source>The caller reads the code shown in their authenticator app</source>
        <translation>L&apos;appelant lit le code affiché par son application d&apos;authentification</translation>
    </message>
    <message>
        <source>Ask for approval on the user&apos;s device</source>
        <translation>Demander l&apos;approbation sur l&apos;appareil de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Sends a request to the Vigil app on the user&apos;s enrolled phone</source>
        <translation>Envoie une demande à l&apos;application Vigil sur le téléphone enregistré de l&apos;utilisateur</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Code&#xa0;:</translation>
    </message>
    <message>
        <source>Code read out by the caller</source>
        <translation>Code lu par l&apos;appelant</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 chiffres</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Vérifier le code</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel stronger proof</source>
        <translation>Annuler la preuve renforcée</translation>
    </message>
    <message>
        <source>Stronger proof result</source>
        <translation>Résultat de la preuve renforcée</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Number to enter on the phone: %1</source>
        <translation>Nombre à saisir sur le téléphone&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>vigil::VerificationPanel</name>
    <message>
        <source>Job title</source>
        <translation>Intitulé du poste</translation>
    </message>
    <message>
        <source>Middle initial</source>
        <translation>Initiale du deuxième prénom</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Secret word</source>
        <translation>Mot secret</translation>
    </message>
    <message>
        <source>The server sent questions Vigil does not understand.</source>
        <translation>Le serveur a envoyé des questions que Vigil ne comprend pas.</translation>
    </message>
    <message>
        <source>The verification could not be started.</source>
        <translation>La vérification n&apos;a pas pu être démarrée.</translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation>Les réponses n&apos;ont pas pu être contrôlées.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Preparing the questions…</source>
        <translation>Préparation des questions…</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) remaining before the profile locks.</source>
        <translation>
            <numerusform>%n tentative restante avant le verrouillage du profil.</numerusform>
            <numerusform>%n tentatives restantes avant le verrouillage du profil.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the answers…</source>
        <translation>Contrôle des réponses…</translation>
    </message>
    <message>
        <source>✔ Passed: %1 answered every question correctly. The profile is open to you for a limited time.</source>
        <translation>✔ Réussi&#xa0;: %1 a répondu correctement à toutes les questions. Le profil vous est ouvert pour une durée limitée.</translation>
    </message>
    <message numerus="yes">
        <source>✘ Failed: the answers did not all match. %n attempt(s) remaining before the profile locks. Do not tell the caller which answer was wrong.</source>
        <translation>
            <numerusform>✘ Échec&#xa0;: les réponses ne correspondent pas toutes. %n tentative restante avant le verrouillage du profil. Ne dites pas à l&apos;appelant quelle réponse était fausse.</numerusform>
            <numerusform>✘ Échec&#xa0;: les réponses ne correspondent pas toutes. %n tentatives restantes avant le verrouillage du profil. Ne dites pas à l&apos;appelant quelle réponse était fausse.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ Too late: the questions expired before the answers were sent, which counts as a failed attempt. %n attempt(s) remaining.</source>
        <translation>
            <numerusform>✘ Trop tard&#xa0;: les questions ont expiré avant l&apos;envoi des réponses, ce qui compte comme une tentative échouée. %n tentative restante.</numerusform>
            <numerusform>✘ Trop tard&#xa0;: les questions ont expiré avant l&apos;envoi des réponses, ce qui compte comme une tentative échouée. %n tentatives restantes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no secret word, so Vigil cannot verify this caller. The user must first set a secret word in the self-service portal, or ask an administrator to set one. Do not verify the caller any other way.</source>
        <translation>%1 n&apos;a pas de mot secret, Vigil ne peut donc pas vérifier cet appelant. L&apos;utilisateur doit d&apos;abord définir un mot secret dans le portail libre-service, ou demander à un administrateur d&apos;en définir un. Ne vérifiez pas l&apos;appelant d&apos;une autre manière.</translation>
    </message>
    <message>
        <source>Verify the caller</source>
        <translation>Vérifier l&apos;appelant</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Vérifier %1</translation>
    </message>
    <message>
        <source>Ask the caller each question and type the answer as spoken. Press Enter to check the answers, Esc to cancel.</source>
        <translation>Posez chaque question à l&apos;appelant et saisissez la réponse telle qu&apos;elle est énoncée. Appuyez sur Entrée pour contrôler les réponses, sur Échap pour annuler.</translation>
    </message>
    <message>
        <source>Check answers</source>
        <translation>Contrôler les réponses</translation>
    </message>
    <message>
        <source>Sends the typed answers to the server and clears the form</source>
        <translation>Envoie les réponses saisies au serveur et vide le formulaire</translation>
    </message>
    <message>
        <source>Ask new questions</source>
        <translation>Poser de nouvelles questions</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Résultat de la vérification</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show or hide the typed secret word</source>
        <translation>Afficher ou masquer le mot secret saisi</translation>
    </message>
    <message>
        <source>Show secret word</source>
        <translation>Afficher le mot secret</translation>
    </message>
    <message>
        <source>Locked until %1: too many failed verifications. Nobody can verify this caller until then, unless a supervisor unblocks the profile.</source>
        <translation>Verrouillé jusqu’à %1&#xa0;: trop de vérifications échouées. Personne ne peut vérifier cet appelant d’ici là, sauf si un superviseur débloque le profil.</translation>
    </message>
    <message>
        <source>Locked: too many failed verifications. Nobody can verify this caller until the lock ends, unless a supervisor unblocks the profile.</source>
        <translation>Verrouillé&#xa0;: trop de vérifications échouées. Personne ne peut vérifier cet appelant avant la fin du verrouillage, sauf si un superviseur débloque le profil.</translation>
    </message>
</context>
</TS>
