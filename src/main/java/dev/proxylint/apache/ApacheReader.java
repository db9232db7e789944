package dev.proxylint.apache;

import dev.proxylint.source.Comment;
import dev.proxylint.source.ConfPrefixes;
import dev.proxylint.source.Dialect;
import dev.proxylint.source.Directive;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.Globs;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Position;
import dev.proxylint.source.Problem;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Word;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an httpd config the way httpd does (server/config.c: ap_build_config): logical lines, {@code #}
 * comments only at the start of a line, {@code ${VAR}} from {@code Define} then the environment, sections
 * as blocks whose closing tag must match, and the directives httpd runs while reading, in order: Include
 * and IncludeOptional (spliced in place), Define/UnDefine, LoadModule, ServerRoot, and the conditional
 * sections {@code <IfModule>}, {@code <IfDefine>}, {@code <IfVersion>}, whose content is spliced in when
 * true or undecidable and skipped when false.
 */
public final class ApacheReader {
    /** httpd's HUGE_STRING_LEN: a longer line is refused. */
    private static final int MAX_LINE = 8191;
    private static final int MAX_EXPANDED = 1024 * 1024;
    private static final int MAX_FILES = 5_000;
    private static final int MAX_DEPTH = 128;
    private static final Set<String> CONDITIONALS = Set.of("ifmodule", "ifdefine", "ifversion", "iffile",
            "ifdirective", "ifsection");
    /** Debian's /etc/apache2/envvars: set when apache2ctl starts httpd, so not "undefined". */
    private static final Set<String> DEBIAN_ENVVARS = Set.of("APACHE_RUN_USER", "APACHE_RUN_GROUP",
            "APACHE_PID_FILE", "APACHE_RUN_DIR", "APACHE_LOCK_DIR", "APACHE_LOG_DIR", "APACHE_ARGUMENTS",
            "APACHE_ULIMIT_MAX_FILES", "APACHE_LYNX", "APACHE_STARTED_BY_SYSTEMD");

    /**
     * Files every install has (certbot's SSL options, the conf/extra files httpd ships): missing here they are still
     * PL002 (rules.md), but their content does not change the routes, which are judged.
     */
    private static final List<String> STOCK_FILES = List.of("options-ssl-apache.conf", "extra/httpd-ssl.conf",
            "extra/httpd-vhosts.conf", "extra/httpd-default.conf", "extra/httpd-mpm.conf",
            "extra/httpd-autoindex.conf", "extra/httpd-languages.conf", "extra/httpd-userdir.conf",
            "extra/httpd-info.conf", "extra/httpd-manual.conf", "extra/httpd-dav.conf",
            "extra/httpd-multilang-errordoc.conf", "extra/proxy-html.conf", "extra/httpd-ahssl.conf");

    private final DisplayPaths paths;
    private final Map<String, String> env;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private final Map<String, String> defines = new HashMap<>();
    /** Names UnDefined and not defined again: false for IfDefine, whatever -D httpd was started with. */
    private final Set<String> undefined = new HashSet<>();
    private final Set<String> loaded = new HashSet<>();
    private Path entryDir;
    private boolean checkout;
    private Path serverRoot;
    private boolean htaccess;
    /**
     * The section a conditional section or an included file is read in ({@code <Location /x>} around an
     * {@code <IfModule>} or an {@code Include}), lower-cased, and its first argument: httpd checks the
     * directives there in that section's context. Empty at the top of a file that is not inside one.
     */
    private String outerSection = "";
    private String outerSectionArg = "";

    public ApacheReader(DisplayPaths paths, Map<String, String> env) {
        this.paths = paths;
        this.env = env;
    }

    public ParsedConfig read(SourceFile entry) {
        entryDir = entry.path() != null ? entry.path().toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
        // a checkout, not the deployed config: /etc/apache2/X means X where the entry file's ServerRoot is
        checkout = entry.path() != null && !ConfPrefixes.holds(entryDir, ConfPrefixes.HTTPD);
        htaccess = entry.display().endsWith(".htaccess");
        sources.put(entry.display(), entry);
        Deque<Path> stack = new ArrayDeque<>();
        if (entry.path() != null) {
            Path key = entry.path().toAbsolutePath().normalize();
            filesRead.add(key);
            stack.push(key);
        }
        List<Directive> root = readFile(entry, stack);
        ProxySetTargets.check(root, root.stream().anyMatch(d -> d.is("LoadModule")), problems);
        return new ParsedConfig(Dialect.APACHE, entry, root, "server", List.copyOf(problems), comments, filesRead,
                sources);
    }

    /** Warnings httpd prints while reading (an undefined ${VAR}); not findings. */
    public List<String> notes() {
        return notes;
    }

    /** Whether the config shows LoadModule lines, so the set of loaded modules is known. */
    public boolean modulesKnown() {
        return Modules.wholeList(loaded);
    }

    public Set<String> loadedModules() {
        Set<String> all = new HashSet<>(loaded);
        all.addAll(Modules.STATIC);
        return all;
    }

    // ------------------------------------------------------------------------------------------ one file

    /** Sections httpd refuses without an argument (core.c: missing_container_arg); {@code <Proxy>} it accepts. */
    private static final Set<String> NEEDS_ARGUMENT = Set.of("location", "locationmatch", "directory",
            "directorymatch", "files", "filesmatch", "virtualhost", "ifmodule", "ifdefine", "if", "elseif");

    /** Reading stops at the first error, as httpd's does. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** An open section: its header and the children read so far. */
    private record Open(Word name, List<Word> args, List<Directive> children, Position at) {
        String firstArg() {
            return args.isEmpty() ? "" : args.get(0).value();
        }
    }

    /** The lines of one file and where reading is. */
    private static final class Cursor {
        final List<LogicalLine> lines;
        int next;

        Cursor(List<LogicalLine> lines) {
            this.lines = lines;
        }

        LogicalLine take() {
            return next < lines.size() ? lines.get(next++) : null;
        }
    }

    private List<Directive> readFile(SourceFile file, Deque<Path> includeStack) {
        if (file.isBinary()) {
            problems.add(new Problem("PL001", file.position(1, 1),
                    "binary content (a NUL byte): this is not an httpd config, and httpd would refuse it", null));
            return List.of();
        }
        if (file.startsWithByteOrderMark()) {
            // httpd 2.4.71 reads it as part of the first word, also in an included file; the rest is read as if
            // it were not there, so the other findings still come
            problems.add(new Problem("PL001", file.position(1, 1), "httpd would refuse this file: it starts with a"
                    + " UTF-8 byte order mark, which httpd reads as part of the first directive's name (Invalid command"
                    + " '\\xef\\xbb\\xbf...'); save it as UTF-8 without BOM", null, false));
        }
        List<Directive> top = new ArrayList<>();
        try {
            readScope(new Cursor(LineReader.read(file)), null, top, includeStack, 0, true);
        } catch (Stop stop) {
            // the problem is recorded; keep what was read
        }
        return top;
    }

    /**
     * Reads directives into {@code out} until the end of the file or, inside a true conditional section
     * ({@code conditional} names it), its closing tag. Like ap_build_config(): sections opened here must be
     * closed here. Like ap_build_cont_config(): the end of a conditional is a line that is exactly its closing
     * tag while no section is open in it, and the end of the file inside one is accepted. {@code checked}:
     * false inside a conditional section proxylint cannot decide, where httpd may skip the arguments unread.
     */
    private void readScope(Cursor cursor, String conditional, List<Directive> out, Deque<Path> includeStack,
                           int depth, boolean checked) throws Stop {
        Deque<Open> open = new ArrayDeque<>();
        LogicalLine line;
        while ((line = cursor.take()) != null) {
            String text = line.text();
            if (text.isEmpty()) {
                continue;
            }
            if (text.charAt(0) == '#') {
                comments.add(new Comment(line.position(0), text.substring(1), true));
                continue;
            }
            if (conditional != null && open.isEmpty() && text.equalsIgnoreCase("</" + conditional + ">")) {
                return;
            }
            if (text.length() >= MAX_LINE) {
                throw stop(line.position(0), "line " + line.firstLine() + " is longer than httpd's limit of "
                        + MAX_LINE + " characters");
            }
            boolean resolve = text.contains("${");
            String resolved = resolve ? resolveVariables(text, line) : text;
            List<ConfWords.ConfWord> words = ConfWords.split(resolved);
            if (words.isEmpty()) {
                continue;
            }
            ConfWords.ConfWord first = words.get(0);
            String cmd = first.value();
            Position at = line.position(first.offset());
            List<Directive> level = open.isEmpty() ? out : open.peek().children();

            if (cmd.startsWith("</")) {
                String name = cmd.endsWith(">") ? cmd.substring(2, cmd.length() - 1) : cmd.substring(2);
                if (open.isEmpty()) {
                    throw stop(at, cmd + (cmd.endsWith(">") ? "" : ">") + " without matching <" + name
                            + "> section");
                }
                Open o = open.peek();
                if (!cmd.endsWith(">")) {
                    throw stop(at, cmd + "> directive missing closing '>'");
                }
                if (!name.equalsIgnoreCase(o.name().value())) {
                    throw stop(at, "Expected </" + o.name().value() + "> but saw </" + name + ">");
                }
                open.pop();
                (open.isEmpty() ? out : open.peek().children())
                        .add(new Directive(o.name(), o.args(), List.copyOf(o.children()), null));
                continue;
            }
            if (cmd.startsWith("<")) {
                String name = cmd.endsWith(">") && cmd.length() > 2 ? cmd.substring(1, cmd.length() - 1)
                        : cmd.substring(1);
                Word nameWord = new Word(name, first.raw(), false, at);
                String rest = resolved.substring(first.offset() + first.raw().length());
                int gt = rest.lastIndexOf('>');
                if (!cmd.endsWith(">") && gt < 0) {
                    throw stop(at, "<" + name + "> directive missing closing '>'");
                }
                List<Word> args = cmd.endsWith(">") ? List.of()
                        : words(line, rest.substring(0, gt), first.offset() + first.raw().length(), resolve);
                if (depth + open.size() >= MAX_DEPTH) {
                    throw stop(at, "sections nested deeper than " + MAX_DEPTH + " levels");
                }
                String key = name.toLowerCase(Locale.ROOT);
                if (args.isEmpty() && NEEDS_ARGUMENT.contains(key)) {
                    throw stop(at, "<" + name + "> directive requires additional arguments");
                }
                if (key.equals("macro")) {
                    level.add(new Directive(nameWord, args, List.of(), null));
                    soak(cursor, name, at, true);
                } else if (CONDITIONALS.contains(key)) {
                    level.add(new Directive(nameWord, args, List.of(), null)); // where the section was
                    Boolean active = condition(key, args);
                    if (Boolean.FALSE.equals(active)) {
                        soak(cursor, name, at, false);
                    } else {
                        String[] saved = enter(open);
                        try {
                            readScope(cursor, name, level, includeStack, depth + open.size() + 1, checked);
                        } finally {
                            outerSection = saved[0];
                            outerSectionArg = saved[1];
                        }
                    }
                } else {
                    open.push(new Open(nameWord, args, new ArrayList<>(), at));
                }
                continue;
            }
            List<Word> args = words(line, resolved.substring(first.offset() + first.raw().length()),
                    first.offset() + first.raw().length(), resolve);
            Directive d = new Directive(new Word(cmd, first.raw(), first.quoted(), at), args, null, null);
            level.add(d);
            String section = open.isEmpty() ? !outerSection.isEmpty() ? outerSection : htaccess ? ".htaccess" : ""
                    : open.peek().name().value().toLowerCase(Locale.ROOT);
            String problem = !checked ? null : ApacheChecks.check(d, section, open.isEmpty() ? outerSectionArg
                    : open.peek().firstArg());
            if (problem != null) {
                // a directive .htaccess may not hold breaks every request there: nothing else can be judged
                problems.add(section.equals(".htaccess") && problem.contains("(.htaccess)")
                        ? new Problem("PL001", at, "httpd would refuse this file: " + problem, null)
                        : trailingComment(d, section, open.isEmpty() ? outerSectionArg : open.peek().firstArg(),
                        problem));
            }
            String[] saved = enter(open);
            try {
                onRead(d, level, includeStack);
            } finally {
                outerSection = saved[0];
                outerSectionArg = saved[1];
            }
        }
        if (!open.isEmpty() && conditional == null) {
            Open innermost = open.peek();
            StringBuilder msg = new StringBuilder("<" + innermost.name().value() + "> was not closed.");
            open.stream().skip(1).forEach(o -> msg.append(" (nor <").append(o.name().value()).append("> at line ")
                    .append(o.at().line()).append(')'));
            close(open, out);
            throw stop(innermost.at(), msg.toString());
        }
        close(open, out);
    }

    /**
     * A refused directive whose refusal a trailing {@code # ...} causes (httpd has no end-of-line comments, and
     * the Socket.IO docs shipped exactly this): the message says so, and the fix is the directive without it.
     */
    private static Problem trailingComment(Directive d, String section, String sectionArg, String problem) {
        int hash = ConfWords.commentStart(d);
        if (hash < d.argCount()) {
            Directive without = new Directive(d.nameWord(), d.args().subList(0, hash), null, null);
            if (ApacheChecks.check(without, section, sectionArg) == null) {
                String text = String.join(" ", d.args().subList(hash, d.argCount()).stream().map(Word::raw).toList());
                return new Problem("PL001", d.position(), "httpd would refuse this file: " + problem
                        + (problem.endsWith(".") ? "" : ".") + " httpd has no end-of-line comments: it reads \"" + text + "\" as more arguments; move the"
                        + " comment to a line of its own", ConfWords.withoutComment(d), false);
            }
        }
        return Problem.argument(d.position(), "httpd would refuse this file: " + problem);
    }

    /** Makes the innermost open section the context of what is read next; returns the context to restore. */
    private String[] enter(Deque<Open> open) {
        String[] saved = {outerSection, outerSectionArg};
        if (!open.isEmpty()) {
            outerSection = open.peek().name().value().toLowerCase(Locale.ROOT);
            outerSectionArg = open.peek().firstArg();
        }
        return saved;
    }

    /** Closes sections left open, so later stages still see what was read. */
    private static void close(Deque<Open> open, List<Directive> out) {
        while (!open.isEmpty()) {
            Open o = open.pop();
            (open.isEmpty() ? out : open.peek().children())
                    .add(new Directive(o.name(), o.args(), List.copyOf(o.children()), null));
        }
    }

    /**
     * Skips a false conditional section as ap_soak_end_container() does: nested sections must still close
     * with their own names. {@code raw}: a {@code <Macro>} body, which mod_macro keeps unread.
     */
    private void soak(Cursor cursor, String name, Position at, boolean raw) throws Stop {
        LogicalLine line;
        while ((line = cursor.take()) != null) {
            List<ConfWords.ConfWord> words = ConfWords.split(line.text());
            if (words.isEmpty()) {
                continue;
            }
            String cmd = words.get(0).value();
            if (!cmd.startsWith("<")) {
                continue;
            }
            Position p = line.position(words.get(0).offset());
            if (cmd.startsWith("</")) {
                String closing = cmd.substring(2, cmd.length() - 1);
                if (closing.equalsIgnoreCase(name)) {
                    return;
                }
                if (raw) {
                    continue;
                }
                throw stop(p, "Expected </" + name + "> but saw </" + closing + ">");
            }
            if (raw) {
                continue;
            }
            String inner = cmd.substring(1);
            if (words.size() == 1 && inner.endsWith(">")) {
                inner = inner.substring(0, inner.length() - 1);
            }
            soak(cursor, inner, p, false);
        }
        throw stop(at, "Expected </" + name + "> before end of configuration");
    }

    private Stop stop(Position at, String httpdSays) {
        problems.add(error(at, httpdSays));
        return new Stop();
    }

    private static Problem error(Position at, String httpdSays) {
        return new Problem("PL001", at, "httpd would refuse this file: " + httpdSays, null);
    }

    private static List<Word> words(LogicalLine line, String rest, int base, boolean resolved) {
        List<Word> out = new ArrayList<>();
        for (ConfWords.ConfWord w : ConfWords.split(rest)) {
            Position p = resolved ? line.position(0) : line.position(base + w.offset());
            out.add(new Word(w.value(), w.raw(), w.quoted(), p));
        }
        return out;
    }

    /** ap_resolve_env(): ${NAME} from Define, then the environment; unresolved stays as written. */
    private String resolveVariables(String text, LogicalLine line) throws Stop {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                sb.append(text, i, text.length());
                break;
            }
            sb.append(text, i, open);
            String name = text.substring(open + 2, close);
            String value = defines.containsKey(name) ? defines.get(name) : env.get(name);
            if (value == null) {
                if (!DEBIAN_ENVVARS.contains(name)) {
                    notes.add(line.position(open) + ": ${" + name + "} is not defined (Define or environment);"
                            + " httpd leaves it as written (AH00111)");
                }
                sb.append(text, open, close + 1);
            } else {
                sb.append(value);
            }
            if (sb.length() > MAX_EXPANDED) {
                // Define A ${A}${A}, repeated, doubles the value each time: httpd would exhaust its memory
                problems.add(new Problem("PL001", line.position(open), "${" + name + "} expands line "
                        + line.firstLine() + " to more than " + MAX_EXPANDED / (1024 * 1024) + " MiB (a Define that"
                        + " repeats itself doubles with each use); proxylint stops here", null));
                throw new Stop();
            }
            i = close + 1;
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------- directives run while reading

    /** Runs what httpd runs while reading (EXEC_ON_READ). */
    private void onRead(Directive d, List<Directive> level, Deque<Path> includeStack) throws Stop {
        switch (d.key()) {
            case "define" -> {
                if (d.argCount() >= 1) {
                    defines.put(d.arg(0), d.argCount() > 1 ? d.arg(1) : "");
                    undefined.remove(d.arg(0));
                }
            }
            case "undefine" -> {
                if (d.argCount() >= 1) {
                    defines.remove(d.arg(0));
                    undefined.add(d.arg(0));
                }
            }
            case "loadmodule" -> {
                if (d.argCount() >= 1) {
                    loaded.add(Modules.normalise(d.arg(0)));
                }
            }
            case "serverroot" -> {
                if (d.argCount() == 1) {
                    Path p = Path.of(d.arg(0));
                    serverRoot = p.isAbsolute() ? p : entryDir.resolve(p);
                }
            }
            case "include", "includeoptional" -> {
                if (d.argCount() == 1) {
                    include(d, d.key().equals("includeoptional"), level, includeStack);
                }
            }
            default -> {
            }
        }
    }

    private void include(Directive d, boolean optional, List<Directive> level, Deque<Path> includeStack)
            throws Stop {
        String pattern = d.arg(0);
        List<Path> matches = new ArrayList<>();
        String below = checkout ? ConfPrefixes.below(pattern, ConfPrefixes.HTTPD) : null;
        String lookup = below != null ? below : pattern; // /etc/apache2/X: X where the entry file's ServerRoot is
        boolean absolute = Globs.isAbsolute(lookup);
        for (Path base : absolute ? List.of(entryDir) : bases()) {
            matches = Globs.expand(lookup, base);
            if (!matches.isEmpty()) {
                break;
            }
        }
        if (matches.isEmpty()) {
            if (optional) {
                d.markInclude(Directive.IncludeState.EMPTY);
                return;
            }
            String why = Globs.hasWildcard(pattern) ? "No matches for the wildcard \"" + pattern + "\""
                    : "Could not open configuration file " + pattern + ": No such file or directory";
            String refused = "httpd would refuse to start: " + why + (absolute ? "" : " (looked in "
                    + String.join(", ", bases().stream().map(paths::of).toList()) + ")")
                    + "; unless it exists where this config is deployed, use IncludeOptional";
            if (!Globs.hasWildcard(pattern) && STOCK_FILES.stream().anyMatch(
                    f -> pattern.equals(f) || pattern.endsWith("/" + f))) {
                // still PL002 (the file is not here), but a stock file's content does not change the routes
                d.markInclude(Directive.IncludeState.RESOLVED);
                problems.add(new Problem("PL002", d.position(), refused + ". It is a stock file of httpd (or"
                        + " certbot): its content does not change how Socket.IO is proxied", null, false));
                return;
            }
            d.markInclude(Directive.IncludeState.UNRESOLVED);
            problems.add(new Problem("PL002", d.position(), refused + ". Findings that depend on its content may be"
                    + " missing", null));
            return;
        }
        d.markInclude(Directive.IncludeState.RESOLVED);
        for (Path match : expandDirectories(matches)) {
            Path m = checkout ? ConfPrefixes.followLink(match, ConfPrefixes.HTTPD, bases()) : match;
            if (m == null) {
                continue; // a link to a file that only the deployed machine has
            }
            Path key = m.toAbsolutePath().normalize();
            if (includeStack.contains(key)) {
                throw stop(d.position(), "Include \"" + pattern + "\" includes " + paths.of(key)
                        + " again while reading it: an include cycle, which httpd follows until it gives up");
            }
            if (filesRead.size() >= MAX_FILES || includeStack.size() > MAX_DEPTH) {
                throw stop(d.position(), "Include \"" + pattern + "\" reaches " + (includeStack.size() > MAX_DEPTH
                        ? "includes nested more than " + MAX_DEPTH + " deep" : "more than " + MAX_FILES + " files")
                        + "; proxylint stops here");
            }
            SourceFile f;
            try {
                f = SourceFile.read(key, paths.of(key));
            } catch (IOException | SecurityException e) {
                problems.add(new Problem("PL002", d.position(), "Include \"" + pattern + "\": cannot read "
                        + paths.of(key) + " (" + e.getMessage() + ")", null));
                continue;
            }
            filesRead.add(key);
            sources.put(f.display(), f);
            includeStack.push(key);
            int before = problems.size();
            level.addAll(readFile(f, includeStack));
            includeStack.pop();
            if (problems.subList(before, problems.size()).stream().anyMatch(p -> p.ruleId().equals("PL001"))) {
                throw new Stop(); // httpd stops at the first error, also in an included file
            }
        }
    }

    /**
     * Where relative includes resolve: httpd uses ServerRoot, but a linted copy of a config usually lives
     * elsewhere. So: ServerRoot when the entry file lies inside it; else the entry file's folder, then its parent
     * (the ServerRoot of a conf/httpd.conf layout); ServerRoot last, unless it is a system folder such as
     * /etc/apache2 that the entry file is not in: that holds the machine's own config, not this one's, and a CI
     * run would depend on the CI machine.
     */
    private List<Path> bases() {
        List<Path> out = new ArrayList<>();
        boolean rootExists = serverRoot != null && Files.isDirectory(serverRoot);
        Path root = rootExists ? serverRoot.toAbsolutePath().normalize() : null;
        if (root != null && entryDir.toAbsolutePath().normalize().startsWith(root)) {
            out.add(root);
        }
        out.add(entryDir);
        if (entryDir.getParent() != null) {
            out.add(entryDir.getParent());
        }
        if (root != null && !out.contains(root) && !ConfPrefixes.holds(root, ConfPrefixes.HTTPD)) {
            out.add(root);
        }
        return out;
    }

    /** An included folder means every file below it, sorted (ap_process_resource_config). */
    private static List<Path> expandDirectories(List<Path> matches) {
        List<Path> out = new ArrayList<>();
        for (Path m : matches) {
            if (Files.isDirectory(m)) {
                try (Stream<Path> walk = Files.walk(m)) {
                    walk.limit(MAX_FILES * 4L).filter(Files::isRegularFile).sorted().forEach(out::add);
                } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
                    // unreadable folder: nothing to splice
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------- conditional sections

    /** True, false, or null when the config cannot decide it (then both branches count: read as true). */
    private Boolean condition(String section, List<Word> args) {
        if (args.isEmpty()) {
            return null;
        }
        String a = args.get(0).value();
        boolean negate = a.startsWith("!");
        String name = negate ? a.substring(1) : a;
        Boolean value = switch (section) {
            case "ifmodule" -> {
                String m = Modules.normalise(name);
                if (Modules.STATIC.contains(m) || loaded.contains(m)) {
                    yield true;
                }
                yield Modules.wholeList(loaded) ? Boolean.FALSE : null;
            }
            // not Defined: undecidable (httpd -D may define it), unless UnDefine removed it (also a -D one)
            case "ifdefine" -> defines.containsKey(name) ? Boolean.TRUE : undefined.contains(name) ? Boolean.FALSE
                    : null;
            case "ifversion" -> IfVersion.evaluate(args.stream().map(Word::value).toList());
            default -> null;
        };
        if (value == null || section.equals("ifversion")) {
            return value;
        }
        return negate != value;
    }
}
