package dev.proxylint.source;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A directive with its arguments and, for a block, its children. Includes are spliced in: an include
 * directive stays in the tree (so rules know one was there) followed by the included directives, which
 * keep their own file positions.
 */
public final class Directive {
    private final Word name;
    private final List<Word> args;
    private final List<Directive> block;
    private final String rawBody;
    private IncludeState include = IncludeState.NONE;

    /**
     * How an include directive was resolved. EMPTY: a glob that matched nothing here (fine for the proxy,
     * but the files may exist where the config is deployed, so what they hold is unknown).
     */
    public enum IncludeState { NONE, RESOLVED, UNRESOLVED, EMPTY;

        /** The include may hold directives proxylint cannot see. */
        public boolean unseen() {
            return this == UNRESOLVED || this == EMPTY;
        }
    }

    public Directive(Word name, List<Word> args, List<Directive> block, String rawBody) {
        this.name = name;
        this.args = List.copyOf(args);
        this.block = block;
        this.rawBody = rawBody;
    }

    public String name() {
        return name.value();
    }

    public Word nameWord() {
        return name;
    }

    /** Case-insensitive name comparison (Apache directive names are case-insensitive; nginx ones are lower case). */
    public boolean is(String directiveName) {
        return name.value().equalsIgnoreCase(directiveName);
    }

    public List<Word> args() {
        return args;
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i).value() : null;
    }

    public int argCount() {
        return args.size();
    }

    /** Children of a block, or null for a simple directive. */
    public List<Directive> block() {
        return block;
    }

    public boolean hasBlock() {
        return block != null;
    }

    /** Children, or an empty list for a simple directive. */
    public List<Directive> children() {
        return block == null ? List.of() : block;
    }

    /** Raw body of a block the proxy does not parse as directives (nginx *_by_lua_block). */
    public String rawBody() {
        return rawBody;
    }

    public Position position() {
        return name.position();
    }

    public IncludeState includeState() {
        return include;
    }

    public void markInclude(IncludeState state) {
        this.include = state;
    }

    /** The directive as written, normalised to single spaces: {@code proxy_read_timeout 20s}. */
    public String text() {
        StringBuilder sb = new StringBuilder(name.raw());
        for (Word w : args) {
            sb.append(' ').append(w.raw());
        }
        return sb.toString();
    }

    /** Lower-case name, for lookups in dialects with case-insensitive names. */
    public String key() {
        return name.value().toLowerCase(Locale.ROOT);
    }

    public String argsText() {
        return args.stream().map(Word::raw).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return text() + (block != null ? " {" + block.size() + "}" : "") + " @" + position();
    }
}
