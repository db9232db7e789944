package dev.proxylint.it;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hooks in a real git repository: a bad commit (or push) refused, a good one accepted. */
class GitHookIT {
    static final String BAD = """
            server {
                listen 80;
                location /socket.io/ {
                    proxy_pass http://127.0.0.1:3000;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 20s;
                }
            }
            """;
    static final String GOOD = BAD.replace("20s", "60s");

    @TempDir
    Path repo;

    @BeforeEach
    void init() throws Exception {
        Assumptions.assumeTrue(Launcher.available("git"), "git is not installed");
        git("init", "-q");
        git("config", "user.email", "dev@example.com");
        git("config", "user.name", "dev");
        git("config", "commit.gpgsign", "false");
    }

    private Launcher.Result git(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Launcher.run(repo, cmd);
    }

    @Test
    void preCommitRefusesABadStagedConfigAndAcceptsAGoodOne() throws Exception {
        Launcher.Result install = Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install");
        assertEquals(0, install.exit(), install.err());
        assertTrue(Files.readString(repo.resolve(".git/hooks/pre-commit")).contains("installed by proxylint"));

        Files.createDirectories(repo.resolve("deploy"));
        Files.writeString(repo.resolve("deploy/nginx.conf"), BAD);
        Files.writeString(repo.resolve("supervisord.conf"), "[program:app]\ncommand=node server.js\n");
        git("add", ".");
        Launcher.Result refused = git("commit", "-m", "bad timeout");
        assertNotEquals(0, refused.exit());
        // git shows a hook's output on its standard error
        String shown = refused.out() + refused.err();
        assertTrue(shown.contains("deploy/nginx.conf:8:9: error[PL201]"), shown);
        assertTrue(shown.contains("commit refused"), shown);
        assertFalse(shown.contains("supervisord.conf"), "not a proxy config: " + shown);

        // fixed in the working tree but not staged: the staged content is what gets committed, so still refused
        Files.writeString(repo.resolve("deploy/nginx.conf"), GOOD);
        assertNotEquals(0, git("commit", "-m", "unstaged fix").exit());

        git("add", "deploy/nginx.conf");
        Launcher.Result accepted = git("commit", "-m", "good timeout");
        assertEquals(0, accepted.exit(), accepted.out() + accepted.err());
        assertEquals("1", git("rev-list", "--count", "HEAD").out().trim());
    }

    @Test
    void includesResolveFromTheStagedTree() throws Exception {
        Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install");
        Files.createDirectories(repo.resolve("nginx/snippets"));
        Files.writeString(repo.resolve("nginx/snippets/timeouts.conf"), "proxy_read_timeout 60s;\n");
        Files.writeString(repo.resolve("nginx/site.conf"), BAD.replace("proxy_read_timeout 20s;",
                "include snippets/timeouts.conf;"));
        git("add", ".");
        assertEquals(0, git("commit", "-m", "timeouts from a snippet").exit());
        // the snippet changes: linted as part of the site that includes it
        Files.writeString(repo.resolve("nginx/snippets/timeouts.conf"), "proxy_read_timeout 5s;\n");
        git("add", ".");
        Launcher.Result refused = git("commit", "-m", "shorter");
        assertNotEquals(0, refused.exit());
        String shown = refused.out() + refused.err();
        assertTrue(shown.contains("nginx/snippets/timeouts.conf:1:1: error[PL201]"), shown);
    }

