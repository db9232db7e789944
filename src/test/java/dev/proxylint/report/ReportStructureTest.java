package dev.proxylint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outputs read back with real parsers (Jackson, the JDK's DOM parser): the fields CI systems require are
 * there, and escaped text comes back as it went in.
 */
class ReportStructureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sarifHasEveryFieldCodeScanningReads() throws IOException {
        JsonNode root = json("sarif", Samples.report());
        assertEquals("2.1.0", root.path("version").asText());
        assertEquals(SarifReporter.SCHEMA, root.path("$schema").asText());
        assertEquals(1, root.path("runs").size());
        JsonNode driver = root.path("runs").get(0).path("tool").path("driver");
        assertEquals("proxylint", driver.path("name").asText());
        assertEquals("9.9.9", driver.path("version").asText());
        assertSarifRules(driver.path("rules"), Samples.catalogue().entries().size());
        JsonNode results = root.path("runs").get(0).path("results");
        assertEquals(3, results.size());
        for (JsonNode r : results) {
            assertText(r, "ruleId");
            assertTrue(List.of("error", "warning", "note").contains(r.path("level").asText()), r.toString());
            assertText(r.path("message"), "text");
            JsonNode location = r.path("locations").get(0).path("physicalLocation");
            assertText(location.path("artifactLocation"), "uri");
            assertTrue(location.path("region").path("startLine").asInt() >= 1, r.toString());
            assertTrue(location.path("region").path("startColumn").asInt() >= 1, r.toString());
            int index = r.path("ruleIndex").asInt();
            assertEquals(r.path("ruleId").asText(), driver.path("rules").get(index).path("id").asText());
        }
        assertEquals(List.of("error", "warning", "note"), results.findValuesAsText("level"));
        assertEquals("sites-enabled/chat&ws,v2%3Ablue.conf", results.get(1).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertEquals(Samples.ODD_MESSAGE + ". Fix: proxy_set_header Connection \"upgrade\";",
                results.get(1).path("message").path("text").asText());
        assertFalse(results.get(2).has("partialFingerprints"), "no fingerprint, no partialFingerprints");
        assertNoNulls(root);
    }

    /** Shared with the CLI test, which checks the real catalogue. */
    static void assertSarifRules(JsonNode rules, int expected) {
        assertEquals(expected, rules.size());
        for (JsonNode rule : rules) {
            assertText(rule, "id");
            assertText(rule, "name");
            assertText(rule.path("shortDescription"), "text");
            assertText(rule.path("fullDescription"), "text");
            assertText(rule.path("help"), "text");
            assertTrue(rule.path("helpUri").asText().startsWith(SarifReporter.RULES_URI), rule.toString());
            assertTrue(List.of("error", "warning", "note").contains(rule.path("defaultConfiguration").path("level")
                    .asText()), rule.toString());
        }
    }

    @Test
    void sarifUrisAreUriReferences() {
        assertEquals("deploy/nginx.conf", SarifReporter.uri("deploy\\nginx.conf"));
        assertEquals("-", SarifReporter.uri("-"));
        assertEquals("file:///etc/nginx/sites%20enabled/a%23b%3F.conf", SarifReporter.uri("/etc/nginx/sites enabled/a#b?.conf"));
        assertEquals("file:///C:/nginx/conf/nginx.conf", SarifReporter.uri("C:\\nginx\\conf\\nginx.conf"));
        assertEquals("caf%C3%A9%25.conf", SarifReporter.uri("café%.conf"));
    }

    @Test
    void gitlabIssuesHaveTheCodeQualityFields() throws IOException {
        JsonNode issues = json("gitlab", Samples.report());
        assertTrue(issues.isArray());
        assertEquals(3, issues.size());
        List<String> fingerprints = new ArrayList<>();
        for (JsonNode issue : issues) {
            for (String field : List.of("description", "check_name", "fingerprint", "severity", "type")) {
                assertText(issue, field);
            }
            assertText(issue.path("location"), "path");
            assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1, issue.toString());
            assertEquals("Bug Risk", issue.path("categories").get(0).asText());
            fingerprints.add(issue.path("fingerprint").asText());
        }
        assertEquals(List.of("critical", "major", "info"), issues.findValuesAsText("severity"));
        assertEquals(3, fingerprints.stream().distinct().count(), "GitLab needs unique fingerprints");
        assertEquals(fingerprints.get(2), json("gitlab", Samples.report()).get(2).path("fingerprint").asText(),
                "a made-up fingerprint is still stable");
        assertNoNulls(issues);
    }

    @Test
    void junitParsesWithAFailurePerFindingAndAPassPerCleanFile() throws Exception {
        Element suites = xml("junit", Samples.report());
        assertEquals("testsuites", suites.getTagName());
        assertEquals("4", suites.getAttribute("tests"));
        assertEquals("3", suites.getAttribute("failures"));
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        assertEquals(3, suiteList.getLength());
        Element odd = (Element) suiteList.item(1);
        assertEquals(Samples.ODD_FILE, odd.getAttribute("name"));
        Element failure = (Element) odd.getElementsByTagName("failure").item(0);
        assertEquals("PL104", failure.getAttribute("type"));
        assertEquals(Samples.ODD_MESSAGE, failure.getAttribute("message"));
        assertTrue(failure.getTextContent().startsWith(Samples.ODD_FILE + ":7:9: warning[PL104] "
                + Samples.ODD_MESSAGE + "\nfix: "), failure.getTextContent());
        Element clean = (Element) ((Element) suiteList.item(2)).getElementsByTagName("testcase").item(0);
        assertEquals("conf.d/clean.conf", clean.getAttribute("classname"));
        assertEquals(0, clean.getElementsByTagName("failure").getLength());
    }

    @Test
    void junitCleanRunWithNoFileNamesIsOnePassingTest() throws Exception {
        Element suites = xml("junit", new LintReport(0, List.of()));
        assertEquals("1", suites.getAttribute("tests"));
        assertEquals("0", suites.getAttribute("failures"));
        NodeList cases = suites.getElementsByTagName("testcase");
        assertEquals(1, cases.getLength());
        assertEquals("proxylint", ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals("no findings", ((Element) cases.item(0)).getAttribute("name"));
    }

    @Test
    void checkstyleParsesWithAnErrorPerFindingAndCleanFilesListed() throws Exception {
        Element root = xml("checkstyle", Samples.report());
        assertEquals("checkstyle", root.getTagName());
        NodeList files = root.getElementsByTagName("file");
        assertEquals(3, files.getLength());
        assertEquals("conf.d/clean.conf", ((Element) files.item(2)).getAttribute("name"));
        NodeList errors = root.getElementsByTagName("error");
        assertEquals(3, errors.getLength());
        Element e = (Element) errors.item(1);
        assertEquals("7", e.getAttribute("line"));
        assertEquals("9", e.getAttribute("column"));
        assertEquals("warning", e.getAttribute("severity"));
        assertEquals("proxylint.PL104", e.getAttribute("source"));
        assertTrue(e.getAttribute("message").startsWith(Samples.ODD_MESSAGE + ". Fix: "), e.getAttribute("message"));
        assertEquals("info", ((Element) errors.item(2)).getAttribute("severity"));
    }

    @Test
    void xmlStaysWellFormedWithControlCharactersAndLineBreaks() throws Exception {
        Finding odd = new Finding("PL001", "syntax-error", Severity.ERROR, new Position("bin\u0001.conf", 1, 1),
                "unexpected \u0000 byte\nafter \"]]>\"", "a\r\nb", "");
        LintReport report = new LintReport(1, List.of(odd), List.of("bin\u0001.conf"));
        Element junit = xml("junit", report);
        Element failure = (Element) junit.getElementsByTagName("failure").item(0);
        assertEquals("unexpected \uFFFD byte after \"]]>\"", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("after \"]]>\"\nfix: a\r\nb")
                || failure.getTextContent().contains("after \"]]>\"\nfix: a\nb"), failure.getTextContent());
        Element checkstyle = xml("checkstyle", report);
        assertEquals("bin\uFFFD.conf", ((Element) checkstyle.getElementsByTagName("file").item(0)).getAttribute("name"));
    }

    @Test
    void githubCommandsEscapeDataAndProperties() {
        String out = Samples.renderText(new GithubReporter(), Samples.report());
        String[] lines = out.split("\n", -1);
        assertEquals(4, lines.length, "one line per finding, then nothing: " + out);
        assertEquals("", lines[3]);
        assertTrue(lines[0].startsWith("::error file=deploy/nginx.conf,line=12,col=5,title=PL201::"), lines[0]);
        assertTrue(lines[1].startsWith("::warning file=sites-enabled/chat&ws%2Cv2%3Ablue.conf,line=7,col=9,"), lines[1]);
        assertTrue(lines[1].contains("100%25 of WebSocket"), lines[1]);
        assertTrue(lines[2].startsWith("::notice "), lines[2]);
        assertEquals("a%25%0D%0Ab", GithubReporter.data("a%\r\nb"));
        assertEquals("a%25%0D%0Ab%3Ac%2Cd", GithubReporter.property("a%\r\nb:c,d"));
        assertEquals("", Samples.renderText(new GithubReporter(), new LintReport(1, List.of(), List.of("a.conf"))));
    }

    @Test
    void emptyRunsAreStillValidDocuments() throws Exception {
        LintReport empty = new LintReport(1, List.of(), List.of("nginx.conf"));
        assertEquals(0, json("sarif", empty).path("runs").get(0).path("results").size());
        assertEquals("[]", Samples.renderText(new GitlabReporter(), empty).strip());
        assertEquals(1, xml("checkstyle", empty).getElementsByTagName("file").getLength());
        assertEquals("nginx.conf", ((Element) xml("junit", empty).getElementsByTagName("testcase").item(0))
                .getAttribute("classname"));
    }

    private static JsonNode json(String format, LintReport report) throws IOException {
        return JSON.readTree(Samples.render(Reporters.forName(format), report));
    }

    static Element xml(String format, LintReport report)
            throws ParserConfigurationException, IOException, SAXException {
        return parseXml(Samples.render(Reporters.forName(format), report));
    }

    static Element parseXml(byte[] bytes) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        return doc.getDocumentElement();
    }

    private static void assertText(JsonNode node, String field) {
        assertTrue(node.path(field).isTextual() && !node.path(field).asText().isEmpty(),
                "missing " + field + " in " + node);
    }

    static void assertNoNulls(JsonNode node) {
        assertFalse(node.isNull(), "null in the output");
        node.elements().forEachRemaining(ReportStructureTest::assertNoNulls);
    }
}
