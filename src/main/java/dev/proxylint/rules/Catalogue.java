package dev.proxylint.rules;

import dev.proxylint.settings.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The rule catalogue: every {@code rules/*.yml} on the class path (the project's {@code rules/} folder,
 * packaged into the jar), each with the class that implements it. Adding a rule adds a file here and a class;
 * nothing else changes.
 */
public final class Catalogue {
    private static final String FOLDER = "rules/";

    /** A rule with its metadata. {@code rule} is null for ids the front end reports (none today). */
    public record Entry(RuleMeta meta, Rule rule) {
    }

    private final List<Entry> entries;

    private Catalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A catalogue of exactly these entries, in this order: for tests that must not change with rules/*.yml. */
    public static Catalogue of(List<Entry> entries) {
        return new Catalogue(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> find(String idOrName) {
        return entries.stream().filter(e -> e.meta().id().equalsIgnoreCase(idOrName)
                || e.meta().name().equalsIgnoreCase(idOrName)).findFirst();
    }

    public static Catalogue load() {
        List<Entry> entries = new ArrayList<>();
        for (String resource : resourceNames()) {
            try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                RuleMeta meta = parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                entries.add(new Entry(meta, instantiate(meta)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
            }
        }
        entries.sort(Comparator.comparing(e -> e.meta().id()));
        return new Catalogue(entries);
    }

    static RuleMeta parse(String resource, String yamlText) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        String id = str(m, "id", resource);
        String name = str(m, "name", resource);
        Severity severity = Severity.parse(str(m, "severity", resource));
        if (severity == null) {
            throw new IllegalStateException(resource + ": severity must be error, warning or info");
        }
        Object d = m.get("dialects");
        List<String> dialects = d instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new RuleMeta(id, name, severity, dialects, str(m, "summary", resource), opt(m, "symptom"),
                opt(m, "description"), opt(m, "bad"), opt(m, "good"), opt(m, "fix"));
    }

    private static String str(Map<String, Object> m, String key, String resource) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalStateException(resource + ": missing '" + key + "'");
        }
        return String.valueOf(v).trim();
    }

    private static String opt(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static Rule instantiate(RuleMeta meta) {
        try {
            Class<?> c = Class.forName(meta.className());
            return (Rule) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("rule " + meta.id() + ": no class " + meta.className(), e);
        }
    }

    /** The names of the catalogue files, from the jar or the classes folder this class was loaded from. */
    private static List<String> resourceNames() {
        List<String> names = new ArrayList<>();
        try {
            URL location = Catalogue.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(location.toURI());
            if (Files.isDirectory(p)) {
                Path dir = p.resolve(FOLDER);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(f -> FOLDER + f.getFileName()).filter(n -> n.endsWith(".yml")).forEach(names::add);
                    }
                }
            } else {
                try (JarFile jar = new JarFile(p.toFile())) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(FOLDER) && n.endsWith(".yml") && n.indexOf('/', FOLDER.length()) < 0)
                            .forEach(names::add);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the rule catalogue: " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }
}
