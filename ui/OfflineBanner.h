#pragma once

#include "PolicyCache.h"

#include <QFrame>
#include <optional>

class QLabel;

namespace vigil {

// Shown across the top of the main window while the server cannot be reached: the console works
// read-only from the cached policy and reconnects by itself (fail closed, DESIGN principle 8).
class OfflineBanner : public QFrame
{
    Q_OBJECT
public:
    explicit OfflineBanner(QWidget *parent = nullptr);

    void setPolicy(const std::optional<PolicyCache::Entry> &policy);
    QString message() const;
    QString policySummary() const;

    static QString summarize(const std::optional<PolicyCache::Entry> &policy);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_message = nullptr;
    QLabel *m_policy = nullptr;
    std::optional<PolicyCache::Entry> m_entry;
};

} // namespace vigil
