#include "shell/aboutdialog.h"

#include "kit/icons.h"

#include "ui_aboutdialog.h"

#include <QDir>
#include <QSysInfo>

namespace madoguchi {

AboutDialog::AboutDialog(const QString &databasePath, int schemaVersion, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->iconLabel->setPixmap(icons::applicationIcon().pixmap(64, 64));
    QFont title = m_ui->nameLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.8);
    title.setBold(true);
    m_ui->nameLabel->setFont(title);
    m_ui->nameLabel->setText(tr("Madoguchi 窓口"));
    m_ui->versionLabel->setText(tr("Version %1").arg(QStringLiteral(MADOGUCHI_VERSION)));
    m_ui->detailsLabel->setText(
        tr("Qt %1 on %2\nDatabase: %3 (schema %4)")
            .arg(QString::fromLatin1(qVersion()), QSysInfo::prettyProductName(), QDir::toNativeSeparators(databasePath))
            .arg(schemaVersion));
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

AboutDialog::~AboutDialog() = default;

} // namespace madoguchi
