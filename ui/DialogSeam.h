#pragma once

#include <QMessageBox>
#include <QString>
#include <functional>
#include <optional>

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

    // A short secret to type, such as a one-time code: `answer` gets accepted=false on Cancel, else
    // the text, which it should wipe once used (the dialog has dropped its own copy by then).
    using TextAnswer = std::function<void(bool accepted, QString &text)>;
    // A test hook: given the title and label, returns the text typed, or nullopt for Cancel.
    using TextAnswerer = std::function<std::optional<QString>(const QString &title, const QString &label)>;
    static void askCode(QWidget *parent, const QString &title, const QString &label, TextAnswer answer);

    static void setTestAnswerer(Answerer answerer); // empty function: back to real dialogs
    static void setTestTextAnswerer(TextAnswerer answerer);
    // Title and text of every dialog asked since the last call (tests read and clear it).
    static QStringList takeAsked();
};

} // namespace vigil
