package dev.proxylint.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxylint.io.IoErrors;
import dev.proxylint.io.RegularFiles;
import dev.proxylint.rules.Finding;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
    /** Larger files are refused: a baseline of every finding of a large fleet is a few MiB. */
    static final long MAX_BYTES = 64L << 20;
    private final Map<String, Integer> counts;

    private Baseline(Map<String, Integer> counts) {
        this.counts = counts;
    }

    public static Baseline read(Path file) throws UsageException {
        String kind = RegularFiles.notRegular(file);
        if (kind != null) {
            throw new UsageException("baseline " + file + " is " + kind + ", not a file");
        }
        byte[] bytes;
        try {
            bytes = RegularFiles.readAtMost(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new UsageException("baseline " + file + ": no such file (create it with --write-baseline)");
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + file + ": " + IoErrors.reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw new UsageException("baseline " + file + " is larger than " + RegularFiles.size(MAX_BYTES)
                    + "; not a proxylint baseline");
        }
        try {
            return parse(bytes, file);
        } catch (CharConversionException e) {
            throw new UsageException("baseline " + file + " is not a proxylint baseline: not valid UTF-8");
        } catch (JsonProcessingException e) {
            throw new UsageException("baseline " + file + " is not a proxylint baseline: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + location(e));
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + file + ": " + IoErrors.reason(e));
        }
    }

    /**
     * Reads the document as a stream, keeping only the fingerprints: a tree of a large baseline would take
     * many times its size in memory.
     */
    private static Baseline parse(byte[] bytes, Path file) throws IOException, UsageException {
        Map<String, Integer> counts = new HashMap<>();
        int version = -1;
        boolean sawFindings = false;
        ObjectMapper mapper = new ObjectMapper();
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notABaseline(file);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("version") && value == JsonToken.VALUE_NUMBER_INT) {
                    version = p.getIntValue();
                } else if (field.equals("findings") && value == JsonToken.START_ARRAY) {
                    sawFindings = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode f = mapper.readTree(p);
                        String fp = f == null ? "" : f.path("fingerprint").asText("");
                        if (!fp.isEmpty()) {
                            counts.merge(fp, 1, Integer::sum);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw notABaseline(file);
            }
        }
        if (!sawFindings || version != FORMAT) {
            throw notABaseline(file);
        }
        return new Baseline(counts);
    }

    private static UsageException notABaseline(Path file) {
        return new UsageException("baseline " + file + " is not a proxylint baseline (version " + FORMAT
                + " with a findings list)");
    }

    private static String location(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /**
     * Refuses a {@code --write-baseline} target that writing would destroy or hang on: anything but a regular
     * file, a file that is not a proxylint baseline (a config named by mistake), or one of the files linted.
     * An empty file may be replaced (as {@code mktemp} makes one).
     */
    public static void checkWritable(Path file, Collection<Path> linted) throws UsageException {
        String kind = RegularFiles.notRegular(file);
        if (kind != null) {
            throw new UsageException("cannot write baseline " + file + ": it is " + kind + "; name a file");
        }
        if (!Files.exists(file)) {
            return;
        }
        for (Path p : linted) {
            try {
                if (Files.isSameFile(file, p)) {
                    throw new UsageException("cannot write baseline " + file + ": it is one of the configs being"
                            + " linted; name a new file, such as proxylint-baseline.json");
                }
            } catch (IOException e) {
                // a file that vanished meanwhile is not the target
            }
        }
        try {
            if (Files.size(file) == 0) {
                return;
            }
        } catch (IOException e) {
            throw new UsageException("cannot write baseline " + file + ": " + IoErrors.reason(e));
        }
        try {
            read(file);
        } catch (UsageException e) {
            throw new UsageException("cannot write baseline " + file + ": the file exists and is not a proxylint"
                    + " baseline; remove it, or name a new file");
        }
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
            throw new UsageException("cannot write baseline " + file + ": " + IoErrors.reason(e, file));
        }
    }
}
