#include "kit/backgroundwork.h"

#include <QThread>

namespace madoguchi {

BackgroundWork::BackgroundWork(QObject *owner)
    : QObject(owner)
{}

BackgroundWork::~BackgroundWork()
{
    wait();
}

void BackgroundWork::run(std::function<void()> work)
{
    QThread *thread = QThread::create(std::move(work));
    m_threads << thread;
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeAll(thread);
        thread->deleteLater();
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
