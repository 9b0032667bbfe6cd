#include "demo/demogenerator.h"

#include "demo/demovocabulary.h"
#include "demo/random.h"
#include "domain/textnormalizer.h"
#include "services/slaengine.h"
#include "storage/bulkinserter.h"
#include "storage/bulkload.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"
#include "storage/derivedindex.h"
#include "storage/sqlite.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <vector>

namespace madoguchi {

namespace {

// The translation context "DemoGenerator" (the demo data).
struct DemoGeneratorText
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)
};

using demo::Random;
using Key = std::array<unsigned char, 16>;

constexpr qint64 kSecond = 1'000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kBatchRows = 100'000;

// UUIDv7 bytes (see domain/uuid.cpp) without a QUuid round trip.
Key makeKey(qint64 ms, Random &rng)
{
    Key k{};
    const auto t = static_cast<quint64>(ms);
    for (int i = 0; i < 6; ++i)
        k[i] = static_cast<unsigned char>(t >> (8 * (5 - i)));
    const quint64 r = rng.next();
    const quint64 s = rng.next();
    k[6] = static_cast<unsigned char>(0x70 | ((r >> 8) & 0x0F));
    k[7] = static_cast<unsigned char>(r);
    k[8] = static_cast<unsigned char>(0x80 | ((s >> 56) & 0x3F));
    for (int i = 9; i < 16; ++i)
        k[i] = static_cast<unsigned char>(s >> (8 * (15 - i)));
    return k;
}

// Separate streams per stage, so a change in one count leaves the other
// stages' choices alone.
Random stream(quint64 seed, quint64 stage)
{
    return Random(seed * 0x100000001B3ull + stage);
}

enum ChannelIndex {
    Phone,
    Email,
    Chat,
    Social,
    Visit,
    Web
};
constexpr std::array<std::u16string_view, 6> kChannelKeys{u"phone", u"email", u"chat", u"social", u"visit", u"web"};
constexpr std::array<double, 6> kChannelWeights{42, 30, 14, 3, 3, 8};
constexpr std::array<std::u16string_view, 4> kPriorityKeys{u"low", u"normal", u"high", u"urgent"};
constexpr std::array<double, 4> kPriorityWeights{18, 57, 20, 5};
// Median first-response and resolution delays per priority (calendar time).
constexpr std::array<double, 4> kResponseMedianMin{480, 180, 60, 20};
constexpr std::array<double, 4> kResolutionMedianHours{96, 40, 20, 4};

constexpr std::array<std::u16string_view, 3> kTeamNames{u"第一サポート", u"技術サポート", u"法人サポート"};
constexpr std::array<std::u16string_view, 5> kCustomerTags{u"長期契約", u"新規", u"要フォロー", u"代理店",
                                                           u"リピーター"};
constexpr std::array<std::u16string_view, 3> kEscalationReasons{u"一次対応では解決できない技術的な問題",
                                                                u"お客様からの強い要望により上長対応",
                                                                u"返金・補償の判断が必要"};
constexpr std::array<std::u16string_view, 8> kCsatComments{u"丁寧に対応していただきありがとうございました。",
                                                           u"解決までに時間がかかりすぎました。",
                                                           u"電話がつながりにくかったです。",
                                                           u"説明がわかりやすかったです。",
                                                           u"Quick and friendly help, thank you.",
                                                           u"Had to explain the problem three times.",
                                                           u"折り返しの連絡が早くて助かりました。",
                                                           u"The fix worked, but it took a week."};
constexpr std::array<std::u16string_view, 6> kPersonalDomains{u"example.jp",      u"example.ne.jp", u"example.com",
                                                              u"mail.example.jp", u"example.co.jp", u"example.net"};
constexpr std::array<std::u16string_view, 6> kUsStreets{u"Oak Avenue, Portland, OR",
                                                        u"Market Street, San Francisco, CA",
                                                        u"Pine Street, Seattle, WA",
                                                        u"Main Street, Austin, TX",
                                                        u"Elm Street, Boston, MA",
                                                        u"Lake Shore Drive, Chicago, IL"};
constexpr std::array<int, 8> kUsAreaCodes{212, 415, 206, 617, 312, 512, 303, 404};

std::vector<double> weightsOf(std::span<const double> w)
{
    return demo::cumulativeOf(w);
}

QString sv(std::u16string_view s)
{
    return QString::fromUtf16(s.data(), qsizetype(s.size()));
}

QString latin(std::string_view s)
{
    return QString::fromLatin1(s.data(), qsizetype(s.size()));
}

// The team's clock: Asia/Tokyo has had no daylight saving time since 1951,
// so one offset serves the whole period.
struct LocalClock
{
    qint64 offsetMs = 9 * kHour;
    int hour(qint64 ms) const { return int(((ms + offsetMs) % kDay + kDay) % kDay / kHour); }
    int dayOfWeek(qint64 ms) const // 1 = Monday … 7 = Sunday
    {
        const qint64 days = (ms + offsetMs) / kDay; // 1970-01-01 was a Thursday
        return int(((days + 3) % 7 + 7) % 7) + 1;
    }
    // Moves a time into business hours (weekdays 9:00–18:00): agents answer
    // e-mail and call back during the working day.
    qint64 toBusinessHours(qint64 ms, Random &rng) const
    {
        for (int guard = 0; guard < 8; ++guard) {
            const int dow = dayOfWeek(ms);
            const int h = hour(ms);
            if (dow <= 5 && h >= 9 && h < 18)
                return ms;
            const qint64 localMidnight = ms - ((ms + offsetMs) % kDay);
            ms = (h < 9 && dow <= 5) ? localMidnight + 9 * kHour : localMidnight + kDay + 9 * kHour;
            ms += rng.between(0, 90) * kMinute;
        }
        return ms;
    }
};

struct Slots
{
    qint64 startMs = 0;
    std::vector<double> cumulative; // per local hour of the period

    qint64 draw(Random &rng) const
    {
        return startMs + qint64(rng.weighted(cumulative)) * kHour + rng.between(0, kHour - 1);
    }
};

Slots makeSlots(qint64 startMs, int days, const LocalClock &clock)
{
    static constexpr std::array<double, 7> weekday{1.25, 1.1, 1.05, 1.0, 1.0, 0.45, 0.3};
    static constexpr std::array<double, 24> hour{0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.3,  0.8,  1.6,  1.9,  1.8,
                                                 1.1,  1.6,  1.7,  1.6,  1.5,  1.2,  0.7, 0.45, 0.35, 0.25, 0.15, 0.08};
    std::vector<double> weights;
    weights.reserve(std::size_t(days) * 24);
    for (int d = 0; d < days; ++d) {
        const double trend = 1.0 + 0.2 * d / std::max(1, days); // business grows over the year
        for (int h = 0; h < 24; ++h) {
            const qint64 ms = startMs + (qint64(d) * 24 + h) * kHour;
            weights.push_back(weekday[clock.dayOfWeek(ms) - 1] * hour[clock.hour(ms)] * trend);
        }
    }
    return Slots{startMs, demo::cumulativeOf(weights)};
}

struct AgentGen
{
    Key id{};
    int team = 0;
    double speed = 1.0; // multiplies handling times
    bool takesTickets = true;
};

