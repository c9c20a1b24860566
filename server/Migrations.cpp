#include "Migrations.h"

#include <QRegularExpression>
#include <optional>

namespace vigil {

namespace {
// Statements of step 5 that have no mechanical PostgreSQL translation; postgresForm() holds theirs.
QString searchTermsTable()
{
    return QStringLiteral(
            "CREATE VIRTUAL TABLE profile_terms USING fts5(terms, tokenize='ascii', detail=none,"
            " content='', columnsize=0, prefix='2 3')");
}

// The text SearchTerms::indexText builds: body, phone as written, its last 10, 7 and 4 digits.
QString searchTermsFill()
{
    return QStringLiteral("INSERT INTO profile_terms (rowid, terms) SELECT id,"
                          " body || ' ' || phone || ' ' || substr(digits, -10) || ' ' || substr(digits, -7)"
                          " || ' ' || substr(digits, -4) FROM (SELECT s.rowid AS id, s.body AS body,"
                          " p.phone AS phone, replace(replace(replace(replace(replace(p.phone,"
                          " ' ', ''), '+', ''), '-', ''), '(', ''), ')', '') AS digits"
                          " FROM profile_search s JOIN profiles p ON p.id = s.rowid)");
}

QString searchVocabularyView()
{
    return QStringLiteral(
            "CREATE VIRTUAL TABLE temp.profile_terms_vocabulary USING fts5vocab(main, profile_terms, row)");
}

QString searchVocabularyFill()
{
    return QStringLiteral("INSERT INTO search_vocabulary (word, profiles, seq) SELECT term, doc, 1"
                          " FROM temp.profile_terms_vocabulary WHERE term NOT GLOB '*[0-9]*'");
}

QString searchVocabularyViewDrop()
{
    return QStringLiteral("DROP TABLE temp.profile_terms_vocabulary");
}

// PostgreSQL forms of the statements above; an empty form means there is nothing to do there.
std::optional<QString> postgresForm(const QString &statement)
{
    if (statement == searchTermsTable())
        return QStringLiteral(
                "CREATE TABLE profile_terms (rowid BIGINT PRIMARY KEY, terms TSVECTOR NOT NULL);"
                " CREATE INDEX profile_terms_gin ON profile_terms USING gin (terms)");
    if (statement == searchTermsFill())
        return QStringLiteral(
                "INSERT INTO profile_terms (rowid, terms) SELECT id, array_to_tsvector(array_remove("
                "regexp_split_to_array(body || ' ' || phone || ' ' || right(digits, 10) || ' '"
                " || right(digits, 7) || ' ' || right(digits, 4),"
                " '[\\x01-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7f]+'), ''))"
                " FROM (SELECT s.rowid AS id, s.body AS body, p.phone AS phone,"
                " regexp_replace(p.phone, '[^0-9]', '', 'g') AS digits"
                " FROM profile_search s JOIN profiles p ON p.id = s.rowid) AS existing");
    if (statement == searchVocabularyFill())
        return QStringLiteral("INSERT INTO search_vocabulary (word, profiles, seq) SELECT word, ndoc, 1"
                              " FROM ts_stat('SELECT terms FROM profile_terms') WHERE word !~ '[0-9]'");
    if (statement == searchVocabularyView() || statement == searchVocabularyViewDrop())
        return QString();
    return std::nullopt;
}
} // namespace

const QList<QStringList> &Migrations::steps()
{
    // Times are UTC unix seconds unless named *_at_text. Answer columns hold argon2id encodings
    // of the normalised value, never the value.
    static const QList<QStringList> kSteps = {
            {
                    QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                    QStringLiteral("CREATE TABLE agents ("
                                   " id INTEGER PRIMARY KEY,"
                                   " username TEXT NOT NULL UNIQUE,"
                                   " display_name TEXT NOT NULL,"
                                   " password_hash TEXT NOT NULL,"
                                   " roles TEXT NOT NULL,"
                                   " disabled INTEGER NOT NULL DEFAULT 0,"
                                   " created_at INTEGER NOT NULL)"),
                    QStringLiteral("CREATE TABLE sessions ("
                                   " token_hash TEXT PRIMARY KEY,"
                                   " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                                   " created_at INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL)"),
                    QStringLiteral("CREATE INDEX sessions_agent ON sessions(agent_id)"),
                    // Keyed by a keyed BLAKE2b of the typed user name, never the name itself.
                    QStringLiteral("CREATE TABLE login_throttle ("
                                   " name_hash TEXT PRIMARY KEY,"
                                   " failures INTEGER NOT NULL,"
                                   " window_start INTEGER NOT NULL,"
                                   " blocked_until INTEGER)"),
                    QStringLiteral("CREATE TABLE profiles ("
                                   " id INTEGER PRIMARY KEY,"
                                   " username TEXT NOT NULL UNIQUE,"
                                   " display_name TEXT NOT NULL,"
                                   " department TEXT NOT NULL DEFAULT '',"
                                   " email TEXT NOT NULL DEFAULT '',"
                                   " phone TEXT NOT NULL DEFAULT '',"
                                   " privileged INTEGER NOT NULL DEFAULT 0,"
                                   " title_hash TEXT,"
                                   " middle_initial_hash TEXT,"
                                   " employee_id_hash TEXT,"
                                   " birthday_hash TEXT,"
                                   " secret_hash TEXT,"
                                   " employee_id_lookup TEXT,"
                                   " failed_count INTEGER NOT NULL DEFAULT 0,"
                                   " locked_until INTEGER,"
                                   " last_question_fields TEXT NOT NULL DEFAULT '',"
                                   " created_at INTEGER NOT NULL)"),
                    QStringLiteral("CREATE INDEX profiles_employee_lookup ON profiles(employee_id_lookup)"),
                    QStringLiteral("CREATE INDEX profiles_locked ON profiles(locked_until) WHERE "
                                   "locked_until IS NOT NULL"),
                    // Trigram index over name, user name, e-mail and phone (never the answer fields).
                    QStringLiteral(
                            "CREATE VIRTUAL TABLE profile_search USING fts5(body, tokenize='trigram')"),
                    QStringLiteral("CREATE TABLE verifications ("
                                   " id TEXT PRIMARY KEY,"
                                   " profile_id INTEGER NOT NULL REFERENCES profiles(id),"
                                   " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                                   " created_at INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL,"
                                   " questions TEXT NOT NULL,"
                                   " state TEXT NOT NULL,"
                                   " answered_at INTEGER,"
                                   " level INTEGER NOT NULL DEFAULT 0)"),
                    QStringLiteral("CREATE INDEX verifications_open ON verifications(profile_id, state)"),
                    QStringLiteral("CREATE TABLE grants ("
                                   " id INTEGER PRIMARY KEY,"
                                   " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                                   " profile_id INTEGER NOT NULL REFERENCES profiles(id),"
                                   " verification_id TEXT NOT NULL REFERENCES verifications(id),"
                                   " level INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL)"),
                    QStringLiteral(
                            "CREATE INDEX grants_agent_profile ON grants(agent_id, profile_id, expires_at)"),
                    QStringLiteral("CREATE TABLE audit_log ("
                                   " seq INTEGER PRIMARY KEY,"
                                   " at TEXT NOT NULL,"
                                   " action TEXT NOT NULL,"
                                   " agent TEXT NOT NULL,"
                                   " profile TEXT NOT NULL,"
                                   " verification TEXT NOT NULL,"
                                   " outcome TEXT NOT NULL,"
                                   " details TEXT NOT NULL,"
                                   " hash TEXT NOT NULL)"),
                    QStringLiteral("CREATE INDEX audit_action ON audit_log(action)"),
                    QStringLiteral("CREATE INDEX audit_profile ON audit_log(profile)"),
                    QStringLiteral("CREATE INDEX audit_agent ON audit_log(agent)"),
                    QStringLiteral("CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1),"
                                   " seq INTEGER NOT NULL, hash TEXT NOT NULL)"),
                    QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, "
                                   "'0000000000000000000000000000000000000000000000000000000000000000')"),
                    QStringLiteral("CREATE TABLE audit_checkpoints ("
                                   " seq INTEGER PRIMARY KEY,"
                                   " head_hash TEXT NOT NULL,"
                                   " at TEXT NOT NULL,"
                                   " signature TEXT NOT NULL)"),
            },
            // 2: step-up proof (one-time codes, TOTP, device approval) and the notification outbox.
            {
                    // How a verification reached its level, e.g. "questions,otp:email,device".
                    QStringLiteral("ALTER TABLE verifications ADD COLUMN methods TEXT NOT NULL DEFAULT ''"),
                    // One-time codes sent to a channel on record; only a hash of the code is kept.
                    QStringLiteral("CREATE TABLE otp_challenges ("
                                   " id TEXT PRIMARY KEY,"
                                   " verification_id TEXT NOT NULL REFERENCES verifications(id),"
                                   " channel TEXT NOT NULL,"
                                   " code_hash TEXT NOT NULL,"
                                   " created_at INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL,"
                                   " state TEXT NOT NULL)"),
                    QStringLiteral(
                            "CREATE INDEX otp_challenges_verification ON otp_challenges(verification_id)"),
                    // TOTP secrets, encrypted with the server's data key (XChaCha20-Poly1305, keys/data.key).
                    QStringLiteral("CREATE TABLE totp_secrets ("
                                   " owner TEXT PRIMARY KEY,"
                                   " secret_enc BLOB NOT NULL,"
                                   " last_step INTEGER NOT NULL DEFAULT 0,"
                                   " enrolled_at INTEGER NOT NULL)"),
                    QStringLiteral("CREATE TABLE devices ("
                                   " id TEXT PRIMARY KEY,"
                                   " profile_id INTEGER NOT NULL REFERENCES profiles(id),"
                                   " name TEXT NOT NULL,"
                                   " public_key BLOB NOT NULL,"
                                   " enrolled_at INTEGER NOT NULL,"
                                   " revoked INTEGER NOT NULL DEFAULT 0)"),
                    QStringLiteral("CREATE INDEX devices_profile ON devices(profile_id)"),
                    QStringLiteral("CREATE TABLE device_challenges ("
                                   " id TEXT PRIMARY KEY,"
                                   " verification_id TEXT NOT NULL REFERENCES verifications(id),"
                                   " device_id TEXT NOT NULL REFERENCES devices(id),"
                                   " agent TEXT NOT NULL,"
                                   " number INTEGER NOT NULL,"
                                   " nonce TEXT NOT NULL,"
                                   " created_at INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL,"
                                   " state TEXT NOT NULL)"),
                    QStringLiteral(
                            "CREATE INDEX device_challenges_device ON device_challenges(device_id, state)"),
                    // Transactional outbox: written in the same transaction as the change it announces,
                    // delivered by a worker with retries; dedupe_key makes delivery exactly-once.
                    QStringLiteral("CREATE TABLE outbox ("
                                   " id INTEGER PRIMARY KEY,"
                                   " dedupe_key TEXT NOT NULL UNIQUE,"
                                   " channel TEXT NOT NULL,"
                                   " recipient TEXT NOT NULL,"
                                   " subject TEXT NOT NULL,"
                                   " body_enc BLOB NOT NULL,"
                                   " created_at INTEGER NOT NULL,"
                                   " attempts INTEGER NOT NULL DEFAULT 0,"
                                   " next_attempt_at INTEGER NOT NULL,"
                                   " sent_at INTEGER,"
                                   " last_error TEXT NOT NULL DEFAULT '')"),
                    QStringLiteral("CREATE INDEX outbox_due ON outbox(sent_at, next_attempt_at)"),
            },
            // 3: actions, supervisor escalations, revert and freeze, supervisor second factor.
            {
                    // Set by a revert: a frozen profile accepts no action until a supervisor reviews it.
                    QStringLiteral("ALTER TABLE profiles ADD COLUMN frozen_at INTEGER"),
                    // When this session passed the agent's TOTP second factor (approvals need it).
                    QStringLiteral("ALTER TABLE sessions ADD COLUMN second_factor_at INTEGER"),
                    QStringLiteral(
                            "CREATE TABLE actions ("
                            " id TEXT PRIMARY KEY,"
                            " profile_id INTEGER NOT NULL REFERENCES profiles(id),"
                            " kind TEXT NOT NULL,"
                            " state TEXT NOT NULL,"
                            " requested_by INTEGER NOT NULL REFERENCES agents(id),"
                            " verification_id TEXT NOT NULL REFERENCES verifications(id),"
                            " verified_by INTEGER NOT NULL REFERENCES agents(id),"
                            " level INTEGER NOT NULL,"
                            " methods TEXT NOT NULL,"
                            " reason TEXT NOT NULL,"
                            " ticket TEXT NOT NULL,"
                            // The new and the previous contact value (e-mail, phone) of a change;
                            // contact data, stored like the profile's own columns.
                            " new_value TEXT NOT NULL DEFAULT '',"
                            " old_value TEXT NOT NULL DEFAULT '',"
                            // What a revert needs to restore (revoked devices, the sealed TOTP secret).
                            " undo_data TEXT NOT NULL DEFAULT '',"
                            " approvals_required INTEGER NOT NULL,"
                            " privileged INTEGER NOT NULL,"
                            " requested_at INTEGER NOT NULL,"
                            " expires_at INTEGER,"
                            " run_at INTEGER,"
                            " completed_at INTEGER,"
                            " result TEXT NOT NULL DEFAULT '')"),
                    QStringLiteral("CREATE INDEX actions_state ON actions(state, requested_at)"),
                    QStringLiteral("CREATE INDEX actions_profile ON actions(profile_id, state)"),
                    QStringLiteral("CREATE INDEX actions_requester ON actions(requested_by, requested_at)"),
                    QStringLiteral("CREATE TABLE action_approvals ("
                                   " action_id TEXT NOT NULL REFERENCES actions(id),"
                                   " agent_id INTEGER NOT NULL REFERENCES agents(id),"
                                   " decision TEXT NOT NULL,"
                                   " reason TEXT NOT NULL,"
                                   " at INTEGER NOT NULL,"
                                   " PRIMARY KEY (action_id, agent_id))"),
                    // One-time password-reset links; only a keyed hash of the token is kept.
                    QStringLiteral("CREATE TABLE password_resets ("
                                   " token_hash TEXT PRIMARY KEY,"
                                   " profile_id INTEGER NOT NULL REFERENCES profiles(id),"
                                   " action_id TEXT NOT NULL REFERENCES actions(id),"
                                   " created_at INTEGER NOT NULL,"
                                   " expires_at INTEGER NOT NULL,"
                                   " used_at INTEGER,"
                                   " voided INTEGER NOT NULL DEFAULT 0)"),
            },
            // 4: answers are evaluated outside the write lock, on a slot reserved for the profile
            // (state 'evaluating'); the slot names the process evaluating it and when it began.
            {
                    QStringLiteral("ALTER TABLE verifications ADD COLUMN evaluator TEXT"),
                    QStringLiteral("ALTER TABLE verifications ADD COLUMN evaluating_since INTEGER"),
            },
            // 5: search at a million profiles. A word index (FTS5, ascii tokenizer: terms as
            // SearchTerms cuts them; detail=none, contentless: only which profiles hold a term,
            // with prefix indexes for two and three characters) and the vocabulary typed words are
            // corrected against. Existing profiles are indexed from their search body; their
            // vocabulary is every letters-only term, user names included, where new profiles add
            // only the words of the display name and e-mail address.
            {
                    searchTermsTable(),
                    QStringLiteral("CREATE TABLE search_vocabulary (word TEXT PRIMARY KEY,"
                                   " profiles INTEGER NOT NULL, seq INTEGER NOT NULL)"),
                    QStringLiteral("CREATE INDEX search_vocabulary_seq ON search_vocabulary(seq)"),
                    searchTermsFill(),
                    searchVocabularyView(),
                    searchVocabularyFill(),
                    searchVocabularyViewDrop(),
            },
    };
    return kSteps;
}

