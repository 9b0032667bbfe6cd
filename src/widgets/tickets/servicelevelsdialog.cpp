#include "tickets/servicelevelsdialog.h"

#include "config/displaytimezone.h"
#include "kit/formstyle.h"
#include "kit/weekhoursedit.h"
#include "repositories/categoryrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/slarepository.h"
#include "services/slaengine.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include "ui_servicelevelsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr std::array<Priority, 4> kPriorityRows{Priority::Urgent, Priority::High, Priority::Normal, Priority::Low};

QDoubleSpinBox *hoursBox(QWidget *parent, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 8760);
    box->setDecimals(2);
    box->setSingleStep(0.5);
    box->setSuffix(ServiceLevelsDialog::tr(" h"));
    box->setSpecialValueText(ServiceLevelsDialog::tr("No target"));
    box->setAccessibleName(name);
    box->setMinimumWidth(120);
    return box;
}

std::optional<int> minutesOf(const QDoubleSpinBox *box)
{
    const int minutes = int(std::lround(box->value() * 60));
    return minutes > 0 ? std::optional(minutes) : std::nullopt;
}

QString policyTitle(const SlaPolicy &p)
{
    return p.isDefault ? ServiceLevelsDialog::tr("%1 (default)").arg(p.name) : p.name;
}

} // namespace

ServiceLevelsDialog::ServiceLevelsDialog(const Database &database, const QUuid &agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ServiceLevelsDialog>())
    , m_database(database)
    , m_agent(agent)
{
    m_ui->setupUi(this);
    makeErrorLabel(m_ui->errorLabel);
    buildTargetsGrid();
    buildWeekGrid();
    m_ui->timeZoneCombo->addItems(calendarTimeZoneIds());
    m_ui->closureDate->setDate(QDateTime::currentDateTimeUtc().toTimeZone(displayTimeZone(database)).date());
    load();

    connect(m_ui->policyList, &QListWidget::currentRowChanged, this, [this](int row) {
        storePolicy();
        showPolicy(row);
    });
    connect(m_ui->calendarList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeCalendar();
        showCalendar(row);
    });
    connect(m_ui->policyNameEdit, &QLineEdit::textEdited, this, &ServiceLevelsDialog::markPolicyDirty);
    connect(m_ui->policyCalendarCombo, &QComboBox::currentIndexChanged, this, &ServiceLevelsDialog::markPolicyDirty);
    connect(m_ui->defaultCheck, &QCheckBox::toggled, this, &ServiceLevelsDialog::markPolicyDirty);
    connect(m_ui->calendarNameEdit, &QLineEdit::textEdited, this, &ServiceLevelsDialog::markCalendarDirty);
    connect(m_ui->timeZoneCombo, &QComboBox::currentIndexChanged, this, &ServiceLevelsDialog::markCalendarDirty);
    connect(m_ui->japaneseHolidaysCheck, &QCheckBox::toggled, this, &ServiceLevelsDialog::markCalendarDirty);

    connect(m_ui->addPolicyButton, &QPushButton::clicked, this, &ServiceLevelsDialog::addPolicy);
    connect(m_ui->copyPolicyButton, &QPushButton::clicked, this, &ServiceLevelsDialog::copyPolicy);
    connect(m_ui->addCalendarButton, &QPushButton::clicked, this, &ServiceLevelsDialog::addCalendar);
    connect(m_ui->addClosureButton, &QPushButton::clicked, this, &ServiceLevelsDialog::addClosure);
    connect(m_ui->removeClosureButton, &QPushButton::clicked, this, [this] {
        delete m_ui->closureList->currentItem();
        markCalendarDirty();
    });
    connect(m_ui->addCategoryButton, &QPushButton::clicked, this, [this] {
        addCategory(m_ui->newCategoryEdit->text());
        m_ui->newCategoryEdit->clear();
    });
    connect(m_ui->newCategoryEdit, &QLineEdit::returnPressed, m_ui->addCategoryButton, &QPushButton::click);
    connect(m_ui->categoryList, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            m_categoriesChanged = true;
    });
    connect(m_ui->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &ServiceLevelsDialog::save);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &ServiceLevelsDialog::reject);
}

