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
}
