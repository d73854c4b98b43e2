package dev.tandem.app.mcp;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.filter.FilterException;
import dev.tandem.engine.QueryTooCostlyException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tandem mcp}: the profile's todos as a Model Context Protocol server over standard input and output, for an
 * assistant (Claude Desktop, VS Code, Cursor, any MCP client) to read and, under {@code --write}, change.
 *
 * <p>The protocol is the official MCP Java SDK's (initialize, tool listing, each call's arguments checked against
 * its tool's schema, errors for unknown methods and tools); the framing is {@link LineTransport}'s, which bounds
 * what a line may hold and how many calls wait. Tools run one at a time, on the thread that read the call, so a
 * flood of calls waits in the pipe. A tool's refusal, a query that does not read and one that ran past its budget
 * are answered as the tool's error result, never as a failure of the server.
 */
public final class TandemMcp {
    /** What the server tells the assistant at initialize, before any tool is called. */
    static final String INSTRUCTIONS = "Tandem is the user's todo list. " + Tool.USER_DATA
            + " Writes are offered only when the user started the server with --write.";

    private TandemMcp() {
    }

    /** The tools a server of {@code scope} offers: the reading ones, and the writing ones under {@code --write}. */
    static List<Tool> tools(TodoStore store, McpScope scope) {
        List<Tool> tools = new ArrayList<>(new ReadTools(store, scope).tools());
        if (scope.write()) {
            tools.addAll(new WriteTools(store, scope).tools());
        }
        return tools;
    }

    /** Serves {@code store} on {@code in} and {@code out} until the input ends. */
    public static void serve(TodoStore store, McpScope scope, String version, InputStream in, OutputStream out) {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        LineTransport transport = new LineTransport(json, in, out);
        List<McpServerFeatures.SyncToolSpecification> specs = tools(store, scope).stream()
                .map(t -> spec(json, store, t)).toList();
        McpResources resources = new McpResources(json, store, scope);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("tandem", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .jsonMapper(json)
                .immediateExecution(true)
                .tools(specs)
                .resources(resources.resources())
                .resourceTemplates(resources.templates())
                .build();
        try {
            transport.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server.close();
        }
    }

    private static McpServerFeatures.SyncToolSpecification spec(McpJsonMapper json, TodoStore store, Tool t) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(t.name()).title(t.title()).description(t.description())
                .inputSchema(t.schema())
                .annotations(new McpSchema.ToolAnnotations(t.title(), t.readOnly(), false, t.readOnly(), false, null))
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> call(json, store, t, request.arguments(), clientName(exchange)))
                .build();
    }

    /** The name the client gave itself at initialize ({@code clientInfo.name}), as it came; empty for none. */
    private static String clientName(McpSyncServerExchange exchange) {
        McpSchema.Implementation info = exchange == null ? null : exchange.getClientInfo();
        return info == null || info.name() == null ? "" : info.name();
    }

    /**
     * Runs the tool; its answer as structured content and, for clients that read only text, as JSON text. A write
     * tool runs in one transaction whose changes the item's history shows as made via MCP by {@code client}.
     */
    static McpSchema.CallToolResult call(McpJsonMapper json, TodoStore store, Tool t, Map<String, Object> arguments,
            String client) {
        try {
            ToolArgs args = new ToolArgs(arguments, store.today());
            Map<String, Object> answer = t.readOnly() ? t.run().apply(args)
                    : McpOrigin.run(store, t, arguments, client, () -> t.run().apply(args));
            return McpSchema.CallToolResult.builder().structuredContent(answer)
                    .addTextContent(json.writeValueAsString(answer)).isError(false).build();
        } catch (ToolArgs.Refused | FilterException e) {
            return refused(e.getMessage());
        } catch (QueryTooCostlyException e) {
            return refused("The query is too slow to answer; narrow it (a list, a tag, fewer conditions).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static McpSchema.CallToolResult refused(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
