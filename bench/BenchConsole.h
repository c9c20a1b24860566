#pragma once

// The real console (ConsoleController, offscreen or on X11) signed in to a BenchBackend, as the GUI tests
// drive it; the password comes from the backend's data folder instead of a demo the harness made.

#include "ConsoleHarness.h"

#include <QString>

namespace vigil {
class MainWindow;
}

namespace vigil::bench {

class BenchBackend;

class BenchConsole
{
public:
    explicit BenchConsole(const BenchBackend &backend);

    // Pins the certificate, signs in and waits for the main window; nullptr with *error on failure.
    MainWindow *signIn(const QString &username, QString *error);
    // Types `text` into the empty search box and waits for the first result to be selected; its
    // display name, or empty when no result came within `timeoutMs`.
    QString search(const QString &text, int timeoutMs = 20000);
    test::ConsoleHarness &harness() { return m_harness; }

private:
    const BenchBackend &m_backend;
    test::ConsoleHarness m_harness;
};

} // namespace vigil::bench
