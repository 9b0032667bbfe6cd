#include "settings/settingspage.h"

#include "config/appsettings.h"
#include "domain/entities.h"
#include "domain/phonenumber.h"
#include "domain/slapolicy.h"
#include "kit/appearance.h"
#include "kit/formstyle.h"
#include "people/peoplepage.h"
#include "storage/databaseinfo.h"
#include "sync/credentialstore.h"
#include "teamsync/serversettingswidget.h"

#include "ui_settingspage.h"

#include <QCollator>
#include <QCompleter>
#include <QDir>
#include <QFileDialog>
#include <QLocale>

#include <algorithm>

namespace madoguchi {

SettingsPage::SettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SettingsPage>())
{
    m_ui->setupUi(this);
    stylePageTitle(m_ui->titleLabel);
    connect(m_ui->agentHint, &QLabel::linkActivated, this, &SettingsPage::showPeople);

    // Language names are shown in their own language, as users look for them.
    m_ui->languageCombo->addItem(tr("System default"), QString());
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_ui->languageCombo->setCurrentIndex(std::max(0, m_ui->languageCombo->findData(AppSettings::language())));
    m_ui->languageHint->hide();
    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, [this] {
        AppSettings::setLanguage(m_ui->languageCombo->currentData().toString());
        m_ui->languageHint->setText(tr("The new language is used the next time Madoguchi starts."));
        m_ui->languageHint->show();
    });

    // Applied at once: every page, chart and card follows the palette.
    m_ui->appearanceCombo->addItem(tr("Light"), appearanceKey(Appearance::Light));
    m_ui->appearanceCombo->addItem(tr("Dark"), appearanceKey(Appearance::Dark));
    m_ui->appearanceCombo->setCurrentIndex(std::max(0, m_ui->appearanceCombo->findData(AppSettings::appearance())));
    connect(m_ui->appearanceCombo, &QComboBox::activated, this, [this] {
        const QString key = m_ui->appearanceCombo->currentData().toString();
        AppSettings::setAppearance(key);
        applyAppearance(appearanceFromKey(key));
    });

    connect(m_ui->agentCombo, &QComboBox::activated, this,
            [this] { emit agentChosen(m_ui->agentCombo->currentData().toUuid()); });

    populateRegions();
    connect(m_ui->regionCombo, &QComboBox::currentIndexChanged, this, [this] {
        AppSettings::setPhoneRegion(m_ui->regionCombo->currentData().toString());
        updateRegionHint();
    });
    updateRegionHint();
    populateTimeZones();

    m_ui->locationEdit->setText(QDir::toNativeSeparators(AppSettings::dataDirectory()));
    m_ui->locationHint->setText(tr("Madoguchi opens the database in this folder the next time it starts. "
                                   "Existing files are not moved."));
    connect(m_ui->locationEdit, &QLineEdit::editingFinished, this,
            [this] { applyDataDirectory(QDir::fromNativeSeparators(m_ui->locationEdit->text().trimmed())); });
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose the data folder"),
                                                              AppSettings::dataDirectory());
        if (!dir.isEmpty())
            applyDataDirectory(dir);
    });
    connect(m_ui->defaultButton, &QPushButton::clicked, this, [this] { applyDataDirectory(QString()); });
    m_credentials = std::make_unique<KeychainStore>();
    m_server = new ServerSettingsWidget(m_credentials.get(), m_ui->syncBox);
    m_ui->syncLayout->addWidget(m_server);
    // The page scrolls rather than squeezing its forms on a small screen.
    m_ui->layout->setSizeConstraint(QLayout::SetMinimumSize);

    m_people = new PeoplePage(m_ui->tabs);
    m_ui->tabs->addTab(m_people, tr("People and teams"));

    connect(m_ui->checkButton, &QPushButton::clicked, this, [this] {
        m_ui->checkButton->setEnabled(false);
        m_ui->checkResult->setText(tr("Checking…"));
        emit integrityCheckRequested();
    });
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::showServerSettings()
{
    m_ui->tabs->setCurrentWidget(m_ui->preferencesTab);
    m_ui->syncBox->setFocus();
    if (auto *first = m_ui->syncBox->findChild<QLineEdit *>(QStringLiteral("hostEdit")))
        first->setFocus();
}

void SettingsPage::populateRegions()
{
    struct Region
    {
        QString code;
        QString name;
    };
    QList<Region> regions;
    for (const QString &code : supportedPhoneRegions()) {
        // Each region in its own language ("日本", "United States", "Deutschland"):
        // Qt 6.4 has no territory names translated into the UI language.
        const QLocale::Territory territory = QLocale::codeToTerritory(code);
        const QString native = territory == QLocale::AnyTerritory
                                   ? QString()
                                   : QLocale(QLocale::AnyLanguage, territory).nativeTerritoryName();
        const QString name = native.isEmpty()
                                 ? (territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory))
                                 : native;
        regions.append({code, name});
    }
    QCollator collator;
    std::sort(regions.begin(), regions.end(),
              [&](const Region &a, const Region &b) { return collator.compare(a.name, b.name) < 0; });
    const QString current = AppSettings::phoneRegion();
    for (const Region &r : std::as_const(regions))
        m_ui->regionCombo->addItem(QStringLiteral("%1 (%2)").arg(r.name, r.code), r.code);
    m_ui->regionCombo->setCurrentIndex(std::max(0, m_ui->regionCombo->findData(current)));
}

