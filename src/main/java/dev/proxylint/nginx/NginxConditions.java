package dev.proxylint.nginx;

import dev.proxylint.source.Word;

import java.util.List;
import java.util.regex.Pattern;

/** Evaluates an {@code if (...)} condition for the Socket.IO request, where the request decides it. */
final class NginxConditions {
    private NginxConditions() {
    }

    /** True or false when the request decides the condition; null when it depends on something unknown. */
    static Boolean evaluate(List<Word> args, NginxExpressions exprs) {
        if (NginxChecks.ifConditionProblem(args) != null) {
            return null;
        }
        String joined = String.join(" ", args.stream().map(Word::value).toList()).trim();
        if (!joined.startsWith("(") || !joined.endsWith(")")) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>(args.stream().map(Word::value).toList());
        // strip the parentheses the way nginx does: from the first and the last word
        String first = parts.get(0);
        parts.set(0, first.substring(1));
        String lastWord = parts.get(parts.size() - 1);
        parts.set(parts.size() - 1, lastWord.substring(0, lastWord.length() - 1));
        parts.removeIf(String::isEmpty);
        if (parts.isEmpty()) {
            return null;
        }
        String subject = parts.get(0);
        if (!subject.startsWith("$")) {
            return null; // file tests: -f, -d, -e, -x
        }
        String value = exprs.eval(subject);
        if (value == null) {
            return null;
        }
        if (parts.size() == 1) {
            return !value.isEmpty() && !value.equals("0");
        }
        if (parts.size() != 3) {
            return null;
        }
        String op = parts.get(1);
        String operand = parts.get(2);
        switch (op) {
            case "=", "!=" -> {
                String other = exprs.eval(operand);
                if (other == null) {
                    return null;
                }
                return op.equals("=") == value.equals(other);
            }
            case "~", "~*", "!~", "!~*" -> {
                Pattern p = NginxRegex.compile(operand, op.endsWith("*"));
                if (p == null) {
                    return null;
                }
                boolean found = dev.proxylint.source.BoundedMatch.matcher(p, value).find();
                return op.startsWith("!") != found;
            }
            default -> {
                return null;
            }
        }
    }
}
