package io.ringlog.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared conformance cases ({@code shared/conformance/*.jsonl}), which live outside the repository. */
public final class ConformanceFiles
{
    private ConformanceFiles()
    {
    }

    /** {@code shared/conformance} beside the repository (or any ancestor of the working directory), or null. */
    public static Path dir()
    {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
