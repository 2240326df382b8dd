package io.ringlog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The lines of a report that say where it was measured: cores, CPU, memory, JDK, kernel, filesystem. */
final class Machine
{
    private Machine()
    {
    }

    static String describe(final Path storeDir) throws IOException
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
            .append(cpuModel()).append(", ").append(memTotal()).append(", Linux ")
            .append(System.getProperty("os.version")).append('\n');
        sb.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
            .append(System.getProperty("java.runtime.version")).append(" (the engine runs on the same `java`)\n");
        final Path abs = storeDir.toAbsolutePath();
        sb.append("- journals and output files under ").append(abs).append(": filesystem ")
            .append(Files.getFileStore(abs).type()).append(" (").append(Files.getFileStore(abs).name())
            .append(")\n");
        return sb.toString();
    }

    private static String cpuModel()
    {
        return firstValue(Path.of("/proc/cpuinfo"), "model name");
    }

    private static String memTotal()
    {
        final String kb = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try
        {
            return String.format("%.1f GB RAM", Long.parseLong(kb.replace("kB", "").trim()) / 1048576.0);
        }
        catch (final NumberFormatException e)
        {
            return kb;
        }
    }

    private static String firstValue(final Path file, final String key)
    {
        try
        {
            final List<String> lines = Files.readAllLines(file);
            for (final String line : lines)
            {
                if (line.startsWith(key))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException ignore)
        {
            // not Linux
        }
        return "unknown";
    }
}