struct CustomerGen
{
    Key id{};
    qint64 createdAt = 0;
    bool english = false;
    int organization = -1;
};

struct TicketGen
{
    Key id{};
    qint64 createdAt = 0;
    qint64 firstResponseAt = 0; // 0: none yet
    qint64 solvedAt = 0;        // first solve; 0: never
    qint64 reopenedAt = 0;      // 0: never reopened
    qint64 finalSolvedAt = 0;   // last solve; 0: not solved now
    qint64 closedAt = 0;
    qint64 escalatedAt = 0;
    int customer = 0;
    int agent = -1;
    int team = 0;
    int channel = Phone;
    int priority = 1;
    int subject = 0;
    int escalationLevel = 0;
    int interactions = 0;
    bool live = false;
    bool fcr = false;
};

class Loader
{
public:
    Loader(const QSqlDatabase &db, const DemoProgress &progress)
        : m_db(db)
        , m_progress(progress)
    {}

    Result<void> begin() { return sqlite::execScript(m_db, QStringLiteral("BEGIN IMMEDIATE")); }
    Result<void> commit() { return sqlite::execScript(m_db, QStringLiteral("COMMIT")); }

    // Commits every kBatchRows rows so the WAL stays small.
    Result<void> rowDone(const QString &stage, qint64 done, qint64 total)
    {
        if (++m_rowsInBatch >= kBatchRows) {
            m_rowsInBatch = 0;
            if (auto r = commit(); !r)
                return r;
            if (auto r = begin(); !r)
                return r;
            if (m_progress)
                m_progress(stage, done, total);
        }
        return {};
    }

private:
    QSqlDatabase m_db;
    const DemoProgress &m_progress;
    qint64 m_rowsInBatch = 0;
};

#define MADOGUCHI_TRY(expr) \
    do { \
        if (auto r_ = (expr); !r_) \
            return r_.error(); \
    } while (false)

// What the steps share: the connection, the period the data covers, the
// loader that commits in batches, the summary, and what earlier steps made.
struct DemoRun
{
    DemoRun(const QSqlDatabase &database, const DemoOptions &demoOptions, const DemoProgress &progressCallback)
        : db(database)
        , options(demoOptions)
        , progress(progressCallback)
        , loader(database, progressCallback)
        , ticketRng(stream(demoOptions.seed, 4))
    {
        const QTimeZone tokyo("Asia/Tokyo");
        anchor = options.anchor.isValid() ? options.anchor : QDate::currentDate();
        clock = LocalClock{
            qint64(tokyo.isValid() ? tokyo.standardTimeOffset(QDateTime::currentDateTimeUtc()) : 9 * 3600) * 1000};
        endMs = QDateTime(anchor, QTime(0, 0), QTimeZone(int(clock.offsetMs / 1000))).toMSecsSinceEpoch();
        startMs = endMs - qint64(options.days) * kDay;
        arrivals = makeSlots(startMs, options.days, clock);
    }

    // Customers who had joined by `at`; at least the first one.
    std::size_t customersBy(qint64 at) const
    {
        return std::max<std::size_t>(1, std::size_t(std::upper_bound(customerCreated.begin(), customerCreated.end(), at)
                                                    - customerCreated.begin()));
    }

    void reportDone(const QString &stage, qint64 total) const
    {
        if (progress)
            progress(stage, total, total);
    }

    QSqlDatabase db;
    const DemoOptions &options;
    const DemoProgress &progress;
    Loader loader;
    DemoSummary summary;

    QDate anchor;
    LocalClock clock;
    qint64 startMs = 0;
    qint64 endMs = 0;
    Slots arrivals;

    std::array<Key, 3> teamIds{};
    std::vector<AgentGen> agents;
    std::array<std::vector<int>, 3> teamAgents; // per team, the agents who take tickets
    std::vector<Key> organizationIds;
    std::vector<CustomerGen> customers;
    std::vector<qint64> customerCreated; // ascending, as the customers are
    std::vector<TicketGen> tickets;
    // Shapes the tickets, then draws the status of those waiting when their rows are written.
    Random ticketRng;
    qint64 standalone = 0; // interactions without a ticket
};

std::span<const demo::SubjectTemplate> subjectsFor(const CustomerGen &customer)
{
    return customer.english ? demo::englishSubjects() : demo::japaneseSubjects();
}

Result<void> checkSizes(const DemoOptions &options)
{
    if (options.customers < 1 || options.tickets < 0 || options.interactions < 0 || options.days < 1)
        return makeError(Error::Code::Invalid,
                         DemoGeneratorText::tr("Demo sizes must be positive (at least one customer and one day)."));
    if (options.customers > 5'000'000 || options.tickets > 20'000'000 || options.interactions > 60'000'000)
        return makeError(Error::Code::Invalid,
                         DemoGeneratorText::tr("Demo sizes are limited to 5 million customers, 20 million tickets and "
                                               "60 million interactions."));
    return {};
}

// --- teams and agents (stream 1, teams first) ----------------------------------

Result<void> insertTeams(DemoRun &run, Random &rng)
{
    BulkInserter insert(run.db, QStringLiteral("INSERT INTO teams (id, name, time_zone, rev, created_at, updated_at) "
                                               "VALUES (?, ?, 'Asia/Tokyo', 0, ?, ?)"));
    for (std::size_t t = 0; t < run.teamIds.size(); ++t) {
        const qint64 at = run.startMs - 400 * kDay + qint64(t) * kMinute;
        run.teamIds[t] = makeKey(at, rng);
        insert.bind(1, run.teamIds[t]);
        insert.bind(2, kTeamNames[t]);
        insert.bind(3, at);
        insert.bind(4, at);
        MADOGUCHI_TRY(insert.addRow());
        ++run.summary.teams;
    }
    return insert.finish();
}

Result<void> insertAgents(DemoRun &run, Random &rng)
{
    BulkInserter insert(run.db,
                        QStringLiteral("INSERT INTO agents (id, name, email, role, team_id, active, rev, created_at, "
                                       "updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)"));
    const auto families = demo::japaneseFamilyNames();
    const auto givens = demo::japaneseGivenNames();
    // Three teams of a lead and four agents, plus a supervisor and an admin.
    for (int i = 0; i < 17; ++i) {
        AgentGen a;
        a.team = i < 15 ? i / 5 : 0;
        a.speed = 0.75 + 0.6 * rng.uniform();
        a.takesTickets = i < 15;
        const qint64 at = run.startMs - 380 * kDay + qint64(i) * kHour;
        a.id = makeKey(at, rng);
        const auto &family = families[(std::size_t(i) * 37 + 11) % families.size()];
        const auto &given = givens[(std::size_t(i) * 53 + 7) % givens.size()];
        const std::u16string_view role = i >= 15 ? (i == 15 ? u"supervisor" : u"admin")
                                                 : (i % 5 == 0 ? u"lead" : u"agent");
        insert.bind(1, a.id);
        insert.bind(2, sv(family.text) + u' ' + sv(given.text));
        insert.bind(3, latin(given.latin) + u'.' + latin(family.latin) + QStringLiteral("@support.example.jp"));
        insert.bind(4, role);
        insert.bind(5, run.teamIds[std::size_t(a.team)]);
        insert.bind(6, at);
        insert.bind(7, at);
        MADOGUCHI_TRY(insert.addRow());
        run.agents.push_back(a);
        ++run.summary.agents;
    }
    return insert.finish();
}

