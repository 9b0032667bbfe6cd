#include "tickets/slabadge.h"

#include "common/timeformat.h"

#include "models/ticketqueuemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace madoguchi {

QString slaTargetName(SlaStatus::Target target)
{
    switch (target) {
    case SlaStatus::Target::FirstResponse: return SlaBadge::tr("First response");
    case SlaStatus::Target::Resolution: return SlaBadge::tr("Resolution");
    case SlaStatus::Target::None: break;
    }
    return SlaBadge::tr("No SLA target");
}

SlaBadge slaBadge(SlaStatus::State state, qint64 remainingMinutes, const QString &dueText)
{
    const bool far = std::abs(remainingMinutes) >= kCountdownMinutes && !dueText.isEmpty();
    const QString left = far ? SlaBadge::tr("Due %1").arg(dueText)
                             : SlaBadge::tr("%1 left").arg(exactDuration(remainingMinutes * 60, DurationUnit::Minutes));
    switch (state) {
    case SlaStatus::State::OnTrack: return {left, QColor(0x2e, 0x7d, 0x32), Qt::white};
    case SlaStatus::State::Warning: return {left, QColor(0xf9, 0xa8, 0x25), QColor(0x3e, 0x2c, 0x00)};
    case SlaStatus::State::Breached:
        return {far ? SlaBadge::tr("Overdue since %1").arg(dueText)
                    : SlaBadge::tr("Overdue %1").arg(exactDuration(remainingMinutes * 60, DurationUnit::Minutes)),
                QColor(0xc6, 0x28, 0x28), Qt::white};
    case SlaStatus::State::Paused: return {SlaBadge::tr("Paused"), QColor(0x75, 0x75, 0x75), Qt::white};
    case SlaStatus::State::Met: return {SlaBadge::tr("Met"), QColor(0x15, 0x65, 0xc0), Qt::white};
    case SlaStatus::State::MetLate: return {SlaBadge::tr("Missed"), QColor(0x6d, 0x4c, 0x41), Qt::white};
    case SlaStatus::State::None: break;
    }
    return {};
}

void SlaBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The row's background and selection, without its text.
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, widget);

    const auto state = SlaStatus::State(index.data(TicketQueueModel::SlaStateRole).toInt());
    const SlaBadge badge = slaBadge(state, index.data(TicketQueueModel::SlaRemainingRole).toLongLong(),
                                    index.data(TicketQueueModel::SlaDueTextRole).toString());
    if (badge.text.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.92);
    font.setBold(state == SlaStatus::State::Breached || state == SlaStatus::State::Warning);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 4);
    const int width = std::min(option.rect.width() - 8, metrics.horizontalAdvance(badge.text) + 14);
    const QRect pill(option.rect.left() + 4, option.rect.center().y() - height / 2, width, height);
    QPainterPath path;
    path.addRoundedRect(pill, height / 2.0, height / 2.0);
    painter->fillPath(path, badge.background);
    painter->setPen(badge.foreground);
    painter->drawText(pill, Qt::AlignCenter, metrics.elidedText(badge.text, Qt::ElideRight, pill.width() - 10));
    painter->restore();
}

QSize SlaBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(),
                           option.fontMetrics.horizontalAdvance(QStringLiteral("Overdue since 26 Nov 16:00")) + 24));
    return size;
}

SlaBadgeLabel::SlaBadgeLabel(QWidget *parent)
    : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    hide();
}

void SlaBadgeLabel::setStatus(const SlaStatus &status, const QString &dueText)
{
    const SlaBadge badge = slaBadge(status.state, status.remainingMinutes, dueText);
    setVisible(!badge.text.isEmpty());
    if (badge.text.isEmpty())
        return;
    setText(QStringLiteral("%1 · %2").arg(slaTargetName(status.target), badge.text));
    setStyleSheet(QStringLiteral(
                      "QLabel { background: %1; color: %2; border-radius: 10px; padding: 3px 10px; font-weight: 600; }")
                      .arg(badge.background.name(), badge.foreground.name()));
    setAccessibleName(text());
}

} // namespace madoguchi
