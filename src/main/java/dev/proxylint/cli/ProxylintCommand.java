package dev.proxylint.cli;

import dev.proxylint.io.IoErrors;
import dev.proxylint.lint.Baseline;
import dev.proxylint.lint.FixWriter;
import dev.proxylint.lint.Fixer;
import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.LintReport;
import dev.proxylint.lint.Linter;
import dev.proxylint.lint.UsageException;
import dev.proxylint.report.ReportContext;
import dev.proxylint.report.Reporters;
import dev.proxylint.report.StandardOutput;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Settings;
import dev.proxylint.settings.SettingsLoader;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code proxylint [OPTIONS] PATH...}: lint files, folders or standard input. */
@Command(name = "proxylint", mixinStandardHelpOptions = true, versionProvider = ProxylintCommand.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {ExplainCommand.class, RulesCommand.class, HookCommand.class, CompletionCommand.class},
        description = {"Lints nginx and Apache httpd configs that front Socket.IO and WebSocket servers.",
                "PATH is a file, a folder (walked for proxy configs) or - for standard input (also read when no"
                        + " PATH is given and input is piped)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:no finding at or above --fail-on (--diff: no fix for one)",
                "1:at least one such finding (a syntax error is finding PL001); --diff: a fix for one",
                "2:usage error, unreadable path, bad settings file, output that could not be written"},
        footer = {"", "Settings: .proxylint.yml (found upward from the current folder), then PROXYLINT_* environment"
                + " variables, then flags.", "Rule pages: proxylint explain PL201"})
