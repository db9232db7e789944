package dev.proxylint.nginx;

import dev.proxylint.source.SourceFile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An nginx config written as a Jinja template (Ansible's nginx.conf.j2): {@code {{ expr }}} becomes a template
 * placeholder of the same length ({@code ${JJJJ}}, a value filled in later, see {@link Placeholders}), and
 * {@code {% statement %}} and {@code {# comment #}} become blanks, so nginx's braces are not mistaken for blocks and
 * every position stays where it is in the file. Both branches of an {% if %} are read.
 */
final class JinjaMask {
    private static final Pattern JINJA_NAME = Pattern.compile(".*\\.(j2|jinja|jinja2)$");
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern STATEMENT = Pattern.compile("\\{%.*?%}|\\{#.*?#}", Pattern.DOTALL);

    private JinjaMask() {
    }

    /** The text the tokenizer reads: masked for a Jinja template, else as it is. */
    static String text(SourceFile file) {
        String name = file.display().toLowerCase(Locale.ROOT);
        if (!JINJA_NAME.matcher(name).matches()) {
            return file.text();
        }
        String statementsBlank = replace(STATEMENT.matcher(file.text()), m -> m.replaceAll("[^\n]", " "));
        return replace(EXPRESSION.matcher(statementsBlank), m -> "${" + "J".repeat(Math.max(1, m.length() - 3)) + "}");
    }

    private static String replace(Matcher m, java.util.function.UnaryOperator<String> with) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(with.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
