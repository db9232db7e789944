package dev.proxylint.nginx;

import dev.proxylint.source.Directive;

import java.util.List;

/** Effective values along a chain of levels (http, server, locations...): nginx's inheritance. */
final class NginxEffective {
    private final List<List<Directive>> levels;

    NginxEffective(List<List<Directive>> levels) {
        this.levels = levels;
    }

    /** The innermost definition of a directive that is inherited as a whole value. */
    Directive last(String name) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            Directive found = null;
            for (Directive d : levels.get(i)) {
                if (d.name().equals(name)) {
                    found = d;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Index of the innermost level that defines any {@code name} directive (array-like inheritance), or -1. */
    int definingLevel(String name) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            for (Directive d : levels.get(i)) {
                if (d.name().equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    List<Directive> at(int level, String name) {
        return levels.get(level).stream().filter(d -> d.name().equals(name)).toList();
    }

    int size() {
        return levels.size();
    }
}
