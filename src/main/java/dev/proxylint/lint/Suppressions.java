package dev.proxylint.lint;

import dev.proxylint.rules.Finding;
import dev.proxylint.rules.Suppression;
import dev.proxylint.source.Comment;
import dev.proxylint.source.Directive;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Position;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline suppressions: {@code # proxylint disable=PL201} on the line before a directive or block (the
 * whole block), or at the end of an nginx line; {@code # proxylint disable-file=PL103} anywhere in a file.
 */
final class Suppressions {
    private static final Pattern COMMENT = Pattern.compile(
            "^\\s*proxylint\\s*:?\\s*(disable-file|disable)\\s*=\\s*([A-Za-z0-9_]+(?:\\s*,\\s*[A-Za-z0-9_]+)*)",
            Pattern.CASE_INSENSITIVE);

    /** One comment: the lines it covers in one file (all lines for disable-file) and what it used. */
    private static final class Entry {
        final Comment comment;
        final String file;
        final int from;
        final int to;
        final List<String> ids;
        final String text;
        final Set<String> used = new LinkedHashSet<>();

        Entry(Comment comment, String text, String file, int from, int to, List<String> ids) {
            this.comment = comment;
            this.text = text;
            this.file = file;
            this.from = from;
            this.to = to;
            this.ids = ids;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Suppressions(ParsedConfig config) {
        Map<String, TreeMap<Integer, Integer>> spans = spans(config.root());
        for (Comment c : config.comments()) {
            Matcher m = COMMENT.matcher(c.text());
            if (!m.find()) {
                continue;
            }
            List<String> ids = List.of(m.group(2).toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
            String file = c.position().file();
            int line = c.position().line();
            if (m.group(1).equalsIgnoreCase("disable-file")) {
                entries.add(new Entry(c, "# " + m.group(0).trim(), file, 1, Integer.MAX_VALUE, ids));
            } else if (!c.ownLine()) {
                entries.add(new Entry(c, "# " + m.group(0).trim(), file, line, line, ids));
            } else {
                // the next directive or block after the comment, in the same file
                TreeMap<Integer, Integer> inFile = spans.getOrDefault(file, new TreeMap<>());
                Map.Entry<Integer, Integer> next = inFile.higherEntry(line);
                if (next == null) {
                    entries.add(new Entry(c, "# " + m.group(0).trim(), file, -1, -1, ids));
                } else {
                    entries.add(new Entry(c, "# " + m.group(0).trim(), file, next.getKey(), next.getValue(), ids));
                }
            }
        }
    }

    /** Start line -> last line (of the block, in the same file), for every directive and block, per file. */
    private static Map<String, TreeMap<Integer, Integer>> spans(List<Directive> root) {
        Map<String, TreeMap<Integer, Integer>> out = new HashMap<>();
        collect(root, out, 0);
        return out;
    }

    private static void collect(List<Directive> level, Map<String, TreeMap<Integer, Integer>> out, int depth) {
        for (Directive d : level) {
            Position p = d.position();
            out.computeIfAbsent(p.file(), k -> new TreeMap<>()).merge(p.line(), lastLine(d, p.file(), depth), Math::max);
            if (d.hasBlock() && depth < 200) {
                collect(d.children(), out, depth + 1);
            }
        }
    }

    /** The last line a directive's block reaches in its own file. */
    private static int lastLine(Directive d, String file, int depth) {
        int last = d.position().line();
        if (depth < 200) {
            for (Directive c : d.children()) {
                if (c.position().file().equals(file)) {
                    last = Math.max(last, lastLine(c, file, depth + 1));
                }
            }
        }
        return last;
    }

    /** Whether a suppression covers the finding; marks the suppression used. */
    boolean suppresses(Finding f) {
        boolean hit = false;
        for (Entry e : entries) {
            if (e.ids.contains(f.rule()) && e.file.equals(f.position().file())
                    && f.position().line() >= e.from && f.position().line() <= e.to) {
                e.used.add(f.rule());
                hit = true;
            }
        }
        return hit;
    }

    /** The suppressions that did not do all they say, for the rules that ran. */
    List<Suppression> unused(Set<String> knownRules, Set<String> enabledRules) {
        List<Suppression> out = new ArrayList<>();
        for (Entry e : entries) {
            List<String> unused = e.ids.stream().filter(id -> enabledRules.contains(id) && !e.used.contains(id))
                    .toList();
            List<String> unknown = e.ids.stream().filter(id -> !knownRules.contains(id)).toList();
            if (!unused.isEmpty() || !unknown.isEmpty()) {
                boolean useless = e.used.isEmpty() && e.ids.stream().allMatch(id -> unused.contains(id)
                        || unknown.contains(id));
                out.add(new Suppression(e.comment.position(), e.text, unused, unknown, "#" + e.comment.text(),
                        useless));
            }
        }
        return out;
    }
}
