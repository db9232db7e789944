package dev.proxylint.bench;

import dev.proxylint.lint.InputCollector;
import dev.proxylint.lint.Linter;
import dev.proxylint.rules.Catalogue;
import dev.proxylint.settings.Settings;
import dev.proxylint.source.DisplayPaths;
import dev.proxylint.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * How linting time grows with the size of a config: generated nginx configs with N servers and httpd configs
 * with N virtual hosts, each with a finding or two. Prints numbers, asserts nothing about time (a machine's
 * speed is not a test result). Run: {@code mvn -q -Pbenchmark test -Dtest=ScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; then {@code bin/proxylint} start-up with {@code hyperfine} or
 * {@code time}.
 */
@EnabledIfSystemProperty(named = "proxylint.benchmark", matches = "true")
class ScaleBenchmark {
    private static final int[] SIZES = {1_000, 4_000, 16_000, 64_000};

    @Test
    void lintTimeGrowsWithTheConfig(@TempDir Path tmp) throws Exception {
        run(tmp, "nginx servers", "nginx.conf", n -> {
            StringBuilder s = new StringBuilder("events {}\nhttp {\n");
            for (int i = 0; i < n; i++) {
                s.append("server { listen ").append(1000 + i % 60_000).append("; server_name s").append(i)
                        .append("; location /socket.io/ { proxy_pass http://a; proxy_read_timeout 10s; } }\n");
            }
            return s.append("}\n").toString();
        });
        run(tmp, "httpd virtual hosts", "httpd.conf", n -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append("<VirtualHost *:80>\nServerName v").append(i)
                        .append("\nProxyPass /socket.io/ http://127.0.0.1:3000/socket.io/\nProxyTimeout 5\n</VirtualHost>\n");
            }
            return s.toString();
        });
    }

    private static void run(Path tmp, String what, String name, IntFunction<String> config) throws Exception {
        lint(tmp, name, config.apply(100)); // warm up
        List<String> rows = new ArrayList<>();
        double previous = 0;
        for (int n : SIZES) {
            String text = config.apply(n);
            long start = System.nanoTime();
            int findings = lint(tmp, name, text);
            double ms = (System.nanoTime() - start) / 1e6;
            rows.add(String.format("  %6d %s: %7.0f ms (%5.1f us each, %d findings, %s MB)%s", n, what, ms,
                    ms * 1000 / n, findings, text.length() / 1_000_000, previous > 0
                            ? String.format(", x%.1f for x4 the size", ms / previous) : ""));
            previous = ms;
        }
        System.out.println("benchmark " + what + ":");
        rows.forEach(System.out::println);
    }

    private static int lint(Path tmp, String name, String text) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        Linter linter = new Linter(Catalogue.load(), Settings.defaults(), new DisplayPaths(tmp), Map.of());
        return linter.lint(List.of(new InputCollector.Candidate(SourceFile.read(file, name), true)))
                .findings().size();
    }
}
