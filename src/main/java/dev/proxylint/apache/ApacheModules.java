package dev.proxylint.apache;

import dev.proxylint.source.Directive;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The modules a config loads, as its LoadModule lines (outside false conditional sections) show. */
public final class ApacheModules {
    private ApacheModules() {
    }

    /** Whether the config's LoadModule lines show every module it loads ({@link Modules#wholeList}). */
    public static boolean known(List<Directive> root) {
        Set<String> names = new HashSet<>();
        return walk(root, names, 0) && Modules.wholeList(names);
    }

    public static Set<String> loaded(List<Directive> root) {
        Set<String> out = new HashSet<>(Modules.STATIC);
        walk(root, out, 0);
        return out;
    }

    private static boolean walk(List<Directive> level, Set<String> out, int depth) {
        boolean any = false;
        for (Directive d : level) {
            if (d.is("LoadModule") && !d.hasBlock() && d.argCount() >= 1) {
                out.add(Modules.normalise(d.arg(0)));
                any = true;
            } else if (d.hasBlock() && depth < 64) {
                any |= walk(d.children(), out, depth + 1);
            }
        }
        return any;
    }

    public static String loadLine(String module) {
        return Modules.loadLine(module);
    }
}
