package dev.proxylint.rules;

import java.util.List;

/** PL001: the proxy would refuse the file while reading it. */
public final class SyntaxError implements Rule {
    @Override
    public List<Finding> check(RuleContext context) {
        return FrontEndProblems.of(context);
    }
}
