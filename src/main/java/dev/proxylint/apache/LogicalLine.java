package dev.proxylint.apache;

import dev.proxylint.source.Position;
import dev.proxylint.source.SourceFile;

/**
 * One line as httpd's ap_cfg_getline() returns it: physical lines joined where a backslash ends one
 * (exactly, nothing inserted), leading and trailing blanks removed. Remembers where each character came
 * from, so words keep their real line and column.
 */
record LogicalLine(String text, int[] lines, int[] columns, SourceFile file) {

    Position position(int offset) {
        if (lines.length == 0) {
            return file.position(1, 1);
        }
        int i = Math.max(0, Math.min(offset, lines.length - 1));
        return file.position(lines[i], columns[i]);
    }

    int firstLine() {
        return lines.length == 0 ? 1 : lines[0];
    }
}
