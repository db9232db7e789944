package dev.proxylint.rules;

import java.util.ArrayList;
import java.util.List;

/** PL901: an inline {@code # proxylint disable=...} that suppresses nothing, so stale ones get cleaned up. */
public final class UnusedSuppression implements Rule {
    @Override
    public List<Finding> check(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : ctx.suppressions()) {
            List<String> parts = new ArrayList<>();
            if (!s.unused().isEmpty()) {
                parts.add("suppresses no " + String.join(", ", s.unused()) + " finding");
            }
            if (!s.unknown().isEmpty()) {
                parts.add("names " + String.join(", ", s.unknown()) + ", which " + (s.unknown().size() == 1 ? "is"
                        : "are") + " not a proxylint rule");
            }
            out.add(ctx.finding(s.at(), "\"" + s.text().trim() + "\" " + String.join(" and ", parts)
                    + "; remove it (or the ids that no longer apply)", null)
                    .withEdits(s.useless() ? List.of(Edit.delete(s.at(), s.raw())) : List.of()));
        }
        return out;
    }
}
