package io.ringlog.bench.latency;

import java.io.IOException;

/** Reads what a server has newly made visible in its store and hands each message's stamps to the recorder. */
interface StoreFollower extends AutoCloseable
{
    /** Reads what is new (a bounded amount); returns how many messages it saw, 0 when nothing was new. */
    int poll(LatencyRecorder recorder) throws IOException;

    @Override
    void close() throws IOException;
}
