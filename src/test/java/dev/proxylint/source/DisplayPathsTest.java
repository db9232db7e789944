package dev.proxylint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** cli.md: an included file is named by its path relative to the current folder. */
class DisplayPathsTest {
    private final DisplayPaths fromWork = new DisplayPaths(Path.of("/home/me/work"));

    @Test
    void aFileBelowTheCurrentFolderIsRelative() {
        assertEquals("deploy/conf.d/io.conf", fromWork.of(Path.of("/home/me/work/deploy/conf.d/io.conf")));
        assertEquals(".", fromWork.of(Path.of("/home/me/work")));
    }

    @Test
    void aFileBesideTheCurrentFolderIsRelativeToo() {
        assertEquals("../repo/deploy/conf.d/io.conf", fromWork.of(Path.of("/home/me/repo/deploy/conf.d/io.conf")));
    }

    @Test
    void aFileThatSharesOnlyTheFirstFolderOrTheRootIsAbsolute() {
        assertEquals("/etc/nginx/conf.d/io.conf", fromWork.of(Path.of("/etc/nginx/conf.d/io.conf")));
        assertEquals("/home/you/nginx.conf", fromWork.of(Path.of("/home/you/nginx.conf")));
    }
}
