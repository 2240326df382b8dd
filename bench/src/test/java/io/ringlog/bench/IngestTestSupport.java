package io.ringlog.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the engine jar is: surefire sets {@code ringlogd.jar} (see bench/pom.xml). */
public final class IngestTestSupport
{
    private IngestTestSupport()
    {
    }

    public static Path engineJar()
    {
        final Path jar = Path.of(System.getProperty("ringlogd.jar", "../engine/target/ringlogd.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar))
        {
            throw new IllegalStateException(jar + " not built: run `mvn -B -pl bench -am verify` (the engine " +
                "module's package phase builds it)");
        }
        return jar;
    }
}
