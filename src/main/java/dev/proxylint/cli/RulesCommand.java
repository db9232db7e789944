package dev.proxylint.cli;

import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.RuleMeta;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code proxylint rules}: the catalogue as a table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the rules: id, name, default severity, dialects.")
public final class RulesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Catalogue catalogue = Catalogue.load();
        int width = catalogue.entries().stream().mapToInt(e -> e.meta().name().length()).max().orElse(4);
        String row = "%-6s %-" + width + "s  %-8s  %s%n";
        System.out.printf(row, "ID", "NAME", "SEVERITY", "DIALECTS");
        for (Catalogue.Entry e : catalogue.entries()) {
            RuleMeta m = e.meta();
            System.out.printf(row, m.id(), m.name(), m.severity().id(), String.join(", ", m.dialects()));
        }
        System.out.println();
        System.out.println("proxylint explain RULE shows a rule's page.");
        return 0;
    }
}
