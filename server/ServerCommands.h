#pragma once

#include <QStringList>

namespace vigil {

// `vigil-server <command> …`: init, serve, agent, import, demo, unlock-expired, audit, policy.
// Exit codes: 0 success, 1 the check or operation failed, 2 usage error.
class ServerCommands
{
public:
    static int run(const QStringList &arguments);

    static int init(const QStringList &arguments);
    static int serve(const QStringList &arguments);
    static int agent(const QStringList &arguments);
    static int import(const QStringList &arguments);
    static int demo(const QStringList &arguments);
    static int unlockExpired(const QStringList &arguments);
    static int audit(const QStringList &arguments);
    static int policy(const QStringList &arguments);
};

} // namespace vigil
