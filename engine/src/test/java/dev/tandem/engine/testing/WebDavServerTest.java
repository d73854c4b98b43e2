package dev.tandem.engine.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.WebDavServer.Kind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// Apache HttpClient 5, not java.net.http: test classes are compiled into the engine module, which
// does not read java.net.http.
@Tag("server")
class WebDavServerTest {
    private static final CloseableHttpClient HTTP = HttpClients.createDefault();

    private record Answer(int status, byte[] body) {}

    private static Answer send(ClassicRequestBuilder request, String password) throws IOException {
        request.addHeader("Authorization", WebDavServer.basicAuth(WebDavServer.USER, password));
        return HTTP.execute(request.build(), r -> new Answer(r.getCode(),
                r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
    }

    private static Answer put(String url, byte[] body) throws IOException {
        ByteArrayEntity entity = new ByteArrayEntity(body, ContentType.APPLICATION_OCTET_STREAM);
        return send(ClassicRequestBuilder.put(url).setEntity(entity), WebDavServer.PASSWORD);
    }

    @AfterAll
    static void closeClient() throws IOException {
        HTTP.close();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newCollection_putThenGet_returnsTheSameBytes(Kind kind) throws IOException {
        WebDavServer server = WebDavServer.shared(kind);
        String collection = server.newCollection();
        assertTrue(collection.startsWith(server.url()) && collection.endsWith("/"), collection);
        byte[] body = "hello, WebDAV\n\u00e9".getBytes(StandardCharsets.UTF_8);

        Answer put = put(collection + "x", body);
        assertEquals(201, put.status(), new String(put.body(), StandardCharsets.UTF_8));
        Answer get = send(ClassicRequestBuilder.get(collection + "x"), WebDavServer.PASSWORD);
        assertEquals(200, get.status());
        assertArrayEquals(body, get.body());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void get_wrongPassword_answers401(Kind kind) throws IOException {
        WebDavServer server = WebDavServer.shared(kind);
        String collection = server.newCollection();
        assertEquals(201, put(collection + "x", "v".getBytes(StandardCharsets.UTF_8)).status());

        assertEquals(401, send(ClassicRequestBuilder.get(collection + "x"), "wrong").status());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dataDir_afterPut_holdsTheFileOnDisk(Kind kind) throws IOException {
        WebDavServer server = WebDavServer.shared(kind);
        String collection = server.newCollection();
        assertEquals(201, put(collection + "x", "on disk".getBytes(StandardCharsets.UTF_8)).status());

        String name = URI.create(collection).getPath().replace("/", "");
        Path file = server.dataDir().resolve(name).resolve("x");
        assertTrue(Files.isRegularFile(file), file + " in " + server.dataDir());
        assertEquals("on disk", Files.readString(file));
    }
}
