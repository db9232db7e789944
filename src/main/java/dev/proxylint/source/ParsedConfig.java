package dev.proxylint.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One linted config: its entry file with every include spliced in, what the front end found while reading
 * it, and every file it read (so a folder walk does not lint an included file twice).
 *
 * @param context where the entry file's top level sits: nginx {@code main}, {@code http}, {@code server},
 *                {@code location} or {@code unknown} (a snippet of bare directives); Apache {@code server}
 */
public record ParsedConfig(Dialect dialect, SourceFile entry, List<Directive> root, String context,
                           List<Problem> problems, List<Comment> comments, Set<Path> filesRead,
                           Map<String, SourceFile> sources) {

    /** True when the proxy would refuse to read this config at all (a PL001 problem). */
    public boolean hasSyntaxError() {
        return problems.stream().anyMatch(p -> p.ruleId().equals("PL001"));
    }

    /** True when a syntax error left the tree incomplete, so nothing but the syntax error can be judged. */
    public boolean hasStructuralError() {
        return problems.stream().anyMatch(p -> p.ruleId().equals("PL001") && p.structural());
    }
}
