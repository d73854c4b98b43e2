package dev.tandem.app.vm.window;


import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the item list says and selects after an action, without a toolkit: its message line, and undo's selection. */
@Tag("unit")
class ListAfterActionsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel vm;
    private TodoList list;

    @BeforeEach
    void start() {
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(vm::start);
        list = store.createList("Move house");
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private String add(String title, String parentId) {
        return store.add(title, null, list.id(), parentId, null, TodoDetails.NONE).item().id();
    }

    private void openList() {
        ui.await(() -> vm.hasList(list.id()));
        ui.run(() -> vm.select(new Listing.UserListing(list.id())));
    }

    private ItemRow row(String id) {
        return ui.get(() -> vm.items().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null));
    }

    private String message() {
        return ui.get(() -> vm.messageProperty().get());
    }

    @Test
    void message_viewChanges_isCleared() {
        String books = add("Books", null);
        openList();
        ui.await(() -> row(books) != null);
        ItemRow b = row(books);
        ui.run(() -> vm.commands().setDone(b, true));
        ui.await(() -> message().equals("Completed “Books”"));
        ui.run(() -> vm.select(Listing.inbox()));
        assertEquals("", message(), "a message about the list is not carried to the Inbox");

        String lamp = store.add("Lamp", null, null).id();
        ui.await(() -> row(lamp) != null);
        ItemRow l = row(lamp);
        ui.run(() -> vm.bulk().tag(List.of(l), "box"));
        ui.await(() -> !message().isEmpty());
        ui.run(() -> vm.searchProperty().set("Lamp"));
        ui.await(() -> vm.viewProperty().get() instanceof Listing.SearchListing);
        assertEquals("", message(), "nor to a search");
    }

    @Test
    void undo_completeParentWithSubtasks_selectsTheParentAgain() {
        String pack = add("Pack boxes", null);
        add("Kitchen", pack);
        add("Books", pack);
        String movers = add("Book movers", null);
        openList();
        ui.await(() -> row(pack) != null && row(movers) != null);
        ItemRow p = row(pack);
        ui.run(() -> vm.selectedProperty().set(p));
        ui.run(() -> vm.commands().setDone(p, true));
        ui.await(() -> row(pack) == null);
        // As the list does when its selected row goes.
        ui.run(() -> vm.selectedProperty().set(null));
        ui.run(() -> vm.commands().undo());
        ui.await(() -> row(pack) != null);
        ui.await(() -> vm.selectedProperty().get() != null);
        assertEquals(pack, ui.get(() -> vm.selectedProperty().get().id()));
    }

    /** The rows as "  title" (two spaces a level) and "# section". */
    private List<String> shown() {
        return ui.get(() -> vm.items().stream().map(r -> r.isSection() ? "# " + r.title() : "  ".repeat(r.depth())
                + r.title()).toList());
    }

    private void shift(String id, int direction) {
        ItemRow r = row(id);
        ui.run(() -> vm.outline().shift(r, direction, vm.items()));
    }

    @Test
    void shift_pastTheEdgeOfASection_movesIntoTheNextOne_atTheListsEndSaysWhy() {
        add("Book movers", null);
        String pack = add("Pack boxes", null);
        add("Kitchen", pack);
        String later = new SectionStore(store).create(list.id(), "Later").id();
        String lamp = add("Lamp", null);
        store.update(lamp, i -> i.withSectionId(later));
        openList();
        ui.await(() -> shown().equals(List.of("Book movers", "Pack boxes", "  Kitchen", "# Later", "Lamp")));

        shift(pack, 1);
        ui.await(() -> shown().equals(List.of("Book movers", "# Later", "Pack boxes", "  Kitchen", "Lamp")));
        shift(pack, -1);
        ui.await(() -> shown().equals(List.of("Book movers", "Pack boxes", "  Kitchen", "# Later", "Lamp")));

        shift(lamp, 1);
        ui.await(() -> message().equals("“Lamp” is the last todo of the list; it cannot move down"));
        assertEquals(List.of("Book movers", "Pack boxes", "  Kitchen", "# Later", "Lamp"), shown());
    }

    private String countLine() {
        return ui.get(() -> vm.chrome().countTextProperty().get());
    }

    private long sidebarCount() {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.key().equals("list:" + list.id())).findFirst()
                .map(SidebarEntry::count).orElse(-1L));
    }

    @Test
    void countLine_foldingOrCompletingAParent_staysTheSidebarsOpenTodosWithSubtasks() {
        add("Book movers", null);
        String pack = add("Pack boxes", null);
        add("Kitchen", pack);
        add("Books", pack);
        String lamp = add("Lamp", pack);
        openList();
        ui.await(() -> shown().size() == 5 && sidebarCount() == 5);
        ui.await(() -> countLine().equals("5 todos"));

        ItemRow p = row(pack);
        ui.run(() -> vm.outline().setCollapsed(p, true));
        ui.await(() -> shown().equals(List.of("Book movers", "Pack boxes")));
        ui.await(() -> countLine().equals("5 todos"));

        store.setDone(lamp, true);
        ui.await(() -> sidebarCount() == 4);
        ui.await(() -> countLine().equals("4 todos"));
    }
}
