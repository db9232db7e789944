package dev.proxylint.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxylint.rules.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Today's findings recorded, so only new ones are reported later. Findings match by fingerprint (rule, file,
 * the directive's normalised text and its block path), not line numbers, so edits that move lines keep
 * the baseline valid. Run proxylint from the same folder (the repository root) when writing and using it.
 */
public final class Baseline {
    private static final int FORMAT = 1;
    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = counts;
    }

    public static Baseline read(Path file) throws UsageException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("baseline " + file + ": no such file (create it with --write-baseline)");
        } catch (IOException e) {
            throw new UsageException("baseline " + file + " is not a proxylint baseline: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray() || root.path("version").asInt(-1) != FORMAT) {
            throw new UsageException("baseline " + file + " is not a proxylint baseline (version " + FORMAT
                    + " with a findings list)");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode f : findings) {
            String fp = f.path("fingerprint").asText("");
            if (!fp.isEmpty()) {
                counts.merge(fp, 1, Integer::sum);
            }
        }
        return new Baseline(counts);
    }

    /** The findings that are not in the baseline. */
    public List<Finding> newFindings(List<Finding> findings) {
        Map<String, Integer> left = new HashMap<>(counts);
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Integer n = left.get(f.fingerprint());
            if (n != null && n > 0) {
                left.put(f.fingerprint(), n - 1);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    public static void write(Path file, List<Finding> findings) throws UsageException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule());
            m.put("file", f.position().file());
            m.put("fingerprint", f.fingerprint());
            m.put("line", f.position().line());
            m.put("message", f.message());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "proxylint");
        root.put("version", FORMAT);
        root.put("findings", list);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UsageException("cannot write baseline " + file + ": " + e.getMessage());
        }
    }
}
