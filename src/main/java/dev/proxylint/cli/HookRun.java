package dev.proxylint.cli;

import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.LintReport;
import dev.proxylint.lint.Linter;
import dev.proxylint.lint.UsageException;
import dev.proxylint.report.ReportContext;
import dev.proxylint.report.TextReporter;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Finding;
import dev.proxylint.settings.Settings;
import dev.proxylint.settings.SettingsLoader;
import dev.proxylint.source.DialectDetector;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the installed hook runs: exports the commit's tree (the index for pre-commit, the pushed commit for
 * pre-push) to a temporary folder, so unstaged edits cannot hide a problem and includes resolve from the
 * same tree, lints the proxy configs there, and reports the findings in the files the commit changes.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Lint the proxy configs the staged commit (or, with --pre-push, the push) changes.")
final class HookRun implements Callable<Integer> {
    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    /** A full object id: SHA-1 or SHA-256, as git writes them. */
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    @Option(names = "--pre-push", description = "Read git's pre-push input and lint the pushed commits' changes.")
    boolean prePush;

    @picocli.CommandLine.Parameters(arity = "0..*", hidden = true)
    List<String> gitArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path top = Path.of(Git.run(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel").trim());
        Path tree = Files.createTempDirectory("proxylint-hook");
        try {
            Set<String> changed = new LinkedHashSet<>();
            if (prePush) {
                String commit = pushed(top, changed);
                if (commit == null) {
                    return 0;
                }
                export(top, tree, commit);
            } else {
                changed.addAll(Git.zList(Git.run(top, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")));
                Git.run(top, "checkout-index", "--all", "--prefix=" + tree.toAbsolutePath() + "/");
            }
            Set<String> configs = changed.stream().filter(f -> isConfig(tree, f)).collect(Collectors.toCollection(
                    LinkedHashSet::new));
            if (configs.isEmpty()) {
                return 0;
            }
            return lint(tree, configs);
        } finally {
            deleteTree(tree);
        }
    }

    /** From git's pre-push input: the changed files (into {@code changed}) and the commit to lint, or null. */
    private String pushed(Path top, Set<String> changed) throws IOException, UsageException {
        String last = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] w = line.trim().split("\\s+");
            // git writes "<local ref> <local object id> <remote ref> <remote object id>"; the ids go to git's
            // command line, so anything else (an option such as --output=FILE) must not get there
            if (w.length != 4 || !OBJECT_ID.matcher(w[1]).matches() || !OBJECT_ID.matcher(w[3]).matches()) {
                throw new UsageException("pre-push input line " + n + " is not '<local ref> <object id> <remote ref>"
                        + " <object id>' as git writes it: " + abbreviated(line));
            }
            if (w[1].matches("0+")) {
                continue; // a deleted ref: nothing to lint
            }
            String base = w[3].matches("0+") ? EMPTY_TREE : w[3];
            List<String> diff = new ArrayList<>(List.of("diff", "--name-only", "--diff-filter=ACMR", "-z"));
            diff.addAll(Git.endOfOptions(top));
            diff.addAll(List.of(base, w[1], "--"));
            changed.addAll(Git.zList(Git.run(top, diff.toArray(String[]::new))));
            last = w[1];
        }
        return last;
    }

    private static String abbreviated(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    /**
     * The pushed commit's tree, checked out through an index of its own, as the pre-commit hook checks out the
     * staged one: symlinks stay symlinks (sites-enabled/app -> ../sites-available/app), which an archive lost.
     */
    private static void export(Path top, Path tree, String commit) throws UsageException, IOException {
        Path index = Files.createTempFile("proxylint-index", "");
        try {
            Files.delete(index); // git writes a new index there
            List<String> readTree = new ArrayList<>(List.of("read-tree"));
            readTree.addAll(Git.endOfOptions(top));
            readTree.add(commit);
            Git.runWithIndex(top, index, readTree.toArray(String[]::new));
            Git.runWithIndex(top, index, "checkout-index", "--all", "--prefix=" + tree.toAbsolutePath() + "/");
        } finally {
            Files.deleteIfExists(index);
        }
    }

    private static boolean isConfig(Path tree, String file) {
        Path p;
        try {
            p = tree.resolve(file);
        } catch (InvalidPathException e) {
            System.err.println("proxylint: warning: skipping '" + file + "': the name cannot be represented in this"
                    + " locale's character set; run with a UTF-8 locale (LC_ALL=C.UTF-8)");
            return false;
        }
        if (!InputCollector.looksLikeConfigName(p) || !Files.isRegularFile(p)) {
            return false;
        }
        try {
            SourceFile f = SourceFile.read(p, file);
            return !f.isBinary() && DialectDetector.detect(file, f.text()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private int lint(Path tree, Set<String> configs) throws Exception {
        Map<String, String> env = System.getenv();
        Catalogue catalogue = Catalogue.load();
        Settings settings = new SettingsLoader(catalogue.entries().stream().map(e -> e.meta().id())
                .collect(Collectors.toSet())).load(SettingsLoader.findConfigFile(null, tree), Map.of(), env);
        // every config of the tree, so a changed snippet is read in the context of its includer
        DisplayPaths paths = new DisplayPaths(tree);
        List<InputCollector.Candidate> candidates = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = tree.relativize(p).toString();
                if (configs.contains(rel) || isConfig(tree, rel)) { // isConfig warns about undecodable names
                    candidates.add(new InputCollector.Candidate(SourceFile.read(p, rel), configs.contains(rel)));
                }
            }
        }
        LintReport all = new Linter(catalogue, settings, paths, env).lint(candidates);
        List<Finding> mine = all.findings().stream().filter(f -> configs.contains(f.position().file())).toList();
        LintReport report = new LintReport(configs.size(), mine, List.copyOf(configs));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean color = Terminal.isTerminal(1, env) && env.get("NO_COLOR") == null;
        new TextReporter().write(report, new ReportContext(catalogue, Version.get(), color), out);
        boolean failed = mine.stream().map(Finding::severity).anyMatch(settings.failOn()::fails);
        if (failed) {
            System.err.println("proxylint: " + (prePush ? "push" : "commit") + " refused; fix the findings above,"
                    + " or skip the check once with --no-verify");
        }
        return failed ? 1 : 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
