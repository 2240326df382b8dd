package io.ringlog.engine.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the YAML config file into an {@link EngineConfig}. SnakeYAML composes the node tree (no object
 * construction, so no YAML tags are honoured); each scalar is set with its dotted key and its file:line, so every
 * error names both.
 */
public final class ConfigFile
{
    private ConfigFile()
    {
    }

    public static EngineConfig load(final Path file, final EngineConfig config)
    {
        final String name = file.toString();
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(name + ": no such config file");
        }
        final Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(reader);
        }
        catch (final MarkedYAMLException e)
        {
            final int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(name + ":" + line + ": invalid YAML: " + e.getProblem());
        }
        catch (final YAMLException e)
        {
            throw new ConfigException(name + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        catch (final IOException e)
        {
            throw new ConfigException(name + ": cannot read: " + e.getMessage());
        }
        if (root == null)
        {
            return config; // an empty file: all defaults
        }
        if (!(root instanceof MappingNode))
        {
            throw new ConfigException(name + ":" + line(root) + ": expected a mapping of sections (listen, ring, " +
                "journal, logic)");
        }
        walk(name, (MappingNode)root, "", config);
        return config;
    }

    private static void walk(final String name, final MappingNode map, final String prefix, final EngineConfig config)
    {
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple tuple : map.getValue())
        {
            final Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode))
            {
                throw new ConfigException(name + ":" + line(keyNode) + ": keys must be plain names");
            }
            final String key = prefix + ((ScalarNode)keyNode).getValue();
            if (!seen.add(key))
            {
                throw new ConfigException(name + ":" + line(keyNode) + ": duplicate key '" + key + "'");
            }
            final Node value = tuple.getValueNode();
            if (value instanceof MappingNode)
            {
                if (!prefix.isEmpty())
                {
                    throw new ConfigException(name + ":" + line(keyNode) + ": unknown key '" + key + "'");
                }
                walk(name, (MappingNode)value, key + ".", config);
            }
            else if (value instanceof ScalarNode)
            {
                if (prefix.isEmpty())
                {
                    throw new ConfigException(name + ":" + line(keyNode) + ": unknown key '" + key +
                        "' (settings belong to a section: listen, ring, journal, logic)");
                }
                config.set(key, ((ScalarNode)value).getValue(), name + ":" + line(value));
            }
            else
            {
                throw new ConfigException(name + ":" + line(value) + ": " + key + ": expected a single value");
            }
        }
    }

    private static int line(final Node node)
    {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
