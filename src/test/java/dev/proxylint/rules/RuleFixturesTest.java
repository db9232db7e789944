package dev.proxylint.rules;

import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.LintReport;
import dev.proxylint.lint.Linter;
import dev.proxylint.settings.Settings;
import dev.proxylint.settings.SettingsLoader;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every fixture in testdata/: the findings (rule, file, line, column) must be exactly the ones its
 * inline {@code # expect:} comments name. Every rule of the catalogue has a bad and a good fixture.
 */
class RuleFixturesTest {
    static final Path TESTDATA = Path.of("testdata");
    /** The dialects proxylint reads today. */
    private static final Set<String> DIALECTS = Set.of("nginx", "apache");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(PL\\d{3}(?:@\\d+)?(?:\\s*,\\s*PL\\d{3}(?:@\\d+)?)*)");
    private static final Pattern ARGS = Pattern.compile("^#\\s*args:\\s*(.*)$");

    static List<Path> fixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TESTDATA)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> Files.isRegularFile(f) && (f.getFileName().toString().endsWith(".conf")
                            || f.getFileName().toString().endsWith(".conf.j2")))
                            .sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsExactlyItsExpectedFindings() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(TESTDATA.relativize(f).toString(),
                () -> check(f)));
    }

    @Test
    void everyRuleHasABadAndAGoodFixture() throws IOException {
        List<Path> all = fixtures();
        for (Catalogue.Entry e : Catalogue.load().entries()) {
            String id = e.meta().id();
            Path dir = TESTDATA.resolve(id + "-" + e.meta().name());
            assertTrue(Files.isDirectory(dir), "missing fixture folder " + dir);
            for (String dialect : e.meta().dialects().stream().filter(DIALECTS::contains).toList()) {
                List<Path> mine = all.stream().filter(p -> p.startsWith(dir)
                        && p.getFileName().toString().startsWith(dialect + "-")).toList();
                assertTrue(mine.stream().anyMatch(p -> p.getFileName().toString().contains("-bad")
                        && expectations(read(p)).values().stream().anyMatch(s -> s.contains(id))),
                        id + ": no " + dialect + "-bad fixture that expects it in " + dir);
                assertTrue(mine.stream().anyMatch(p -> p.getFileName().toString().contains("-good")),
                        id + ": no " + dialect + "-good fixture in " + dir);
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Path fixture) throws Exception {
        String text = Files.readString(fixture);
        Settings settings = settings(text);
        Linter linter = new Linter(Catalogue.load(), settings, DisplayPaths.ofWorkingDirectory());
        String display = fixture.toString();
        LintReport report = linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(fixture, display), true)));
        Set<String> actual = new TreeSet<>();
        for (Finding f : report.findings()) {
            actual.add(f.rule() + " " + f.position());
        }
        Set<String> expected = new TreeSet<>();
        expectations(text).forEach((lineCol, ids) -> ids.forEach(id -> expected.add(id + " " + display + ":"
                + lineCol)));
        String detail = report.findings().stream().map(f -> f.rule() + " " + f.position() + " " + f.message())
                .collect(Collectors.joining("\n"));
        assertEquals(expected, actual, "findings of " + fixture + ":\n" + detail);
        if (fixture.getFileName().toString().contains("-good")) {
            assertTrue(expected.isEmpty(), "a good fixture expects nothing: " + fixture);
        }
    }

    /** "line:column" -> rule ids, from the fixture's {@code # expect:} comments. */
    static Map<String, Set<String>> expectations(String text) {
        String[] lines = text.split("\n", -1);
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            // own line: the expectation is the first thing on it (a suppression comment before it: this line)
            boolean ownLine = lines[i].trim().startsWith(m.group(0).trim());
            int target = i;
            if (ownLine) {
                target = i + 1;
                while (target < lines.length && (lines[target].isBlank() || lines[target].trim().startsWith("#"))) {
                    target++;
                }
            }
            String line = target < lines.length ? lines[target] : "";
            int firstCol = line.length() - line.stripLeading().length() + 1;
            for (String item : m.group(1).split("\\s*,\\s*")) {
                String[] parts = item.trim().split("@");
                int col = parts.length > 1 ? Integer.parseInt(parts[1]) : firstCol;
                out.computeIfAbsent((target + 1) + ":" + col, k -> new TreeSet<>()).add(parts[0]);
            }
        }
        return out;
    }

    static Settings settingsOf(String text) throws Exception {
        return settings(text);
    }

    private static Settings settings(String text) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = ARGS.matcher(line.trim());
            if (m.find()) {
                String[] words = m.group(1).trim().split("\\s+");
                for (int i = 0; i + 1 < words.length; i += 2) {
                    flags.put(words[i], words[i + 1]);
                }
            }
        }
        Set<String> ids = Catalogue.load().entries().stream().map(e -> e.meta().id()).collect(Collectors.toSet());
        return new SettingsLoader(ids).load(null, flags, Map.of());
    }
}
