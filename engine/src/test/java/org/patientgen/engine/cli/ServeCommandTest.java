package org.patientgen.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code patientgen serve} and {@code patientgen token} as users run them: the token printed alone
 * on the last line, the server as a real process printing its one {@code listening on} line, JSON
 * logs on stderr, settings from flags over environment over file, and a clean stop on SIGTERM.
 */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @TempDir
    Path temp;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PatientGenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return out.toString().split("\n");
    }

    @Test
    void tokenCommandsPrintTheTokenAloneOnTheLastLine() {
        String dir = temp.resolve("data").toString();
        String[] created = run("token", "create", "--data-dir", dir, "--role", "operator", "--name", "ci");
        assertThat(created[created.length - 1]).matches("pg_[A-Za-z0-9_-]{43}");
        String[] list = run("token", "list", "--data-dir", dir);
        assertThat(String.join("\n", list)).contains("ci", "operator", "active").doesNotContain(created[created.length - 1]);
        assertThat(run("token", "revoke", "--data-dir", dir, "1")[0]).contains("revoked token 1");
        StringWriter err = new StringWriter();
        assertThat(PatientGenCli.run(new String[] {"token", "create", "--data-dir", dir, "--role", "boss", "--name", "x"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true))).isEqualTo(PatientGenCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--role must be viewer, operator or admin");
    }

    @Test
    void settingsComeFromFlagsThenEnvironmentThenFile() throws Exception {
        Path file = temp.resolve("server.yaml");
        Files.writeString(file, "port: 9001\nregion: from-file\nnodeName: file-node\nworkers: 3\n"
                + "outputRoot: [/srv/a, /srv/b]\n");
        ServeCommand serve = parse(Map.of("PATIENTGEN_NODE_NAME", "env-node", "PATIENTGEN_WORKERS", "5"),
                "--config", file.toString(), "--workers", "7");
        assertThat(serve.port).isEqualTo(9001);
        assertThat(serve.engine.region).isEqualTo("from-file");
        assertThat(serve.engine.nodeName).isEqualTo("env-node");
        assertThat(serve.engine.workers).isEqualTo(7);
        assertThat(serve.outputRoots).containsExactly(Path.of("/srv/a"), Path.of("/srv/b"));
        assertThat(serve.bind).isEqualTo("127.0.0.1");

        Files.writeString(file, "prot: 9001\n");
        ServeDefaults bad = ServeDefaults.of(new CommandLine(new ServeCommand()).getCommandSpec(),
                new String[] {"--config", file.toString()}, Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(bad::check).hasMessageContaining("unknown setting(s) [prot]")
                .hasMessageContaining("port");
    }

    private static ServeCommand parse(Map<String, String> env, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        ServeDefaults defaults = ServeDefaults.of(cli.getCommandSpec(), args, env);
        defaults.check();
        cli.setDefaultValueProvider(defaults);
        cli.parseArgs(args);
        return serve;
    }

    @Test
    void serveRunsAsAProcessAndStopsCleanlyOnSigterm() throws Exception {
        Path data = temp.resolve("data");
        String[] created = run("token", "create", "--data-dir", data.toString(), "--role", "viewer", "--name", "ops");
        String token = created[created.length - 1];
        Path config = temp.resolve("server.yaml");
        Files.writeString(config, "port: 1\nregion: from-file\nworkers: 0\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PatientGenCli.class.getName(), "serve", "--port", "0", "--data-dir", data.toString(),
                "--config", config.toString());
        builder.environment().put("PATIENTGEN_NODE_NAME", "env-node");
        Process process = builder.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        List<String> stdout = new ArrayList<>();
        OkHttpClient http = new OkHttpClient();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("stderr: %s", process.isAlive() ? "" : stderr.join()).isNotNull();
            stdout.add(first);
            Matcher m = LISTENING.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            try (Response r = http.newCall(new Request.Builder().url(m.group(1) + "/api/v1/info")
                    .header("Authorization", "Bearer " + token).build()).execute()) {
                String body = r.body().string();
                assertThat(r.code()).as(body).isEqualTo(200);
                assertThat(body).contains("\"node\":\"env-node\"", "\"region\":\"from-file\"");
            }
            // SIGTERM through the process handle: Process.destroy() would also close our end of its pipes.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
            for (String line; (line = out.readLine()) != null; ) {
                stdout.add(line);
            }
        } finally {
            process.destroyForcibly();
            http.dispatcher().executorService().shutdown();
        }
        assertThat(stdout).as("stdout holds the listening line only").hasSize(1);
        String logs = stderr.get(30, TimeUnit.SECONDS);
        List<String> lines = logs.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(logs).contains("\"formattedMessage\":\"server listening on http:", "server stopped",
                        "engine node env-node stopped")
                .doesNotContain(token);
    }
}
