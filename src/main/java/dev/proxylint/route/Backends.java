package dev.proxylint.route;

import dev.proxylint.source.Position;

/**
 * The backends a route reaches.
 *
 * @param active   backends that take traffic (not backup, down, hot standby); -1 when unknown
 * @param group    the upstream or balancer name, or the single target
 * @param at       where the group is defined (upstream block, {@code <Proxy balancer://>}), else the pass directive
 */
public record Backends(int active, String group, Position at, Affinity affinity) {
    public static Backends unknown(Position at) {
        return new Backends(-1, null, at, new Affinity(Affinity.Kind.UNKNOWN, null, null, Affinity.Defect.NONE,
                null));
    }
}
