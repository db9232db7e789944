package dev.proxylint.source;

/** A place in a config file: the file as shown to the user, 1-based line and column. */
public record Position(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
