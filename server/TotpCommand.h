#pragma once

#include <QStringList>

namespace vigil {

// `vigil-server totp enroll --data DIR --profile ID`: a new TOTP secret for a profile, shown once.
class TotpCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vigil
