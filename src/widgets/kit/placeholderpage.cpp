#include "kit/placeholderpage.h"

#include "ui_placeholderpage.h"

#include <QFormLayout>
#include <QLabel>

namespace madoguchi {

void stylePageTitle(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    label->setAccessibleName(label->text());
}

PlaceholderPage::PlaceholderPage(const QString &title, const QString &summary, const QStringList &coming,
                                 QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PlaceholderPage>())
{
    m_ui->setupUi(this);
    m_ui->titleLabel->setText(title);
    stylePageTitle(m_ui->titleLabel);
    m_ui->summaryLabel->setText(summary);
    QStringList items;
    for (const QString &item : coming)
        items << QStringLiteral("<li style=\"margin-bottom:4px\">%1</li>").arg(item.toHtmlEscaped());
    m_ui->comingLabel->setText(QStringLiteral("<ul style=\"margin-left:-20px\">%1</ul>").arg(items.join(QString())));
    m_ui->dataBox->hide();
}

PlaceholderPage::~PlaceholderPage() = default;

void PlaceholderPage::setFacts(const QList<std::pair<QString, QString>> &facts)
{
    auto *layout = static_cast<QFormLayout *>(m_ui->dataBox->layout());
    while (layout->rowCount() > 0)
        layout->removeRow(0);
    for (const auto &[label, value] : facts) {
        auto *valueLabel = new QLabel(value);
        QFont bold = valueLabel->font();
        bold.setBold(true);
        valueLabel->setFont(bold);
        layout->addRow(label, valueLabel);
    }
    m_ui->dataBox->setVisible(!facts.isEmpty());
}

QStringList PlaceholderPage::facts() const
{
    QStringList out;
    auto *layout = static_cast<QFormLayout *>(m_ui->dataBox->layout());
    for (int row = 0; row < layout->rowCount(); ++row) {
        auto *label = qobject_cast<QLabel *>(layout->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(layout->itemAt(row, QFormLayout::FieldRole)->widget());
        out << label->text() + u' ' + value->text();
    }
    return out;
}

} // namespace madoguchi