ServiceLevelsDialog::~ServiceLevelsDialog() = default;

void ServiceLevelsDialog::addPolicy()
{
    storePolicy();
    SlaPolicy p;
    p.name = tr("New policy");
    p.calendarId = m_calendars.isEmpty() ? QUuid() : m_calendars.first().id;
    p.firstResponse = {480, 240, 60, 30};
    p.resolution = {2700, 1620, 540, 240};
    m_policies.append(p);
    m_dirtyPolicies.insert(int(m_policies.size() - 1));
    refreshLists();
    m_ui->policyList->setCurrentRow(int(m_policies.size() - 1));
    m_ui->policyNameEdit->setFocus();
    m_ui->policyNameEdit->selectAll();
}

void ServiceLevelsDialog::copyPolicy()
{
    if (m_policyRow < 0)
        return;
    storePolicy();
    SlaPolicy p = m_policies.at(m_policyRow);
    p.id = QUuid();
    p.isDefault = false;
    p.name = tr("Copy of %1").arg(p.name);
    m_policies.append(p);
    m_dirtyPolicies.insert(int(m_policies.size() - 1));
    refreshLists();
    m_ui->policyList->setCurrentRow(int(m_policies.size() - 1));
}

void ServiceLevelsDialog::addCalendar()
{
    storeCalendar();
    Calendar c = Calendar::japanStandard();
    c.name = tr("New calendar");
    m_calendars.append(c);
    m_dirtyCalendars.insert(int(m_calendars.size() - 1));
    refreshLists();
    m_ui->calendarList->setCurrentRow(int(m_calendars.size() - 1));
}

void ServiceLevelsDialog::addClosure()
{
    const QDate d = m_ui->closureDate->date();
    // In date order: the list shows long localised dates, which do not sort as text.
    int row = 0;
    for (; row < m_ui->closureList->count(); ++row) {
        const QDate listed = m_ui->closureList->item(row)->data(Qt::UserRole).toDate();
        if (listed == d)
            return;
        if (listed > d)
            break;
    }
    auto *item = new QListWidgetItem(QLocale().toString(d, QLocale::LongFormat));
    item->setData(Qt::UserRole, d);
    m_ui->closureList->insertItem(row, item);
    markCalendarDirty();
}

void ServiceLevelsDialog::buildTargetsGrid()
{
    auto *grid = static_cast<QGridLayout *>(m_ui->targetsBox->layout());
    grid->addWidget(new QLabel(tr("Priority"), m_ui->targetsBox), 0, 0);
    grid->addWidget(new QLabel(tr("First response"), m_ui->targetsBox), 0, 1);
    grid->addWidget(new QLabel(tr("Resolution"), m_ui->targetsBox), 0, 2);
    for (std::size_t r = 0; r < kPriorityRows.size(); ++r) {
        const Priority p = kPriorityRows[r];
        const auto i = std::size_t(p);
        grid->addWidget(new QLabel(displayName(p), m_ui->targetsBox), int(r + 1), 0);
        m_firstResponse[i] = hoursBox(m_ui->targetsBox, tr("First response target, %1").arg(displayName(p)));
        m_resolution[i] = hoursBox(m_ui->targetsBox, tr("Resolution target, %1").arg(displayName(p)));
        grid->addWidget(m_firstResponse[i], int(r + 1), 1);
        grid->addWidget(m_resolution[i], int(r + 1), 2);
        connect(m_firstResponse[i], &QDoubleSpinBox::valueChanged, this, &ServiceLevelsDialog::markPolicyDirty);
        connect(m_resolution[i], &QDoubleSpinBox::valueChanged, this, &ServiceLevelsDialog::markPolicyDirty);
    }
    grid->setColumnStretch(3, 1);
}

void ServiceLevelsDialog::buildWeekGrid()
{
    m_week = new WeekHoursEdit(m_ui->weekBox);
    m_ui->weekBox->layout()->addWidget(m_week);
    connect(m_week, &WeekHoursEdit::edited, this, &ServiceLevelsDialog::markCalendarDirty);
}

