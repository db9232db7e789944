package dev.proxylint.rules;

import dev.proxylint.source.Directive;
import dev.proxylint.source.Position;
import dev.proxylint.source.Tree;
import dev.proxylint.source.Word;

import java.util.List;
import java.util.Locale;

/** Builds the edits of common fixes from the directive a finding points at. */
final class Edits {
    private Edits() {
    }

    static Directive directive(RuleContext ctx, Position at) {
        return at == null ? null : Tree.at(ctx.config().root(), at);
    }

    /** Replace the directive's last argument (a timeout, a size, a version) with {@code raw}. */
    static List<Edit> lastArg(RuleContext ctx, Position at, String raw) {
        Directive d = directive(ctx, at);
        if (d == null || d.argCount() == 0) {
            return List.of();
        }
        Word w = d.args().get(d.argCount() - 1);
        return List.of(Edit.replace(w.position(), w.raw(), raw));
    }

    /** Replace the {@code key=value} argument of a worker directive. */
    static List<Edit> param(RuleContext ctx, Position at, String key, String raw) {
        Directive d = directive(ctx, at);
        if (d == null) {
            return List.of();
        }
        for (Word w : d.args()) {
            if (w.value().toLowerCase(Locale.ROOT).startsWith(key + "=")) {
                return List.of(Edit.replace(w.position(), w.raw(), raw));
            }
        }
        return List.of();
    }

    /**
     * The edits that set a directive to {@code fixText} (as a rule's fix says it: {@code proxy_read_timeout 60s;},
     * {@code ProxyTimeout 60}, {@code timeout=60}): change the existing one's value, or add it to the block
     * the route is defined by.
     */
    static List<Edit> set(RuleContext ctx, Position at, String fixText) {
        Directive d = directive(ctx, at);
        if (d == null) {
            return List.of();
        }
        String[] words = fixText.replace(";", "").trim().split("\\s+");
        if (words.length == 1 && words[0].contains("=")) {
            String key = words[0].substring(0, words[0].indexOf('=')).toLowerCase(Locale.ROOT);
            return param(ctx, at, key, words[0]);
        }
        if (!d.hasBlock() && d.name().equalsIgnoreCase(words[0]) && words.length == 2) {
            return lastArg(ctx, at, words[1]);
        }
        return d.hasBlock() ? List.of(Edit.insertInside(at, fixText)) : List.of();
    }

    /** {@code a; b; c;} as one directive per line (a {@code ;} inside quotes does not end one). */
    static String lines(String directives) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < directives.length(); i++) {
            char c = directives.charAt(i);
            current.append(c);
            if (quote != 0) {
                if (c == '\\' && i + 1 < directives.length()) {
                    current.append(directives.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ';') {
                out.add(current.toString().trim());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return String.join("\n", out);
    }

    /** Insert directives at the start of the block opened at {@code at} (nginx: only when it is a block). */
    static List<Edit> inside(RuleContext ctx, Position at, String lines) {
        Directive d = directive(ctx, at);
        return d != null && d.hasBlock() ? List.of(Edit.insertInside(at, lines)) : List.of();
    }
}