public final class ProxylintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Path cwd;

    public ProxylintCommand() {
        this(System.getenv(), Path.of(""));
    }

    /**
     * The command as if started in folder {@code cwd} with environment {@code env}: {@code .proxylint.yml} is
     * looked for upward from {@code cwd}, {@code PROXYLINT_*} settings and httpd's {@code ${VAR}} come from
     * {@code env}, relative PATHs and {@code --config} are read from {@code cwd}, and included files are named
     * relative to it. Relative baseline files stay relative to the process's folder. Tests run the CLI
     * in-process through this; {@link #ProxylintCommand()} passes the process's own folder and environment.
     */
    ProxylintCommand(Map<String, String> env, Path cwd) {
        this.env = env;
        this.cwd = cwd;
    }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files and folders to lint; - for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.Formats.class,
            description = "Output format: text, json, sarif, junit, checkstyle, github, gitlab (default: text).")
    String format;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: .proxylint.yml found upward).")
    Path config;

    @Option(names = "--dialect", paramLabel = "DIALECT", completionCandidates = Candidates.Dialects.class, description = "auto, nginx or apache (default: auto).")
    String dialect;

    @Option(names = "--fail-on", paramLabel = "LEVEL", completionCandidates = Candidates.FailOn.class,
            description = "Lowest severity that makes the exit status 1: error, warning, info, never (default: warning).")
    String failOn;

    @Option(names = "--path", paramLabel = "P", description = "Socket.IO path clients request (default: /socket.io/).")
    String path;

    @Option(names = "--server-path", paramLabel = "P",
            description = "Path the Socket.IO server serves, when the proxy strips or adds a prefix (default: --path).")
    String serverPath;

    @Option(names = "--ping-interval", paramLabel = "MS", description = "Socket.IO pingInterval (default: 25000).")
    String pingInterval;

    @Option(names = "--ping-timeout", paramLabel = "MS", description = "Socket.IO pingTimeout (default: 20000).")
    String pingTimeout;

    @Option(names = "--max-http-buffer-size", paramLabel = "BYTES",
            description = "Socket.IO maxHttpBufferSize (default: 1000000).")
    String maxHttpBufferSize;

    @Option(names = "--transports", paramLabel = "LIST", description = "e.g. websocket or polling,websocket (default).")
    String transports;

    @Option(names = "--socketio-version", paramLabel = "N", description = "2, 3 or 4: that version's defaults (default: 4).")
    String socketioVersion;

    @Option(names = "--select", paramLabel = "RULES", description = "Only these rule ids (comma-separated).")
    String select;

    @Option(names = "--ignore", paramLabel = "RULES", description = "Skip these rule ids (comma-separated).")
    String ignore;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not recorded in FILE.")
    String baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record today's findings in FILE (exit 0) instead of reporting them.")
    String writeBaseline;

    @Option(names = "--fix", description = "Apply the fixes that are unambiguous, then report what is left.")
    boolean fix;

    @Option(names = "--diff", description = {"Print the fixes --fix would apply as a unified diff instead of the"
            + " report, and write nothing (also with --fix). Exit status 1 when the diff fixes a finding at or"
            + " above --fail-on, else 0. Text only: not with another --format."})
    boolean diff;

    @Option(names = "--configs-only",
            description = "Skip named files that are neither nginx nor httpd syntax (for hooks that pass every *.conf).")
    boolean configsOnly;

    @Option(names = "--color", description = "Colour the text output even when not on a terminal.")
    boolean color;

    @Option(names = "--no-color", description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    /** What the run is doing, for a message when the JVM runs out of memory ("linting 'big.conf'"). */
    private volatile String activity = "";

    String activity() {
        return activity;
    }

    @Override
    public Integer call() throws Exception {
        refuseEmptyNames();
        Catalogue catalogue = Catalogue.load();
        activity = "reading the settings";
        Settings settings = settings(catalogue);
        if (diff && !settings.format().equals("text")) {
            // a diff is not json or sarif: printing it anyway would break whatever reads that format
            throw new UsageException("--diff prints a unified diff, not " + settings.format() + "; leave out --diff or"
                    + " --format " + settings.format());
        }
        DisplayPaths displayPaths = new DisplayPaths(cwd);

        List<String> inputs = new ArrayList<>(paths);
        boolean stdinIsTerminal = Terminal.isTerminal(0, env);
        if (inputs.isEmpty()) {
            if (stdinIsTerminal) {
                throw new UsageException("no PATH given: proxylint PATH... lints files and folders, and"
                        + " `proxylint -` reads a config from standard input");
            }
            inputs.add("-");
        }
        if (inputs.contains("-") && Terminal.isClosed(0, env)) {
            throw new UsageException("standard input is closed: name the configs to lint (proxylint PATH...), or"
                    + " pipe one in");
        }
        if (inputs.contains("-") && stdinIsTerminal) {
            System.err.println("proxylint: reading a config from standard input; paste it, then press Ctrl-D on a"
                    + " new line (Ctrl-Z then Enter on Windows) to lint it.");
        }
        activity = "reading " + named(inputs);
        InputCollector collector = new InputCollector(configsOnly, cwd);
        List<InputCollector.Candidate> candidates = collector.collect(inputs, System.in);
        collector.warnings().forEach(w -> System.err.println("proxylint: warning: " + w));
        if (candidates.stream().anyMatch(c -> c.file().path() == null && c.file().text().isEmpty())) {
            // e.g. 'kubectl exec ... cat nginx.conf | proxylint' whose first command failed
            System.err.println("proxylint: warning: standard input is empty: nothing was linted");
        } else if (stdinIsTerminal && candidates.stream().anyMatch(c -> c.file().path() == null
                && !c.file().text().endsWith("\n"))) {
            System.err.println(); // Ctrl-D after the last line's text: the report starts on a line of its own
        }
        collector.unreadable().forEach(u -> System.err.println("proxylint: error: " + u));
        if (candidates.isEmpty() && collector.unreadable().isEmpty()) {
            List<Path> templates = InputCollector.templatesIn(inputs, cwd);
            System.err.println("proxylint: warning: no nginx or httpd config found in " + String.join(", ", inputs)
                    + (templates.isEmpty() ? "" : "; it holds " + templates.size() + " config template"
                    + (templates.size() == 1 ? "" : "s") + " (" + displayPaths.of(templates.get(0))
                    + (templates.size() > 1 ? ", ..." : "") + "): lint the rendered config, or name a template"
                    + " to lint it as it is"));
        }
        // an unreadable file or folder was left out: the run must not pass as if it were clean
        int unreadable = collector.unreadable().isEmpty() ? 0 : 2;
        activity = "reading baseline " + settings.baseline();
        Baseline known = settings.baseline() != null && settings.writeBaseline() == null
                ? Baseline.read(settings.baseline()) : null;
        activity = "linting " + named(inputs);
        Linter linter = new Linter(catalogue, settings, displayPaths, env);
        LintReport report = linter.lint(candidates);
        if (settings.writeBaseline() != null) {
            Baseline.checkWritable(settings.writeBaseline(), linter.sources().values().stream()
                    .map(SourceFile::path).filter(Objects::nonNull).toList());
        }
        if (diff || fix) {
            List<Fixer.Change> changes = Fixer.changes(report.findings(), linter.sources());
            if (diff) {
                if (fix) {
                    System.err.println("proxylint: --diff: printing the fixes, not writing them (--diff wins over --fix)");
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                changes.forEach(c -> out.writeBytes(c.diff()));
                StandardOutput.check(out, "the diff");
                // as ruff: 1 when there is something to fix, which --fail-on (never: always 0) narrows like a report
                boolean failed = changes.stream().flatMap(c -> c.fixed().stream()).map(Finding::severity)
                        .anyMatch(settings.failOn()::fails);
                return Math.max(unreadable, failed ? 1 : 0);
            }
            if (changes.stream().anyMatch(c -> c.file().path() == null)) {
                throw new UsageException("--fix cannot write standard input; use --diff to see the fixes");
            }
            int fixed = 0;
            for (Fixer.Change c : changes) {
                FixWriter.write(c);
                fixed += c.fixed().size();
            }
            if (!changes.isEmpty()) {
                System.err.println("proxylint: fixed " + fixed + " finding" + (fixed == 1 ? "" : "s") + " in "
                        + changes.size() + " file" + (changes.size() == 1 ? "" : "s"));
                // report what is left, from the files as they are now; standard input was read once and is
                // linted as it was read (as ruff does: a second read would find it empty and pass)
                candidates = InputCollector.reread(candidates);
                linter = new Linter(catalogue, settings, displayPaths, env);
                report = linter.lint(candidates);
            }
        }
        if (settings.writeBaseline() != null) {
            Baseline.write(settings.writeBaseline(), report.findings());
            System.err.println("proxylint: wrote " + report.findings().size() + " finding"
                    + (report.findings().size() == 1 ? "" : "s") + " to " + settings.writeBaseline()
                    + "; run with --baseline " + settings.writeBaseline() + " to report only new ones");
            return unreadable;
        }
        if (known != null) {
            List<Finding> fresh = known.newFindings(report.findings());
            int hidden = report.findings().size() - fresh.size();
            if (hidden > 0) {
                System.err.println("proxylint: " + hidden + " finding" + (hidden == 1 ? "" : "s") + " recorded in "
                        + settings.baseline() + " not shown");
            }
            report = new LintReport(report.files(), fresh, report.fileNames());
        }

        for (String note : new java.util.LinkedHashSet<>(linter.notes())) {
            System.err.println("proxylint: warning: " + note);
        }
        System.err.flush();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        boolean useColor = !noColor && (color || Terminal.isTerminal(1, env) && env.get("NO_COLOR") == null
                && !"dumb".equals(env.get("TERM")));
        Reporters.forName(settings.format()).write(report,
                new ReportContext(catalogue, spec.version()[0].replace("proxylint ", ""), useColor), out);
        out.flush();
        StandardOutput.check(out, "the report");
        boolean failed = report.findings().stream().map(Finding::severity).anyMatch(settings.failOn()::fails);
        return Math.max(unreadable, failed ? 1 : 0);
    }

    /**
     * An empty name is a mistake (an unset shell variable): as a PATH it would walk the current folder, as a
     * file option it was ignored.
     */
    private void refuseEmptyNames() throws UsageException {
        if (paths.contains("")) {
            throw new UsageException("PATH '' is empty: name a file or folder, or - for standard input");
        }
        for (String[] option : new String[][] {{"--config", config == null ? null : config.toString()},
                {"--baseline", baseline}, {"--write-baseline", writeBaseline}}) {
            if (option[1] != null && option[1].isBlank()) {
                throw new UsageException(option[0] + " '" + option[1] + "' is empty: it takes a file name");
            }
        }
    }

    /** The inputs for a message: "'a.conf'" or "'a.conf' and 2 more". */
    private static String named(List<String> inputs) {
        String first = inputs.get(0).equals("-") ? "standard input" : "'" + inputs.get(0) + "'";
        return inputs.size() == 1 ? first : first + " and " + (inputs.size() - 1) + " more";
    }

    private Settings settings(Catalogue catalogue) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "--format", format);
        put(flags, "--dialect", dialect);
        put(flags, "--fail-on", failOn);
        put(flags, "--path", path);
        put(flags, "--server-path", serverPath);
        put(flags, "--ping-interval", pingInterval);
        put(flags, "--ping-timeout", pingTimeout);
        put(flags, "--max-http-buffer-size", maxHttpBufferSize);
        put(flags, "--transports", transports);
        put(flags, "--socketio-version", socketioVersion);
        put(flags, "--select", select);
        put(flags, "--ignore", ignore);
        put(flags, "--baseline", baseline);
        put(flags, "--write-baseline", writeBaseline);
        Path file = SettingsLoader.findConfigFile(config == null ? null : cwd.resolve(config), cwd);
        SettingsLoader loader = new SettingsLoader(catalogue.entries().stream().map(e -> e.meta().id())
                .collect(Collectors.toSet()));
        return loader.load(file, flags, env);
    }

    private static void put(Map<String, String> flags, String name, String value) {
        if (value != null) {
            flags.put(name, value);
        }
    }

    /** {@code proxylint --version}. */
    static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"proxylint " + Version.get()};
        }
    }
}
