#pragma once

#include <QMessageBox>
#include <QString>
#include <functional>

namespace vigil {

// Every message box and question the console asks goes through here. Dialogs are shown
// window-modal with open() (never exec(), which would nest an event loop) and answer through a
// callback. Tests install an answerer so no dialog ever waits for a human.
class DialogSeam
{
public:
    using Answer = std::function<void(QMessageBox::StandardButton)>;
    // A test hook: given the dialog's title and text, returns the button to press.
    using Answerer = std::function<QMessageBox::StandardButton(const QString &title, const QString &text)>;

    static void ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                    Answer answer);
    static void inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);

    static void setTestAnswerer(Answerer answerer); // empty function: back to real dialogs
    // Title and text of every dialog asked since the last call (tests read and clear it).
    static QStringList takeAsked();
};

} // namespace vigil
