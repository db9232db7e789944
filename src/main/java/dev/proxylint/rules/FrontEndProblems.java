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
                String message = p.ruleId().equals("PL001") ? withPlace(p.message(), p) : p.message();
                out.add(ctx.finding(p.position(), message, p.fix()));
            }
        }
        return out;
    }

    /** rules.md: a syntax error's message names its line and column, as the proxy's own message does. */
    private static String withPlace(String message, Problem p) {
        String place = "line " + p.position().line() + ", column " + p.position().column();
        if (message.contains(" opened here ")) {
            // an unclosed block: nginx names the end of the file, the finding points at the opening
            return message.replace(" opened here ", " opened at " + place + " ");
        }
        String refuses = " would refuse this file:";
        int at = message.indexOf(refuses);
        if (at >= 0) {
            return message.substring(0, at) + " would refuse this file at " + place + ":"
                    + message.substring(at + refuses.length());
        }
        boolean stop = message.endsWith(".");
        return (stop ? message.substring(0, message.length() - 1) : message) + " (" + place + ")" + (stop ? "." : "");
    }
}
