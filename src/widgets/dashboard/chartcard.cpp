#include "dashboard/chartcard.h"

#include "io/csvwriter.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace madoguchi {

ChartCard::ChartCard(const QString &title, QWidget *body, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_body(body)
    , m_header(new QHBoxLayout)
    , m_menuButton(new QToolButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(4);
    QFont bold = m_title->font();
    bold.setWeight(QFont::DemiBold);
    m_title->setFont(bold);
    m_header->addWidget(m_title, 1);
    m_menuButton->setText(QStringLiteral("⋯"));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; width: 0; }"));
    m_menuButton->setToolTip(tr("Save or export this chart"));
    m_menuButton->setAccessibleName(tr("Chart menu: %1").arg(title));
    auto *menu = new QMenu(m_menuButton);
    menu->addAction(tr("Save as &Image…"), this, &ChartCard::chooseAndSaveImage);
    menu->addAction(tr("Export &Data as CSV…"), this, &ChartCard::chooseAndExportCsv);
    m_menuButton->setMenu(menu);
    m_header->addWidget(m_menuButton);
    layout->addLayout(m_header);
    body->setParent(this);
    layout->addWidget(body, 1);
}

void ChartCard::paintEvent(QPaintEvent *)
{
    paintCard(this, false);
}

void paintCard(QWidget *widget, bool emphasized)
{
    // Painted, not styled: a style sheet resolves palette() colours once,
    // and the card must follow a switch to the dark palette.
    QPainter p(widget);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = widget->palette();
    p.setPen(QPen(emphasized ? pal.color(QPalette::Highlight) : pal.color(QPalette::Midlight), 1));
    p.setBrush(pal.base());
    p.drawRoundedRect(QRectF(widget->rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
}

QString ChartCard::title() const
{
    return m_title->text();
}

void ChartCard::addHeaderWidget(QWidget *widget)
{
    m_header->insertWidget(m_header->count() - 1, widget);
}

QString ChartCard::suggestedFileName(const QString &suffix) const
{
    QString name = title();
    // Characters file systems refuse, or that confuse shells.
    static const QString unsafe = QStringLiteral("/\\\\:*?\"<>|");
    for (QChar &c : name) {
        if (unsafe.contains(c))
            c = u'-';
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(dir).filePath(name + u'.' + suffix);
}

QString ChartCard::saveImage(const QString &path) const
{
    // Twice the pixels of the screen picture, for slides and printouts.
    const qreal scale = 2.0;
    QPixmap picture(m_body->size() * scale);
    picture.setDevicePixelRatio(scale);
    picture.fill(palette().color(QPalette::Base));
    m_body->render(&picture, QPoint(), QRegion(), QWidget::DrawChildren);
    if (!picture.save(path, "PNG"))
        return tr("Could not save the picture to %1.").arg(QDir::toNativeSeparators(path));
    return {};
}

QString ChartCard::exportCsv(const QString &path) const
{
    const auto written = csv::write(path, table());
    return written ? QString() : written.error().message;
}

void ChartCard::chooseAndSaveImage()
{
    const QString path = QFileDialog::getSaveFileName(window(), tr("Save Chart as Image"),
                                                      suggestedFileName(QStringLiteral("png")),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveImage(path); !error.isEmpty())
        QMessageBox::warning(window(), tr("Save Chart as Image"), error);
}

void ChartCard::chooseAndExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(window(), tr("Export Chart Data"),
                                                      suggestedFileName(QStringLiteral("csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(window(), tr("Export Chart Data"), error);
}

} // namespace madoguchi
