#pragma once

#include <QFrame>
#include <QUuid>

class QLabel;
class QTimer;

namespace madoguchi {

// A notification inside the window (when the desktop offers none): title,
// text and an Open button, in the window's lower right corner for a while.
class Toast : public QFrame
{
    Q_OBJECT

public:
    explicit Toast(QWidget *parent);

    void showMessage(const QString &title, const QString &body, const QUuid &ticketId);
    QString title() const;

signals:
    void openRequested(const QUuid &ticketId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QTimer *m_hide = nullptr;
    QUuid m_ticket;
};

} // namespace madoguchi
