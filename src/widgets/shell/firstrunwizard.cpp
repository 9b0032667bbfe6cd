#include "shell/firstrunwizard.h"

#include "domain/emailaddress.h"
#include "domain/enums.h"
#include "domain/slapolicy.h"
#include "kit/formstyle.h"
#include "kit/weekhoursedit.h"
#include "repositories/slarepository.h"
#include "services/workspacesetup.h"

#include "ui_firstrunwizard.h"

#include <QAbstractButton>
#include <QLocale>

namespace madoguchi {

namespace {

constexpr AgentRole kRoles[] = {AgentRole::Agent, AgentRole::Lead, AgentRole::Supervisor, AgentRole::Admin};

void fillRoles(QComboBox *combo, AgentRole chosen)
{
    for (AgentRole role : kRoles)
        combo->addItem(displayName(role), int(role));
    combo->setCurrentIndex(combo->findData(int(chosen)));
}

// The calendar a new database starts with (the shipped Japanese one),
// with whatever closures it already holds.
Calendar startingCalendar(const QSqlDatabase &db)
{
    const SlaRepository sla(db);
    if (const auto policy = sla.defaultPolicy()) {
        if (auto calendar = sla.calendar(policy->calendarId))
            return std::move(calendar.value());
    }
    return Calendar::japanStandard();
}

// "Monday–Friday 09:00–18:00, Saturday 10:00–14:00".
QString describeWeek(const BusinessCalendar::Week &week)
{
    const QLocale locale;
    QStringList runs;
    std::size_t d = 0;
    while (d < 7) {
        if (!week[d]) {
            ++d;
            continue;
        }
        std::size_t last = d;
        while (last + 1 < 7 && week[last + 1] && week[last + 1]->open == week[d]->open
               && week[last + 1]->close == week[d]->close)
            ++last;
        const QString days = last == d ? locale.dayName(int(d) + 1)
                                       : FirstRunWizard::tr("%1–%2").arg(locale.dayName(int(d) + 1),
                                                                         locale.dayName(int(last) + 1));
        runs << FirstRunWizard::tr("%1 %2–%3")
                    .arg(days, week[d]->open.toString(QStringLiteral("HH:mm")),
                         week[d]->close.toString(QStringLiteral("HH:mm")));
        d = last + 1;
    }
    return runs.join(FirstRunWizard::tr(", "));
}

QString describeAgent(const Agent &a)
{
    QString text = a.name;
    if (!a.nameReading.isEmpty())
        text += FirstRunWizard::tr(" (%1)").arg(a.nameReading);
    text += FirstRunWizard::tr(" — %1").arg(displayName(a.role));
    if (!a.email.isEmpty())
        text += FirstRunWizard::tr(" · %1").arg(a.email);
    return text;
}

Agent person(const QLineEdit *name, const QLineEdit *reading, const QLineEdit *email, const QComboBox *role)
{
    Agent a;
    a.name = name->text().trimmed();
    a.nameReading = reading->text().trimmed();
    a.email = email->text().trimmed();
    a.role = AgentRole(role->currentData().toInt());
    return a;
}

} // namespace

FirstRunWizard::FirstRunWizard(QSqlDatabase db, bool askPeople, QWidget *parent)
    : QWizard(parent)
    , m_ui(std::make_unique<Ui::FirstRunWizard>())
    , m_db(std::move(db))
    , m_askPeople(askPeople)
{
    m_ui->setupUi(this);
    if (!m_askPeople) {
        m_ui->localRadio->setText(tr("&Work on this computer"));
        m_ui->localHint->setText(tr("This database has its people already; you can connect a team server later."));
    }
    setOption(QWizard::HaveCustomButton1, m_askPeople);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::CustomButton1, tr("Set up &later"));
    button(QWizard::CustomButton1)
        ->setToolTip(tr("Start with an empty workspace; add people later in Settings ▸ People."));
    QList<QWizard::WizardButton> buttons{QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
                                         QWizard::FinishButton};
    if (m_askPeople)
        buttons.prepend(QWizard::CustomButton1);
    setButtonLayout(buttons);
    connect(this, &QWizard::customButtonClicked, this, &FirstRunWizard::setUpLater);
    for (QLabel *error : {m_ui->youError, m_ui->teamError, m_ui->mateError, m_ui->readyError})
        makeErrorLabel(error);

