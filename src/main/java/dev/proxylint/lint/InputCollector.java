package dev.proxylint.lint;

import dev.proxylint.io.IoErrors;
import dev.proxylint.io.RegularFiles;
import dev.proxylint.source.DialectDetector;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.TemplateNames;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the command line's PATHs into config files: files as given, folders walked for proxy configs
 * ({@code *.conf}, {@code nginx.conf}, {@code sites-*}/, {@code conf.d/}, {@code httpd.conf},
 * {@code apache2.conf}, {@code .htaccess}), {@code -} for standard input.
 */
public final class InputCollector {
    /** A file to lint. {@code explicit}: named on the command line (always linted, whatever it holds). */
    public record Candidate(SourceFile file, boolean explicit) {
    }

    private final boolean configsOnly;
    private final Path base;
    private final List<String> unreadable = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** @param configsOnly skip named files that are neither nginx nor httpd syntax (hooks pass every *.conf) */
    public InputCollector(boolean configsOnly) {
        this(configsOnly, Path.of(""));
    }

    /** @param base the folder relative PATHs are read from (their display name stays as given) */
    public InputCollector(boolean configsOnly, Path base) {
        this.configsOnly = configsOnly;
        this.base = base;
    }

    /**
     * Files and folders a folder walk could not read ("cannot read 'conf.d/app.conf': permission denied"): the
     * walk goes on without them, and the run must not pass as if they were clean (exit status 2).
     */
    public List<String> unreadable() {
        return unreadable;
    }

    /** Files a folder walk skipped for another reason than not being a config, one line each. */
    public List<String> warnings() {
        return warnings;
    }

