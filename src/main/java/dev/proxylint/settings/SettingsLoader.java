package dev.proxylint.settings;

import dev.proxylint.route.Transport;
import dev.proxylint.source.Dialect;
import org.apache.commons.configuration2.CombinedConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.tree.OverrideCombiner;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Merges the settings file ({@code .proxylint.yml}), the environment ({@code PROXYLINT_*}) and the
 * command-line flags, in that order of increasing precedence, through Commons Configuration, and checks
 * every value once. A bad value is a {@link SettingsException} that names the value and where it came from.
 */
public final class SettingsLoader {
    public static final String FILE_NAME = ".proxylint.yml";

    /** A setting's key in the merged configuration, its flag and its environment variable. */
    private record Key(String key, String flag, String env) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("socketio.version", "--socketio-version", "PROXYLINT_SOCKETIO_VERSION"),
            new Key("socketio.path", "--path", "PROXYLINT_PATH"),
            new Key("socketio.serverPath", "--server-path", "PROXYLINT_SERVER_PATH"),
            new Key("socketio.pingInterval", "--ping-interval", "PROXYLINT_PING_INTERVAL"),
            new Key("socketio.pingTimeout", "--ping-timeout", "PROXYLINT_PING_TIMEOUT"),
            new Key("socketio.maxHttpBufferSize", "--max-http-buffer-size", "PROXYLINT_MAX_HTTP_BUFFER_SIZE"),
            new Key("socketio.transports", "--transports", "PROXYLINT_TRANSPORTS"),
            new Key("select", "--select", "PROXYLINT_SELECT"),
            new Key("ignore", "--ignore", "PROXYLINT_IGNORE"),
            new Key("failOn", "--fail-on", "PROXYLINT_FAIL_ON"),
            new Key("format", "--format", "PROXYLINT_FORMAT"),
            new Key("dialect", "--dialect", "PROXYLINT_DIALECT"),
            new Key("baseline", "--baseline", "PROXYLINT_BASELINE"),
            new Key("writeBaseline", "--write-baseline", "PROXYLINT_WRITE_BASELINE"));

    /** A decimal integer, digits optionally grouped with underscores (25_000) as YAML and Java allow. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");

    private static final Set<String> FORMATS = Set.of("text", "json", "sarif", "junit", "checkstyle", "github",
            "gitlab");

    private final Set<String> knownRules;

    /** @param knownRules the catalogue's rule ids, to check {@code rules:}, select and ignore against */
    public SettingsLoader(Set<String> knownRules) {
        this.knownRules = knownRules;
    }

    /** The settings file: {@code explicit} if given, else {@code .proxylint.yml} found upward from {@code cwd}. */
    public static Path findConfigFile(Path explicit, Path cwd) throws SettingsException {
        if (explicit != null) {
            if (explicit.equals(Path.of("/dev/null"))) {
                return null; // --config /dev/null: no settings file, not even the project's (as ruff's --isolated)
            }
            if (Files.isDirectory(explicit)) {
                throw new SettingsException("settings file " + explicit + " is a directory; --config takes a file,"
                        + " such as " + explicit.resolve(FILE_NAME));
            }
            if (!Files.exists(explicit, LinkOption.NOFOLLOW_LINKS)) {
                throw new SettingsException("settings file " + explicit + ": no such file");
            }
            return explicit; // SettingsYaml says what else is wrong with it (a pipe, a dangling link, too large)
        }
        for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * @param flags flag values given on the command line, by flag name ({@code --ping-interval}); absent
     *              flags are not in the map
     * @param env   the environment
     */
    public Settings load(Path configFile, Map<String, String> flags, Map<String, String> env)
            throws SettingsException {
        String fileName = configFile == null ? null : configFile.toString();
        Configuration file = configFile == null ? new MapConfiguration(new HashMap<>()) : SettingsYaml.read(configFile);
        Map<String, Object> envValues = new HashMap<>();
        Map<String, Object> flagValues = new HashMap<>();
        Map<String, String> origin = new HashMap<>();
        for (Key k : KEYS) {
            if (env.containsKey(k.env())) {
                envValues.put(k.key(), env.get(k.env()));
                origin.put(k.key(), "environment variable " + k.env());
            }
            if (flags.containsKey(k.flag())) {
                flagValues.put(k.key(), flags.get(k.flag()));
                origin.put(k.key(), k.flag());
            }
        }
        CombinedConfiguration merged = new CombinedConfiguration(new OverrideCombiner());
        merged.addConfiguration(new MapConfiguration(flagValues), "flags");
        merged.addConfiguration(new MapConfiguration(envValues), "env");
        merged.addConfiguration(file, "file");

        checkKnownKeys(file, fileName);
        Values r = new Values(merged, origin, fileName);

        int version = (int) r.number("socketio.version", 4, 2, 4);
        SocketIoSettings d = SocketIoSettings.defaults();
        String path = r.string("socketio.path", version == 2 ? "/socket.io" : d.path());
        checkPath(path, "socketio.path", r);
        String serverPath = r.string("socketio.serverPath", path);
        checkPath(serverPath, "socketio.serverPath", r);
        long pingInterval = r.number("socketio.pingInterval", d.pingInterval(), 1, Integer.MAX_VALUE);
        long pingTimeout = r.number("socketio.pingTimeout", version < 4 ? 5_000 : d.pingTimeout(), 1,
                Integer.MAX_VALUE);
        long maxBuffer = r.number("socketio.maxHttpBufferSize", d.maxHttpBufferSize(), 1, Long.MAX_VALUE / 2);
        Set<Transport> transports = r.transports("socketio.transports");

        Map<String, Optional<Severity>> severities = new LinkedHashMap<>();
        Iterator<String> ruleKeys = file.getKeys("rules");
        while (ruleKeys.hasNext()) {
            String key = ruleKeys.next();
            String id = key.substring("rules.".length()).toUpperCase(Locale.ROOT);
            String where = "rules." + key.substring("rules.".length()) + " in " + fileName;
            if (!knownRules.contains(id)) {
                throw new SettingsException("unknown rule " + id + " (" + where + "); see `proxylint rules`");
            }
            String v = String.valueOf(file.getProperty(key)).trim().toLowerCase(Locale.ROOT);
            if (v.equals("off") || v.equals("false") || v.equals("no")) { // YAML 1.1 spellings of false
                severities.put(id, Optional.empty());
            } else {
                Severity s = Severity.parse(v);
                if (s == null) {
                    throw new SettingsException("'" + v + "' is not off, info, warning or error (" + where + ")");
                }
                severities.put(id, Optional.of(s));
            }
        }
        Set<String> select = r.ruleIds("select");
        Set<String> ignore = r.ruleIds("ignore");
        String failOnText = r.string("failOn", "warning");
        FailOn failOn = FailOn.parse(failOnText);
        if (failOn == null) {
            throw r.bad("failOn", failOnText, "error, warning, info or never");
        }
        String format = r.string("format", "text").toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw r.bad("format", format, String.join(", ", new java.util.TreeSet<>(FORMATS)));
        }
        String dialectText = r.string("dialect", "auto").toLowerCase(Locale.ROOT);
        Dialect dialect = switch (dialectText) {
            case "auto" -> null;
            case "nginx" -> Dialect.NGINX;
            case "apache", "httpd", "apache2" -> Dialect.APACHE;
            default -> throw r.bad("dialect", dialectText, "auto, nginx or apache");
        };
        SocketIoSettings socketIo = new SocketIoSettings(version, path, serverPath, pingInterval, pingTimeout,
                maxBuffer, transports);
        String baseline = r.string("baseline", null);
        String writeBaseline = r.string("writeBaseline", null);
        Path baselinePath = baseline == null || baseline.isBlank() ? null
                : configFile != null && origin.get("baseline") == null
                        ? configFile.toAbsolutePath().getParent().resolve(baseline) : Path.of(baseline);
        return new Settings(socketIo, Map.copyOf(severities), select, ignore, failOn, format, dialect, configFile,
                baselinePath, writeBaseline == null || writeBaseline.isBlank() ? null : Path.of(writeBaseline));
    }

    private static void checkPath(String path, String key, Values r) throws SettingsException {
        if (!path.startsWith("/") || path.contains(" ") || path.contains("?")) {
            throw r.bad(key, path, "a URL path starting with /, such as /socket.io/");
        }
    }

    private static final Set<String> FILE_KEYS = Set.of("socketio.version", "socketio.path", "socketio.serverPath",
            "socketio.pingInterval", "socketio.pingTimeout", "socketio.maxHttpBufferSize", "socketio.transports",
            "select", "ignore", "failOn", "format", "dialect", "baseline");

    private static void checkKnownKeys(Configuration file, String fileName) throws SettingsException {
        Iterator<String> keys = file.getKeys();
        while (keys.hasNext()) {
            String k = keys.next();
            if (k.equals("socketio") || k.equals("rules")) {
                throw new SettingsException("'" + k + "' in " + fileName + " must be a mapping, such as "
                        + (k.equals("socketio") ? "'socketio: {pingInterval: 25000}'" : "'rules: {PL103: off}'"));
            }
            if (!FILE_KEYS.contains(k) && !k.startsWith("rules.")) {
                throw new SettingsException("unknown setting '" + k + "' in " + fileName + " (known: socketio.version,"
                        + " path, serverPath, pingInterval, pingTimeout, maxHttpBufferSize, transports; rules.PLnnn;"
                        + " select, ignore, failOn, format, dialect, baseline)");
            }
        }
    }

    /** Typed access to the merged settings, with errors that say where a bad value came from. */
    private final class Values {
        private final Configuration c;
        private final Map<String, String> origin;
        private final String fileName;

        Values(Configuration c, Map<String, String> origin, String fileName) {
            this.c = c;
            this.origin = origin;
            this.fileName = fileName;
        }

        SettingsException bad(String key, Object value, String expected) {
            String where = origin.getOrDefault(key, key + " in " + fileName);
            return new SettingsException("'" + value + "' is not " + expected + " (" + where + ")");
        }

        String string(String key, String dflt) throws SettingsException {
            Object v = c.getProperty(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof List || v instanceof Map) {
                throw bad(key, v, "a single value");
            }
            return String.valueOf(v).trim();
        }

        long number(String key, long dflt, long min, long max) throws SettingsException {
            Object v = c.getProperty(key);
            if (v == null) {
                return dflt;
            }
            // decimal digits only: a floating-point reading took 1e3, 25000d and 0x1p3, and rounded large values
            String s = String.valueOf(v).trim();
            if (!(v instanceof String || v instanceof Integer || v instanceof Long || v instanceof BigInteger)
                    || !DECIMAL.matcher(s).matches()) {
                throw bad(key, v, "a whole number" + (key.startsWith("socketio.ping") ? " of milliseconds" : ""));
            }
            BigInteger parsed = new BigInteger(s.replace("_", ""));
            if (parsed.compareTo(BigInteger.valueOf(min)) < 0 || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
                throw bad(key, v, "a whole number from " + min + " to " + max);
            }
            return parsed.longValueExact();
        }

        private List<String> list(String key) throws SettingsException {
            Object v = c.getProperty(key);
            List<String> out = new ArrayList<>();
            if (v == null) {
                return null;
            }
            if (v instanceof Iterable<?> it) {
                for (Object o : it) {
                    out.add(String.valueOf(o).trim());
                }
            } else {
                for (String s : String.valueOf(v).split("[,\\s]+")) {
                    if (!s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            }
            return out;
        }

        Set<Transport> transports(String key) throws SettingsException {
            List<String> values = list(key);
            if (values == null) {
                return EnumSet.allOf(Transport.class);
            }
            Set<Transport> out = EnumSet.noneOf(Transport.class);
            for (String s : values) {
                switch (s.toLowerCase(Locale.ROOT).replaceAll("[\\[\\]\"']", "")) {
                    case "polling" -> out.add(Transport.POLLING);
                    case "websocket" -> out.add(Transport.WEBSOCKET);
                    case "webtransport" -> {
                        // Socket.IO 4.7+: proxies do not carry it over HTTP/1.1; nothing to check
                    }
                    default -> throw bad(key, s, "polling or websocket");
                }
            }
            if (out.isEmpty()) {
                throw bad(key, values, "a list with polling and/or websocket");
            }
            return out;
        }

        Set<String> ruleIds(String key) throws SettingsException {
            List<String> values = list(key);
            Set<String> out = new LinkedHashSet<>();
            if (values == null) {
                return out;
            }
            for (String v : values) {
                String id = v.toUpperCase(Locale.ROOT);
                if (!knownRules.contains(id)) {
                    throw bad(key, v, "a rule id (see `proxylint rules`)");
                }
                out.add(id);
            }
            return out;
        }
    }
}
