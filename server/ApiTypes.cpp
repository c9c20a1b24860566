#include "ApiTypes.h"

namespace vigil {

QString roleName(Role role)
{
    switch (role) {
    case Role::Technician:
        return QStringLiteral("technician");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Auditor:
        return QStringLiteral("auditor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

bool isKnownRole(const QString &name)
{
    for (auto role : {Role::Technician, Role::Supervisor, Role::Auditor, Role::Admin}) {
        if (name == roleName(role))
            return true;
    }
    return false;
}

bool AgentIdentity::hasRole(Role role) const
{
    return roles.contains(roleName(role));
}

bool AgentIdentity::hasAnyRole(std::initializer_list<Role> wanted) const
{
    for (auto role : wanted) {
        if (hasRole(role))
            return true;
    }
    return false;
}

} // namespace vigil
