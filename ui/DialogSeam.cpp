#include "DialogSeam.h"

#include "SecureMemory.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpressionValidator>
#include <QTimer>

namespace vigil {

namespace {
DialogSeam::Answerer &testAnswerer()
{
    static DialogSeam::Answerer answerer;
    return answerer;
}

DialogSeam::TextAnswerer &testTextAnswerer()
{
    static DialogSeam::TextAnswerer answerer;
    return answerer;
}

QStringList &askedDialogs()
{
    static QStringList asked;
    return asked;
}
} // namespace

void DialogSeam::ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                     QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                     Answer answer)
{
    if (testAnswerer()) {
        askedDialogs().append(title + QLatin1Char('\n') + text);
        const QMessageBox::StandardButton button = testAnswerer()(title, text);
        // Answer later, like a real dialog would: callers must not depend on a synchronous reply.
        const QPointer<QWidget> guard(parent);
        const bool hadParent = parent != nullptr;
        QTimer::singleShot(0, [guard, hadParent, button, answer = std::move(answer)] {
            if (hadParent && !guard)
                return; // the asking window is gone, as a real window-modal box would be
            if (answer)
                answer(button);
        });
        return;
    }

    auto *box = new QMessageBox(icon, title, text, buttons, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(defaultButton);
    box->setWindowModality(Qt::WindowModal);
    box->setAccessibleName(title);
    box->setAccessibleDescription(text);
    QObject::connect(box, &QMessageBox::finished, box, [box, answer = std::move(answer)](int) {
        QAbstractButton *clicked = box->clickedButton();
        const QMessageBox::StandardButton button =
                clicked ? box->standardButton(clicked) : QMessageBox::Cancel;
        if (answer)
            answer(button == QMessageBox::NoButton ? QMessageBox::Cancel : button);
    });
    box->open();
}

void DialogSeam::inform(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    ask(parent, icon, title, text, QMessageBox::Ok, QMessageBox::Ok, {});
}

void DialogSeam::askCode(QWidget *parent, const QString &title, const QString &label, TextAnswer answer)
{
    if (testTextAnswerer()) {
        askedDialogs().append(title + QLatin1Char('\n') + label);
        std::optional<QString> typed = testTextAnswerer()(title, label);
        const QPointer<QWidget> guard(parent);
        const bool hadParent = parent != nullptr;
        QTimer::singleShot(
                0, [guard, hadParent, typed = std::move(typed), answer = std::move(answer)]() mutable {
                    if (hadParent && !guard)
                        return;
                    QString text = typed.value_or(QString());
                    if (answer)
                        answer(typed.has_value(), text);
                    SecureMemory::wipe(text);
                });
        return;
    }

    auto *dialog = new QInputDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setAccessibleName(title);
    dialog->setAccessibleDescription(label);
    if (auto *edit = dialog->findChild<QLineEdit *>()) {
        edit->setAccessibleName(label);
        // Digits, and the spaces people type in "123 456".
        edit->setValidator(
                new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,12}")), edit));
        edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, answer = std::move(answer)](int result) {
        QString text = dialog->textValue();
        dialog->setTextValue(QString());
        if (answer)
            answer(result == QDialog::Accepted, text);
        SecureMemory::wipe(text);
    });
    dialog->open();
}

void DialogSeam::setTestTextAnswerer(TextAnswerer answerer)
{
    testTextAnswerer() = std::move(answerer);
}

void DialogSeam::setTestAnswerer(Answerer answerer)
{
    testAnswerer() = std::move(answerer);
}

QStringList DialogSeam::takeAsked()
{
    QStringList asked;
    asked.swap(askedDialogs());
    return asked;
}

} // namespace vigil
