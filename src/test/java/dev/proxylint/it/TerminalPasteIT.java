package dev.proxylint.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A config pasted into a terminal (a real pseudo-terminal through script(1)) and piped in. */
class TerminalPasteIT {
    static final String PASTE = "location /socket.io/ {\n    proxy_pass http://127.0.0.1:3000;\n"
            + "    proxy_read_timeout 20s;\n}\n";

    @Test
    void pipedInputIsLintedWithoutPromptOrColour() throws Exception {
        Launcher.Result r = Launcher.run(Path.of("."), PASTE, Map.of(), List.of(Launcher.PROXYLINT.toString()));
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("-:1:1: error[PL101]"), r.out());
        assertTrue(r.out().contains("-:3:5: error[PL201]"), r.out());
        assertTrue(r.out().contains(" 3 |     proxy_read_timeout 20s;"), r.out());
        assertFalse(r.out().contains("\u001b["), "no colour in a pipe");
    }

    @Test
    void onATerminalItSaysHowToFinishAndUsesColour() throws Exception {
        Assumptions.assumeTrue(Launcher.available("script"), "script(1) is not installed");
        // script gives proxylint a pseudo-terminal; ^D at the start of a line ends the paste
        String cmd = Launcher.PROXYLINT + " -";
        Launcher.Result r = Launcher.run(Path.of("."), PASTE + "\u0004", Map.of("TERM", "xterm"),
                List.of("script", "-qefc", cmd, "/dev/null"));
        String screen = r.out();
        assertEquals(1, r.exit(), screen);
        assertTrue(screen.contains("press Ctrl-D on a new line"), screen);
        assertTrue(screen.contains("\u001b[1;31merror[PL201]\u001b[0m"), screen);
        assertTrue(screen.contains("-:3:5:"), screen);

        // no PATH on a terminal: nothing is piped, so it says what to give it instead of waiting
        Launcher.Result none = Launcher.run(Path.of("."), "", Map.of("TERM", "xterm"),
                List.of("script", "-qefc", Launcher.PROXYLINT.toString(), "/dev/null"));
        assertEquals(2, none.exit(), none.out());
        assertTrue(none.out().contains("proxylint: error:"), none.out());

        Launcher.Result plain = Launcher.run(Path.of("."), PASTE + "\u0004", Map.of("TERM", "xterm", "NO_COLOR", "1"),
                List.of("script", "-qefc", cmd, "/dev/null"));
        assertTrue(plain.out().contains("error[PL201]") && !plain.out().contains("\u001b[1;31m"), plain.out());
    }
}
