package dev.proxylint.report;

import dev.proxylint.rules.Catalogue;

/** What reporters may need besides the findings: the catalogue (rule descriptors) and presentation choices. */
public record ReportContext(Catalogue catalogue, String toolVersion, boolean color) {
}
