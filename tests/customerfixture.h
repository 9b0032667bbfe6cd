#pragma once

#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "testsupport.h"

#include <QHash>

namespace madoguchi::test {

// A handful of customers with the spellings search must cope with.
class CustomerFixture
{
public:
    CustomerFixture();

    TempDatabase db;
    QHash<QString, QUuid> ids; // by name

    QUuid add(const QString &name, const QString &reading, const QStringList &phones = {},
              const QStringList &emails = {}, const QUuid &organization = {});
};

} // namespace madoguchi::test
