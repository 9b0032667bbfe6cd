#include "teamsync/conflictsdialog.h"

#include "config/displaytimezone.h"
#include "storage/database.h"
#include "sync/conflicts.h"

#include "ui_conflictsdialog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>

namespace madoguchi {

ConflictsDialog::ConflictsDialog(const Database &database, QUuid agent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConflictsDialog>())
    , m_database(database)
    , m_agent(agent)
    , m_model(new ConflictListModel(database.connection(), agent, displayTimeZone(database), this))
{
    m_ui->setupUi(this);
    m_ui->table->setModel(m_model);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->horizontalHeader()->setSectionResizeMode(ConflictListModel::Record, QHeaderView::Stretch);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->layout->setStretchFactor(m_ui->emptyHint, 1);
    connect(m_ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConflictsDialog::showSelected);
    connect(m_ui->keepButton, &QPushButton::clicked, this, [this] { act(false); });
    connect(m_ui->reapplyButton, &QPushButton::clicked, this, [this] { act(true); });
    connect(m_ui->copyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->yoursText->toPlainText()); });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    refresh();
}

ConflictsDialog::~ConflictsDialog() = default;

void ConflictsDialog::refresh()
{
    m_model->refresh();
    m_ui->table->resizeColumnsToContents();
    m_ui->table->horizontalHeader()->setSectionResizeMode(ConflictListModel::Record, QHeaderView::Stretch);
    if (m_model->rowCount() > 0)
        m_ui->table->selectRow(0);
    m_ui->messageLabel->setText(m_model->lastError());
    // Nothing to choose: the empty view says what would appear here.
    const bool empty = m_model->rowCount() == 0 && m_model->lastError().isEmpty();
    m_ui->emptyHint->setVisible(empty);
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->introLabel, m_ui->splitter, m_ui->keepButton,
                                                       m_ui->reapplyButton, m_ui->copyButton})
        w->setVisible(!empty);
    showSelected();
}

void ConflictsDialog::showSelected()
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty();
    m_ui->keepButton->setEnabled(any);
    m_ui->reapplyButton->setEnabled(any);
    m_ui->copyButton->setEnabled(any);
    if (!any) {
        m_ui->baseText->clear();
        m_ui->theirsText->clear();
        m_ui->yoursText->clear();
        return;
    }
    const SyncConflict &c = m_model->conflict(rows.first().row());
    m_ui->baseText->setPlainText(c.resolution == u"rejected" ? QString() : ConflictStore::displayValue(c.field, c.base));
    m_ui->theirsText->setPlainText(c.resolution == u"rejected" ? ConflictStore::reasonText(c.reason, c.entity)
                                                               : ConflictStore::displayValue(c.field, c.theirs));
    m_ui->yoursText->setPlainText(ConflictStore::displayValue(c.field, c.yours));
    m_ui->reapplyButton->setEnabled(!c.record.isEmpty());
}

void ConflictsDialog::act(bool reapply)
{
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QUuid id = m_model->data(rows.first(), ConflictListModel::ConflictIdRole).toUuid();
    ConflictStore store(m_database.connection(), m_agent);
    const auto done = reapply ? store.reapply(id) : store.accept(id);
    if (!done) {
        m_ui->messageLabel->setText(done.error().message);
        return;
    }
    refresh();
    m_ui->messageLabel->setText(reapply ? tr("Your value is applied again and will be sent with the next sync.")
                                        : tr("The server's value stays. The conflict is closed."));
    emit resolved();
}

} // namespace madoguchi
