#pragma once

#include "domain/slapolicy.h"

#include <QColor>
#include <QCoreApplication>
#include <QLabel>
#include <QStyledItemDelegate>

namespace madoguchi {

// How an SLA state looks wherever it is shown: a coloured pill with the
// business time left ("2 h 15 min left"), the overdue time, or the outcome.
struct SlaBadge
{
    QString text;
    QColor background;
    QColor foreground;

    Q_DECLARE_TR_FUNCTIONS(SlaBadge)
};
// Close to the deadline the badge counts business time ("2 h 15 min left",
// "Overdue 40 min"); further away it names the time ("Due 26 Nov 16:00",
// "Overdue since 7 Oct"), which reads better than hundreds of hours.
SlaBadge slaBadge(SlaStatus::State state, qint64 remainingMinutes, const QString &dueText = {});
inline constexpr qint64 kCountdownMinutes = 8 * 60;
QString slaTargetName(SlaStatus::Target target);

// Paints the badge of TicketQueueModel::SlaStateRole/SlaRemainingRole.
class SlaBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// The same badge as a label, for the ticket view.
class SlaBadgeLabel : public QLabel
{
    Q_OBJECT

public:
    explicit SlaBadgeLabel(QWidget *parent = nullptr);
    void setStatus(const SlaStatus &status, const QString &dueText = {});
};

} // namespace madoguchi