Result<void> insertTeamsAndAgents(DemoRun &run)
{
    Random rng = stream(run.options.seed, 1);
    MADOGUCHI_TRY(insertTeams(run, rng));
    MADOGUCHI_TRY(insertAgents(run, rng));
    for (int i = 0; i < int(run.agents.size()); ++i) {
        if (run.agents[std::size_t(i)].takesTickets)
            run.teamAgents[std::size_t(run.agents[std::size_t(i)].team)].push_back(i);
    }
    return {};
}

// --- organizations (stream 2) ---------------------------------------------------

Result<void> insertOrganizations(DemoRun &run)
{
    const auto jaCompanies = demo::japaneseCompanies();
    const auto enCompanies = demo::englishCompanies();
    Random rng = stream(run.options.seed, 2);
    BulkInserter insert(run.db, QStringLiteral(
                                    "INSERT INTO organizations (id, name, name_reading, sort_key, email_domain, rev, "
                                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"));
    const std::size_t total = jaCompanies.size() + enCompanies.size();
    for (std::size_t i = 0; i < total; ++i) {
        const auto &c = i < jaCompanies.size() ? jaCompanies[i] : enCompanies[i - jaCompanies.size()];
        const qint64 at = run.startMs - 3 * 365 * kDay + qint64(i) * kDay;
        run.organizationIds.push_back(makeKey(at, rng));
        insert.bind(1, run.organizationIds.back());
        insert.bind(2, c.name);
        insert.bind(3, c.reading);
        insert.bind(4, text::searchKey(sv(c.reading)));
        insert.bind(5, c.emailDomain);
        insert.bind(6, at);
        insert.bind(7, at);
        MADOGUCHI_TRY(insert.addRow());
        ++run.summary.organizations;
    }
    return insert.finish();
}

// --- customers and their contacts (stream 3) -------------------------------------

QString japanesePhone(Random &rng, bool mobile)
{
    if (mobile) {
        static constexpr std::array<int, 3> prefixes{90, 80, 70};
        return QStringLiteral("+81%1%2").arg(prefixes[rng.below(3)]).arg(rng.between(10'000'000, 99'999'999));
    }
    static constexpr std::array<int, 6> areas{3, 6, 45, 52, 92, 11};
    const int area = areas[rng.below(areas.size())];
    // Subscriber ranges that exist in the numbering plan (Sapporo's 011 starts with 5–8 here).
    if (area < 10)
        return QStringLiteral("+81%1%2").arg(area).arg(rng.between(20'000'000, 99'999'999));
    return QStringLiteral("+81%1%2").arg(area).arg(area == 11 ? rng.between(5'000'000, 8'999'999)
                                                              : rng.between(2'000'000, 9'999'999));
}

QString usPhone(Random &rng)
{
    int exchange = 0;
    do
        exchange = int(rng.between(201, 989));
    while (exchange % 100 == 11 || exchange == 555);
    return QStringLiteral("+1%1%2%3")
        .arg(kUsAreaCodes[rng.below(kUsAreaCodes.size())])
        .arg(exchange)
        .arg(rng.between(0, 9999), 4, 10, QLatin1Char('0'));
}

bool isJapaneseMobile(const QString &phone)
{
    return phone.startsWith(QStringLiteral("+8190")) || phone.startsWith(QStringLiteral("+8180"))
           || phone.startsWith(QStringLiteral("+8170"));
}

// One customer after another, as the draws of each depend on the one before
// (a duplicate repeats the previous person and phone number).
class CustomerWriter
{
public:
    explicit CustomerWriter(DemoRun &run)
        : m_run(run)
        , m_rng(stream(run.options.seed, 3))
        , m_customer(run.db, QStringLiteral("INSERT INTO customers (id, name, name_reading, sort_key, organization_id, "
                                            "address, tier, tags, notes, owner_id, rev, created_at, updated_at, "
                                            "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"))
        , m_contact(run.db, QStringLiteral("INSERT INTO customer_contacts (id, customer_id, kind, value, label, "
                                           "is_primary, rev, created_at, updated_at, created_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"))
    {}

    Result<void> write()
    {
        auto &customers = m_run.customers;
        customers.resize(std::size_t(m_run.options.customers));
        const std::vector<qint64> created = creationTimes();
        for (std::size_t i = 0; i < customers.size(); ++i) {
            customers[i].createdAt = created[i];
            MADOGUCHI_TRY(writeCustomer(i));
            MADOGUCHI_TRY(m_run.loader.rowDone(QStringLiteral("customers"), qint64(i + 1), m_run.options.customers));
        }
        MADOGUCHI_TRY(m_customer.finish());
        MADOGUCHI_TRY(m_contact.finish());
        m_run.customerCreated = created;
        return {};
    }

private:
    struct Person
    {
        QString name, reading, emailLocal;
    };

    std::vector<qint64> creationTimes()
    {
        // 80 % were customers before the period, 20 % joined during it.
        std::vector<qint64> created(m_run.customers.size());
        for (auto &c : created)
            c = m_rng.chance(0.8) ? m_run.startMs - m_rng.between(kDay, 3 * 365 * kDay)
                                  : m_run.startMs + m_rng.between(0, m_run.endMs - m_run.startMs - 1);
        std::sort(created.begin(), created.end());
        return created;
    }

    Result<void> writeCustomer(std::size_t i)
    {
        CustomerGen &c = m_run.customers[i];
        c.id = makeKey(c.createdAt, m_rng);
        const Key &author = m_run.agents[std::size_t(m_rng.below(15))].id;

        // About 0.4 % are the same person entered twice, as happens at a busy desk.
        const bool duplicate = i > 0 && m_rng.chance(0.004);
        Person p;
        if (duplicate) {
            p = m_previous;
            c.english = m_run.customers[i - 1].english;
        } else {
            c.english = m_rng.chance(0.15);
            p = drawPerson(c.english);
        }
        if (m_rng.chance(0.25))
            c.organization = c.english
                                 ? int(demo::japaneseCompanies().size() + m_rng.below(demo::englishCompanies().size()))
                                 : int(m_rng.below(demo::japaneseCompanies().size()));
        MADOGUCHI_TRY(insertCustomer(c, p, author));

        const QString phone = duplicate                          ? m_previousPhone
                              : (c.english && m_rng.chance(0.7)) ? usPhone(m_rng)
                                                                 : japanesePhone(m_rng, m_rng.chance(0.6));
        MADOGUCHI_TRY(insertContacts(c, p, author, phone));
        m_previous = p;
        m_previousPhone = phone;
        return {};
    }

    Person drawPerson(bool english)
    {
        const auto &family = english ? m_rng.pick(demo::englishFamilyNames()) : m_rng.pick(demo::japaneseFamilyNames());
        const auto &given = english ? m_rng.pick(demo::englishGivenNames()) : m_rng.pick(demo::japaneseGivenNames());
        Person p;
        p.name = english ? sv(given.text) + u' ' + sv(family.text) : sv(family.text) + u' ' + sv(given.text);
        p.reading = english ? sv(given.reading) + u' ' + sv(family.reading)
                            : sv(family.reading) + u' ' + sv(given.reading);
        p.emailLocal = latin(given.latin) + u'.' + latin(family.latin);
        return p;
    }

    Result<void> insertCustomer(const CustomerGen &c, const Person &p, const Key &author)
    {
        Random &rng = m_rng;
        BulkInserter &insert = m_customer;
        const double tierRoll = rng.uniform();
        const std::u16string_view tier = tierRoll < 0.04 ? u"vip" : tierRoll < 0.15 ? u"premium" : u"standard";
        insert.bind(1, c.id);
        insert.bind(2, p.name);
        insert.bind(3, p.reading);
        insert.bind(4, text::searchKey(p.reading));
        if (c.organization >= 0)
            insert.bind(5, m_run.organizationIds[std::size_t(c.organization)]);
        else
            insert.bindNull(5);
        if (c.english)
            insert.bind(6,
                        QString::number(rng.between(100, 9800)) + u' ' + sv(kUsStreets[rng.below(kUsStreets.size())]));
        else
            insert.bind(6, sv(rng.pick(demo::japanesePrefectureCities()))
                               + QStringLiteral("%1-%2-%3")
                                     .arg(rng.between(1, 5))
                                     .arg(rng.between(1, 30))
                                     .arg(rng.between(1, 20)));
        insert.bind(7, tier);
        insert.bind(8, rng.chance(0.12)
                           ? QStringLiteral("[\"%1\"]").arg(sv(kCustomerTags[rng.below(kCustomerTags.size())]))
                           : QStringLiteral("[]"));
        insert.bind(9, rng.chance(0.05) ? sv(rng.pick(demo::japaneseNoteSnippets())) : QString());
        if (tier == u"vip")
            insert.bind(10, m_run.agents[std::size_t(rng.below(15))].id);
        else
            insert.bindNull(10);
        insert.bind(11, c.createdAt);
        insert.bind(12, c.createdAt);
        insert.bind(13, author);
        ++m_run.summary.customers;
        return insert.addRow();
    }

    // The primary phone number, perhaps a mobile one, and usually an e-mail
    // address at the customer's company or a personal provider.
    Result<void> insertContacts(const CustomerGen &c, const Person &p, const Key &author, const QString &phone)
    {
        MADOGUCHI_TRY(addContact(c, author, u"phone", phone, isJapaneseMobile(phone) ? u"mobile" : u"work", true));
        if (m_rng.chance(0.2))
            MADOGUCHI_TRY(addContact(c, author, u"phone", c.english ? usPhone(m_rng) : japanesePhone(m_rng, true),
                                     u"mobile", false));
        if (m_rng.chance(0.85)) {
            const auto jaCompanies = demo::japaneseCompanies();
            const QString domain
                = c.organization >= 0
                      ? sv(c.organization < int(jaCompanies.size())
                               ? jaCompanies[std::size_t(c.organization)].emailDomain
                               : demo::englishCompanies()[std::size_t(c.organization) - jaCompanies.size()].emailDomain)
                      : sv(kPersonalDomains[m_rng.below(kPersonalDomains.size())]);
            const QString local = m_rng.chance(0.5) ? p.emailLocal
                                                    : p.emailLocal + QString::number(m_rng.between(1, 999));
            MADOGUCHI_TRY(
                addContact(c, author, u"email", local + u'@' + domain, c.organization >= 0 ? u"work" : u"home", true));
        }
        return {};
    }

    Result<void> addContact(const CustomerGen &c, const Key &author, std::u16string_view kind, const QString &value,
                            std::u16string_view label, bool primary)
    {
        m_contact.bind(1, makeKey(c.createdAt, m_rng));
        m_contact.bind(2, c.id);
        m_contact.bind(3, kind);
        m_contact.bind(4, value);
        m_contact.bind(5, label);
        m_contact.bind(6, primary ? 1 : 0);
        m_contact.bind(7, c.createdAt);
        m_contact.bind(8, c.createdAt);
        m_contact.bind(9, author);
        ++m_run.summary.contacts;
        return m_contact.addRow();
    }

    DemoRun &m_run;
    Random m_rng;
    BulkInserter m_customer;
    BulkInserter m_contact;
    Person m_previous;
    QString m_previousPhone;
};

// --- ticket shapes (stream 4): who, when, how fast ------------------------------

// The customer (regulars more often), channel, priority, subject, team and agent.
void assignTicket(const DemoRun &run, TicketGen &t, Random &rng)
{
    static const auto channelWeights = weightsOf(kChannelWeights);
    static const auto priorityWeights = weightsOf(kPriorityWeights);
    // Customers who joined earlier call more often (a long-tail of regulars).
    const std::size_t available = run.customersBy(t.createdAt);
    t.customer = int(std::min<double>(double(available - 1), std::pow(rng.uniform(), 1.4) * double(available)));
    const CustomerGen &customer = run.customers[std::size_t(t.customer)];
    t.channel = int(rng.weighted(channelWeights));
    t.priority = int(rng.weighted(priorityWeights));
    const auto subjects = subjectsFor(customer);
    t.subject = int(rng.below(subjects.size()));
    const std::u16string_view category = subjects[std::size_t(t.subject)].category;
    const bool technical = category == u"product_defect" || category == u"login" || category == u"how_to";
    t.team = (customer.organization >= 0 && rng.chance(0.6)) ? 2 : technical ? 1 : 0;
    const auto &pool = run.teamAgents[std::size_t(t.team)];
    t.agent = pool[rng.below(pool.size())];
    t.live = t.channel == Phone || t.channel == Chat || t.channel == Visit;
}

// A solved ticket is sometimes reopened, and then perhaps solved again.
void reopenTicket(const DemoRun &run, TicketGen &t, Random &rng)
{
    t.reopenedAt = t.solvedAt + qint64(rng.logNormal(2 * 24, 0.8) * kHour);
    if (t.reopenedAt >= run.endMs) {
        t.reopenedAt = 0;
    } else {
        const qint64 again = run.clock.toBusinessHours(t.reopenedAt + qint64(rng.logNormal(20, 1.0) * kHour), rng);
        t.finalSolvedAt = again < run.endMs ? again : 0;
    }
}

// First response, solve, reopening, closing and escalation; 0 for what has
// not happened by the end of the period.
void timeTicket(const DemoRun &run, TicketGen &t, Random &rng)
{
    const LocalClock &clock = run.clock;
    const double speed = run.agents[std::size_t(t.agent)].speed;
    t.firstResponseAt
        = t.live ? t.createdAt
                 : clock.toBusinessHours(t.createdAt
                                             + qint64(rng.logNormal(kResponseMedianMin[std::size_t(t.priority)], 0.9)
                                                      * speed * kMinute),
                                         rng);
    if (t.firstResponseAt >= run.endMs)
        t.firstResponseAt = 0;
    t.fcr = t.live && rng.chance(0.55);
    if (t.firstResponseAt == 0)
        return;
    qint64 solved
        = t.fcr ? t.createdAt + qint64(rng.logNormal(300, 0.5) * kSecond)
                : clock.toBusinessHours(t.createdAt
                                            + qint64(rng.logNormal(kResolutionMedianHours[std::size_t(t.priority)], 1.1)
                                                     * speed * kHour),
                                        rng);
    solved = std::max(solved, t.firstResponseAt + 5 * kMinute);
    if (solved < run.endMs) {
        t.solvedAt = solved;
        t.finalSolvedAt = solved;
        if (!t.fcr && rng.chance(0.06))
            reopenTicket(run, t, rng);
        if (t.finalSolvedAt != 0 && t.finalSolvedAt + 4 * kDay < run.endMs)
            t.closedAt = t.finalSolvedAt + 4 * kDay; // closed automatically four days after the solve
    }
    const double escalationChance = t.priority >= 2 ? 0.16 : 0.06;
    if (!t.fcr && rng.chance(escalationChance)) {
        const double roll = rng.uniform();
        t.escalationLevel = roll < 0.7 ? 1 : roll < 0.92 ? 2 : 3;
        const qint64 until = t.finalSolvedAt != 0 ? t.finalSolvedAt : run.endMs;
        t.escalatedAt = t.firstResponseAt + qint64(rng.uniform() * double(until - t.firstResponseAt) * 0.5);
    }
}

// Tickets are shaped first; interactions are allocated to them, then rows written.
void shapeTickets(DemoRun &run)
{
    Random &rng = run.ticketRng;
    run.tickets.resize(std::size_t(run.options.tickets));
    std::vector<qint64> created(run.tickets.size());
    for (auto &t : created)
        t = run.arrivals.draw(rng);
    std::sort(created.begin(), created.end());
    for (std::size_t i = 0; i < run.tickets.size(); ++i) {
        TicketGen &t = run.tickets[i];
        t.createdAt = created[i];
        t.id = makeKey(t.createdAt, rng);
        assignTicket(run, t, rng);
        timeTicket(run, t, rng);
    }
}

// --- interaction budget (stream 5) ------------------------------------------------

// Every ticket needs its first interaction, and a non-live ticket with a
// response also needs the outbound reply that is its first response. 85 %
// of the interaction budget goes to tickets; the rest are calls without one.
void allocateInteractions(DemoRun &run)
{
    auto &tickets = run.tickets;
    Random rng = stream(run.options.seed, 5);
    qint64 base = 0;
    for (const auto &t : tickets)
        base += (!t.live && t.firstResponseAt != 0) ? 2 : 1;
    const qint64 linked = std::min(run.options.interactions,
                                   std::max(base, qint64(double(run.options.interactions) * 0.85)));
    run.standalone = run.options.interactions - linked;
    qint64 budget = linked;
    std::vector<int> eligible;
    for (std::size_t i = 0; i < tickets.size(); ++i) {
        TicketGen &t = tickets[i];
        const int need = (!t.live && t.firstResponseAt != 0) ? 2 : 1;
        // With a budget smaller than the tickets need, the newest tickets
        // are left untouched (no response yet) rather than made inconsistent.
        t.interactions = int(std::min<qint64>(need, budget));
        budget -= t.interactions;
        if (t.interactions < need) {
            t.firstResponseAt = t.live && t.interactions == 1 ? t.firstResponseAt : 0;
            if (t.firstResponseAt == 0) {
                t.solvedAt = t.finalSolvedAt = t.closedAt = t.reopenedAt = t.escalatedAt = 0;
                t.escalationLevel = 0;
                t.fcr = false;
            }
        }
        if (!t.fcr && t.interactions > 0 && t.firstResponseAt != 0)
            eligible.push_back(int(i));
    }
    if (eligible.empty()) {
        run.standalone += budget;
        return;
    }
    for (; budget > 0; --budget) {
        auto &t = tickets[std::size_t(eligible[rng.below(eligible.size())])];
        if (t.interactions < 60)
            ++t.interactions;
        else
            ++run.standalone;
    }
}

// --- ticket rows (status from stream 4) and their events (stream 6) ----------------

// One change in a ticket's life: an event row and, for a status, a step of
// the history its service-level due times follow.
struct TicketChange
{
    qint64 at;
    std::u16string_view field;
    std::u16string_view from;
    std::u16string_view to;
    std::optional<TicketStatus> status; // none for an escalation
};

// Events are collected and written in time order, so their UUIDv7
// keys reach the primary-key index in order (appends, not random inserts).
struct EventGen
{
    qint64 at;
    int ticket;
    std::u16string_view field;
    std::u16string_view from;
    std::u16string_view to;
};

// In the order the events are written for equal times. A ticket left waiting
// went to pending or on hold an hour after the last agent contact.
std::vector<TicketChange> changesOf(const TicketGen &t, std::u16string_view status, qint64 waitingSince)
{
    static constexpr std::array<std::u16string_view, 4> levels{u"0", u"1", u"2", u"3"};
    // A ticket opened during a live call starts out open; a message
    // waits as new until an agent first replies.
    const bool openedLive = t.live && t.firstResponseAt;
    std::vector<TicketChange> changes{{t.createdAt,
                                       u"created",
                                       {},
                                       openedLive ? u"open" : u"new",
                                       openedLive ? TicketStatus::Open : TicketStatus::New}};
    if (t.firstResponseAt && !t.live)
        changes.push_back({t.firstResponseAt, u"status", u"new", u"open", TicketStatus::Open});
    if (t.escalatedAt)
        changes.push_back({t.escalatedAt, u"escalation_level", u"0", levels[std::size_t(t.escalationLevel)], {}});
    if (t.solvedAt)
        changes.push_back({t.solvedAt, u"status", u"open", u"solved", TicketStatus::Solved});
    if (t.reopenedAt) {
        changes.push_back({t.reopenedAt, u"status", u"solved", u"open", TicketStatus::Open});
        if (t.finalSolvedAt)
            changes.push_back({t.finalSolvedAt, u"status", u"open", u"solved", TicketStatus::Solved});
    }
    if (t.closedAt)
        changes.push_back({t.closedAt, u"status", u"solved", u"closed", TicketStatus::Closed});
    if (!t.finalSolvedAt && t.firstResponseAt && status != u"open")
        changes.push_back(
            {waitingSince, u"status", u"open", status,
             fromKey<TicketStatus>(QString::fromStdU16String(std::u16string(status))).value_or(TicketStatus::Pending)});
    return changes;
}

QDateTime instant(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

class TicketWriter
{
public:
    TicketWriter(DemoRun &run, const SlaEngine::Rules &rule)
        : m_run(run)
        , m_rule(rule)
        , m_insert(run.db,
                   QStringLiteral(
                       "INSERT INTO tickets (id, number, customer_id, subject, description, status, priority, category, "
                       "tags, channel, assignee_id, team_id, escalation_level, escalation_reason, first_responded_at, "
                       "solved_at, closed_at, reopen_count, rev, created_at, updated_at, created_by, sla_policy_id, "
                       "first_response_due, resolution_due, first_response_business_min, resolution_business_min, "
                       "interaction_count) VALUES (?, ?, ?, ?, '', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?)"))
    {
        const QByteArray policyBytes = rule.policy.id.toRfc4122();
        std::copy(policyBytes.begin(), policyBytes.end(), m_policyKey.begin());
    }

    // Writes the ticket rows and collects their events.
    Result<void> write(std::vector<EventGen> &events)
    {
        const auto &tickets = m_run.tickets;
        for (std::size_t i = 0; i < tickets.size(); ++i) {
            const TicketGen &t = tickets[i];
            const std::u16string_view status = statusOf(t);
            const qint64 waitingSince = std::min(m_run.endMs - kMinute,
                                                 std::max(t.firstResponseAt, t.reopenedAt) + kHour);
            const std::vector<TicketChange> changes = changesOf(t, status, waitingSince);
            MADOGUCHI_TRY(insertTicket(i, status, duesOf(t, changes)));
            for (const TicketChange &c : changes)
                events.push_back({c.at, int(i), c.field, c.from, c.to});
            MADOGUCHI_TRY(m_run.loader.rowDone(QStringLiteral("tickets"), qint64(i + 1), m_run.options.tickets));
        }
        return m_insert.finish();
    }

private:
    std::u16string_view statusOf(const TicketGen &t)
    {
        if (t.closedAt)
            return u"closed";
        if (t.finalSolvedAt)
            return u"solved";
        if (t.firstResponseAt) {
            const double roll = m_run.ticketRng.uniform();
            return roll < 0.6 ? u"open" : roll < 0.85 ? u"pending" : u"on_hold";
        }
        return u"new";
    }

    // Due times follow the shipped default policy, as for tickets agents create.
    SlaDues duesOf(const TicketGen &t, const std::vector<TicketChange> &changes) const
    {
        QList<StatusChange> history;
        for (const TicketChange &c : changes) {
            if (c.status)
                history.append({instant(c.at), *c.status});
        }
        const auto priority = Priority(t.priority);
        return computeDues(m_rule.clock, instant(t.createdAt), history, m_rule.policy.firstResponseFor(priority),
                           m_rule.policy.resolutionFor(priority),
                           t.firstResponseAt ? std::optional(instant(t.firstResponseAt)) : std::nullopt,
                           t.finalSolvedAt ? std::optional(instant(t.finalSolvedAt)) : std::nullopt);
    }

    Result<void> insertTicket(std::size_t i, std::u16string_view status, const SlaDues &dues)
    {
        const TicketGen &t = m_run.tickets[i];
        const CustomerGen &customer = m_run.customers[std::size_t(t.customer)];
        const auto &subject = subjectsFor(customer)[std::size_t(t.subject)];
        const Key &agent = m_run.agents[std::size_t(t.agent)].id;
        BulkInserter &insert = m_insert;
        insert.bind(1, t.id);
        insert.bind(2, QStringLiteral("D-%1").arg(qint64(i + 1), 7, 10, QLatin1Char('0')));
        insert.bind(3, customer.id);
        insert.bind(4, subject.text);
        insert.bind(5, status);
        insert.bind(6, kPriorityKeys[std::size_t(t.priority)]);
        insert.bind(7, subject.category);
        insert.bind(8, kChannelKeys[std::size_t(t.channel)]);
        // Half the tickets nobody has answered yet still wait in the team's queue.
        if (status == u"new" && i % 2 == 0)
            insert.bindNull(9);
        else
            insert.bind(9, agent);
        insert.bind(10, m_run.teamIds[std::size_t(t.team)]);
        insert.bind(11, t.escalationLevel);
        insert.bind(12,
                    t.escalationLevel ? kEscalationReasons[std::size_t(t.escalationLevel - 1)] : std::u16string_view());
        t.firstResponseAt ? insert.bind(13, t.firstResponseAt) : insert.bindNull(13);
        t.finalSolvedAt ? insert.bind(14, t.finalSolvedAt) : insert.bindNull(14);
        t.closedAt ? insert.bind(15, t.closedAt) : insert.bindNull(15);
        insert.bind(16, t.reopenedAt ? 1 : 0);
        insert.bind(17, t.createdAt);
        insert.bind(18, std::max({t.createdAt, t.firstResponseAt, t.finalSolvedAt, t.closedAt, t.reopenedAt,
                                  t.escalatedAt}));
        insert.bind(19, agent);
        insert.bind(20, m_policyKey);
        dues.firstResponse ? insert.bind(21, dues.firstResponse->toMSecsSinceEpoch()) : insert.bindNull(21);
        dues.resolution ? insert.bind(22, dues.resolution->toMSecsSinceEpoch()) : insert.bindNull(22);
        const BusinessCalendar &calendar = m_rule.clock.calendar();
        t.firstResponseAt ? insert.bindReal(23, double(calendar.businessMs(t.createdAt, t.firstResponseAt)) / 60'000.0)
                          : insert.bindNull(23);
        t.finalSolvedAt ? insert.bindReal(24, double(calendar.businessMs(t.createdAt, t.finalSolvedAt)) / 60'000.0)
                        : insert.bindNull(24);
        insert.bind(25, qint64(t.interactions));
        ++m_run.summary.tickets;
        return insert.addRow();
    }

    DemoRun &m_run;
    const SlaEngine::Rules &m_rule;
    BulkInserter m_insert;
    Key m_policyKey{};
};

Result<void> insertTicketEvents(DemoRun &run, std::vector<EventGen> &events)
{
    Random rng = stream(run.options.seed, 6);
    BulkInserter event(run.db, QStringLiteral("INSERT INTO ticket_events (id, ticket_id, agent_id, at, field, "
                                              "old_value, new_value, rev, created_at, updated_at, created_by) "
                                              "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    std::stable_sort(events.begin(), events.end(), [](const EventGen &a, const EventGen &b) { return a.at < b.at; });
    for (std::size_t i = 0; i < events.size(); ++i) {
        const EventGen &e = events[i];
        const TicketGen &t = run.tickets[std::size_t(e.ticket)];
        const Key &agent = run.agents[std::size_t(t.agent)].id;
        event.bind(1, makeKey(e.at, rng));
        event.bind(2, t.id);
        event.bind(3, agent);
        event.bind(4, e.at);
        event.bind(5, e.field);
        if (e.from.empty())
            event.bindNull(6);
        else
            event.bind(6, e.from);
        event.bind(7, e.to);
        event.bind(8, e.at);
        event.bind(9, e.at);
        event.bind(10, agent);
        MADOGUCHI_TRY(event.addRow());
        ++run.summary.ticketEvents;
        MADOGUCHI_TRY(run.loader.rowDone(QStringLiteral("ticket events"), qint64(i + 1), qint64(events.size())));
    }
    return event.finish();
}

Result<void> insertTicketsAndEvents(DemoRun &run)
{
    SlaEngine sla(run.db);
    const auto rules = sla.rules({});
    if (!rules)
        return rules.error();
    std::vector<EventGen> events;
    events.reserve(run.tickets.size() * 4);
    MADOGUCHI_TRY(TicketWriter(run, *rules.value()).write(events));
    return insertTicketEvents(run, events);
}

// --- interactions (stream 7) --------------------------------------------------------

// Planned for every ticket and then the calls without one, then written in
// time order (see the ticket events), drawing the handling times as they go.
class InteractionWriter
{
public:
    explicit InteractionWriter(DemoRun &run)
        : m_run(run)
        , m_rng(stream(run.options.seed, 7))
    {
        m_rows.reserve(std::size_t(run.options.interactions));
    }

    Result<void> write()
    {
        for (const TicketGen &t : m_run.tickets) {
            if (t.interactions > 0)
                planTicketContacts(t);
        }
        planStandalone();
        return writeRows();
    }

private:
    struct InteractionGen
    {
        qint64 at;
        int ticket; // -1: no ticket
        int customer;
        std::u16string_view outcome;
        quint8 agent;
        quint8 channel;
        bool outbound;
        quint8 category; // for interactions without a ticket
    };

    void plan(int ticket, int customer, int agent, int channel, bool outbound, qint64 at, std::u16string_view outcome,
              quint8 category = 0)
    {
        m_rows.push_back({at, ticket, customer, outcome, quint8(agent), quint8(channel), outbound, category});
    }

    void planTicketContacts(const TicketGen &t)
    {
        Random &rng = m_rng;
        const int replyChannel = t.channel == Social ? Social : Email;
        const bool solvedNow = t.finalSolvedAt != 0;
        // The opening contact: a live call/chat/visit, or the customer's message.
        std::u16string_view firstOutcome = u"follow_up";
        if (t.fcr && solvedNow)
            firstOutcome = u"resolved";
        else if (t.interactions == 1 && t.escalationLevel > 0)
            firstOutcome = u"escalated";
        const int ticketIndex = int(&t - m_run.tickets.data());
        plan(ticketIndex, t.customer, t.agent, t.channel, false, t.createdAt, firstOutcome);
        if (t.interactions == 1)
            return;
        int remaining = t.interactions - 1;
        if (!t.live && t.firstResponseAt) {
            plan(ticketIndex, t.customer, t.agent, replyChannel, true, t.firstResponseAt,
                 remaining == 1 && solvedNow ? u"resolved" : u"follow_up");
            --remaining;
        }
        // Follow-ups between the first response and the (last) solve.
        const qint64 from = std::max(t.firstResponseAt, t.createdAt) + kMinute;
        const qint64 until = std::max(from + kMinute, solvedNow ? t.finalSolvedAt : m_run.endMs - kMinute);
        m_times.clear();
        for (int k = 0; k < remaining; ++k)
            m_times.push_back(
                std::min(until, m_run.clock.toBusinessHours(from + qint64(rng.uniform() * double(until - from)), rng)));
        std::sort(m_times.begin(), m_times.end());
        if (solvedNow && !m_times.empty())
            m_times.back() = t.finalSolvedAt; // the contact that solved it
        for (int k = 0; k < remaining; ++k) {
            const bool last = k == remaining - 1;
            const bool outbound = last || rng.chance(0.6);
            const int channel = t.live ? (rng.chance(0.6) ? Phone : Email) : replyChannel;
            std::u16string_view outcome = u"follow_up";
            if (last && solvedNow)
                outcome = u"resolved";
            else if (t.escalationLevel > 0 && k == 0)
                outcome = u"escalated";
            else if (outbound && channel == Phone && rng.chance(0.15))
                outcome = rng.chance(0.5) ? u"no_answer" : u"voicemail";
            plan(ticketIndex, t.customer, t.agent, channel, outbound, m_times[std::size_t(k)], outcome);
        }
    }

    // Calls and messages that never became a ticket: quick questions,
    // courtesy calls, callbacks nobody answered.
    void planStandalone()
    {
        Random &rng = m_rng;
        for (qint64 i = 0; i < m_run.standalone; ++i) {
            const qint64 at = m_run.arrivals.draw(rng);
            const int customer = int(rng.below(m_run.customersBy(at)));
            const int agent = int(rng.below(15));
            const bool outbound = rng.chance(0.45);
            const int channel = rng.chance(0.75) ? Phone : rng.chance(0.5) ? Email : Chat;
            std::u16string_view outcome = u"resolved";
            if (outbound && channel == Phone) {
                const double roll = rng.uniform();
                outcome = roll < 0.25  ? u"no_answer"
                          : roll < 0.4 ? u"voicemail"
                          : roll < 0.5 ? u"callback_scheduled"
                                       : u"resolved";
            }
            if (outcome == u"callback_scheduled")
                outcome = u"follow_up"; // a scheduled callback needs callback_at; keep the demo rows valid
            plan(-1, customer, agent, channel, outbound, at, outcome, quint8(rng.below(demo::categories().size())));
        }
    }

    // Talk and wrap-up seconds for a contact on the channel.
    void handling(int channel, double speed, qint64 &duration, qint64 &wrapUp)
    {
        Random &rng = m_rng;
        switch (channel) {
        case Phone:
            duration = qint64(std::clamp(rng.logNormal(240, 0.6) * speed, 20.0, 3600.0));
            wrapUp = qint64(rng.logNormal(60, 0.5) * speed);
            break;
        case Chat:
            duration = qint64(std::clamp(rng.logNormal(540, 0.5) * speed, 60.0, 5400.0));
            wrapUp = qint64(rng.logNormal(45, 0.5) * speed);
            break;
        case Visit:
            duration = qint64(std::clamp(rng.logNormal(1500, 0.4) * speed, 300.0, 14400.0));
            wrapUp = qint64(rng.logNormal(300, 0.4));
            break;
        default:
            duration = 0;
            wrapUp = qint64(rng.logNormal(150, 0.6) * speed);
            break;
        }
    }

    Result<void> writeRows()
    {
        Random &rng = m_rng;
        BulkInserter insert(
            m_run.db,
            QStringLiteral(
                "INSERT INTO interactions (id, customer_id, ticket_id, agent_id, channel, direction, started_at, "
                "duration_s, wrap_up_s, outcome, category, subject, notes, rev, created_at, updated_at, created_by) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
        const auto jaNotes = demo::japaneseNoteSnippets();
        const auto enNotes = demo::englishNoteSnippets();
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [](const InteractionGen &a, const InteractionGen &b) { return a.at < b.at; });
        qint64 done = 0;
        for (const InteractionGen &row : m_rows) {
            const CustomerGen &customer = m_run.customers[std::size_t(row.customer)];
            const TicketGen *ticket = row.ticket >= 0 ? &m_run.tickets[std::size_t(row.ticket)] : nullptr;
            const AgentGen &agent = m_run.agents[row.agent];
            qint64 duration = 0;
            qint64 wrapUp = 0;
            handling(row.channel, agent.speed, duration, wrapUp);
            if (row.outcome == u"no_answer" || row.outcome == u"voicemail")
                duration = row.outcome == u"voicemail" ? rng.between(15, 60) : 0;
            insert.bind(1, makeKey(row.at, rng));
            insert.bind(2, customer.id);
            ticket ? insert.bind(3, ticket->id) : insert.bindNull(3);
            insert.bind(4, agent.id);
            insert.bind(5, kChannelKeys[row.channel]);
            insert.bind(6, row.outbound ? std::u16string_view(u"outbound") : std::u16string_view(u"inbound"));
            insert.bind(7, row.at);
            insert.bind(8, duration);
            insert.bind(9, wrapUp);
            insert.bind(10, row.outcome);
            insert.bind(11, ticket ? subjectsFor(customer)[std::size_t(ticket->subject)].category
                                   : demo::categories()[row.category]);
            insert.bind(12, std::u16string_view()); // a ticket carries the subject
            insert.bind(13, rng.chance(0.6) ? (customer.english ? rng.pick(enNotes) : rng.pick(jaNotes))
                                            : std::u16string_view());
            const qint64 saved = row.at + (duration + wrapUp) * kSecond;
            insert.bind(14, saved);
            insert.bind(15, saved);
            insert.bind(16, agent.id);
            ++m_run.summary.interactions;
            MADOGUCHI_TRY(insert.addRow());
            MADOGUCHI_TRY(m_run.loader.rowDone(QStringLiteral("interactions"), ++done, m_run.options.interactions));
        }
        return insert.finish();
    }

    DemoRun &m_run;
    Random m_rng;
    std::vector<InteractionGen> m_rows;
    std::vector<qint64> m_times; // reused for each ticket's follow-ups
};

// --- satisfaction surveys (stream 8) --------------------------------------------------

Result<void> insertCsatResponses(DemoRun &run)
{
    Random rng = stream(run.options.seed, 8);
    BulkInserter insert(run.db, QStringLiteral("INSERT INTO csat_responses (id, ticket_id, customer_id, received_at, "
                                               "csat, nps, ces, comment, complaint, rev, created_at, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"));
    for (const TicketGen &t : run.tickets) {
        if (!t.finalSolvedAt || !rng.chance(0.28))
            continue;
        const qint64 at = t.finalSolvedAt + qint64(rng.logNormal(6, 1.0) * kHour);
        if (at >= run.endMs)
            continue;
        // Slower, reopened or escalated tickets are rated lower.
        double mood = rng.uniform() - (t.reopenedAt ? 0.25 : 0) - (t.escalationLevel ? 0.1 : 0) + (t.fcr ? 0.08 : 0)
                      - 0.05 * run.agents[std::size_t(t.agent)].speed;
        const int csat = mood < 0.02 ? 1 : mood < 0.09 ? 2 : mood < 0.22 ? 3 : mood < 0.55 ? 4 : 5;
        insert.bind(1, makeKey(at, rng));
        insert.bind(2, t.id);
        insert.bind(3, run.customers[std::size_t(t.customer)].id);
        insert.bind(4, at);
        insert.bind(5, csat);
        if (rng.chance(0.7))
            insert.bind(6, std::clamp<qint64>(qint64(std::lround(csat * 2.0 + rng.normal() * 1.3 - 0.6)), 0, 10));
        else
            insert.bindNull(6);
        if (rng.chance(0.4))
            insert.bind(7, std::clamp<qint64>(qint64(std::lround(7.5 - csat * 1.2 + rng.normal())), 1, 7));
        else
            insert.bindNull(7);
        insert.bind(8, rng.chance(0.2) ? kCsatComments[rng.below(kCsatComments.size())] : std::u16string_view());
        insert.bind(9, csat <= 2 && rng.chance(0.35) ? 1 : 0);
        insert.bind(10, at);
        insert.bind(11, at);
        MADOGUCHI_TRY(insert.addRow());
        ++run.summary.csatResponses;
    }
    return insert.finish();
}

// The mark that keeps the demo from ever being pushed to a team server.
Result<void> markAsDemo(const DemoRun &run)
{
    BulkInserter state(run.db, QStringLiteral("INSERT OR REPLACE INTO client_state (key, value) VALUES (?, ?)"));
    const std::array<std::pair<QString, QString>, 3> values{{
        {QStringLiteral("demo"), QStringLiteral("1")},
        {QStringLiteral("demo_seed"), QString::number(run.options.seed)},
        {QStringLiteral("demo_anchor"), run.anchor.toString(Qt::ISODate)},
    }};
    for (const auto &[k, v] : values) {
        state.bind(1, k);
        state.bind(2, v);
        MADOGUCHI_TRY(state.addRow());
    }
    return state.finish();
}

// Every stage, in the order of their random streams' use.
Result<void> generateRows(DemoRun &run)
{
    MADOGUCHI_TRY(insertTeamsAndAgents(run));
    MADOGUCHI_TRY(insertOrganizations(run));
    MADOGUCHI_TRY(CustomerWriter(run).write());
    run.reportDone(QStringLiteral("customers"), run.options.customers);
    shapeTickets(run);
    allocateInteractions(run);
    MADOGUCHI_TRY(insertTicketsAndEvents(run));
    run.reportDone(QStringLiteral("tickets"), run.options.tickets);
    MADOGUCHI_TRY(InteractionWriter(run).write());
    run.reportDone(QStringLiteral("interactions"), run.options.interactions);
    MADOGUCHI_TRY(insertCsatResponses(run));
    return markAsDemo(run);
}

} // namespace

Result<void> checkEmptyForDemo(const Database &database)
{
    const auto used = holdsData(database);
    if (!used)
        return used.error();
    if (used.value())
        return makeError(Error::Code::Invalid,
                         DemoGeneratorText::tr(
                             "The database already contains data. Demo data is only generated into a new, empty "
                             "database, so nothing you saved can be mixed up with it."));
    return {};
}

Result<DemoSummary> generateDemoData(const Database &database, const DemoOptions &options, const DemoProgress &progress)
{
    MADOGUCHI_TRY(checkSizes(options));

    QElapsedTimer timer;
    timer.start();
    const QSqlDatabase db = database.connection();
    MADOGUCHI_TRY(checkEmptyForDemo(database));

    // Demo rows are regenerable seed data: load them without an fsync per
    // batch and with a large page cache, then restore the normal settings.
    // The generator only writes keys it created, and `madoguchi-cli check`
    // verifies them, so foreign keys are not looked up row by row either.
    // Without a journal every page is written once, straight into the file,
    // instead of into the WAL and again at the checkpoint. A crash during the
    // load leaves an unusable demo file (the CLI removes it on failure); no
    // user data can be involved, as the database must be empty.
    MADOGUCHI_TRY(
        sqlite::execScript(db, QStringLiteral(
                                   "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                                   "PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; PRAGMA threads = 2;")));
    struct RestorePragmas
    {
        QSqlDatabase db;
        ~RestorePragmas()
        {
            (void)sqlite::execScript(db, QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                                                        "PRAGMA cache_size = -16000; PRAGMA foreign_keys = ON;"));
        }
    } restore{db};

    // Indexes and derived-data triggers out of the way during the load.
    BulkLoadSchema restoreSchema(db);
    MADOGUCHI_TRY(restoreSchema.suspend());

    DemoRun run(db, options, progress);
    MADOGUCHI_TRY(run.loader.begin());
    struct RollbackOnFailure
    {
        QSqlDatabase db;
        ~RollbackOnFailure()
        {
            if (sqlite::inTransaction(db))
                (void)sqlite::execScript(db, QStringLiteral("ROLLBACK"));
        }
    } rollbackOnFailure{db};

    MADOGUCHI_TRY(generateRows(run));
    MADOGUCHI_TRY(run.loader.commit());
    if (progress)
        progress(QStringLiteral("indexes"), 0, restoreSchema.indexCount());
    MADOGUCHI_TRY(restoreSchema.restore());
    // Statistics for the query planner, sampled so it stays fast at scale.
    MADOGUCHI_TRY(sqlite::execScript(db, QStringLiteral("PRAGMA analysis_limit = 1000; ANALYZE;")));
    run.summary.elapsedMs = timer.elapsed();
    return run.summary;
}

} // namespace madoguchi
