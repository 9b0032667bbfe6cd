#pragma once

#include "storage/database.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace madoguchi {

// Work on worker threads for an object of the UI thread (its parent), the
// one way to leave that thread: run() starts the work; its answer comes
// back to done() on the owner's thread after the worker has ended, and
// never once the owner is gone or after discard(). Work that reads the
// database gets that thread's connection, closed at the end. wait() blocks
// until every worker is done (before the database goes away).
class BackgroundWork : public QObject
{
public:
    enum class Ending {
        Wait,   // the owner's end waits for the workers: they use what it owns
        LetRun, // work that uses nothing of the owner's (a connect that may
                // take seconds) ends on its own after the owner is gone
    };
    explicit BackgroundWork(QObject *owner, Ending ending = Ending::Wait);
    ~BackgroundWork() override;

    // `work()` on a worker thread, then `done(result)` here.
    template<typename Work, typename Done>
    void run(Work work, Done done)
    {
        using Value = std::invoke_result_t<Work &>;
        auto result = std::make_shared<std::optional<Value>>();
        start([work = std::move(work), result]() mutable { result->emplace(work()); },
              [done = std::move(done), result]() mutable { done(std::move(**result)); });
    }
    // Work that reads `database`: `work(connection)` gets the worker's own
    // connection (or `work()` opens it through the database), closed after.
    template<typename Work, typename Done>
    void read(const Database *database, Work work, Done done)
    {
        run(
            [database, work = std::move(work)]() mutable {
                auto value = [&] {
                    if constexpr (std::is_invocable_v<Work &, QSqlDatabase>)
                        return work(database->connection());
                    else
                        return work();
                }();
                database->closeThreadConnection();
                return value;
            },
            std::move(done));
    }

    bool isBusy() const { return !m_threads.isEmpty(); }
    void wait();
    // Waits, then forgets the workers: their done() will not run.
    void discard();

private:
    void start(std::function<void()> work, std::function<void()> done);

    QHash<quint64, QThread *> m_threads; // by run
    Ending m_ending;
    quint64 m_runs = 0;
};

} // namespace madoguchi
