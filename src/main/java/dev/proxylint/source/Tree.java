package dev.proxylint.source;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Finding directives in a spliced tree by position. */
public final class Tree {
    private static final int MAX_DEPTH = 200;

    private Tree() {
    }

    /** The directive that starts at {@code at}, or null. */
    public static Directive at(List<Directive> root, Position at) {
        return index(root).first.get(at);
    }

    /**
     * The directive at {@code at} and, in {@code path}, the blocks around it (outermost first). Where a file is
     * spliced in twice, its first splice.
     */
    public static Directive find(List<Directive> root, Position at, List<Directive> path) {
        Index index = index(root);
        Directive d = index.first.get(at);
        if (d != null) {
            int from = path.size();
            for (Directive p = index.parent.get(d); p != null; p = index.parent.get(p)) {
                path.add(from, p);
            }
        }
        return d;
    }

    /** Every directive by position (the first one in document order) and the block each sits in. */
    private record Index(Map<Position, Directive> first, Map<Directive, Directive> parent) {
    }

    // Rules look up one directive per finding: a config with thousands of findings would walk the whole tree
    // for each. The index of the tree last asked about is kept (trees are not changed once read).
    private static WeakReference<List<Directive>> indexedRoot = new WeakReference<>(null);
    private static Index lastIndex;

    private static synchronized Index index(List<Directive> root) {
        if (indexedRoot.get() != root) {
            Index index = new Index(new HashMap<>(), new IdentityHashMap<>());
            add(index, root, null, 0);
            indexedRoot = new WeakReference<>(root);
            lastIndex = index;
        }
        return lastIndex;
    }

    private static void add(Index index, List<Directive> level, Directive block, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (Directive d : level) {
            if (index.first.putIfAbsent(d.position(), d) != null) {
                continue; // a second splice of the same file: its directives are found at their first
            }
            if (block != null) {
                index.parent.put(d, block);
            }
            if (d.hasBlock()) {
                add(index, d.block(), d, depth + 1);
            }
        }
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
