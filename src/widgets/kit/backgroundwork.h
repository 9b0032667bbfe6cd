#pragma once

#include <QList>
#include <QObject>

#include <functional>

class QThread;

namespace madoguchi {

// Work on worker threads (each with its own database connection, opened by
// Database::connection() there), owned by a UI object: run() starts it;
// wait() blocks until all of it is done (before the database goes away).
// Results come back with QMetaObject::invokeMethod(owner, …, Qt::QueuedConnection).
class BackgroundWork : public QObject
{
public:
    explicit BackgroundWork(QObject *owner);
    ~BackgroundWork() override;

    void run(std::function<void()> work);
    void wait();
    // Deletes the finished threads' objects (their queued handlers will not run).
    void discard();

private:
    QList<QThread *> m_threads;
};

} // namespace madoguchi
