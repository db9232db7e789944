package dev.proxylint.cli;

import dev.proxylint.io.IoErrors;
import dev.proxylint.io.RegularFiles;
import dev.proxylint.lint.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;

/** {@code proxylint hook install [--pre-push] [--force]} and the {@code hook run} the installed hook calls. */
@Command(name = "hook", mixinStandardHelpOptions = true, subcommands = {HookCommand.Install.class, HookRun.class},
        description = "Git hooks that lint the proxy configs a commit or push changes.")
public final class HookCommand implements Callable<Integer> {
    static final String MARKER = "# installed by proxylint";

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("hook needs a subcommand: proxylint hook install [--pre-push]");
    }

    /** Writes .git/hooks/pre-commit (or pre-push). */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write a git hook that lints the staged content of changed proxy configs (pre-commit),"
                    + " or the configs a push changes (--pre-push). Refuses to replace a hook proxylint did not write.")
    static final class Install implements Callable<Integer> {
        @Option(names = "--pre-push", description = "Install a pre-push hook instead of pre-commit.")
        boolean prePush;

        @Option(names = "--force", description = "Replace an existing hook that proxylint did not write.")
        boolean force;

        @Override
        public Integer call() throws UsageException {
            Path cwd = Path.of("").toAbsolutePath();
            String hooks = Git.run(cwd, "rev-parse", "--git-path", "hooks").trim();
            Path dir = cwd.resolve(hooks);
            String name = prePush ? "pre-push" : "pre-commit";
            Path hook = dir.resolve(name);
            try {
                String kind = RegularFiles.notRegular(hook);
                if (kind != null) {
                    throw new UsageException("cannot write " + hook + ": it is " + kind);
                }
                if (Files.exists(hook) && !writtenByProxylint(hook) && !force) {
                    throw new UsageException(hook + " exists and was not written by proxylint; add proxylint to it by"
                            + " hand (proxylint hook run" + (prePush ? " --pre-push" : "") + "), or use --force to"
                            + " replace it");
                }
                Files.createDirectories(dir);
                Files.writeString(hook, script(prePush));
                try {
                    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    hook.toFile().setExecutable(true);
                }
            } catch (IOException e) {
                throw new UsageException("cannot write " + hook + ": " + IoErrors.reason(e, hook));
            }
            System.out.println("proxylint: installed " + cwd.relativize(hook.toAbsolutePath().normalize())
                    + ": it lints the " + (prePush ? "proxy configs each push changes" : "staged proxy configs of each"
                    + " commit") + " (skip once with git " + (prePush ? "push" : "commit") + " --no-verify)");
            return 0;
        }

        /** Whether an existing hook is ours; read as bytes, as a hook may be any executable. */
        private static boolean writtenByProxylint(Path hook) throws IOException {
            byte[] head = RegularFiles.readAtMost(hook, 1 << 20);
            return new String(head, StandardCharsets.ISO_8859_1).contains(MARKER);
        }

        /** The hook: runs this proxylint (its launcher when known, else its jar), or one on PATH. */
        static String script(boolean prePush) {
            String home = System.getenv("PROXYLINT_HOME");
            String self;
            if (home != null && Files.isExecutable(Path.of(home, "bin", "proxylint"))) {
                self = "\"" + Path.of(home, "bin", "proxylint").toAbsolutePath() + "\"";
            } else {
                self = "java -jar \"" + jarPath() + "\"";
            }
            return "#!/bin/sh\n"
                    + MARKER + " (proxylint hook install" + (prePush ? " --pre-push" : "") + ")\n"
                    + "# Lints the " + (prePush ? "proxy configs this push changes" : "staged proxy configs") + "; skip"
                    + " once with --no-verify.\n"
                    + "if command -v " + (self.startsWith("\"") ? self : "java") + " >/dev/null 2>&1; then\n"
                    + "  exec " + self + " hook run" + (prePush ? " --pre-push \"$@\"" : "") + "\n"
                    + "fi\n"
                    + "exec proxylint hook run" + (prePush ? " --pre-push \"$@\"" : "") + "\n";
        }

        private static String jarPath() {
            try {
                return Path.of(HookCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toAbsolutePath().toString();
            } catch (Exception e) {
                return "proxylint.jar";
            }
        }
    }
}
