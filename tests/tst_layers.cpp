// The source tree's layers (docs/architecture.md): each folder may include
// only its own headers and those of the folders below it, so dependencies
// point one way. A new folder fails here until it has a place in the table.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

namespace {

struct Layer
{
    const char *root; // "core" or "widgets"
    const char *folder;
    int rank; // includes go to a lower rank, or to the same folder
};

// Folders of equal rank do not include each other.
constexpr Layer kLayers[] = {
    {"core", "common", 0},        {"core", "domain", 1},      {"core", "storage", 2},
    {"core", "repositories", 3},  {"core", "io", 3},          {"core", "services", 4},
    {"core", "kpi", 5},           {"core", "demo", 5},        {"core", "models", 6},
    {"core", "sync", 6},          {"core", "config", 7},      {"widgets", "kit", 10},
    {"widgets", "customers", 11}, {"widgets", "tickets", 11}, {"widgets", "dashboard", 11},
    {"widgets", "teamsync", 11},  {"widgets", "people", 11},  {"widgets", "settings", 12},
    {"widgets", "shell", 13},
};

const Layer *layerOf(const QString &folder)
{
    for (const Layer &l : kLayers) {
        if (folder == QLatin1String(l.folder))
            return &l;
    }
    return nullptr;
}

struct Source
{
    QString path; // relative to src/, e.g. "core/storage/database.cpp"
    QString text;
};

// Every include that points up or sideways, and every file in a folder the
// table does not know, as "file: reason".
QStringList layerViolations(const QList<Source> &sources)
{
    static const QRegularExpression include(QStringLiteral("^#include \"([a-z]+)/[^\"]+\""),
                                            QRegularExpression::MultilineOption);
    QStringList out;
    for (const Source &s : sources) {
        const QStringList parts = s.path.split(u'/');
        if (parts.size() < 3)
            continue; // app/main.cpp, cli/…: the executables sit above every layer
        const Layer *own = layerOf(parts.at(1));
        if (!own || parts.at(0) != QLatin1String(own->root)) {
            out << QStringLiteral("%1: folder %2 has no layer").arg(s.path, parts.at(1));
            continue;
        }
        for (auto it = include.globalMatch(s.text); it.hasNext();) {
            const QString folder = it.next().captured(1);
            if (folder == QLatin1String(own->folder))
                continue;
            const Layer *target = layerOf(folder);
            if (!target)
                out << QStringLiteral("%1: includes unknown folder %2").arg(s.path, folder);
            else if (target->rank >= own->rank)
                out << QStringLiteral("%1: %2 includes %3, which is not below it").arg(s.path, parts.at(1), folder);
        }
    }
    return out;
}

QList<Source> readTree()
{
    const QString root = QStringLiteral(MADOGUCHI_SOURCE_DIR "/src/");
    QList<Source> sources;
    for (QDirIterator it(root, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        sources.append({file.fileName().mid(root.size()), QString::fromUtf8(file.readAll())});
    }
    return sources;
}

} // namespace

TEST(Layers, EveryIncludePointsDown)
{
    const QList<Source> sources = readTree();
    ASSERT_GT(sources.size(), 100);
    EXPECT_EQ(layerViolations(sources), QStringList()) << layerViolations(sources).join(u'\n').toStdString();
}

TEST(Layers, WidgetsHoldNoSql)
{
    // Queries belong to repositories and services, where the CLI and the
    // tests reach them too.
    static const QRegularExpression sql(QStringLiteral("QSqlQuery|\"(SELECT|INSERT|UPDATE|DELETE) "));
    int widgets = 0;
    for (const Source &s : readTree()) {
        if (!s.path.startsWith(QStringLiteral("widgets/")) && !s.path.startsWith(QStringLiteral("app/")))
            continue;
        ++widgets;
        EXPECT_FALSE(sql.match(s.text).hasMatch()) << s.path.toStdString();
    }
    EXPECT_GT(widgets, 50);
}

TEST(Layers, AFolderNameMeansOneFolder)
{
    // "common/x.h" must not mean core/common in one file and widgets/common
    // in another: both roots are on the include path.
    QSet<QString> seen;
    for (const Layer &l : kLayers) {
        EXPECT_FALSE(seen.contains(QLatin1String(l.folder))) << l.folder;
        seen.insert(QLatin1String(l.folder));
    }
    QSet<QString> onDisk;
    for (const char *root : {"core", "widgets"}) {
        for (QDirIterator it(QStringLiteral(MADOGUCHI_SOURCE_DIR "/src/") + QLatin1String(root),
                             QDir::Dirs | QDir::NoDotAndDotDot);
             it.hasNext();) {
            const QString name = QFileInfo(it.next()).fileName();
            EXPECT_FALSE(onDisk.contains(name))
                << name.toStdString() << " is a folder in both src/core and src/widgets";
            onDisk.insert(name);
        }
    }
}

TEST(Layers, NegativeControlARepositoryCallingAServiceIsFound)
{
    // The defect the layering removed: InteractionRepository called
    // TicketService. Put back, the check names it; so do a widget in core
    // and a folder without a layer.
    const QList<Source> tree{
        {QStringLiteral("core/repositories/interactionrepository.cpp"),
         QStringLiteral("#include \"storage/transaction.h\"\n#include \"services/ticketservice.h\"\n")},
        {QStringLiteral("core/kpi/kpidrill.h"), QStringLiteral("#include \"tickets/ticketspage.h\"\n")},
        {QStringLiteral("core/storage/changewriter.cpp"), QStringLiteral("#include \"domain/uuid.h\"\n")},
        {QStringLiteral("core/extras/thing.cpp"), QString()},
    };
    const QStringList found = layerViolations(tree);
    ASSERT_EQ(found.size(), 3) << found.join(u'\n').toStdString();
    EXPECT_TRUE(found.at(0).startsWith(
        QStringLiteral("core/repositories/interactionrepository.cpp: repositories includes services")));
    EXPECT_TRUE(found.at(1).startsWith(QStringLiteral("core/kpi/kpidrill.h: kpi includes tickets")));
    EXPECT_TRUE(found.at(2).contains(QStringLiteral("extras has no layer")));
}
