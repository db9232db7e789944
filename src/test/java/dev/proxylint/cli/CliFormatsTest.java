package dev.proxylint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxylint.rules.Catalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CI formats end to end: {@code --format X} on a broken config exits 1 and prints a document that parses. */
class CliFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sarifDescribesTheWholeCatalogueAndLocatesTheFinding(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun r = CliRun.of("--format", "sarif", f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        JsonNode run = JSON.readTree(r.out()).path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        Catalogue catalogue = Catalogue.load();
        assertEquals(catalogue.entries().size(), rules.size());
        for (JsonNode rule : rules) {
            // helpUri points at the rule's page in the repository: it must be the page that exists here
            String file = rule.path("helpUri").asText().replaceFirst(".*/docs/rules/", "");
            assertTrue(Files.isRegularFile(Path.of("docs", "rules", file)), rule.path("helpUri").asText());
        }
        JsonNode result = run.path("results").get(0);
        assertEquals(1, run.path("results").size());
        assertEquals("PL201", result.path("ruleId").asText());
        assertEquals("error", result.path("level").asText());
        assertEquals("PL201", rules.get(result.path("ruleIndex").asInt()).path("id").asText());
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertEquals(f.toUri().toString(), location.path("artifactLocation").path("uri").asText());
        assertEquals(8, location.path("region").path("startLine").asInt());
        assertEquals(9, location.path("region").path("startColumn").asInt());
        assertTrue(result.path("partialFingerprints").path("proxylintFingerprint/v1").asText().matches("[0-9a-f]{32}"),
                result.toString());
    }

    @Test
    void sarifNamesStdinDash() throws Exception {
        CliRun r = CliRun.withStdin(CliTest.BROKEN, "--format", "sarif", "-");
        assertEquals(1, r.exit());
        assertEquals("-", JSON.readTree(r.out()).path("runs").get(0).path("results").get(0).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText());
    }

    @Test
    void junitHasTheFailureAndAPassingTestForTheCleanFile(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        Path clean = tmp.resolve("clean.conf");
        Files.writeString(clean, CliTest.BROKEN.replace("20s", "60s"));
        CliRun r = CliRun.of("--format", "junit", f.toString(), clean.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        Element root = xml(r.out());
        assertEquals("2", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        Element failed = (Element) root.getElementsByTagName("testcase").item(0);
        assertEquals("PL201 timeout-below-ping-interval at 8:9", failed.getAttribute("name"));
        assertEquals(f.toString(), failed.getAttribute("classname"));
        Element passed = (Element) root.getElementsByTagName("testcase").item(1);
        assertEquals(clean.toString(), passed.getAttribute("classname"));
        assertEquals(0, passed.getElementsByTagName("failure").getLength());
    }

    @Test
    void junitCleanRunPasses(@TempDir Path tmp) throws Exception {
        Path clean = tmp.resolve("nginx.conf");
        Files.writeString(clean, CliTest.BROKEN.replace("20s", "60s"));
        CliRun r = CliRun.of("--format", "junit", clean.toString());
        assertEquals(0, r.exit());
        assertEquals("0", xml(r.out()).getAttribute("failures"));
    }

    @Test
    void checkstyleHasTheError(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun r = CliRun.of("--format", "checkstyle", f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        Element root = xml(r.out());
        assertEquals(f.toString(), ((Element) root.getElementsByTagName("file").item(0)).getAttribute("name"));
        Element error = (Element) root.getElementsByTagName("error").item(0);
        assertEquals("8", error.getAttribute("line"));
        assertEquals("9", error.getAttribute("column"));
        assertEquals("error", error.getAttribute("severity"));
        assertEquals("proxylint.PL201", error.getAttribute("source"));
        assertTrue(error.getAttribute("message").endsWith(" Fix: proxy_read_timeout 60s;"), error.getAttribute("message"));
    }

    @Test
    void githubPrintsOneWorkflowCommandAndNothingElse(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun r = CliRun.of("--format", "github", f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("::error file=" + f + ",line=8,col=9,title=PL201::proxy_read_timeout 20s "),
                r.out());
        assertTrue(r.out().endsWith(" Fix: proxy_read_timeout 60s;\n"), r.out());
    }

    @Test
    void gitlabIsACodeQualityReport(@TempDir Path tmp) throws Exception {
        Path f = broken(tmp);
        CliRun r = CliRun.of("--format", "gitlab", f.toString());
        assertEquals(1, r.exit());
        assertEquals("", r.err());
        JsonNode issues = JSON.readTree(r.out());
        assertEquals(1, issues.size());
        JsonNode issue = issues.get(0);
        assertEquals("PL201", issue.path("check_name").asText());
        assertEquals("critical", issue.path("severity").asText());
        assertEquals("issue", issue.path("type").asText());
        assertTrue(issue.path("fingerprint").asText().matches("[0-9a-f]{32}"), issue.toString());
        assertEquals(f.toString(), issue.path("location").path("path").asText());
        assertEquals(8, issue.path("location").path("lines").path("begin").asInt());

        // lines shifted by an unrelated edit: GitLab must see the same issue, not a fixed one and a new one
        Files.writeString(f, "# managed by ansible\n\n" + CliTest.BROKEN);
        JsonNode shifted = JSON.readTree(CliRun.of("--format", "gitlab", f.toString()).out()).get(0);
        assertEquals(10, shifted.path("location").path("lines").path("begin").asInt());
        assertEquals(issue.path("fingerprint").asText(), shifted.path("fingerprint").asText());
    }

    private static Path broken(Path tmp) throws Exception {
        Path f = tmp.resolve("nginx.conf");
        Files.writeString(f, CliTest.BROKEN);
        return f;
    }

    private static Element xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}
