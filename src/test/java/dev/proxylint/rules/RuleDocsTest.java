package dev.proxylint.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/rules/*.md are generated from the catalogue (rules/*.yml), the single source: this test fails when
 * they drift. Regenerate with {@code mvn test -Dtest=RuleDocsTest -Ddocs.update=true}.
 */
class RuleDocsTest {
    static final Path DOCS = Path.of("docs", "rules");

    @Test
    void docsPagesMatchTheCatalogue() throws IOException {
        boolean update = Boolean.getBoolean("docs.update");
        List<String> stale = new ArrayList<>();
        List<String> expectedNames = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.load().entries()) {
            RuleMeta m = e.meta();
            String name = m.id() + "-" + m.name() + ".md";
            expectedNames.add(name);
            Path page = DOCS.resolve(name);
            String want = page(m);
            if (update) {
                Files.createDirectories(DOCS);
                Files.writeString(page, want);
            } else if (!Files.isRegularFile(page) || !Files.readString(page).equals(want)) {
                stale.add(name);
            }
        }
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (!expectedNames.contains(n)) {
                    if (update) {
                        Files.delete(p);
                    } else {
                        stale.add(n + " (no such rule)");
                    }
                }
            }
        }
        assertEquals(List.of(), stale, "docs/rules is out of date; regenerate with"
                + " mvn test -Dtest=RuleDocsTest -Ddocs.update=true");
    }

    /** The README's rule table lists every rule of the catalogue, each linking to its page. */
    @Test
    void readmeRuleTableListsEveryRuleWithItsPage() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.load().entries()) {
            RuleMeta m = e.meta();
            String row = "| [" + m.id() + "](docs/rules/" + m.id() + "-" + m.name() + ".md) | " + m.name() + " | "
                    + m.severity().id() + " |";
            if (!readme.contains(row)) {
                missing.add(row);
            }
        }
        assertEquals(List.of(), missing, "README.md's rule table");
    }

    static String page(RuleMeta m) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.id()).append(" ").append(m.name()).append("\n\n");
        sb.append("Default severity: **").append(m.severity().id()).append("**. Dialects: ")
                .append(String.join(", ", m.dialects())).append(".\n\n");
        sb.append(m.summary()).append("\n\n");
        if (!m.symptom().isEmpty()) {
            sb.append("**What users see:** ").append(m.symptom()).append("\n\n");
        }
        if (!m.description().isEmpty()) {
            sb.append(m.description().strip()).append("\n\n");
        }
        if (!m.bad().isEmpty()) {
            sb.append("## Bad\n\n```").append(m.dialects().contains("nginx") ? "nginx" : "apache").append('\n')
                    .append(m.bad().strip()).append("\n```\n\n");
        }
        if (!m.good().isEmpty()) {
            sb.append("## Fixed\n\n```").append(m.dialects().contains("nginx") ? "nginx" : "apache").append('\n')
                    .append(m.good().strip()).append("\n```\n\n");
        }
        if (!m.fix().isEmpty()) {
            sb.append("**Fix:** ").append(m.fix()).append("\n\n");
        }
        sb.append("Suppress one finding with `# proxylint disable=").append(m.id())
                .append("` on the line before the directive; this page is `proxylint explain ").append(m.id())
                .append("`, generated from [rules/").append(m.id()).append('-').append(m.name())
                .append(".yml](../../rules/").append(m.id()).append('-').append(m.name()).append(".yml).\n");
        return sb.toString();
    }
}
