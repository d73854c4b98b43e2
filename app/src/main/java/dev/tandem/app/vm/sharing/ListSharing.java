package dev.tandem.app.vm.sharing;

import dev.tandem.app.model.TodoList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.MapChangeListener;

/**
 * Lists shared with other people, as the sidebar offers them: it marks them, and offers Share,
 * Members and Leave on a list and "Join a shared list" (the app sets this up with {@link #use};
 * without it lists are only the user's own and these do nothing).
 */
public final class ListSharing {
    private final Function<String, Optional<TodoList>> list;
    /** Marks the shared lists (id to whom with) in the sidebar. */
    private final Consumer<Map<String, String>> markShared;
    private final Runnable rebuildSidebar;
    private final Consumer<String> say;
    private SharingViewModel sharing;

    public ListSharing(Function<String, Optional<TodoList>> list, Consumer<Map<String, String>> markShared,
                       Runnable rebuildSidebar, Consumer<String> say) {
        this.list = list;
        this.markShared = markShared;
        this.rebuildSidebar = rebuildSidebar;
        this.say = say;
    }

    /** Sharing for this window: the sidebar follows its shared lists from now on. */
    public void use(SharingViewModel s) {
        this.sharing = s;
        s.sharedLists().addListener((MapChangeListener<String, String>) c -> {
            markShared.accept(s.sharedLists());
            rebuildSidebar.run();
        });
        markShared.accept(s.sharedLists());
        s.refresh();
    }

    /** Sharing, when the app set it up. */
    public Optional<SharingViewModel> sharing() {
        return Optional.ofNullable(sharing);
    }

    /** Opens "Share" for the list: share it, or its members and invites. */
    public void share(String listId) {
        list.apply(listId).ifPresent(l -> sharing().ifPresent(s -> s.share(l)));
    }

    /** Leaves a shared list on this device, after asking; Undo takes it back. */
    public void leave(String listId) {
        list.apply(listId).ifPresent(l -> sharing().ifPresent(s -> s.leave(l, say)));
    }

    /** Stops sharing the list here and keeps it, with its todos, as a private list (after asking). */
    public void keepPrivate(String listId) {
        list.apply(listId).ifPresent(l -> sharing().ifPresent(s -> s.keepPrivate(l, say)));
    }

    /** Opens "Join a shared list". */
    public void join() {
        sharing().ifPresent(SharingViewModel::join);
    }
}
