#pragma once

#include <QDialog>

class QAction;
class QTableWidget;

namespace madoguchi {

// Lists every action that has a shortcut, as the menus define them, so the
// list can never drift from what the keys actually do.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table = nullptr;
};

} // namespace madoguchi
