package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tandem serve}'s terminal, as a process of its own: a browser pairing is said as it happens (its name, id,
 * address and how many are paired now), and so is one revoked from another process, once the server sees it.
 */
@Tag("process")
class ServeTerminalTest {
    @TempDir
    Path dir;

    @Test
    void serve_browserPairsAndIsRevokedElsewhere_saysBothInItsTerminal() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (ServeProcess serve = ServeProcess.start(profile, port)) {
            String token = serve.pairingUrl().replaceAll(".*#pair=", "");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> paired = http.send(HttpRequest.newBuilder(base.resolve("/api/pair"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\",\"name\":\"Anna’s phone\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, paired.statusCode(), paired.body());
            String id = paired.body().replaceAll(".*\"browser\":\\{\"id\":\"([^\"]+)\".*", "$1");
            String said = serve.awaitLine("Paired “Anna’s phone”", Duration.ofSeconds(10));
            assertTrue(said.contains(id) && said.contains("from 127.0.0.1") && said.endsWith("Paired browsers: 1."), said);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()), Map.of())
                    .run(List.of("--data-dir", profile.toString(), "serve", "--revoke", id)));
            // The running server sees the revocation at the browser's next request.
            String cookie = paired.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(base.resolve("/api/sidebar")).header("Cookie", cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, after.statusCode());
            said = serve.awaitLine("Revoked “Anna’s phone”", Duration.ofSeconds(10));
            assertTrue(said.contains(id) && said.endsWith("Paired browsers: 0."), said);
        }
    }
}
