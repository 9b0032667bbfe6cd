#include "kit/toast.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace madoguchi {

namespace {

constexpr int kVisibleMs = 15'000;

} // namespace

Toast::Toast(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("toast"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("QFrame#toast { background: palette(base); border: 1px solid palette(mid); "
                                 "border-left: 5px solid #f9a825; border-radius: 6px; }"));
    setAccessibleName(tr("Notification"));
    auto *layout = new QHBoxLayout(this);
    auto *texts = new QVBoxLayout;
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_body = new QLabel(this);
    m_body->setWordWrap(true);
    texts->addWidget(m_title);
    texts->addWidget(m_body);
    layout->addLayout(texts, 1);
    auto *open = new QPushButton(tr("Open"), this);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Dismiss"));
    layout->addWidget(open);
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(open, &QPushButton::clicked, this, [this] {
        hide();
        emit openRequested(m_ticket);
    });
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_hide = new QTimer(this);
    m_hide->setSingleShot(true);
    m_hide->setInterval(kVisibleMs);
    connect(m_hide, &QTimer::timeout, this, &QWidget::hide);
    parent->installEventFilter(this);
    hide();
}

void Toast::showMessage(const QString &title, const QString &body, const QUuid &ticketId)
{
    m_title->setText(title);
    m_body->setText(body);
    m_ticket = ticketId;
    setFixedWidth(380);
    adjustSize();
    place();
    show();
    raise();
    m_hide->start();
}

QString Toast::title() const
{
    return isVisible() ? m_title->text() : QString();
}

void Toast::place()
{
    const QWidget *host = parentWidget();
    move(host->width() - width() - 16, host->height() - height() - 16);
}

bool Toast::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        place();
    return QFrame::eventFilter(watched, event);
}

} // namespace madoguchi
