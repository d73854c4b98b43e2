package dev.tandem.engine.internal.storage;

import dev.tandem.engine.testing.ScriptedHttpServer.Request;
import dev.tandem.engine.testing.ScriptedHttpServer.Response;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A scripted WebDAV server for {@link WebDavErrorsTest} that ignores every write condition. Apart from the test
 * because it is a small server of its own (PUT, GET, MOVE, PROPFIND over a map of files), which the tests of
 * create-if-absent on a server with no conditional writes drive.
 */
final class CarelessDav {
    /** The folder the storage under test is at. */
    private static final String FOLDER = "/dav/";

    private CarelessDav() {
    }

    /**
     * A WebDAV server that stores what it is sent but overwrites whatever the request's conditions
     * say: PUT ignores If-None-Match, MOVE ignores Overwrite: F. Folders are implied by file paths.
     */
    static Function<Request, Response> serving(Map<String, byte[]> files) {
        return r -> {
            String p = r.path();
            switch (r.method()) {
                case "PUT":
                    files.put(p, r.body());
                    return Response.empty(201);
                case "GET":
                case "HEAD":
                    byte[] data = files.get(p);
                    return data == null ? Response.empty(404) : Response.of(200, "application/octet-stream", data);
                case "DELETE":
                    return files.remove(p) == null ? Response.empty(404) : Response.empty(204);
                case "MKCOL":
                    return Response.empty(201);
                case "MOVE":
                    byte[] moved = files.remove(p);
                    if (moved == null) {
                        return Response.empty(404);
                    }
                    files.put(URI.create(r.header("Destination")).getPath(), moved);
                    return Response.empty(201);
                case "PROPFIND":
                    if (!p.endsWith("/")) {
                        return files.containsKey(p) ? WebDavErrorsTest.multistatus(p) : Response.empty(404);
                    }
                    Map<String, Boolean> children = new TreeMap<>();
                    for (String f : files.keySet()) {
                        if (f.startsWith(p)) {
                            String rest = f.substring(p.length());
                            int slash = rest.indexOf('/');
                            children.put(p + (slash < 0 ? rest : rest.substring(0, slash + 1)), slash >= 0);
                        }
                    }
                    if (!p.equals(FOLDER) && children.isEmpty()) {
                        return Response.empty(404);
                    }
                    return WebDavErrorsTest.multistatus(Stream.concat(Stream.of(p),
                            children.keySet().stream()).toArray(String[]::new));
                default:
                    return Response.empty(405);
            }
        };
    }
}