void ServiceLevelsDialog::buildTeams()
{
    auto *form = m_ui->teamsForm;
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_teamModes.clear();
    for (int t = 0; t < int(m_teams.size()); ++t) {
        auto *combo = new QComboBox(m_ui->teamsTab);
        for (AutoAssign mode : {AutoAssign::None, AutoAssign::RoundRobin, AutoAssign::LeastOpen})
            combo->addItem(displayName(mode), int(mode));
        combo->setCurrentIndex(combo->findData(int(m_teams.at(t).autoAssign)));
        combo->setAccessibleName(tr("Assignment for %1").arg(m_teams.at(t).name));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, t, combo] {
            m_teams[t].autoAssign = AutoAssign(combo->currentData().toInt());
            m_dirtyTeams.insert(t);
        });
        form->addRow(m_teams.at(t).name + u':', combo);
        m_teamModes << combo;
    }
}

void ServiceLevelsDialog::fillCategories()
{
    m_filling = true;
    m_categories = CategoryRepository(m_database.connection()).categories(true).value_or(QList<Category>());
    m_ui->categoryList->clear();
    for (const Category &c : std::as_const(m_categories)) {
        auto *item = new QListWidgetItem(c.displayName, m_ui->categoryList);
        item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        item->setCheckState(c.active ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, c.key);
        item->setToolTip(c.builtIn ? tr("Built in; clear the name to restore the original one.")
                                   : tr("Added by the team"));
    }
    m_categoriesChanged = false;
    m_filling = false;
}

void ServiceLevelsDialog::addCategory(const QString &name)
{
    if (name.trimmed().isEmpty())
        return;
    auto *item = new QListWidgetItem(name.trimmed(), m_ui->categoryList);
    item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_categoriesChanged = true;
}

void ServiceLevelsDialog::load()
{
    SlaRepository repository(m_database.connection());
    m_policies = repository.policies().value_or(QList<SlaPolicy>());
    m_calendars = repository.calendars().value_or(QList<Calendar>());
    m_teams = DirectoryRepository(m_database.connection()).teams().value_or(QList<Team>());
    m_dirtyPolicies.clear();
    m_dirtyCalendars.clear();
    m_dirtyTeams.clear();
    m_policyRow = -1;
    m_calendarRow = -1;
    refreshLists();
    buildTeams();
    fillCategories();
    const QSignalBlocker blockPolicies(m_ui->policyList), blockCalendars(m_ui->calendarList);
    m_ui->policyList->setCurrentRow(m_policies.isEmpty() ? -1 : 0);
    m_ui->calendarList->setCurrentRow(m_calendars.isEmpty() ? -1 : 0);
    showPolicy(m_ui->policyList->currentRow());
    showCalendar(m_ui->calendarList->currentRow());
}

void ServiceLevelsDialog::refreshLists()
{
    const QSignalBlocker blockPolicies(m_ui->policyList), blockCalendars(m_ui->calendarList),
        blockCombo(m_ui->policyCalendarCombo);
    const int policyRow = m_ui->policyList->currentRow();
    const int calendarRow = m_ui->calendarList->currentRow();
    m_ui->policyList->clear();
    for (const SlaPolicy &p : std::as_const(m_policies))
        m_ui->policyList->addItem(policyTitle(p));
    m_ui->calendarList->clear();
    m_ui->policyCalendarCombo->clear();
    for (const Calendar &c : std::as_const(m_calendars)) {
        m_ui->calendarList->addItem(c.name);
        m_ui->policyCalendarCombo->addItem(c.name, QVariant::fromValue(c.id));
    }
    m_ui->policyList->setCurrentRow(policyRow);
    m_ui->calendarList->setCurrentRow(calendarRow);
    if (m_policyRow >= 0 && m_policyRow < m_policies.size())
        m_ui->policyCalendarCombo->setCurrentIndex(
            m_ui->policyCalendarCombo->findData(QVariant::fromValue(m_policies.at(m_policyRow).calendarId)));
}

