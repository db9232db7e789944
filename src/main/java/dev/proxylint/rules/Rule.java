package dev.proxylint.rules;

import java.util.List;

/** One check. It reads the routes model (or, for a few, the front end's tree) and returns findings. */
public interface Rule {
    List<Finding> check(RuleContext context);
}
