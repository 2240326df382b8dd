package io.ringlog.bench.ingest;

import java.io.IOException;

/**
 * One syslog server under test, run as its own process on 127.0.0.1: started fresh (new journal or output file)
 * for every run, fed by {@link TcpFileSender}, polled for how many messages it has made durable in its store,
 * and stopped with SIGTERM.
 */
public interface IngestTarget extends AutoCloseable
{
    /** What the report calls it, e.g. {@code ringlog} or {@code rsyslog}. */
    String system();

    /** The configuration the report shows, e.g. {@code phased, 1 parser}. */
    String config();

    /** Starts the server and returns once it accepts TCP connections. */
    void start() throws IOException, InterruptedException;

    int tcpPort();

    /** The UDP port, or -1 when the target was not started with a UDP listener. */
    default int udpPort()
    {
        return -1;
    }

    long pid();

    /**
     * Messages stored so far, cheap enough to call every millisecond. Only exact once the store has them all;
     * {@link #verify} gives the final, exact count.
     */
    long stored() throws IOException;

    /** SIGTERM and wait for the process; returns its exit code. */
    int stop() throws InterruptedException;

    /** After {@link #stop()}: checks what the store holds against {@code expected} messages. */
    Verification verify(long expected) throws IOException;

    /** The run's own directory: config, logs, store. */
    java.nio.file.Path runDir();

    /**
     * Kills the process if it is still running and deletes the store (journal or output file), keeping the
     * small files in {@link #runDir()} (stderr, a JVM's hs_err file) for a failed run to be diagnosed.
     */
    @Override
    void close();

    /** The store's final count and whether every message arrived exactly once. */
    record Verification(long stored, long received, long dropped, String detail)
    {
        public long loss(final long expected)
        {
            return expected - stored;
        }
    }
}
