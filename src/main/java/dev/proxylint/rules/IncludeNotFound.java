package dev.proxylint.rules;

import java.util.List;

/** PL002: an include names a file that is not there. */
public final class IncludeNotFound implements Rule {
    @Override
    public List<Finding> check(RuleContext context) {
        return FrontEndProblems.of(context);
    }
}
