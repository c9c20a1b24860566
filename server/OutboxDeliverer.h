#pragma once

#include <QtGlobal>

namespace vigil {

class ServerContext;

// Delivers what NotificationOutbox queued. `serve` runs deliverDue() on a worker thread every
// few seconds (--outbox-interval); runs never overlap within one process, and the per-row claim
// below keeps separate processes (replicas, a restart racing an old instance) apart too.
class OutboxDeliverer
{
public:
    explicit OutboxDeliverer(ServerContext &context)
        : m_context(context)
    {
    }

    // Sends every due row, one claim at a time. Returns how many were sent, or -1 when the store
    // could not be read or written.
    int deliverDue();

    // Seconds to wait after the n-th failed attempt: 2, 4, 8, … capped at five minutes.
    static qint64 backoffSeconds(int failedAttempts);

private:
    struct Claimed;
    enum class ClaimResult { Claimed, NoneDue, StoreError };
    ClaimResult claimNext(Claimed *row);
    // Sends one claimed row and records the outcome; false when the outcome could not be recorded.
    bool deliver(const Claimed &row, bool *sent);

    ServerContext &m_context;
};

} // namespace vigil