void ServiceLevelsDialog::showPolicy(int row)
{
    m_policyRow = row;
    const bool valid = row >= 0 && row < m_policies.size();
    m_ui->policyNameEdit->setEnabled(valid);
    m_ui->targetsBox->setEnabled(valid);
    if (!valid)
        return;
    m_filling = true;
    const SlaPolicy &p = m_policies.at(row);
    m_ui->policyNameEdit->setText(p.name);
    m_ui->policyCalendarCombo->setCurrentIndex(m_ui->policyCalendarCombo->findData(QVariant::fromValue(p.calendarId)));
    m_ui->defaultCheck->setChecked(p.isDefault);
    // The default policy stays the default until another one takes its place.
    m_ui->defaultCheck->setEnabled(!p.isDefault);
    for (std::size_t i = 0; i < 4; ++i) {
        m_firstResponse[i]->setValue(p.firstResponse[i].value_or(0) / 60.0);
        m_resolution[i]->setValue(p.resolution[i].value_or(0) / 60.0);
    }
    m_filling = false;
}

void ServiceLevelsDialog::storePolicy()
{
    if (m_policyRow < 0 || m_policyRow >= m_policies.size() || !m_dirtyPolicies.contains(m_policyRow))
        return;
    SlaPolicy &p = m_policies[m_policyRow];
    p.name = m_ui->policyNameEdit->text().trimmed();
    p.calendarId = m_ui->policyCalendarCombo->currentData().toUuid();
    p.isDefault = m_ui->defaultCheck->isChecked();
    for (std::size_t i = 0; i < 4; ++i) {
        p.firstResponse[i] = minutesOf(m_firstResponse[i]);
        p.resolution[i] = minutesOf(m_resolution[i]);
    }
}

void ServiceLevelsDialog::showCalendar(int row)
{
    m_calendarRow = row;
    const bool valid = row >= 0 && row < m_calendars.size();
    m_ui->weekBox->setEnabled(valid);
    if (!valid)
        return;
    m_filling = true;
    const Calendar &c = m_calendars.at(row);
    m_ui->calendarNameEdit->setText(c.name);
    m_ui->timeZoneCombo->setCurrentIndex(m_ui->timeZoneCombo->findText(c.timeZone));
    m_week->setWeek(c.week);
    m_ui->japaneseHolidaysCheck->setChecked(c.japaneseHolidays);
    m_ui->closureList->clear();
    // In date order, however they were stored (a sync or the CLI may not sort).
    QList<QDate> closures = c.extraHolidays;
    std::sort(closures.begin(), closures.end());
    closures.erase(std::unique(closures.begin(), closures.end()), closures.end());
    for (const QDate &d : std::as_const(closures)) {
        auto *item = new QListWidgetItem(QLocale().toString(d, QLocale::LongFormat), m_ui->closureList);
        item->setData(Qt::UserRole, d);
    }
    m_filling = false;
}

void ServiceLevelsDialog::storeCalendar()
{
    if (m_calendarRow < 0 || m_calendarRow >= m_calendars.size() || !m_dirtyCalendars.contains(m_calendarRow))
        return;
    Calendar &c = m_calendars[m_calendarRow];
    c.name = m_ui->calendarNameEdit->text().trimmed();
    c.timeZone = m_ui->timeZoneCombo->currentText();
    c.week = m_week->week();
    c.japaneseHolidays = m_ui->japaneseHolidaysCheck->isChecked();
    c.extraHolidays.clear();
    for (int i = 0; i < m_ui->closureList->count(); ++i)
        c.extraHolidays << m_ui->closureList->item(i)->data(Qt::UserRole).toDate();
    std::sort(c.extraHolidays.begin(), c.extraHolidays.end());
}

void ServiceLevelsDialog::markPolicyDirty()
{
    if (!m_filling && m_policyRow >= 0)
        m_dirtyPolicies.insert(m_policyRow);
}

void ServiceLevelsDialog::markCalendarDirty()
{
    if (!m_filling && m_calendarRow >= 0)
        m_dirtyCalendars.insert(m_calendarRow);
}

