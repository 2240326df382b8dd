package io.ringlog.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the {@code ringlog} command: exit status, stdout bytes, stderr text. */
final class CliRun
{
    final int exitCode;
    final byte[] stdout;
    final String stderr;

    private CliRun(final int exitCode, final byte[] stdout, final String stderr)
    {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CliRun run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8))
        {
            code = Ringlog.run(args, o, e);
        }
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String out()
    {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    String[] outLines()
    {
        final String s = out();
        return s.isEmpty() ? new String[0] : s.split("\n");
    }

    String[] errLines()
    {
        return stderr.isEmpty() ? new String[0] : stderr.split("\n");
    }

    @Override
    public String toString()
    {
        return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
    }
}
