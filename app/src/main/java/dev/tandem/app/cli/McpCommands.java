package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.mcp.McpScope;
import dev.tandem.app.mcp.TandemMcp;
import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code tandem mcp [--write] [--lists A,B]}: the profile as an MCP server on standard input and output until the
 * client closes it (docs/MCP.md). Standard output carries the protocol alone, so it is the raw stream, never the
 * terminal's escaping one; messages go to standard error.
 */
final class McpCommands {
    private final InputStream in;
    private final PrintStream rawOut;
    private final PrintStream err;

    McpCommands(InputStream in, PrintStream rawOut, PrintStream err) {
        this.in = in;
        this.rawOut = rawOut;
        this.err = err;
    }

    int mcp(TodoStore store, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.mcp.noArguments"));
        }
        List<String> names = a.options().containsKey("--lists")
                ? Arrays.stream(a.options().get("--lists").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : null;
        McpScope scope;
        try {
            scope = McpScope.of(store, a.flags().contains("--write"), names);
        } catch (IllegalArgumentException e) {
            throw new UsageError(Messages.text("cli.mcp.noSuchList", e.getMessage()));
        }
        if (names != null && names.isEmpty()) {
            throw new UsageError(Messages.text("cli.mcp.noSuchList", ""));
        }
        String version = McpCommands.class.getPackage().getImplementationVersion();
        TandemMcp.serve(store, scope, version == null ? "dev" : version, in, rawOut);
        return 0;
    }
}
