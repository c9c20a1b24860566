#include "Migrations.h"

namespace vigil {

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
    };
    return kSteps;
}

} // namespace vigil
