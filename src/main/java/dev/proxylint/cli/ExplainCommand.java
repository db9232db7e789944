package dev.proxylint.cli;

import dev.proxylint.lint.UsageException;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.RuleMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code proxylint explain RULE}: the rule's page from the catalogue. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a rule's page: what it checks, the Socket.IO symptom, a bad and a fixed example.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RULE", completionCandidates = Candidates.RuleIds.class, description = "A rule id (PL201) or name (timeout-below-ping-interval).")
    String rule;

    @Override
    public Integer call() throws Exception {
        RuleMeta m = Catalogue.load().find(rule).map(Catalogue.Entry::meta)
                .orElseThrow(() -> new UsageException("unknown rule '" + rule + "'; `proxylint rules` lists them"));
        System.out.print(page(m));
        return 0;
    }

    static String page(RuleMeta m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.id()).append(' ').append(m.name()).append("  (").append(m.severity().id()).append("; ")
                .append(String.join(", ", m.dialects())).append(")\n\n");
        sb.append(m.summary()).append("\n\n");
        if (!m.symptom().isEmpty()) {
            sb.append("What users see: ").append(m.symptom()).append("\n\n");
        }
        if (!m.description().isEmpty()) {
            sb.append(m.description()).append("\n\n");
        }
        if (!m.bad().isEmpty()) {
            sb.append("Bad:\n").append(indent(m.bad())).append('\n');
        }
        if (!m.good().isEmpty()) {
            sb.append("Fixed:\n").append(indent(m.good())).append('\n');
        }
        if (!m.fix().isEmpty()) {
            sb.append("Fix: ").append(m.fix()).append('\n');
        }
        return sb.toString();
    }

    private static String indent(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
        return sb.toString();
    }
}
