#pragma once

#include <QStringList>

namespace vigil {

// `vigil-server notify show|set --data DIR [smtp_url=… smtp_from=… sms_webhook=…]`.
class NotifyCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace vigil
