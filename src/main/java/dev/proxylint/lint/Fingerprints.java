package dev.proxylint.lint;

import dev.proxylint.rules.Finding;
import dev.proxylint.source.Directive;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.ParsedConfig;
import dev.proxylint.source.Position;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Tree;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that survive edits which only shift lines: rule + file + the normalised text of the directive
 * at the finding + the path of blocks around it ({@code http > server example.com > location /socket.io/}).
 * Two findings with the same anchor get an occurrence number.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** @param paths names a file on disk the same way however it was named on the command line ({@code bl/x.conf}) */
    static List<Finding> assign(ParsedConfig config, List<Finding> findings, DisplayPaths paths) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String anchor = anchor(config, f.position());
            SourceFile source = config.sources().get(f.position().file());
            String file = source != null && source.path() != null ? paths.of(source.path())
                    : java.nio.file.Path.of(f.position().file()).normalize().toString();
            String key = f.rule() + "\u0000" + file + "\u0000" + anchor;
            int n = seen.merge(key, 1, Integer::sum);
            out.add(f.withFingerprint(hash(key + "\u0000" + n)));
        }
        return out;
    }

    /** The directive at a position and its block path; the bare line text when no directive starts there. */
    static String anchor(ParsedConfig config, Position at) {
        List<Directive> path = new ArrayList<>();
        Directive d = Tree.find(config.root(), at, path);
        if (d == null) {
            return "line:" + normalise(config.sources().containsKey(at.file())
                    ? config.sources().get(at.file()).line(at.line()) : "");
        }
        return normalise(d.text()) + " @ " + String.join(" > ", path.stream().map(p -> normalise(p.text())).toList());
    }

    private static String normalise(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
