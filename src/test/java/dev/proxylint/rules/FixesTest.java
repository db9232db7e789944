package dev.proxylint.rules;

import dev.proxylint.lint.Fixer;
import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.LintReport;
import dev.proxylint.lint.Linter;
import dev.proxylint.lint.UnifiedDiff;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every edit a rule proposes, applied to every bad fixture: the findings it fixes are gone and nothing new
 * appears (no syntax error, no other rule), judged by linting the fixed text again.
 */
class FixesTest {
    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> fixesRemoveTheirFindingsAndAddNone() throws IOException {
        return RuleFixturesTest.fixtures().stream()
                .filter(f -> f.getFileName().toString().contains("-bad"))
                .map(f -> DynamicTest.dynamicTest(RuleFixturesTest.TESTDATA.relativize(f).toString(), () -> check(f)));
    }

    /** The fixed text of one bad fixture. */
    private static String fixed(String fixture) throws Exception {
        Path f = RuleFixturesTest.TESTDATA.resolve(fixture);
        Linter linter = linter(f);
        LintReport report = linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(f, "x.conf"), true)));
        return Fixer.changes(report.findings(), linter.sources()).get(0).after();
    }

    @Test
    void upgradeHeadersAddedToALocationRepeatTheHeadersItInherited() throws Exception {
        String after = fixed("PL101-upgrade-not-forwarded/nginx-bad-inherited-headers.conf");
        assertTrue(after.contains("""
                    location /socket.io/ {
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_pass http://127.0.0.1:3000;
                """), after);
    }

    @Test
    void aSemicolonInsideQuotesDoesNotEndADirective() {
        assertEquals("proxy_set_header Forwarded \"for=$remote_addr; proto=$scheme\";\nproxy_set_header Host $host;",
                Edits.lines("proxy_set_header Forwarded \"for=$remote_addr; proto=$scheme\"; proxy_set_header Host $host;"));
    }

    @Test
    void theFixOfAnExactConnectionTestKeepsItsNegationAndIgnoresCase() throws Exception {
        assertTrue(fixed("PL101-upgrade-not-forwarded/apache-bad-connection-negated-exact.conf")
                .contains("    RewriteCond %{HTTP:Connection} !upgrade [NC]\n"));
        assertTrue(fixed("PL101-upgrade-not-forwarded/apache-bad-connection-exact-case.conf")
                .contains("    RewriteCond %{HTTP:Connection} upgrade [NC]\n"));
    }

    @Test
    void aConnectionFixAddsTheUpgradeHeaderItAlsoLacks() throws Exception {
        String after = fixed("PL104-connection-header-value/nginx-bad-no-upgrade-either.conf");
        assertTrue(after.contains("        proxy_set_header Connection \"upgrade\"; proxy_set_header Upgrade"
                + " $http_upgrade;  # expect: PL104\n"), after);
    }

    private static void check(Path fixture) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "fix");
        Path copy = dir.resolve(fixture.getFileName());
        Files.copy(fixture, copy);
        copyIncludes(fixture.getParent(), dir);
        List<String> args = List.of();
        Linter linter = linter(fixture);
        LintReport before = linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(copy, "x.conf"), true)));
        List<Fixer.Change> changes = Fixer.changes(before.findings(), linter.sources());
        long withEdits = before.findings().stream().filter(f -> !f.edits().isEmpty()).count();
        if (changes.isEmpty()) {
            assertEquals(0, withEdits, "edits that changed nothing in " + fixture);
            return;
        }
        assertEquals(1, changes.size());
        Files.writeString(copy, changes.get(0).after());
        LintReport after = linter(fixture).lint(List.of(new InputCollector.Candidate(SourceFile.read(copy, "x.conf"),
                true)));
        List<String> left = after.findings().stream().map(f -> f.rule()).sorted().toList();
        List<String> expected = before.findings().stream().filter(f -> f.edits().isEmpty()).map(f -> f.rule())
                .sorted().toList();
        assertEquals(expected, left, "after the fixes in " + fixture + ":\n" + changes.get(0).after());
        assertTrue(args.isEmpty());
    }

    private static Linter linter(Path fixture) throws Exception {
        Settings s = RuleFixturesTest.settingsOf(Files.readString(fixture));
        return new Linter(Catalogue.load(), s, new DisplayPaths(fixture.getParent()), Map.of());
    }

    private static void copyIncludes(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (!Files.exists(target) && !from.relativize(p).toString().endsWith(".conf")
                        || p.getParent() != null && !p.getParent().equals(from)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void diffIsAUnifiedDiffWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nX\ne\nf\ng\nh\n";
        assertEquals("--- f\n+++ f\n@@ -2,6 +2,7 @@\n b\n c\n d\n+X\n e\n f\n g\n", UnifiedDiff.of("f", before, after));
    }
}
