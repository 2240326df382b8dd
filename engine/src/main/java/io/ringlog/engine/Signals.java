package io.ringlog.engine;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop. A JVM shutdown hook would do too, but the JVM then exits 143 (or
 * 130) whatever the hook does; a signal handler lets ringlogd finish its graceful stop and exit 0, as a daemon
 * that stopped cleanly should.
 */
final class Signals
{
    private Signals()
    {
    }

    static void onStop(final Runnable action)
    {
        final sun.misc.SignalHandler handler = signal -> action.run();
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }
}