QString Migrations::toPostgres(const QString &statement)
{
    if (const auto form = postgresForm(statement))
        return *form;
    if (statement.startsWith(QLatin1String("CREATE VIRTUAL TABLE profile_search")))
        return QStringLiteral(
                "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
                " CREATE TABLE profile_search (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL);"
                " CREATE INDEX profile_search_trgm ON profile_search USING gin (body gin_trgm_ops)");
    QString out = statement;
    // Row ids that SQLite assigns (INTEGER PRIMARY KEY) become identity columns; explicit values
    // (audit seq, the audit head's id 1) are still accepted.
    static const QRegularExpression rowId(QStringLiteral("\\b(\\w+) INTEGER PRIMARY KEY\\b"));
    out.replace(rowId, QStringLiteral("\\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    // Unix times need 64 bits.
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    out.replace(integer, QStringLiteral("BIGINT"));
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"));
    out.replace(blob, QStringLiteral("BYTEA"));
    return out;
}

QList<QStringList> Migrations::steps(Dialect dialect)
{
    if (dialect == Dialect::Sqlite)
        return steps();
    QList<QStringList> translated;
    for (const auto &step : steps()) {
        QStringList statements;
        for (const auto &statement : step) {
            const QString form = toPostgres(statement);
            if (!form.isEmpty())
                statements.append(form);
        }
        translated.append(statements);
    }
    return translated;
}

} // namespace vigil
