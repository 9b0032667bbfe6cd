#include "domain/uuid.h"

#include <QDateTime>
#include <QMutex>
#include <QRandomGenerator>

#include <array>

namespace madoguchi {

QUuid uuidV7(qint64 unixMillis, quint64 randomA, quint64 randomB)
{
    std::array<char, 16> bytes{};
    const auto ms = static_cast<quint64>(unixMillis) & 0xFFFF'FFFF'FFFFull;
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>((ms >> (8 * (5 - i))) & 0xFF);
    const auto a = randomA & 0x0FFF;               // 12 bits rand_a
    bytes[6] = static_cast<char>(0x70 | (a >> 8)); // version 7
    bytes[7] = static_cast<char>(a & 0xFF);
    const auto b = randomB & 0x3FFF'FFFF'FFFF'FFFFull; // 62 bits rand_b
    bytes[8] = static_cast<char>(0x80 | (b >> 56));    // RFC 4122 variant
    for (int i = 9; i < 16; ++i)
        bytes[i] = static_cast<char>((b >> (8 * (15 - i))) & 0xFF);
    return QUuid::fromRfc4122(QByteArrayView(bytes.data(), bytes.size()));
}

QUuid newUuidV7()
{
    // RFC 9562 §6.2, method 1: rand_a is a counter within the millisecond, so
    // keys made by this process sort in the order they were made (and a
    // clock that steps back does not reorder them).
    static QBasicMutex mutex;
    static qint64 lastMs = 0;
    static quint64 counter = 0;
    auto *rng = QRandomGenerator::system();
    const QMutexLocker lock(&mutex);
    qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms > lastMs) {
        counter = rng->generate() & 0x07FF; // random start, leaving half the range to count
    } else {
        ms = lastMs;
        if (++counter > 0x0FFF) { // 4096 keys in one millisecond: borrow the next one
            ++ms;
            counter = 0;
        }
    }
    lastMs = ms;
    return uuidV7(ms, counter, rng->generate64());
}

} // namespace madoguchi
