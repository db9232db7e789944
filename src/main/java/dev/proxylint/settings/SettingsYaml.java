package dev.proxylint.settings;

import dev.proxylint.io.IoErrors;
import dev.proxylint.io.RegularFiles;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a settings file into a {@link Configuration}, refusing what would hang or crash a YAML reader: files
 * that are not regular or are larger than {@link #MAX_BYTES}, deep nesting, alias bombs, an alias that
 * contains itself, keys that are lists or maps, and duplicate keys (which SnakeYAML would let the last one
 * win, with a logged warning).
 */
final class SettingsYaml {
    /** A settings file is a few lines; SnakeYAML takes seconds per megabyte of a single long line. */
    static final long MAX_BYTES = 1L << 20;
    /** Values in the whole document, aliases expanded: far more than any settings file holds. */
    private static final int MAX_VALUES = 10_000;

    private SettingsYaml() {
    }

    static Configuration read(Path path) throws SettingsException {
        String text = text(path);
        Object document;
        try {
            document = yaml().load(text);
        } catch (DuplicateKeyException e) {
            throw new SettingsException("settings file " + path + ": " + e.getProblem().replace("found duplicate key",
                    "duplicate key") + at(e.getProblemMark()) + "; write each key once");
        } catch (MarkedYAMLException e) {
            throw new SettingsException("settings file " + path + " is not valid YAML" + at(e.getProblemMark())
                    + ": " + oneLine(e.getContext() == null ? e.getProblem()
                    : e.getProblem() == null ? e.getContext() : e.getContext() + ", " + e.getProblem()));
        } catch (YAMLException e) {
            throw new SettingsException("settings file " + path + " is not valid YAML: " + oneLine(e.getMessage()));
        }
        if (document == null) {
            return new LoadedYaml(Map.of());
        }
        if (!(document instanceof Map<?, ?> map)) {
            // Commons Configuration casts the document to a Map: say what the file holds instead
            throw new SettingsException("settings file " + path + ": expected a mapping of settings (socketio:,"
                    + " rules:, ...), found " + kind(document));
        }
        new Checker(path).check(map, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) map;
        return new LoadedYaml(settings);
    }

    private static String text(Path path) throws SettingsException {
        String kind = RegularFiles.notRegular(path);
        if (kind != null) {
            throw new SettingsException("settings file " + path + " is " + kind + ", not a file");
        }
        try {
            byte[] bytes = RegularFiles.readAtMost(path, MAX_BYTES);
            if (bytes.length > MAX_BYTES) {
                throw new SettingsException("settings file " + path + " is larger than "
                        + RegularFiles.size(MAX_BYTES) + "; not a proxylint settings file");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SettingsException("settings file " + path + " is not valid UTF-8");
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + path + ": " + IoErrors.reason(e));
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new ScalarsAsText());
    }

    /**
     * Scalars stay the text they are written as (only {@code ~} and empty are null, {@code <<} merges): YAML 1.1
     * would read {@code 0x10} and {@code 010} as numbers, {@code 2.0} as a float and {@code 1:30} as 90, so a
     * setting meant as a decimal integer could change value silently. The settings check every value.
     */
    private static final class ScalarsAsText extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /** Checks what Commons Configuration would choke on, before it walks the document. */
    private static final class Checker {
        private final Path path;
        private int values;

        Checker(Path path) {
            this.path = path;
        }

        void check(Object node, String where, Set<Object> enclosing) throws SettingsException {
            if (++values > MAX_VALUES) {
                throw new SettingsException("settings file " + path + " holds more than " + MAX_VALUES
                        + " values (aliases included); not a proxylint settings file");
            }
            if (!(node instanceof Map<?, ?>) && !(node instanceof List<?>)) {
                return;
            }
            if (!enclosing.add(node)) {
                throw new SettingsException("settings file " + path + ": " + name(where) + " contains itself (a YAML"
                        + " alias to an enclosing anchor)");
            }
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new SettingsException("settings file " + path + ": " + name(where) + " has a key that is "
                                + kind(e.getKey()) + "; keys are names such as socketio: or PL201:");
                    }
                    check(e.getValue(), where.isEmpty() ? key : where + "." + key, enclosing);
                }
            } else {
                for (Object item : (List<?>) node) {
                    check(item, where, enclosing);
                }
            }
            enclosing.remove(node);
        }

        private static String name(String where) {
            return where.isEmpty() ? "the document" : "'" + where + "'";
        }
    }

    /** A YAML configuration from an already checked document. */
    private static final class LoadedYaml extends YAMLConfiguration {
        LoadedYaml(Map<String, Object> document) {
            load(document);
        }
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** What a YAML value is, in the words of YAML. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof String s) { // scalars are read as text: name what YAML 1.1 would make of them
            return Resolver.INT.matcher(s).matches() || Resolver.FLOAT.matcher(s).matches() ? "a number"
                    : Resolver.BOOL.matcher(s).matches() ? "a boolean"
                    : Resolver.TIMESTAMP.matcher(s).matches() ? "a date" : "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof java.util.Date) {
            return "a date";
        }
        if (value instanceof Set) {
            return "a set";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