void SettingsPage::updateRegionHint()
{
    const QString region = m_ui->regionCombo->currentData().toString();
    const PhoneNumber example = examplePhoneNumber(region);
    m_ui->regionHint->setText(
        example.isNull() ? tr("Numbers without a country code are read as numbers of this region.")
                         : tr("Numbers without a country code are read as numbers of this region: %1 is stored as %2.")
                               .arg(example.nationalFormat(), example.e164()));
}

void SettingsPage::populateTimeZones()
{
    QComboBox *combo = m_ui->timeZoneCombo;
    combo->addItem(tr("Automatic"), QString());
    for (const QString &id : calendarTimeZoneIds())
        combo->addItem(id, id);
    combo->setCurrentIndex(std::max(0, combo->findData(AppSettings::timeZone())));
    // Typing any part of a name offers the zones that contain it ("tokyo", "new_y").
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(combo, &QComboBox::activated, this, &SettingsPage::applyTimeZoneChoice);
    connect(combo->lineEdit(), &QLineEdit::editingFinished, this, &SettingsPage::applyTimeZoneChoice);
    m_ui->timeZoneHint->setText(tr("Every time Madoguchi shows or asks for is in this zone. Automatic follows your "
                                   "team's zone, or the default service-hours calendar's."));
}

void SettingsPage::applyTimeZoneChoice()
{
    QComboBox *combo = m_ui->timeZoneCombo;
    const int index = combo->findText(combo->currentText(), Qt::MatchFixedString);
    // Text that names no zone goes back to the zone that is set.
    combo->setCurrentIndex(index >= 0 ? index : std::max(0, combo->findData(AppSettings::timeZone())));
    const QString id = combo->currentData().toString();
    if (index < 0 || id == AppSettings::timeZone())
        return;
    AppSettings::setTimeZone(id);
    emit timeZoneChosen();
}

void SettingsPage::setAutomaticTimeZone(const QTimeZone &zone)
{
    m_ui->timeZoneCombo->setItemText(0, tr("Automatic (%1)").arg(QString::fromLatin1(zone.id())));
}

void SettingsPage::applyDataDirectory(const QString &directory)
{
    AppSettings::setDataDirectory(directory);
    m_ui->locationEdit->setText(QDir::toNativeSeparators(AppSettings::dataDirectory()));
}

void SettingsPage::setDatabaseInfo(const DatabaseInfo &info)
{
    const QLocale locale;
    m_ui->openValue->setText(QDir::toNativeSeparators(info.path));
    m_ui->schemaValue->setText(info.schemaVersion == info.latestSchemaVersion
                                   ? tr("%1 (current)").arg(info.schemaVersion)
                                   : tr("%1 of %2").arg(info.schemaVersion).arg(info.latestSchemaVersion));
    m_ui->sizeValue->setText(locale.formattedDataSize(info.sizeBytes));
}

void SettingsPage::showYou()
{
    m_ui->tabs->setCurrentWidget(m_ui->preferencesTab);
    m_ui->agentCombo->setFocus();
}

void SettingsPage::showPeople()
{
    m_ui->tabs->setCurrentWidget(m_people);
}

void SettingsPage::setAgents(const QList<Agent> &agents, const QUuid &current, bool decidedByServer)
{
    m_ui->agentCombo->clear();
    m_ui->agentCombo->addItem(tr("(nobody chosen)"), QUuid());
    for (const Agent &a : agents) {
        if (a.active)
            m_ui->agentCombo->addItem(QStringLiteral("%1 — %2").arg(a.name, displayName(a.role)), a.id);
    }
    m_ui->agentCombo->setCurrentIndex(std::max(0, m_ui->agentCombo->findData(current)));
    m_ui->agentCombo->setEnabled(!decidedByServer && !agents.isEmpty());
    m_ui->agentHint->setText(
        decidedByServer    ? tr("Your login on the team server decides who you are: calls you log and changes "
                                   "you make are recorded under its name.")
        : agents.isEmpty() ? tr("Nobody is set up in this database yet: add yourself and your team under "
                                "<a href=\"people\">People and teams</a>, then choose yourself here.")
                           : tr("Calls you log and changes you make are recorded under this name in this "
                                "database."));
}

void SettingsPage::setCheckResult(const QString &message, bool healthy)
{
    m_ui->checkButton->setEnabled(true);
    m_ui->checkResult->setText(message);
    QPalette palette = m_ui->checkResult->palette();
    palette.setColor(QPalette::WindowText, healthy ? QColor(0x1E, 0x7B, 0x34) : QColor(0xB0, 0x20, 0x20));
    m_ui->checkResult->setPalette(palette);
}

} // namespace madoguchi
