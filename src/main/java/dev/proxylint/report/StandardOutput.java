package dev.proxylint.report;

import dev.proxylint.lint.UsageException;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * Standard output that remembers why a write failed. A PrintStream swallows write errors (a full disk, a closed
 * pipe) and keeps only a flag ({@link PrintStream#checkError()}); a report that never arrived must not pass for
 * one that did, and the user should learn why. The process's {@code System.out} is one of these
 * ({@link #install()}).
 */
public final class StandardOutput extends PrintStream {
    private final FailureKeeper keeper;

    private StandardOutput(FailureKeeper keeper, Charset charset) {
        super(new BufferedOutputStream(keeper, 8192), true, charset);
        this.keeper = keeper;
    }

    /** Standard output over {@code raw} (the file descriptor, or a test's stream). */
    public static StandardOutput over(OutputStream raw, Charset charset) {
        return new StandardOutput(new FailureKeeper(raw), charset);
    }

    /** Makes {@code System.out} one of these, in the charset the JVM chose for it. */
    public static void install() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        System.setOut(over(new FileOutputStream(FileDescriptor.out), charset));
    }

    /**
     * Throws (exit status 2) when writing to {@code out}, which writes to {@code System.out}, failed:
     * "cannot write the report: no space left on device".
     */
    public static void check(PrintStream out, String what) throws UsageException {
        if (!out.checkError()) {
            return;
        }
        IOException why = System.out instanceof StandardOutput s ? s.keeper.failure : null;
        if (why != null && "Broken pipe".equalsIgnoreCase(why.getMessage())) {
            return; // the reader went away (proxylint dir | head): it has what it wanted, as with other Unix tools
        }
        String reason = why == null || why.getMessage() == null || why.getMessage().isEmpty() ? "write error"
                : why.getMessage().substring(0, 1).toLowerCase(Locale.ROOT) + why.getMessage().substring(1);
        throw new UsageException("cannot write " + what + ": " + reason);
    }

    /** Passes writes on, keeping the first one's failure. */
    private static final class FailureKeeper extends FilterOutputStream {
        private volatile IOException failure;

        FailureKeeper(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
