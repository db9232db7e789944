package dev.proxylint.source;

import java.util.ArrayList;
import java.util.List;

/** Finding directives in a spliced tree by position. */
public final class Tree {
    private static final int MAX_DEPTH = 200;

    private Tree() {
    }

    /** The directive that starts at {@code at}, or null. */
    public static Directive at(List<Directive> root, Position at) {
        return find(root, at, new ArrayList<>(), 0);
    }

    /** The directive at {@code at} and, in {@code path}, the blocks around it (outermost first). */
    public static Directive find(List<Directive> level, Position at, List<Directive> path, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        for (Directive d : level) {
            if (d.position().equals(at)) {
                return d;
            }
            if (d.hasBlock()) {
                path.add(d);
                Directive inner = find(d.block(), at, path, depth + 1);
                if (inner != null) {
                    return inner;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    /** In the file name of a stock file read from proxylint's own copy (nginx's proxy_params): not on disk. */
    private static final String BUILT_IN_MARKER = " (stock file, proxylint's copy, included at ";

    /** The name of one splice of a built-in stock file: one per include, so each has its own positions. */
    public static String builtInName(String name, Position includedAt) {
        return name + BUILT_IN_MARKER + includedAt + ")";
    }

    public static boolean isBuiltIn(String file) {
        return file.contains(BUILT_IN_MARKER);
    }

    /** The stock file's own name ({@code proxy_params}) of a built-in splice's file name. */
    public static String builtInOriginal(String file) {
        int at = file.indexOf(BUILT_IN_MARKER);
        return at < 0 ? file : file.substring(0, at);
    }

    /**
     * Where a finding about {@code at} is shown to users: itself, or for a directive of a built-in stock file
     * (nothing a user can open) the include that brought it in.
     */
    public static Position userFacing(List<Directive> root, Position at) {
        if (!isBuiltIn(at.file())) {
            return at;
        }
        Position site = includeSite(root, at, 0);
        return site != null ? site : at;
    }

    private static Position includeSite(List<Directive> level, Position at, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Directive include = null;
        for (Directive d : level) {
            if (d.name().equals("include") && !isBuiltIn(d.position().file())) {
                include = d; // spliced directives follow their include
            }
            if (d.position().equals(at)) {
                return include != null ? include.position() : null;
            }
            if (d.hasBlock()) {
                Position inner = includeSite(d.block(), at, depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
