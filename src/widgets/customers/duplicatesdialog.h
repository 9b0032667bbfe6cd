#pragma once

#include "services/customermerge.h"

#include <QDialog>

#include <memory>

class QButtonGroup;

namespace Ui {
class DuplicatesDialog;
}

namespace madoguchi {

class Database;

// Reviewing customers entered twice and merging them: the likely pairs,
// strongest evidence first; for the selected pair, which value of each field
// to keep; then one merge that moves everything to the kept customer.
class DuplicatesDialog : public QDialog
{
    Q_OBJECT

public:
    DuplicatesDialog(const Database &database, QString phoneRegion, QUuid agent, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    int pairCount() const { return int(m_candidates.size()); }
    void selectPair(int row);
    // Which record's value to keep for `field` ("name", "nameReading", …): 0 first, 1 second.
    void chooseValue(const QString &field, int which);
    bool mergeSelected();

signals:
    void merged(const QUuid &survivorId);

private:
    void reload();
    void showChoices();

    std::unique_ptr<Ui::DuplicatesDialog> m_ui;
    const Database &m_database;
    QString m_region;
    QUuid m_agent;
    QList<CustomerMerge::Candidate> m_candidates;
    Customer m_first;
    Customer m_second;
    QList<std::pair<QString, QButtonGroup *>> m_choices;
};

} // namespace madoguchi