    // Connecting to a server ends the wizard on its first page.
    connect(m_ui->serverRadio, &QRadioButton::toggled, this, &FirstRunWizard::updateButtonTexts);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        updateButtonTexts();
        if (id == Ready)
            updateSummary();
    });

    fillRoles(m_ui->roleCombo, AgentRole::Admin);
    fillRoles(m_ui->mateRoleCombo, AgentRole::Agent);

    const Calendar calendar = startingCalendar(m_db);
    m_ui->teamEdit->setText(tr("Customer Support"));
    m_ui->timeZoneCombo->addItems(calendarTimeZoneIds());
    m_ui->timeZoneCombo->setCurrentIndex(m_ui->timeZoneCombo->findText(calendar.timeZone));
    m_week = new WeekHoursEdit(m_ui->weekBox);
    m_ui->weekBox->layout()->addWidget(m_week);
    m_week->setWeek(calendar.week);
    m_ui->holidaysCheck->setChecked(calendar.japaneseHolidays);

    connect(m_ui->addMateButton, &QPushButton::clicked, this, &FirstRunWizard::addTeammate);
    for (QLineEdit *edit : {m_ui->mateNameEdit, m_ui->mateReadingEdit, m_ui->mateEmailEdit})
        connect(edit, &QLineEdit::returnPressed, this, &FirstRunWizard::addTeammate);
    connect(m_ui->mateList, &QListWidget::currentRowChanged, this,
            [this](int row) { m_ui->removeMateButton->setEnabled(row >= 0); });
    connect(m_ui->removeMateButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->mateList->currentRow();
        if (row < 0 || row >= m_teammates.size())
            return;
        m_teammates.removeAt(row);
        delete m_ui->mateList->takeItem(row);
    });
    updateButtonTexts();
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::updateButtonTexts()
{
    const bool connecting = currentId() == Welcome && (m_ui->serverRadio->isChecked() || !m_askPeople);
    setButtonText(QWizard::NextButton, connecting ? tr("&Continue") : tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Start working"));
}

void FirstRunWizard::showError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

bool FirstRunWizard::validateCurrentPage()
{
    switch (currentId()) {
    case Welcome:
        if (m_ui->serverRadio->isChecked()) {
            // The rest is the server's: its login decides who you are.
            m_outcome = Outcome::ConnectToServer;
            QDialog::done(QDialog::Accepted); // not QWizard::done: that validates the page again
            return false;
        }
        if (!m_askPeople) {
            m_outcome = Outcome::WorkLocally;
            QDialog::done(QDialog::Accepted);
            return false;
        }
        return true;
    case You: {
        if (m_ui->nameEdit->text().trimmed().isEmpty()) {
            showError(m_ui->youError, tr("Enter your name."));
            m_ui->nameEdit->setFocus();
            return false;
        }
        if (const QString email = m_ui->emailEdit->text().trimmed(); !email.isEmpty()) {
            if (const auto parsed = EmailAddress::parse(email); !parsed) {
                showError(m_ui->youError, parsed.error().message);
                m_ui->emailEdit->setFocus();
                return false;
            }
        }
        showError(m_ui->youError, {});
        return true;
    }
    case Team: {
        if (m_ui->teamEdit->text().trimmed().isEmpty()) {
            showError(m_ui->teamError, tr("Enter your team's name."));
            m_ui->teamEdit->setFocus();
            return false;
        }
        if (const FieldErrors errors = validate(hours()); !errors.isEmpty()) {
            showError(m_ui->teamError, errors.first().message);
            return false;
        }
        showError(m_ui->teamError, {});
        return true;
    }
    case Teammates:
        // A name typed but not yet added is meant to be added.
        if (!m_ui->mateNameEdit->text().trimmed().isEmpty()) {
            addTeammate();
            return m_ui->mateNameEdit->text().trimmed().isEmpty();
        }
        return true;
    case Ready: {
        WorkspacePlan plan;
        plan.you = you();
        plan.teamName = m_ui->teamEdit->text().trimmed();
        plan.hours = hours();
        plan.teammates = m_teammates;
        const auto made = WorkspaceSetup(m_db).setUp(plan);
        if (!made) {
            showError(m_ui->readyError, tr("Nothing was saved: %1").arg(made.error().message));
            return false;
        }
        m_outcome = Outcome::SetUp;
        return true;
    }
    default: return true;
    }
}

Agent FirstRunWizard::you() const
{
    return person(m_ui->nameEdit, m_ui->readingEdit, m_ui->emailEdit, m_ui->roleCombo);
}

Calendar FirstRunWizard::hours() const
{
    Calendar hours = startingCalendar(m_db);
    hours.timeZone = m_ui->timeZoneCombo->currentText();
    hours.week = m_week->week();
    hours.japaneseHolidays = m_ui->holidaysCheck->isChecked();
    return hours;
}

void FirstRunWizard::addTeammate()
{
    const Agent mate = person(m_ui->mateNameEdit, m_ui->mateReadingEdit, m_ui->mateEmailEdit, m_ui->mateRoleCombo);
    if (mate.name.isEmpty()) {
        showError(m_ui->mateError, tr("Enter the teammate's name."));
        m_ui->mateNameEdit->setFocus();
        return;
    }
    if (!mate.email.isEmpty()) {
        if (const auto parsed = EmailAddress::parse(mate.email); !parsed) {
            showError(m_ui->mateError, parsed.error().message);
            m_ui->mateEmailEdit->setFocus();
            return;
        }
    }
    QStringList taken{m_ui->nameEdit->text().trimmed()};
    for (const Agent &a : std::as_const(m_teammates))
        taken << a.name;
    for (const QString &name : std::as_const(taken)) {
        if (name.compare(mate.name, Qt::CaseInsensitive) == 0) {
            showError(m_ui->mateError, tr("%1 is already on the list.").arg(name));
            m_ui->mateNameEdit->setFocus();
            return;
        }
    }
    showError(m_ui->mateError, {});
    m_teammates.append(mate);
    m_ui->mateList->addItem(describeAgent(mate));
    for (QLineEdit *edit : {m_ui->mateNameEdit, m_ui->mateReadingEdit, m_ui->mateEmailEdit})
        edit->clear();
    m_ui->mateRoleCombo->setCurrentIndex(m_ui->mateRoleCombo->findData(int(AgentRole::Agent)));
    m_ui->mateNameEdit->setFocus();
}

void FirstRunWizard::setUpLater()
{
    if (const auto skipped = WorkspaceSetup(m_db).skip(); !skipped) {
        showError(m_ui->readyError, skipped.error().message);
        return;
    }
    m_outcome = Outcome::Later;
    QDialog::done(QDialog::Accepted); // not QWizard::done: that would validate (and save) the page
}

void FirstRunWizard::updateSummary()
{
    QStringList lines;
    lines << tr("<b>You:</b> %1").arg(describeAgent(you()).toHtmlEscaped());
    QString hours = describeWeek(m_week->week());
    if (m_ui->holidaysCheck->isChecked())
        hours = tr("%1; closed on Japanese national holidays").arg(hours);
    lines << tr("<b>Team:</b> %1, %2")
                 .arg(m_ui->teamEdit->text().trimmed().toHtmlEscaped(),
                      m_ui->timeZoneCombo->currentText().toHtmlEscaped());
    lines << tr("<b>Business hours:</b> %1").arg(hours.toHtmlEscaped());
    if (m_teammates.isEmpty()) {
        lines << tr("<b>Teammates:</b> none yet");
    } else {
        QStringList names;
        for (const Agent &a : std::as_const(m_teammates))
            names << describeAgent(a).toHtmlEscaped();
        lines << tr("<b>Teammates:</b><br>%1").arg(names.join(QStringLiteral("<br>")));
    }
    m_ui->summaryLabel->setText(lines.join(QStringLiteral("<br><br>")));
    showError(m_ui->readyError, {});
}

} // namespace madoguchi
