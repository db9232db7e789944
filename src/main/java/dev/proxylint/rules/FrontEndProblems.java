package dev.proxylint.rules;

import dev.proxylint.source.Problem;

import java.util.ArrayList;
import java.util.List;

/** Turns what the front end found while reading (syntax errors, missing includes) into findings. */
final class FrontEndProblems {
    private FrontEndProblems() {
    }

    static List<Finding> of(RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Problem p : ctx.config().problems()) {
            if (p.ruleId().equals(ctx.meta().id())) {
                out.add(ctx.finding(p.position(), p.message(), p.fix()));
            }
        }
        return out;
    }
}