    @Test
    void prePushRefusesAPushThatBringsABadConfig(@TempDir Path remote) throws Exception {
        Launcher.run(remote, "git", "init", "-q", "--bare");
        git("remote", "add", "origin", remote.toString());
        assertEquals(0, Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install", "--pre-push").exit());
        Files.writeString(repo.resolve("nginx.conf"), BAD);
        git("add", ".");
        git("commit", "-q", "-m", "bad");
        Launcher.Result refused = git("push", "origin", "HEAD:main");
        assertNotEquals(0, refused.exit());
        assertTrue((refused.out() + refused.err()).contains("nginx.conf:8:9: error[PL201]"), refused.out() + refused.err());
        Files.writeString(repo.resolve("nginx.conf"), GOOD);
        git("commit", "-q", "-am", "good");
        assertEquals(0, git("push", "origin", "HEAD:main").exit());
    }

    /** What the pre-push hook reads on stdin goes to git's command line: only object ids may get there. */
    @Test
    void prePushInputThatIsNotObjectIdsIsRefusedAndNeverReachesGit(@TempDir Path out) throws Exception {
        Files.writeString(repo.resolve("nginx.conf"), GOOD);
        git("add", ".");
        git("commit", "-q", "-m", "good");
        String head = git("rev-parse", "HEAD").out().trim();
        Path written = out.resolve("pwned");
        Launcher.Result r = Launcher.run(repo, "refs/heads/x --output=" + written + " refs/heads/x " + head + "\n",
                Map.of(), List.of(Launcher.PROXYLINT.toString(), "hook", "run", "--pre-push"));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("proxylint: error: pre-push input line 1 is not '<local ref> <object id>"
                + " <remote ref> <object id>' as git writes it: refs/heads/x --output="), r.err());
        assertFalse(Files.exists(written), "git was not run with the option");
        // what git writes is linted as before
        Launcher.Result ok = Launcher.run(repo, "refs/heads/main " + head + " refs/heads/main " + "0".repeat(40)
                + "\n", Map.of(), List.of(Launcher.PROXYLINT.toString(), "hook", "run", "--pre-push"));
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("1 file: no findings"), ok.out());
    }

    /** The pushed tree keeps its links: a site enabled through sites-enabled/app -> ../sites-available/app. */
    @Test
    void prePushFollowsTheLinksOfThePushedTree(@TempDir Path remote) throws Exception {
        Launcher.run(remote, "git", "init", "-q", "--bare");
        git("remote", "add", "origin", remote.toString());
        assertEquals(0, Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install", "--pre-push").exit());
        Files.createDirectories(repo.resolve("nginx/sites-available"));
        Files.createDirectories(repo.resolve("nginx/sites-enabled"));
        Files.writeString(repo.resolve("nginx/nginx.conf"), "events {}\nhttp {\n    proxy_read_timeout 10s;\n"
                + "    include sites-enabled/*;\n}\n");
        Files.writeString(repo.resolve("nginx/sites-available/app"), GOOD.replace("        proxy_read_timeout 60s;\n", ""));
        Files.createSymbolicLink(repo.resolve("nginx/sites-enabled/app"), Path.of("../sites-available/app"));
        git("add", ".");
        git("commit", "-q", "-m", "a 10 s timeout at http level");
        Launcher.Result refused = git("push", "origin", "HEAD:main");
        assertNotEquals(0, refused.exit());
        assertTrue((refused.out() + refused.err()).contains("nginx/nginx.conf:3:5: error[PL201]"),
                refused.out() + refused.err());
    }

    @Test
    void aForeignHookIsNotReplacedWithoutForce() throws Exception {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho mine\n");
        Launcher.Result refused = Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("was not written by proxylint") && refused.err().contains("--force"),
                refused.err());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook));
        assertEquals(0, Launcher.run(repo, Launcher.PROXYLINT.toString(), "hook", "install", "--force").exit());
        assertTrue(Files.readString(hook).contains("installed by proxylint"));
    }

    @Test
    void preCommitFrameworkRunsTheHookFromThisRepository(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(Launcher.available("pre-commit"),
                "the pre-commit framework is not installed (apt-get install pre-commit); skipping its check");
        Path project = Path.of("").toAbsolutePath();
        String head = Launcher.run(project, "git", "rev-parse", "HEAD").out().trim();
        Assumptions.assumeTrue(Launcher.run(project, "git", "cat-file", "-e", head + ":.pre-commit-hooks.yaml")
                .exit() == 0, "the committed HEAD has no .pre-commit-hooks.yaml yet");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), "repos:\n  - repo: " + project + "\n    rev: "
                + head + "\n    hooks:\n      - id: proxylint\n");
        java.util.Map<String, String> env = java.util.Map.of("PRE_COMMIT_HOME", cache.toString());
        Launcher.run(repo, "", env, java.util.List.of("pre-commit", "install"));
        Files.writeString(repo.resolve("nginx.conf"), BAD);
        git("add", ".");
        Launcher.Result refused = Launcher.run(repo, "", env, java.util.List.of("git", "commit", "-m", "bad"));
        assertNotEquals(0, refused.exit());
        assertTrue((refused.out() + refused.err()).contains("PL201"), refused.out() + refused.err());
        Files.writeString(repo.resolve("nginx.conf"), GOOD);
        git("add", ".");
        assertEquals(0, Launcher.run(repo, "", env, java.util.List.of("git", "commit", "-m", "good")).exit());
    }
}
