package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Tables;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Stores and fixture files for the transfer tests. Dates are read in UTC, so they do not depend on the machine. */
final class Fixtures {
    static final ZoneId ZONE = ZoneOffset.UTC;

    private Fixtures() {
    }

    static TodoStore store() {
        return new TodoStore(Db.openMemory(), Clock.systemUTC(), ZONE);
    }

    /** A table's rows as JSON, in id order: what a round trip must bring back as it was. */
    static List<String> rows(TodoStore s, String table) {
        return s.tables().rows(table, s.tables().columns(table), "id").stream()
                .map(Tables.JsonRow::json).toList();
    }

    /** A fixture under src/test/resources/dev/tandem/app/transfer, copied to {@code dir} (tests may damage it). */
    static Path copy(String name, Path dir) {
        try {
            Path src = Path.of(Fixtures.class.getResource(name).toURI());
            Path dst = dir.resolve(name);
            if (Files.isDirectory(src)) {
                try (Stream<Path> s = Files.walk(src)) {
                    for (Path p : s.toList()) {
                        Path t = dst.resolve(src.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t);
                        }
                    }
                }
            } else {
                Files.createDirectories(dst.getParent());
                try (InputStream in = Files.newInputStream(src)) {
                    Files.copy(in, dst);
                }
            }
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Item byTitle(TodoStore store, String title) {
        return store.allItems().stream().filter(i -> title.equals(i.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no todo titled " + title + " in " + titles(store)));
    }

    static List<String> titles(TodoStore store) {
        return store.allItems().stream().map(Item::title).sorted().toList();
    }

    static Optional<String> listName(TodoStore store, Item it) {
        return store.lists().stream().filter(l -> l.id().equals(it.listId())).map(TodoList::name).findFirst();
    }

    static ImportReport importPath(TodoStore store, Path p) {
        return Transfer.importPath(store, p, null, Progress.NONE);
    }
}
