// Customer search and the customer list on the reference database (200k
// customers). Search latency is reported per query as p50/p95 over a sample
// of real values from the data, for each kind of query an agent types.
#include "benchsupport.h"

#include "domain/phonenumber.h"
#include "domain/uuid.h"
#include "models/customerlistmodel.h"
#include "repositories/customersearch.h"
#include "services/interactionlog.h"
#include "storage/database.h"
#include "storage/draftstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <functional>

using namespace madoguchi;

namespace {

using bench::reference;

// `count` values from a query over the reference data (spread through it).
QStringList sample(const QString &sql, const std::function<QString(const QString &)> &shape = {})
{
    QSqlQuery q(reference().connection());
    q.exec(sql);
    QStringList out;
    while (q.next())
        out << (shape ? shape(q.value(0).toString()) : q.value(0).toString());
    return out;
}

QString firstWord(const QString &s)
{
    return s.section(u' ', 0, 0);
}

// Rows spread through the table: "… WHERE <cond> AND" + kSpread.
const QString kSpread = QStringLiteral(" rowid % 3989 = 7 LIMIT 60");

QStringList queriesFor(int kind)
{
    switch (kind) {
    case 0: // a whole phone number as written nationally: 03-1234-5678
        return sample(
            QStringLiteral(
                "SELECT value FROM customer_contacts WHERE kind = 'phone' AND value LIKE '+81%' AND rowid % 3989 = 7 LIMIT 60"),
            [](const QString &e164) { return PhoneNumber::fromE164(e164).nationalFormat(); });
    case 1: // the last four digits someone reads out
        return sample(QStringLiteral("SELECT substr(value, -4) FROM customer_contacts WHERE kind = 'phone' AND")
                      + kSpread);
    case 2: // a two-character family name in kanji: 山田
        return sample(QStringLiteral("SELECT name FROM customers WHERE name_reading GLOB '[ア-ン]*' AND") + kSpread,
                      firstWord);
    case 3: // a family name in katakana: ヤマダ
        return sample(QStringLiteral("SELECT name_reading FROM customers WHERE") + kSpread, firstWord);
    case 4: // a full name in kanji: 山田 太郎
        return sample(QStringLiteral("SELECT name FROM customers WHERE") + kSpread);
    case 5: // one character: 山
        return sample(QStringLiteral("SELECT substr(name, 1, 1) FROM customers WHERE") + kSpread);
    case 6: // an exact e-mail address
        return sample(QStringLiteral("SELECT value FROM customer_contacts WHERE kind = 'email' AND") + kSpread);
    case 7: // part of a company name: 山田商事
        return sample(
            QStringLiteral("SELECT substr(name, 5, 4) FROM organizations WHERE name LIKE '株式会社%' LIMIT 60"));
    default: return {};
    }
}

const char *const kKinds[] = {"phone_full", "phone_last4", "kanji_family", "katakana_family",
                              "kanji_full", "one_char",    "email_exact",  "company_part"};

void BM_CustomerSearch(benchmark::State &state)
{
    const QStringList queries = queriesFor(int(state.range(0)));
    if (queries.isEmpty()) {
        state.SkipWithError("no sample queries");
        return;
    }
    state.SetLabel(kKinds[state.range(0)]);
    const CustomerSearch search(reference().connection(), QStringLiteral("JP"));
    std::vector<double> latencies;
    qint64 results = 0;
    for (auto _ : state) {
        for (const QString &q : queries) {
            QElapsedTimer timer;
            timer.start();
            const auto hits = search.search(q, 50);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            results += hits ? hits->size() : 0;
        }
    }
    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double p) { return latencies[std::size_t(p * double(latencies.size() - 1))]; };
    state.counters["p50_ms"] = percentile(0.50);
    state.counters["p95_ms"] = percentile(0.95);
    state.counters["max_ms"] = latencies.back();
    state.counters["hits_per_query"] = double(results) / double(latencies.size());
    state.counters["queries"] = double(queries.size());
}
BENCHMARK(BM_CustomerSearch)->DenseRange(0, 7)->Unit(benchmark::kMillisecond)->Iterations(5);

// Opening the list: the model and its first page.
void BM_CustomerListFirstPage(benchmark::State &state)
{
    const bool byLastContact = state.range(0) == 1;
    state.SetLabel(byLastContact ? "by_last_contact" : "by_reading");
    for (auto _ : state) {
        CustomerListModel model(reference(), QStringLiteral("JP"), QTimeZone("Asia/Tokyo"));
        if (byLastContact)
            model.setOrder(CustomerListModel::Order::ByLastContact, Qt::DescendingOrder);
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_CustomerListFirstPage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Jumping into the middle of 200k customers (the な row of the kana index),
// then the next page as the agent scrolls on.
void BM_CustomerListJumpToMiddle(benchmark::State &state)
{
    CustomerListModel model(reference(), QStringLiteral("JP"), QTimeZone("Asia/Tokyo"));
    for (auto _ : state) {
        model.jumpTo(QStringLiteral("な"));
        model.fetchMore({});
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_CustomerListJumpToMiddle)->Unit(benchmark::kMillisecond);

// Scrolling: the next page of 200 rows after the first.
void BM_CustomerListNextPage(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        CustomerListModel model(reference(), QStringLiteral("JP"), QTimeZone("Asia/Tokyo"));
        for (int i = 0; i < 20; ++i)
            model.fetchMore({});
        state.ResumeTiming();
        model.fetchMore({});
        benchmark::DoNotOptimize(model.rowCount());
    }
}
BENCHMARK(BM_CustomerListNextPage)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

// Saving a logged call, as the dialog does: one transaction with the
// interaction, its outbox mutation, the derived-data triggers and the draft's
// removal, with synchronous=FULL. Runs on the writable copy of the reference database.
void BM_SaveLoggedCall(benchmark::State &state)
{
    Database &db = bench::writableReference();
    const QStringList phones = [&] {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT customer_id FROM customer_contacts WHERE rowid % 1000 = 1 LIMIT 200"));
        QStringList out;
        while (q.next())
            out << QString::fromLatin1(q.value(0).toByteArray().toHex());
        return out;
    }();
    InteractionLog log(db.connection(), {});
    std::vector<double> latencies;
    int i = 0;
    for (auto _ : state) {
        state.PauseTiming();
        (void)DraftStore(db.connection())
            .save(QStringLiteral("log-interaction"), {{QStringLiteral("notes"), QStringLiteral("…")}});
        InteractionLog::Entry entry;
        entry.interaction.customerId = uuidFromBlob(QByteArray::fromHex(phones.at(i++ % phones.size()).toLatin1()));
        entry.interaction.startedAt = QDateTime::currentDateTimeUtc();
        entry.interaction.durationSeconds = 184;
        entry.interaction.wrapUpSeconds = 41;
        entry.interaction.outcome = Outcome::Resolved;
        entry.interaction.category = QStringLiteral("billing");
        entry.interaction.notes = QStringLiteral(
            "11月分の請求書の金額について問い合わせ。明細を説明し、了承いただいた。");
        entry.draftKey = QStringLiteral("log-interaction");
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        const auto saved = log.save(entry);
        latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!saved) {
            state.SkipWithError(qPrintable(saved.error().message));
            break;
        }
    }
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.empty()) {
        state.counters["p50_ms"] = latencies[latencies.size() / 2];
        state.counters["p95_ms"] = latencies[std::size_t(0.95 * double(latencies.size() - 1))];
    }
}
BENCHMARK(BM_SaveLoggedCall)->Unit(benchmark::kMillisecond)->Iterations(200);

} // namespace
