#include "DialogSeam.h"

#include <QPointer>
#include <QTimer>

namespace vigil {

namespace {
DialogSeam::Answerer &testAnswerer()
{
    static DialogSeam::Answerer answerer;
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
