package dev.proxylint.lint;

import dev.proxylint.apache.ApacheReader;
import dev.proxylint.apache.ApacheRoutes;
import dev.proxylint.nginx.NginxParser;
import dev.proxylint.nginx.NginxRoutes;
import dev.proxylint.route.RoutesModel;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.rules.Edit;
import dev.proxylint.rules.Finding;
import dev.proxylint.rules.RuleContext;
import dev.proxylint.rules.RuleMeta;
import dev.proxylint.rules.UnusedSuppression;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.DialectDetector;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Tree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow of one run: front end (parse, includes) -> routes model -> rules -> findings. A file that another
 * linted file includes is linted as part of its includer, not twice.
 */
public final class Linter {
    private final Catalogue catalogue;
    private final Settings settings;
    private final DisplayPaths paths;
    private final Map<String, String> env;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();

    public Linter(Catalogue catalogue, Settings settings, DisplayPaths paths) {
        this(catalogue, settings, paths, System.getenv());
    }

    /** @param env the environment httpd's ${VAR} would see */
    public Linter(Catalogue catalogue, Settings settings, DisplayPaths paths, Map<String, String> env) {
        this.catalogue = catalogue;
        this.settings = settings;
        this.paths = paths;
        this.env = env;
    }

    /** Every file read in the last run, by the name findings use (for fixes and diffs). */
    public Map<String, SourceFile> sources() {
        return sources;
    }

    /** Warnings the proxies print while reading (an undefined httpd ${VAR}); not findings. */
    public List<String> notes() {
        return notes;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException | SecurityException e) {
            return p;
        }
    }

    public LintReport lint(List<InputCollector.Candidate> candidates) {
        // parse everything, then lint the configs that include the most first, so included files are covered
        List<ParsedConfig> parsed = new ArrayList<>();
        for (InputCollector.Candidate c : candidates) {
            parsed.add(parse(c.file()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -parsed.get(i).filesRead().size()).thenComparing(i -> i));
        Set<Path> covered = new HashSet<>();
        Map<Integer, List<Finding>> byInput = new HashMap<>();
        Set<Path> filesRead = new HashSet<>();
        int stdinFiles = 0;
        for (int i : order) {
            ParsedConfig config = parsed.get(i);
            Path own = config.entry().path() == null ? null : config.entry().path().toAbsolutePath().normalize();
            if (own != null && (covered.contains(own) || covered.contains(realPath(own)))) {
                continue;
            }
            for (Path read : config.filesRead()) {
                covered.add(read);
                covered.add(realPath(read)); // sites-enabled/app read through its link covers sites-available/app
            }
            config.sources().forEach(sources::putIfAbsent);
            filesRead.addAll(config.filesRead());
            if (own == null) {
                stdinFiles++;
            }
            byInput.put(i, check(config));
        }
        List<Finding> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // two entry configs that include the same file (nginx.conf and nginx.dev.conf both including conf.d/*)
        // find the same things in it: report each once
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (byInput.containsKey(i)) {
                byInput.get(i).stream().filter(f -> reported.add(f.rule() + "@" + f.position() + " " + f.message()))
                        .forEach(all::add);
                names.add(parsed.get(i).entry().display());
            }
        }
        return new LintReport(filesRead.size() + stdinFiles, all, names);
    }

    public ParsedConfig parse(SourceFile file) {
        Dialect dialect = settings.dialect();
        if (dialect == null) {
            dialect = DialectDetector.detect(file.display(), file.text());
        }
        if (dialect == null) {
            dialect = Dialect.NGINX;
        }
        if (dialect == Dialect.APACHE) {
            ApacheReader reader = new ApacheReader(paths, env);
            ParsedConfig config = reader.read(file);
            notes.addAll(reader.notes());
            return config;
        }
        return new NginxParser(paths).parse(file);
    }

    /** Runs the enabled rules on one parsed config, then applies its inline suppressions. */
    public List<Finding> check(ParsedConfig config) {
        RoutesModel routes = config.hasStructuralError() ? new RoutesModel(List.of())
                : config.dialect() == Dialect.APACHE ? ApacheRoutes.build(config, settings.socketIo())
                : NginxRoutes.build(config, settings.socketIo());
        Map<String, Finding> unique = new LinkedHashMap<>();
        Catalogue.Entry unusedRule = null;
        Set<String> enabled = new HashSet<>();
        for (Catalogue.Entry e : catalogue.entries()) {
            RuleMeta meta = e.meta();
            if (e.rule() == null || !settings.enabled(meta.id())
                    || !meta.dialects().contains(config.dialect().id())) {
                continue;
            }
            enabled.add(meta.id());
            if (e.rule() instanceof UnusedSuppression) {
                unusedRule = e; // runs last: it judges the other rules' suppressions
                continue;
            }
            run(e, new RuleContext(meta, config, routes, settings.socketIo()), config, unique);
        }
        Suppressions suppressions = new Suppressions(config);
        unique.values().removeIf(suppressions::suppresses);
        if (unusedRule != null) {
            Set<String> known = new HashSet<>();
            catalogue.entries().forEach(e -> known.add(e.meta().id()));
            run(unusedRule, new RuleContext(unusedRule.meta(), config, routes, settings.socketIo(),
                    suppressions.unused(known, enabled)), config, unique);
        }
        List<Finding> out = new ArrayList<>(unique.values());
        List<String> fileOrder = new ArrayList<>(config.sources().keySet());
        out.sort(Comparator.comparingInt((Finding f) -> fileIndex(fileOrder, f.position().file()))
                .thenComparingInt(f -> f.position().line())
                .thenComparingInt(f -> f.position().column())
                .thenComparing(Finding::rule));
        return Fingerprints.assign(config, out, paths);
    }

    private void run(Catalogue.Entry e, RuleContext ctx, ParsedConfig config, Map<String, Finding> into) {
        RuleMeta meta = e.meta();
        for (Finding f : e.rule().check(ctx)) {
            Finding placed = f.withSeverity(settings.severity(meta.id(), meta.severity()))
                    .withSourceLine(sourceLine(config, f)).withEdits(f.edits().stream()
                            .map(edit -> outOfBuiltIn(config, edit)).toList());
            into.putIfAbsent(f.rule() + "@" + f.position(), placed);
        }
    }

    /**
     * A line to add after a directive of a built-in stock file goes after the include that brought the file in,
     * where the user can write it; other edits there stay unapplied (see Fixer).
     */
    private static Edit outOfBuiltIn(ParsedConfig config, Edit edit) {
        return edit.kind() == Edit.Kind.INSERT_AFTER
                ? new Edit(edit.kind(), Tree.userFacing(config.root(), edit.at()), edit.old(), edit.text()) : edit;
    }

    private static int fileIndex(List<String> order, String file) {
        int i = order.indexOf(file);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String sourceLine(ParsedConfig config, Finding f) {
        SourceFile file = config.sources().get(f.position().file());
        return file == null || file.isBinary() ? "" : file.line(f.position().line());
    }
}
