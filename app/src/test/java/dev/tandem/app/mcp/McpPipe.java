package dev.tandem.app.mcp;

import dev.tandem.app.model.TodoStore;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server run in this JVM on a pair of pipes, as a client process would drive it: lines of JSON-RPC in, lines
 * out. {@link #close} ends the input, as a client closing the pipe does, and waits for the server to return.
 */
final class McpPipe implements AutoCloseable {
    static final McpJsonMapper JSON = McpJsonDefaults.getMapper();

    private final OutputStream toServer;
    private final BufferedReader fromServer;
    private final Thread server;
    private int nextId = 1;

    McpPipe(TodoStore store, McpScope scope) {
        try {
            Pipe in = Pipe.open();
            Pipe out = Pipe.open();
            toServer = Channels.newOutputStream(in.sink());
            fromServer = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
            OutputStream serverOut = Channels.newOutputStream(out.sink());
            server = new Thread(() -> {
                try (serverOut) {
                    TandemMcp.serve(store, scope, "test", Channels.newInputStream(in.source()), serverOut);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "mcp-server");
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server initialized as a client does it: initialize, then the initialized notification. */
    static McpPipe started(TodoStore store, McpScope scope) {
        return started(store, scope, "pipe-test");
    }

    /** As above, the client naming itself {@code clientName} in its clientInfo. */
    static McpPipe started(TodoStore store, McpScope scope, String clientName) {
        McpPipe p = new McpPipe(store, scope);
        Map<String, Object> init = p.request("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", clientName, "version", "1")));
        if (init.get("result") == null) {
            throw new IllegalStateException("initialize failed: " + init);
        }
        p.send(Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
        return p;
    }

    void sendLine(String line) {
        sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) {
        try {
            toServer.write(bytes);
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(Map<String, Object> message) {
        try {
            sendLine(JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the server wrote, as JSON. */
    @SuppressWarnings("unchecked")
    Map<String, Object> next() {
        try {
            String line = fromServer.readLine();
            if (line == null) {
                throw new IllegalStateException("the server closed its output");
            }
            return JSON.readValue(line, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw next line. */
    String nextLine() {
        try {
            return fromServer.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> request(String method, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jsonrpc", "2.0");
        m.put("id", nextId++);
        m.put("method", method);
        m.put("params", params);
        send(m);
        return next();
    }

    /** The tool's result: structuredContent, isError and content. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String tool, Map<String, Object> arguments) {
        Map<String, Object> answer = request("tools/call", Map.of("name", tool, "arguments", arguments));
        if (answer.get("result") == null) {
            throw new IllegalStateException("no result: " + answer);
        }
        return (Map<String, Object>) answer.get("result");
    }

    /** The structured answer of a call that must succeed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        Map<String, Object> r = call(tool, arguments);
        if (Boolean.TRUE.equals(r.get("isError"))) {
            throw new AssertionError(tool + " refused: " + r.get("content"));
        }
        return (Map<String, Object>) r.get("structuredContent");
    }

    /** The text of a call that must be refused. */
    @SuppressWarnings("unchecked")
    String refused(String tool, Map<String, Object> arguments) {
        Map<String, Object> answer = request("tools/call", Map.of("name", tool, "arguments", arguments));
        if (answer.get("error") != null) {
            return String.valueOf(((Map<String, Object>) answer.get("error")).get("message"));
        }
        Map<String, Object> r = (Map<String, Object>) answer.get("result");
        if (!Boolean.TRUE.equals(r.get("isError"))) {
            throw new AssertionError(tool + " was not refused: " + r);
        }
        return String.valueOf(((List<Map<String, Object>>) r.get("content")).get(0).get("text"));
    }

    @Override
    public void close() {
        try {
            toServer.close();
            server.join();
            fromServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
