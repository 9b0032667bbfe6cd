#include "customers/duplicatesdialog.h"

#include "domain/phonenumber.h"
#include "repositories/customerrepository.h"
#include "storage/database.h"

#include "kit/formstyle.h"

#include "ui_duplicatesdialog.h"

#include <QButtonGroup>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>

namespace madoguchi {

namespace {

constexpr int kPairLimit = 300;

struct Field
{
    const char *key;
    const char *label;
};

// The profile fields a person chooses between; contact points are unioned.
constexpr Field kFields[] = {
    {"name", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Name")},
     {"nameReading", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Reading")},
      {"tier", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Tier")},
       {"tags", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Tags")},
        {"address", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Address")},
         {"notes", QT_TRANSLATE_NOOP("madoguchi::DuplicatesDialog", "Notes")},
};

QString valueOf(const Customer &c, QLatin1String field)
{
    if (field == QLatin1String("name"))
        return c.name;
    if (field == QLatin1String("nameReading"))
        return c.nameReading;
    if (field == QLatin1String("tier"))
        return displayName(c.tier);
    if (field == QLatin1String("tags"))
        return c.tags.join(QStringLiteral(", "));
    if (field == QLatin1String("address"))
        return c.address;
    return c.notes;
}

void take(Customer &into, const Customer &from, QLatin1String field)
{
    if (field == QLatin1String("name"))
        into.name = from.name;
    else if (field == QLatin1String("nameReading"))
        into.nameReading = from.nameReading;
    else if (field == QLatin1String("tier"))
        into.tier = from.tier;
    else if (field == QLatin1String("tags"))
        into.tags = from.tags;
    else if (field == QLatin1String("address"))
        into.address = from.address;
    else
        into.notes = from.notes;
}

} // namespace

DuplicatesDialog::DuplicatesDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::DuplicatesDialog>())
    , m_database(database)
    , m_region(std::move(phoneRegion))
    , m_agent(agent)
{
    m_ui->setupUi(this);
    m_ui->pairTable->setColumnCount(3);
    m_ui->pairTable->setHorizontalHeaderLabels({tr("Why"), tr("Older record"), tr("Newer record")});
    m_ui->pairTable->verticalHeader()->hide();
    m_ui->pairTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ui->pairTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    makeErrorLabel(m_ui->errorLabel);
    connect(m_ui->pairTable, &QTableWidget::currentCellChanged, this, &DuplicatesDialog::showChoices);
    connect(m_ui->mergeButton, &QPushButton::clicked, this, &DuplicatesDialog::mergeSelected);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

DuplicatesDialog::~DuplicatesDialog() = default;

void DuplicatesDialog::reload()
{
    const auto found = CustomerMerge(m_database.connection(), m_agent).findDuplicates(kPairLimit);
    m_candidates = found ? found.value() : QList<CustomerMerge::Candidate>();
    if (!found) {
        m_ui->errorLabel->setText(found.error().message);
        m_ui->errorLabel->show();
    }
    m_ui->pairTable->setRowCount(int(m_candidates.size()));
    for (int row = 0; row < m_candidates.size(); ++row) {
        const auto &c = m_candidates.at(row);
        m_ui->pairTable->setItem(row, 0, new QTableWidgetItem(displayName(c.reason)));
        m_ui->pairTable->setItem(row, 1, new QTableWidgetItem(describeCustomer(c.first, m_region, true)));
        m_ui->pairTable->setItem(row, 2, new QTableWidgetItem(describeCustomer(c.second, m_region, true)));
    }
    if (m_candidates.isEmpty())
        m_ui->summaryLabel->setText(tr("No likely duplicates were found."));
    else if (m_candidates.size() >= kPairLimit)
        m_ui->summaryLabel->setText(tr("Showing the first %n pairs of customers that look like the same person entered "
                                       "twice, strongest evidence first. Check each pair before merging.",
                                       nullptr, kPairLimit));
    else
        m_ui->summaryLabel->setText(tr("%n pair(s) of customers look like the same person entered twice. "
                                       "Check each pair before merging.",
                                       nullptr, int(m_candidates.size())));
    m_ui->mergeButton->setEnabled(!m_candidates.isEmpty());
    m_ui->choiceBox->setEnabled(!m_candidates.isEmpty());
    if (!m_candidates.isEmpty())
        selectPair(0);
}

void DuplicatesDialog::selectPair(int row)
{
    m_ui->pairTable->setCurrentCell(row, 0);
    showChoices();
}

void DuplicatesDialog::showChoices()
{
    QGridLayout *grid = m_ui->choiceGrid;
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (auto &[field, group] : m_choices)
        delete group;
    m_choices.clear();
    const int row = m_ui->pairTable->currentRow();
    if (row < 0 || row >= m_candidates.size())
        return;
    CustomerRepository customers(m_database.connection());
    const auto first = customers.get(m_candidates.at(row).first.id);
    const auto second = customers.get(m_candidates.at(row).second.id);
    if (!first || !second)
        return;
    m_first = first.value();
    m_second = second.value();
    int line = 0;
    for (const Field &f : kFields) {
        const QLatin1String key(f.key);
        const QString a = valueOf(m_first, key);
        const QString b = valueOf(m_second, key);
        grid->addWidget(new QLabel(tr(f.label) + u':'), line, 0);
        auto *group = new QButtonGroup(this);
        auto *left = new QRadioButton(a.isEmpty() ? tr("(empty)") : a.left(80));
        auto *right = new QRadioButton(b.isEmpty() ? tr("(empty)") : b.left(80));
        group->addButton(left, 0);
        group->addButton(right, 1);
        // The older record's value, unless it is empty and the newer one is not.
        (a.isEmpty() && !b.isEmpty() ? right : left)->setChecked(true);
        left->setEnabled(a != b);
        right->setEnabled(a != b);
        grid->addWidget(left, line, 1);
        grid->addWidget(right, line, 2);
        m_choices.append({QString::fromLatin1(f.key), group});
        ++line;
    }
    m_ui->errorLabel->hide();
}

void DuplicatesDialog::chooseValue(const QString &field, int which)
{
    for (auto &[key, group] : m_choices) {
        if (key == field)
            group->button(which)->setChecked(true);
    }
}

bool DuplicatesDialog::mergeSelected()
{
    if (m_first.id.isNull() || m_second.id.isNull())
        return false;
    // The older record is kept; it takes the chosen values.
    Customer survivor = m_first;
    for (auto &[field, group] : m_choices) {
        if (group->checkedId() == 1)
            take(survivor, m_second, QLatin1String(field.toLatin1()));
    }
    const auto moved = CustomerMerge(m_database.connection(), m_agent).merge(survivor, m_second.id);
    if (!moved) {
        m_ui->errorLabel->setText(moved.error().message);
        m_ui->errorLabel->show();
        return false;
    }
    emit merged(survivor.id);
    m_first = {};
    m_second = {};
    reload();
    return true;
}

} // namespace madoguchi
