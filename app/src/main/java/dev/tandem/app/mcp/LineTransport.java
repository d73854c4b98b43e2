package dev.tandem.app.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * MCP's stdio framing (one JSON-RPC message a line) for the SDK's server session, which does the protocol:
 * initialize, tool listing, argument checks against each tool's schema, errors for unknown methods.
 *
 * <p>Design. The SDK's own stdio transport ends the session at the first line that is too long or is not JSON-RPC,
 * and reads ahead into a queue without a bound while tools run. Here every line is read by one thread and handled to
 * its end (the server runs tools on the thread that hands it a message) before the next is read, so:
 * <ul>
 * <li>a line is capped at {@link #MAX_LINE_BYTES} bytes before anything parses it: the rest of a longer line is
 *     read and dropped, never held, and answered with an error as a line that is not JSON-RPC is; the session goes
 *     on with the next line;</li>
 * <li>a flood of calls waits in the pipe, not in memory: the client's writes block once the pipe is full;</li>
 * <li>answers leave in the order the calls came, one line each, never interleaved (writes are serialised);</li>
 * <li>a request other than initialize or ping before the client's initialized notification is refused: the
 *     session would hold it until that notification, which this thread could then never read (a ping is answered
 *     here).</li>
 * </ul>
 * Nesting inside a line is bounded by the JSON parser's own limit.
 */
final class LineTransport implements McpServerTransportProvider {
    /** The longest line read, in bytes: a tool's arguments are a few kilobytes (a note appended at most 100,000 characters). */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private McpServerSession session;
    private volatile boolean closed;
    /** Whether the client sent its initialized notification; read and written by the one reading thread. */
    private boolean initialized;

    LineTransport(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.in = in;
        this.out = out;
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new Session());
    }

    /** Reads and answers messages until the input ends or the transport is closed. */
    void run() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (!closed) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            if (b != '\n') {
                if (line.size() < MAX_LINE_BYTES) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
                continue;
            }
            if (tooLong) {
                refuse(McpSchema.ErrorCodes.INVALID_REQUEST, "The message is longer than " + MAX_LINE_BYTES + " bytes");
            } else {
                handle(line.toString(StandardCharsets.UTF_8).strip());
            }
            line.reset();
            tooLong = false;
        }
        closed = true;
        session.close();
    }

    private void handle(String text) {
        if (text.isEmpty()) {
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | RuntimeException e) {
            refuse(McpSchema.ErrorCodes.PARSE_ERROR, "The line is not a JSON-RPC message");
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest r && !initialized && !r.method().equals(McpSchema.METHOD_INITIALIZE)) {
            // The session holds a request until the client says it is initialized, and that notification can only
            // be read by this thread, which would wait for the request: a ping is answered here, as MCP allows it
            // before then, and anything else refused, as MCP asks clients to wait.
            if (r.method().equals(McpSchema.METHOD_PING)) {
                answer(r.id(), Map.of());
            } else {
                refuse(r.id(), McpSchema.ErrorCodes.INVALID_REQUEST,
                        "The session is not initialized: send notifications/initialized after initialize");
            }
            return;
        }
        if (message instanceof McpSchema.JSONRPCNotification n && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method())) {
            initialized = true;
        }
        try {
            session.handle(message).block();
        } catch (RuntimeException e) {
            // A request the session could not answer itself (it answers unknown methods and failed tools).
            if (message instanceof McpSchema.JSONRPCRequest r) {
                refuse(r.id(), McpSchema.ErrorCodes.INTERNAL_ERROR, "The request failed");
            }
        }
    }

    private void refuse(int code, String message) {
        refuse(null, code, message);
    }

    private void answer(Object id, Object result) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        answer.put("id", id);
        answer.put("result", result);
        try {
            write(json.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refuse(Object id, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        answer.put("id", id);
        answer.put("error", error);
        try {
            write(json.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String line) throws IOException {
        // The JSON writer escapes newlines inside strings; a raw one would end the message early.
        byte[] bytes = (line.replace("\r", "\\r").replace("\n", "\\n") + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> closed = true);
    }

    /** The session's side: what it sends goes out as one line. */
    private final class Session implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                try {
                    write(json.writeValueAsString(message));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closed = true);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