    public List<Candidate> collect(List<String> args, InputStream stdin) throws UsageException {
        List<Candidate> out = new ArrayList<>();
        boolean stdinRead = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (!stdinRead) {
                    out.add(new Candidate(readStdin(stdin), true));
                    stdinRead = true;
                }
                continue;
            }
            Path p;
            try {
                p = base.resolve(arg);
            } catch (InvalidPathException e) {
                throw new UsageException("cannot read '" + arg + "': " + UNDECODABLE);
            }
            if (Files.isDirectory(p)) {
                walk(p, arg, out);
            } else if (Files.exists(p)) {
                SourceFile f = read(p, arg);
                if (configsOnly && (f.isBinary() || DialectDetector.detect(arg, f.text()) == null)) {
                    continue;
                }
                out.add(new Candidate(f, true));
            } else {
                throw new UsageException("cannot read '" + arg + "': " + whyMissing(p) + (arg.matches("help|version")
                        ? " (for the " + arg + ", run proxylint --" + arg + ")" : ""));
            }
        }
        return out;
    }

    /** The same inputs read again after --fix changed them; standard input is not read twice but kept. */
    public static List<Candidate> reread(List<Candidate> candidates) throws UsageException {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(c.file().path() == null ? c : new Candidate(read(c.file().path(), c.file().display()),
                    c.explicit()));
        }
        return out;
    }

    /** What the system calls a name the JVM cannot turn back into a path (its locale cannot encode it). */
    private static final String UNDECODABLE = "the name cannot be represented in this locale's character set;"
            + " run with a UTF-8 locale (LC_ALL=C.UTF-8)";

    /** Why a path that Files.exists denies is not there: absent, or in a folder we may not search. */
    private static String whyMissing(Path p) {
        try {
            Files.readAttributes(p, BasicFileAttributes.class);
            return "no such file or directory";
        } catch (IOException e) {
            return IoErrors.reason(e);
        }
    }

    private static SourceFile readStdin(InputStream stdin) throws UsageException {
        try {
            byte[] bytes = stdin.readNBytes((int) SourceFile.MAX_BYTES + 1);
            if (bytes.length > SourceFile.MAX_BYTES) {
                throw new UsageException("standard input is larger than " + RegularFiles.size(SourceFile.MAX_BYTES)
                        + "; not a proxy config");
            }
            return SourceFile.fromBytes(null, "-", bytes);
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + IoErrors.reason(e));
        }
    }

    private static SourceFile read(Path p, String display) throws UsageException {
        try {
            if (!Files.isRegularFile(p)) {
                String kind = RegularFiles.notRegular(p);
                throw new UsageException("cannot read '" + display + "': " + (kind == null ? "not a regular file"
                        : "it is " + kind));
            }
            return SourceFile.read(p, display);
        } catch (IOException e) {
            throw new UsageException("cannot read '" + display + "': " + IoErrors.reason(e));
        }
    }

    private void walk(Path root, String rootArg, List<Candidate> out) throws UsageException {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (skipped(dir, root)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!representable(dir)) {
                        warnings.add("skipping '" + display(root, rootArg, dir) + "': " + UNDECODABLE);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && looksLikeConfigName(file)) {
                        if (representable(file)) {
                            found.add(file);
                        } else {
                            warnings.add("skipping '" + display(root, rootArg, file) + "': " + UNDECODABLE);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // a config we may not read fails the run; a folder we may not list (a database's data, another
                    // user's home) may hold no config at all: a warning, so that 'proxylint .' still passes
                    if (Files.isDirectory(file)) {
                        if (!skipped(file, root)) {
                            warnings.add("skipping folder '" + display(root, rootArg, file) + "': "
                                    + IoErrors.reason(exc) + " (configs in it, if any, are not checked)");
                        }
                    } else if (looksLikeConfigName(file)) {
                        unreadable.add("cannot read '" + display(root, rootArg, file) + "': " + IoErrors.reason(exc));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UsageException("cannot read folder '" + rootArg + "': " + IoErrors.reason(e));
        }
        found.sort(null);
        for (Path f : found) {
            String display = display(root, rootArg, f);
            SourceFile sf;
            try {
                if (Files.size(f) > SourceFile.MAX_BYTES) {
                    continue;
                }
                sf = SourceFile.read(f, display);
            } catch (IOException e) {
                unreadable.add("cannot read '" + display + "': " + IoErrors.reason(e));
                continue;
            }
            if (sf.isBinary() || DialectDetector.detect(display, sf.text()) == null) {
                continue; // not a proxy config: a folder walk only lints what looks like one
            }
            out.add(new Candidate(sf, false));
        }
    }

    /** Hidden folders and node_modules below the walked one: not where proxy configs live. */
    private static boolean skipped(Path dir, Path root) {
        String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return !dir.equals(root) && (n.startsWith(".") || n.equals("node_modules"));
    }

    /** A name decoded with a locale that cannot encode it back (naïve.conf with LC_ALL=C) breaks later lookups. */
    private static boolean representable(Path p) {
        try {
            Path.of(p.toString());
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String display(Path root, String rootArg, Path file) {
        String rel = root.relativize(file).toString();
        if (rel.isEmpty()) {
            return rootArg;
        }
        return rootArg.endsWith("/") ? rootArg + rel : rootArg + "/" + rel;
    }

    /** Config templates (envsubst, Jinja, ERB, EJS, sigil) in these folders, which a folder walk leaves out. */
    public static List<Path> templatesIn(List<String> inputs, Path cwd) {
        List<Path> out = new ArrayList<>();
        for (String in : inputs) {
            Path dir = cwd.resolve(in);
            if (in.equals("-") || !Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> walk = Files.walk(dir, 8)) {
                // proxy config templates only: not an app's HTML views or node_modules
                walk.filter(Files::isRegularFile).filter(f -> !f.toString().contains("node_modules"))
                        .filter(f -> TemplateNames.isProxyTemplate(f.getFileName().toString())).limit(100)
                        .forEach(out::add);
            } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
                // an unreadable folder: no hint
            }
        }
        return out;
    }

    public static boolean looksLikeConfigName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".conf") || name.equals("nginx.conf") || name.equals(".htaccess")) {
            return true;
        }
        Path parent = file.getParent();
        String dir = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        return (dir.startsWith("sites-") || dir.equals("conf.d")) && !name.startsWith(".")
                && !name.endsWith("~") && !name.endsWith(".bak") && !name.endsWith(".md");
    }
}
