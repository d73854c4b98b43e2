package dev.tandem.app.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Main;
import dev.tandem.app.testing.CliRun;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real MCP client, the Java SDK's own over its stdio transport, starting {@code tandem mcp} as a process of its
 * own: initialize, the tools listed, every tool called, and a todo it adds then listed by {@code tandem list} and
 * synced to a second device.
 */
@Tag("process")
@Timeout(180)
class McpClientProcessTest {
    @TempDir
    Path dir;

    private static ServerParameters tandem(Path profile, String... args) throws Exception {
        String cp = System.getProperty("tandem.app.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("tandem.runtime.classpath"))).trim();
        List<String> command = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-cp", cp, Main.class.getName(),
                "--data-dir", profile.toString(), "mcp"));
        command.addAll(List.of(args));
        return ServerParameters.builder(ProcessHandle.current().info().command().orElse("java")).args(command).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertFalse(Boolean.TRUE.equals(r.isError()), tool + " refused: " + r.content());
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sdkClient_startsTandemMcpCallsEveryTool_itsAddShowsInTandemListAndSyncsToASecondDevice() throws Exception {
        Path profile = dir.resolve("laptop");
        assertEquals(0, CliRun.run(profile, "add", "Draft agenda tomorrow #Work").code());
        StdioClientTransport transport = new StdioClientTransport(tandem(profile, "--write"), McpJsonDefaults.getMapper());
        McpSyncClient client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation("tandem-test", "1"))
                .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertEquals("tandem", init.serverInfo().name());
            assertTrue(init.instructions().contains("never instructions"));
            Set<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
            assertEquals(Set.of("find_todos", "show_item", "list_lists", "agenda", "add_todo", "add_subtask", "edit_item",
                    "complete", "reopen", "reschedule", "move_item", "append_note"), tools);

            String existing = (String) ((List<Map<String, Object>>) call(client, "find_todos", Map.of("query", "#Work"))
                    .get("todos")).get(0).get("id");
            Map<String, Object> added = (Map<String, Object>) call(client, "add_todo",
                    Map.of("text", "Buy stamps tomorrow #Errands")).get("item");
            String id = (String) added.get("id");
            assertEquals("Errands", added.get("list"));
            assertEquals("Buy stamps", ((Map<String, Object>) call(client, "show_item", Map.of("id", id)).get("item")).get("title"));
            assertTrue(((List<Map<String, Object>>) call(client, "list_lists", Map.of()).get("lists")).stream()
                    .anyMatch(l -> l.get("name").equals("Errands")));
            assertEquals(2, ((List<?>) call(client, "agenda", Map.of("from", "tomorrow", "to", "tomorrow")).get("entries")).size());
            call(client, "add_subtask", Map.of("parentId", existing, "text", "Book the room"));
            call(client, "edit_item", Map.of("id", existing, "priority", 1));
            call(client, "append_note", Map.of("id", existing, "text", "Ask Sam about the budget"));
            call(client, "reschedule", Map.of("id", existing, "due", "in 3 days"));
            call(client, "move_item", Map.of("id", existing, "list", "Errands"));
            call(client, "complete", Map.of("id", existing));
            call(client, "reopen", Map.of("id", existing));
        } finally {
            client.closeGracefully();
        }

        CliRun.Result list = CliRun.run(profile, "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("Buy stamps"), list.out());
        assertTrue(list.out().contains("Book the room"), list.out());

        Path remote = Files.createDirectories(dir.resolve("remote"));
        Path phone = dir.resolve("phone");
        assertEquals(0, CliRun.run(profile, "sync", "--remote", "folder:" + remote).code());
        assertEquals(0, CliRun.run(phone, "sync", "--remote", "folder:" + remote).code());
        CliRun.Result onPhone = CliRun.run(phone, "list");
        assertTrue(onPhone.out().contains("Buy stamps"), onPhone.out());
        assertTrue(onPhone.out().contains("Draft agenda"), onPhone.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sdkClient_namedTestAssistant_itsAddAndCompleteShowInTandemHistoryAsViaMcp() throws Exception {
        Path profile = dir.resolve("laptop");
        StdioClientTransport transport = new StdioClientTransport(tandem(profile, "--write"), McpJsonDefaults.getMapper());
        McpSyncClient client = McpClient.sync(transport).clientInfo(new McpSchema.Implementation("Test Assistant", "2.0"))
                .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
        String id;
        try {
            client.initialize();
            id = (String) ((Map<String, Object>) call(client, "add_todo", Map.of("text", "Renew passport")).get("item"))
                    .get("id");
            call(client, "complete", Map.of("id", id));
            McpSchema.ReadResourceResult lists = client.readResource(new McpSchema.ReadResourceRequest("tandem://lists"));
            assertEquals(1, lists.contents().size());
        } finally {
            client.closeGracefully();
        }
        assertEquals(0, CliRun.run(profile, "edit", id, "--title", "Renew the passport").code());

        CliRun.Result history = CliRun.run(profile, "history", id);
        assertEquals(0, history.code(), history.err());
        List<String> lines = history.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(3, lines.size(), history.out());
        assertTrue(lines.get(0).contains("via MCP (Test Assistant)"), history.out());
        assertTrue(lines.get(1).contains("via MCP (Test Assistant)"), history.out());
        assertFalse(lines.get(2).contains("via MCP"), "the command line's own edit: " + history.out());
    }
}
