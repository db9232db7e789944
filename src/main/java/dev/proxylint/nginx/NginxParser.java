package dev.proxylint.nginx;

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
import dev.proxylint.source.Tree;
import dev.proxylint.source.Word;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the syntax tree of an nginx config the way nginx reads it: statements from {@link NginxTokenizer},
 * blocks, {@code include} spliced in place (globs sorted as glob(3) sorts them, relative paths from the
 * conf prefix: the entry file's folder), then the argument checks of {@link NginxChecks}.
 */
public final class NginxParser {
    static final int MAX_DEPTH = 128;
    private static final int MAX_FILES = 5_000;
    private static final int MAX_DIRECTIVES = 2_000_000;
    private static final String STOCK = "nginx-stock/";
    /**
     * Files every nginx (or certbot) install has: missing here they are still PL002 (rules.md), but their content is
     * known, so the routes are judged; proxy_params is read from Debian's copy.
     */
    private static final List<String> STOCK_FILES = List.of("proxy_params", "fastcgi_params", "fastcgi.conf",
            "scgi_params", "uwsgi_params", "mime.types", "koi-utf", "koi-win", "win-utf",
            "snippets/fastcgi-php.conf", "snippets/snakeoil.conf", "options-ssl-nginx.conf");

    /** How a stock file's directives are named in positions: {@code proxy_params (nginx stock file)}. */

    private final DisplayPaths paths;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final Map<Path, List<Directive>> parsed = new HashMap<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();
    private final Set<Path> filesRead = new LinkedHashSet<>();
    private Path prefix;
    private Path fallbackPrefix;
    /** A checkout, not the deployed config: /etc/nginx/X in an include means X beside the entry file. */
    private boolean checkout;
    private int directiveCount;
    private boolean tooBig;

    public NginxParser(DisplayPaths paths) {
        this.paths = paths;
    }

    /** Parses {@code entry} and everything it includes. */
    public ParsedConfig parse(SourceFile entry) {
        Path dir = entry.path() != null ? entry.path().toAbsolutePath().getParent()
                : Path.of("").toAbsolutePath();
        prefix = dir;
        // read in place on the server (or from standard input): absolute includes are what they say
        checkout = entry.path() != null && !ConfPrefixes.holds(dir, ConfPrefixes.NGINX);
        String folder = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (folder.startsWith("sites-") || folder.equals("conf.d") || folder.equals("snippets")) {
            fallbackPrefix = dir.getParent();
        }
        sources.put(entry.display(), entry);
        if (entry.path() != null) {
            filesRead.add(entry.path().toAbsolutePath().normalize());
        }
        List<Directive> top = parseOne(entry);
        Deque<Path> stack = new ArrayDeque<>();
        if (entry.path() != null) {
            stack.push(entry.path().toAbsolutePath().normalize());
        }
        List<Directive> root = resolveIncludes(top, stack, 0);
        String context = NginxContext.infer(root);
        NginxChecks.check(root, context, problems);
        return new ParsedConfig(Dialect.NGINX, entry, root, context, dedupe(problems), comments,
                filesRead, sources);
    }

    private static List<Problem> dedupe(List<Problem> all) {
        Map<String, Problem> unique = new LinkedHashMap<>();
        for (Problem p : all) {
            unique.putIfAbsent(p.ruleId() + p.position() + p.message(), p);
        }
        return List.copyOf(unique.values());
    }

    private List<Directive> parseOne(SourceFile file) {
        if (file.isBinary()) {
            problems.add(new Problem("PL001", file.position(1, 1),
                    "binary content (a NUL byte): this is not an nginx config, and nginx would refuse it", null));
            return List.of();
        }
        if (file.startsWithByteOrderMark()) {
            // the rest is read as if it were not there, so the other findings still come
            problems.add(new Problem("PL001", file.position(1, 1), "nginx would refuse this file: it starts with a"
                    + " UTF-8 byte order mark, which nginx reads as part of the first word (unknown directive"
                    + " \"\\xEF\\xBB\\xBF...\"); save it as UTF-8 without BOM", null, false));
        }
        NginxTokenizer tokenizer = new NginxTokenizer(file, comments);
        record Frame(Directive header, List<Directive> children) {
        }
        Deque<Frame> stack = new ArrayDeque<>();
        List<Directive> top = new ArrayList<>();
        List<Directive> current = top;
        try {
            for (;;) {
                NginxTokenizer.Statement st = tokenizer.next();
                switch (st.end()) {
                    case SEMICOLON -> current.add(directive(st.words(), null, null));
                    case BLOCK_START -> {
                        Word name = st.words().get(0);
                        if (name.value().endsWith("_by_lua_block")) {
                            String body = tokenizer.readLuaBlock(name.position());
                            current.add(directive(st.words(), List.of(), body));
                        } else {
                            if (stack.size() >= MAX_DEPTH) {
                                throw new NginxSyntaxError(name.position(),
                                        "blocks nested deeper than " + MAX_DEPTH + " levels");
                            }
                            Directive header = directive(st.words(), List.of(), null);
                            stack.push(new Frame(header, current));
                            current = new ArrayList<>();
                        }
                    }
                    case BLOCK_END -> {
                        if (stack.isEmpty()) {
                            throw new NginxSyntaxError(st.endPosition(), "unexpected \"}\"");
                        }
                        Frame f = stack.pop();
                        Directive closed = new Directive(f.header().nameWord(), f.header().args(),
                                List.copyOf(current), null);
                        current = f.children();
                        current.add(closed);
                    }
                    case EOF -> {
                        if (!stack.isEmpty()) {
                            Directive open = stack.peek().header();
                            throw new NginxSyntaxError(open.position(), "unexpected end of file, expecting \"}\""
                                    + " (the block \"" + open.text() + "\" opened here is never closed)");
                        }
                        return top;
                    }
                    default -> throw new IllegalStateException();
                }
            }
        } catch (NginxSyntaxError e) {
            problems.add(new Problem("PL001", e.position(), "nginx would refuse this file: " + e.getMessage(),
                    null));
            // keep what was read so far, closing the open blocks, so later stages still see positions
            while (!stack.isEmpty()) {
                Frame f = stack.pop();
                Directive closed = new Directive(f.header().nameWord(), f.header().args(), List.copyOf(current),
                        null);
                current = f.children();
                current.add(closed);
            }
            return top;
        }
    }

    private Directive directive(List<Word> words, List<Directive> block, String raw) {
        directiveCount++;
        return new Directive(words.get(0), words.subList(1, words.size()), block, raw);
    }

    private List<Directive> resolveIncludes(List<Directive> dirs, Deque<Path> stack, int depth) {
        List<Directive> out = new ArrayList<>(dirs.size());
        for (Directive d : dirs) {
            if (tooBig) {
                break;
            }
            if (d.hasBlock() && d.rawBody() == null) {
                Directive copy = new Directive(d.nameWord(), d.args(), resolveIncludes(d.block(), stack, depth),
                        null);
                out.add(copy);
                continue;
            }
            out.add(d);
            if (d.name().equals("include") && !d.hasBlock() && d.argCount() == 1) {
                out.addAll(include(d, stack, depth));
            }
        }
        return out;
    }

    private List<Directive> include(Directive d, Deque<Path> stack, int depth) {
        String pattern = d.arg(0);
        String below = checkout ? ConfPrefixes.below(pattern, ConfPrefixes.NGINX) : null;
        String lookup = below != null ? below : pattern; // /etc/nginx/X: X beside the entry file
        List<Path> matches = Globs.expand(lookup, prefix);
        if (matches.isEmpty() && fallbackPrefix != null && !Globs.isAbsolute(lookup)) {
            matches = Globs.expand(lookup, fallbackPrefix);
        }
        if (matches.isEmpty() && Placeholders.in(pattern)) {
            d.markInclude(Directive.IncludeState.UNRESOLVED); // include ${DIR}/x.conf in a template: not known here
            return List.of();
        }
        if (matches.isEmpty()) {
            if (Globs.hasWildcard(pattern)) {
                d.markInclude(Directive.IncludeState.EMPTY);
                return List.of(); // nginx accepts a glob that matches nothing
            }
            String notHere = "include \"" + pattern + "\": no such file"
                    + (below != null ? " (looked for " + below + " beside the entry file, in " + paths.of(prefix)
                    + (fallbackPrefix != null ? " and " + paths.of(fallbackPrefix) : "") + ")"
                    : Globs.isAbsolute(pattern) ? "" : " (relative to " + paths.of(prefix) + ")")
                    + "; nginx would refuse to start unless it exists where this config is deployed";
            List<Directive> stock = stock(pattern, d.position());
            if (stock != null) {
                // still PL002 (the file is not here), but what it holds is known: the routes stay whole
                d.markInclude(Directive.IncludeState.RESOLVED);
                problems.add(new Problem("PL002", d.position(), notHere + ". " + (pattern.endsWith("options-ssl-nginx.conf")
                        ? "certbot installs it" : "nginx packages install it") + (stock.isEmpty()
                        ? "; its content does not change how Socket.IO is proxied"
                        : "; proxylint read it as Debian's nginx package ships it"), null, false));
                return stock;
            }
            d.markInclude(Directive.IncludeState.UNRESOLVED);
            problems.add(new Problem("PL002", d.position(), notHere
                    + ", and findings that depend on its content may be missing", null));
            return List.of();
        }
        d.markInclude(Directive.IncludeState.RESOLVED);
        List<Directive> out = new ArrayList<>();
        for (Path match : matches) {
            Path m = checkout ? ConfPrefixes.followLink(match, ConfPrefixes.NGINX, List.of(prefix,
                    fallbackPrefix == null ? prefix : fallbackPrefix)) : match;
            if (m == null) {
                continue; // a link to a file that only the deployed machine has
            }
            Path key = m.toAbsolutePath().normalize();
            if (Files.isDirectory(key)) {
                continue;
            }
            if (stack.contains(key)) {
                problems.add(new Problem("PL001", d.position(), "include \"" + pattern + "\" includes "
                        + paths.of(key) + " again while reading it (an include cycle): nginx would recurse"
                        + " until it runs out of open files and refuse to start", null));
                continue;
            }
            if (filesRead.size() >= MAX_FILES || depth > MAX_DEPTH) {
                problems.add(new Problem("PL001", d.position(), "include \"" + pattern + "\" reaches more than "
                        + MAX_FILES + " files or " + MAX_DEPTH + " levels; proxylint stops here", null));
                tooBig = true;
                break;
            }
            List<Directive> top = parsed.get(key);
            if (top == null) {
                SourceFile f;
                try {
                    f = SourceFile.read(key, paths.of(key));
                } catch (IOException | SecurityException e) {
                    problems.add(new Problem("PL002", d.position(), "include \"" + pattern + "\": cannot read "
                            + paths.of(key) + " (" + e.getMessage() + ")", null));
                    continue;
                }
                filesRead.add(key);
                sources.put(f.display(), f);
                top = parseOne(f);
                parsed.put(key, top);
            }
            if (directiveCount > MAX_DIRECTIVES) {
                problems.add(new Problem("PL001", d.position(), "the includes expand to more than "
                        + MAX_DIRECTIVES + " directives; proxylint stops here", null));
                tooBig = true;
                break;
            }
            stack.push(key);
            List<Directive> resolved = resolveIncludes(top, stack, depth + 1);
            directiveCount += resolved.size();
            out.addAll(resolved);
            stack.pop();
        }
        return out;
    }

    /** The content of a stock file (Debian's nginx package) for an include that names one, or null. */
    private List<Directive> stock(String pattern, Position includedAt) {
        String normalized = pattern.replace('\\', '/');
        for (String name : STOCK_FILES) {
            if (normalized.equals(name) || normalized.endsWith("/" + name)) {
                String text = "";
                try (InputStream in = NginxParser.class.getClassLoader().getResourceAsStream(STOCK + name)) {
                    if (in != null) {
                        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                } catch (IOException e) {
                    text = "";
                }
                SourceFile f = SourceFile.ofText(Tree.builtInName(name, includedAt), text);
                sources.put(f.display(), f);
                return new NginxParser(paths).parseOne(f);
            }
        }
        return null;
    }
}
