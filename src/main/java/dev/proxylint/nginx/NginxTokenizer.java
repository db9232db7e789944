package dev.proxylint.nginx;

import dev.proxylint.source.Comment;
import dev.proxylint.source.Position;
import dev.proxylint.source.SourceFile;
import dev.proxylint.source.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one statement at a time exactly as nginx's {@code ngx_conf_read_token()} (src/core/ngx_conf_file.c)
 * does: words separated by blanks, {@code "..."} and {@code '...'} with backslash escapes, {@code #} comments
 * only where a word could start, {@code ${var}} inside words, and {@code ;} {@code {} {@code }} as terminators.
 * A quote inside a word, {@code #} inside a word and {@code }} inside a word are ordinary characters, as in nginx.
 */
final class NginxTokenizer {
    /** nginx's NGX_CONF_BUFFER: a token that does not fit is refused ("too long parameter"). */
    private static final int CONF_BUFFER = 4096;

    enum End { SEMICOLON, BLOCK_START, BLOCK_END, EOF }

    record Statement(List<Word> words, End end, Position endPosition) {
    }

    private final SourceFile file;
    private final String text;
    private final List<Comment> comments;
    private int pos;
    private int line = 1;
    private int lineStart;

    NginxTokenizer(SourceFile file, List<Comment> comments) {
        this.file = file;
        this.text = JinjaMask.text(file);
        this.comments = comments;
    }

    private Position at(int offset) {
        // offset is on the current line or an earlier one; compute the column from the line start
        int l = line;
        int ls = lineStart;
        if (offset < lineStart) {
            // walk back (rare: errors reported at a token start on an earlier line)
            l = 1;
            ls = 0;
            for (int i = 0; i < offset; i++) {
                if (text.charAt(i) == '\n') {
                    l++;
                    ls = i + 1;
                }
            }
        }
        return file.position(l, offset - ls + 1);
    }

    Statement next() throws NginxSyntaxError {
        List<Word> words = new ArrayList<>();
        boolean needSpace = false;
        boolean lastSpace = true;
        boolean sharpComment = false;
        boolean variable = false;
        boolean quoted = false;
        boolean sQuoted = false;
        boolean dQuoted = false;
        int start = pos;
        int rawStart = pos;
        Position startPosition = null;
        int commentStart = -1;
        Position commentPosition = null;

        for (;;) {
            if (pos - start >= CONF_BUFFER) {
                String what = dQuoted ? "too long parameter, probably missing terminating '\"' character"
                        : sQuoted ? "too long parameter, probably missing terminating \"'\" character"
                        : "too long parameter \"" + text.substring(start, Math.min(start + 10, text.length()))
                                + "...\" started";
                throw new NginxSyntaxError(startPosition != null ? startPosition : at(start), what);
            }
            if (pos >= text.length()) {
                if (sharpComment) {
                    recordComment(commentPosition, commentStart, pos);
                }
                if (!words.isEmpty() || !lastSpace) {
                    Position p = !words.isEmpty() ? words.get(0).position() : at(rawStart);
                    String hint = dQuoted || sQuoted ? " (a quote opened at " + at(rawStart).line() + ":"
                            + at(rawStart).column() + " is never closed)" : "";
                    throw new NginxSyntaxError(p, "unexpected end of file, expecting \";\" or \"}\"" + hint);
                }
                return new Statement(words, End.EOF, at(pos));
            }

            int chPos = pos;
            char ch = text.charAt(pos++);

            if (ch == '\n') {
                line++;
                lineStart = pos;
                if (sharpComment) {
                    sharpComment = false;
                    recordComment(commentPosition, commentStart, chPos);
                }
            }

            if (sharpComment) {
                continue;
            }

            if (quoted) {
                quoted = false;
                continue;
            }

            if (needSpace) {
                if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
                    lastSpace = true;
                    needSpace = false;
                    continue;
                }
                if (ch == ';') {
                    return new Statement(words, End.SEMICOLON, at(chPos));
                }
                if (ch == '{') {
                    return new Statement(words, End.BLOCK_START, at(chPos));
                }
                if (ch == ')') {
                    lastSpace = true;
                    needSpace = false;
                } else {
                    throw new NginxSyntaxError(at(chPos), "unexpected \"" + ch + "\"");
                }
            }

            if (lastSpace) {
                start = chPos;
                rawStart = chPos;
                if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
                    continue;
                }
                startPosition = at(chPos);
                switch (ch) {
                    case ';', '{' -> {
                        if (words.isEmpty()) {
                            throw new NginxSyntaxError(at(chPos), "unexpected \"" + ch + "\"");
                        }
                        return new Statement(words, ch == '{' ? End.BLOCK_START : End.SEMICOLON, at(chPos));
                    }
                    case '}' -> {
                        if (!words.isEmpty()) {
                            throw new NginxSyntaxError(at(chPos), "unexpected \"}\"");
                        }
                        return new Statement(words, End.BLOCK_END, at(chPos));
                    }
                    case '#' -> {
                        sharpComment = true;
                        commentStart = chPos;
                        commentPosition = startPosition;
                        continue;
                    }
                    case '\\' -> {
                        quoted = true;
                        lastSpace = false;
                        continue;
                    }
                    case '"' -> {
                        start++;
                        dQuoted = true;
                        lastSpace = false;
                        continue;
                    }
                    case '\'' -> {
                        start++;
                        sQuoted = true;
                        lastSpace = false;
                        continue;
                    }
                    case '$' -> {
                        variable = true;
                        lastSpace = false;
                        continue;
                    }
                    default -> lastSpace = false;
                }
            } else {
                if (ch == '{' && variable) {
                    continue;
                }
                variable = false;
                if (ch == '\\') {
                    quoted = true;
                    continue;
                }
                if (ch == '$') {
                    variable = true;
                    continue;
                }
                boolean found = false;
                if (dQuoted) {
                    if (ch == '"') {
                        dQuoted = false;
                        needSpace = true;
                        found = true;
                    }
                } else if (sQuoted) {
                    if (ch == '\'') {
                        sQuoted = false;
                        needSpace = true;
                        found = true;
                    }
                } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';' || ch == '{') {
                    lastSpace = true;
                    found = true;
                }
                if (found) {
                    boolean wasQuoted = start != rawStart;
                    String raw = text.substring(rawStart, wasQuoted ? chPos + 1 : chPos);
                    words.add(new Word(unescape(text, start, chPos), raw, wasQuoted, startPosition));
                    if (ch == ';') {
                        return new Statement(words, End.SEMICOLON, at(chPos));
                    }
                    if (ch == '{') {
                        return new Statement(words, End.BLOCK_START, at(chPos));
                    }
                }
            }
        }
    }

    private void recordComment(Position at, int from, int to) {
        if (comments == null || at == null) {
            return;
        }
        int ls = text.lastIndexOf('\n', from - 1) + 1;
        boolean ownLine = text.substring(ls, from).isBlank();
        String body = text.substring(from + 1, to);
        if (body.endsWith("\r")) {
            body = body.substring(0, body.length() - 1);
        }
        comments.add(new Comment(at, body, ownLine));
    }

    /** The escapes nginx resolves inside a word: backslash before a quote or backslash, and t, r, n. */
    static String unescape(String text, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char n = text.charAt(i + 1);
                switch (n) {
                    case '"', '\'', '\\' -> {
                        i++;
                        c = n;
                    }
                    case 't' -> {
                        sb.append('\t');
                        i += 2;
                        continue;
                    }
                    case 'r' -> {
                        sb.append('\r');
                        i += 2;
                        continue;
                    }
                    case 'n' -> {
                        sb.append('\n');
                        i += 2;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /**
     * The body of a {@code *_by_lua_block} directive, read the way ngx_lua reads it: Lua strings, long
     * brackets and comments may hold braces; the block ends at the brace that balances the opening one.
     */
    String readLuaBlock(Position opening) throws NginxSyntaxError {
        int from = pos;
        int depth = 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
                pos++;
                continue;
            }
            if (c == '-' && pos + 1 < text.length() && text.charAt(pos + 1) == '-') {
                pos += 2;
                int level = longBracketLevel(pos);
                if (level >= 0) {
                    skipLongBracket(level, opening);
                } else {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                }
                continue;
            }
            if (c == '[') {
                int level = longBracketLevel(pos);
                if (level >= 0) {
                    skipLongBracket(level, opening);
                    continue;
                }
            }
            if (c == '"' || c == '\'') {
                pos++;
                while (pos < text.length() && text.charAt(pos) != c) {
                    char s = text.charAt(pos);
                    if (s == '\n') {
                        throw new NginxSyntaxError(at(pos), "Lua string not terminated on its line");
                    }
                    pos += s == '\\' ? 2 : 1;
                    if (pos > text.length()) {
                        pos = text.length();
                    }
                }
                pos++;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    String body = text.substring(from, pos);
                    pos++;
                    return body;
                }
            }
            pos++;
        }
        throw new NginxSyntaxError(opening, "unexpected end of file in a Lua block, expecting \"}\"");
    }

    /** At {@code i}: {@code [} followed by n {@code =} and {@code [}: returns n, else -1. */
    private int longBracketLevel(int i) {
        if (i >= text.length() || text.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        while (j < text.length() && text.charAt(j) == '=') {
            j++;
        }
        return j < text.length() && text.charAt(j) == '[' ? j - i - 1 : -1;
    }

    private void skipLongBracket(int level, Position opening) throws NginxSyntaxError {
        String close = "]" + "=".repeat(level) + "]";
        pos += level + 2;
        int end = text.indexOf(close, pos);
        if (end < 0) {
            throw new NginxSyntaxError(opening, "unexpected end of file in a Lua long string or comment");
        }
        for (int k = pos; k < end; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        pos = end + close.length();
    }
}