bool ServiceLevelsDialog::hasUnsavedChanges() const
{
    return !m_dirtyPolicies.empty() || !m_dirtyCalendars.empty() || !m_dirtyTeams.empty() || m_categoriesChanged;
}

void ServiceLevelsDialog::selectPolicy(int row)
{
    m_ui->tabs->setCurrentWidget(m_ui->policiesTab);
    m_ui->policyList->setCurrentRow(row);
}

void ServiceLevelsDialog::selectCalendar(int row)
{
    m_ui->tabs->setCurrentWidget(m_ui->calendarTab);
    m_ui->calendarList->setCurrentRow(row);
}

bool ServiceLevelsDialog::save()
{
    storePolicy();
    storeCalendar();
    m_ui->errorLabel->hide();
    m_ui->statusLabel->clear();
    const QSqlDatabase db = m_database.connection();
    SlaRepository repository(db, m_agent);
    int recomputed = 0;
    // Everything or nothing: calendars first (policies refer to them).
    const auto saved = inTransaction(db, [&]() -> Result<void> {
        QList<QUuid> calendars;
        for (int row : m_dirtyCalendars) {
            const auto id = repository.saveCalendar(m_calendars.at(row));
            if (!id)
                return makeError(id.error().code, tr("%1: %2").arg(m_calendars.at(row).name, id.error().message));
            m_calendars[row].id = id.value();
            calendars << id.value();
        }
        QList<QUuid> policies;
        for (int row : m_dirtyPolicies) {
            const auto id = repository.savePolicy(m_policies.at(row));
            if (!id)
                return makeError(id.error().code, tr("%1: %2").arg(m_policies.at(row).name, id.error().message));
            m_policies[row].id = id.value();
            policies << id.value();
        }
        DirectoryRepository directory(db, m_agent);
        for (int row : m_dirtyTeams) {
            if (auto r = directory.setAutoAssign(m_teams.at(row).id, m_teams.at(row).autoAssign); !r)
                return r;
        }
        CategoryRepository categories(db, m_agent);
        for (int i = 0; i < m_ui->categoryList->count(); ++i) {
            const QListWidgetItem *item = m_ui->categoryList->item(i);
            const QString key = item->data(Qt::UserRole).toString();
            const bool active = item->checkState() == Qt::Checked;
            if (key.isEmpty()) {
                if (auto r = categories.add(item->text()); !r)
                    return r.error();
                continue;
            }
            const Category &before = m_categories.at(i);
            if (before.displayName == item->text() && before.active == active)
                continue;
            // A built-in category with its original name keeps no name of its own.
            const QString original = before.builtIn ? categoryDisplayName(key) : QString();
            if (auto r = categories.update(key, item->text() == original ? QString() : item->text(), active); !r)
                return r;
        }
        SlaEngine engine(db);
        for (const QUuid &id : std::as_const(calendars)) {
            const auto n = engine.recomputeForCalendar(id);
            if (!n)
                return n.error();
            recomputed += n.value();
        }
        for (const QUuid &id : std::as_const(policies)) {
            const auto n = engine.recomputeForPolicy(id);
            if (!n)
                return n.error();
            recomputed += n.value();
        }
        return {};
    });
    if (!saved) {
        m_ui->errorLabel->setText(saved.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    const int policyRow = m_policyRow;
    const int calendarRow = m_calendarRow;
    load();
    m_ui->policyList->setCurrentRow(std::min(policyRow, int(m_policies.size()) - 1));
    m_ui->calendarList->setCurrentRow(std::min(calendarRow, int(m_calendars.size()) - 1));
    m_ui->statusLabel->setText(
        tr("Saved. The due times of %n running ticket(s) were recalculated.", nullptr, recomputed));
    return true;
}

void ServiceLevelsDialog::reject()
{
    storePolicy();
    storeCalendar();
    if (hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(this, tr("Save the changes?"),
                                                  tr("Some service levels were changed. Save them before closing?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                                  QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save()))
            return;
    }
    QDialog::reject();
}

QString ServiceLevelsDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

QString ServiceLevelsDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

} // namespace madoguchi
