#pragma once

#include <QStringList>

namespace vigil {

// `vigil-server device enroll --data DIR --profile ID --public-key BASE64 --name NAME`.
class DeviceCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vigil
