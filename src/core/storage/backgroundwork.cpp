#include "storage/backgroundwork.h"

#include <QThread>

namespace madoguchi {

BackgroundWork::BackgroundWork(QObject *owner, Ending ending)
    : QObject(owner)
    , m_ending(ending)
{}

BackgroundWork::~BackgroundWork()
{
    if (m_ending == Ending::Wait) {
        discard();
        return;
    }
    // The workers go on alone and delete themselves when they end (at once
    // if they have ended; deleteLater may safely come twice).
    for (QThread *thread : std::as_const(m_threads)) {
        connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        if (thread->isFinished())
            thread->deleteLater();
    }
}

void BackgroundWork::start(std::function<void()> work, std::function<void()> done)
{
    const quint64 id = ++m_runs;
    QThread *thread = QThread::create(std::move(work));
    m_threads.insert(id, thread);
    // Queued to this object's thread; gone with it. A run forgotten by
    // discard() is no longer listed and its answer is dropped.
    connect(thread, &QThread::finished, this, [this, id, done = std::move(done)] {
        QThread *finished = m_threads.take(id);
        if (!finished)
            return;
        finished->deleteLater();
        done();
    });
    thread->start(QThread::LowPriority);
}

void BackgroundWork::wait()
{
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
}

void BackgroundWork::discard()
{
    wait();
    qDeleteAll(m_threads);
    m_threads.clear();
}

} // namespace madoguchi
