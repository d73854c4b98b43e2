package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Personal access tokens against {@code tandem serve} as a person runs it, a process of its own: a script's token
 * reads and writes over HTTP as curl would (the device's subscribed calendars' events too), and {@code tandem tokens revoke} run by a second process while the server
 * runs shuts that token out at its next request, and only that token.
 */
@Tag("server")
class AccessTokenServeTest {
    @TempDir
    Path dir;

    /** {@code tandem tokens add NAME}, in-process on the profile: the secret it printed. */
    private static String token(Path profile, String name) {
        CliRun.Result r = CliRun.run(profile, "tokens", "add", name);
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    @Test
    void serveProcess_tokenReadsAndWrites_revokedByAnotherProcessRefusedAtItsNextRequest() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        assertEquals(0, CliRun.run(profile, "add", "Write the report").code());
        // A subscribed .ics file, an all-day event from yesterday to tomorrow (whatever the zone, today is in it).
        LocalDate today = LocalDate.now();
        Path ics = Files.writeString(dir.resolve("team.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:offsite\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:"
                + today.minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE) + "\r\nDTEND;VALUE=DATE:"
                + today.plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE) + "\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\n"
                + "END:VCALENDAR\r\n");
        CliRun.Result subscribed = CliRun.run(profile, "calendars", "add", ics.toString(), "--name", "Team");
        assertEquals(0, subscribed.code(), subscribed.err());
        assertEquals(0, CliRun.run(profile, "calendars", "refresh").code());
        String ci = token(profile, "ci");
        String other = token(profile, "other");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create("http://127.0.0.1:" + port);
        try (ServeProcess serve = ServeProcess.start(profile, port)) {
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(base.resolve("/api/items?view=inbox"))
                    .header("Authorization", "Bearer " + ci).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("Write the report"), read.body());
            // The device's calendars, served by the process as the window's device serves them.
            HttpResponse<String> events = http.send(HttpRequest.newBuilder(base.resolve("/api/calendar-events?from="
                    + today.minusDays(1) + "&to=" + today.plusDays(1))).header("Authorization", "Bearer " + ci).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, events.statusCode(), events.body());
            assertTrue(events.body().contains("\"title\":\"Offsite\"") && events.body().contains("\"calendar\":\"Team\""),
                    events.body());
            HttpResponse<String> write = http.send(HttpRequest.newBuilder(base.resolve("/api/outbox"))
                    .header("Authorization", "Bearer " + ci).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"entries\":[{\"key\":\"serve-add-0001\",\"op\":\"add\","
                            + "\"text\":\"Sent by the script\",\"view\":\"inbox\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, write.statusCode(), write.body());
            assertTrue(write.body().contains("\"applied\""), write.body());
            assertEquals(List.of("Sent by the script"), ServeProcess.titles(profile, "Sent by"));

            ServeProcess.Result revoked = ServeProcess.cli(profile, "tokens", "revoke", "ci");
            assertEquals(0, revoked.code(), revoked.out());

            HttpResponse<String> after = http.send(HttpRequest.newBuilder(base.resolve("/api/sidebar"))
                    .header("Authorization", "Bearer " + ci).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, after.statusCode(), after.body());
            assertTrue(after.body().contains("not known here, or was revoked"), after.body());
            HttpResponse<String> still = http.send(HttpRequest.newBuilder(base.resolve("/api/sidebar"))
                    .header("Authorization", "Bearer " + other).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, still.statusCode(), "the token not revoked is still served: " + still.body());
        }
    }
}
