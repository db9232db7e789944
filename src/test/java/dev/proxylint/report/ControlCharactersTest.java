package dev.proxylint.report;

import dev.proxylint.lint.LintReport;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Severity;
import dev.proxylint.source.Position;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a config holds is shown, never obeyed: the text and github outputs escape control characters. */
class ControlCharactersTest {
    private static final String ESC_RED = "\u001b[31m";
    private static final String FILE = "odd\n" + ESC_RED + ".conf";

    private static LintReport report() {
        String line = "\tupstream \"a" + ESC_RED + "\u007f\u009b\u202e\" {";
        Finding f = new Finding("PL301", "sticky-session-missing", Severity.ERROR, new Position(FILE, 2, 2),
                "upstream a" + ESC_RED + "\u0007 balances 2 backends", "ip_hash; # " + ESC_RED, line);
        return new LintReport(1, List.of(f), List.of(FILE));
    }

    @Test
    void textShowsEscapesAndTheCaretStillLinesUp() {
        assertEquals("odd\\x0a\\x1b[31m.conf:2:2: error[PL301] upstream a\\x1b[31m\\x07 balances 2 backends\n"
                + " 2 | \tupstream \"a\\x1b[31m\\x7f\\u009b\\u202e\" {\n"
                + "   | \t^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                + "  fix: ip_hash; # \\x1b[31m\n"
                + "\n"
                + "1 file: 1 error\n", Samples.renderText(new TextReporter(), report()));
    }

    @Test
    void githubCommandsHoldNoControlCharacters() {
        assertEquals("::error file=odd%0A\\x1b[31m.conf,line=2,col=2,title=PL301::upstream a\\x1b[31m\\x07 balances"
                + " 2 backends. Fix: ip_hash; # \\x1b[31m\n", Samples.renderText(new GithubReporter(), report()));
    }
}
