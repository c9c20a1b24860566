// Placeholder until the console lands (issue 3 in progress).
#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return 0;
}
