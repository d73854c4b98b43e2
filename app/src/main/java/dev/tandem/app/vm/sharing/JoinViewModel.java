package dev.tandem.app.vm.sharing;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.ui.messages.Messages;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Join a shared list": paste the invite, ask, read the fingerprint to the person who invited, and
 * once they admitted this person the list arrives (docs/SHARING.md). "Check again" asks the list's
 * remote whether the owner admitted; the app's next sync does the same by itself. Remote work runs
 * off the UI thread through {@link Async}; no toolkit needed.
 */
public final class JoinViewModel implements HasFeedback {
    /** Where the join stands. */
    public enum State { ENTER, ASKED, JOINED }

    /** Above the invite: what to do with it, and why the code alone opens nothing. */
    public static String help() {
        return Messages.text("settings.join.help");
    }

    private final Feedback feedback = new Feedback();
    private final Spaces sharing;
    private final TodoStore store;
    private final Async async;
    private final Runnable resync;
    private final StringProperty code = new SimpleStringProperty("");
    private final RemoteLogin login;
    private final StringProperty name;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.ENTER);
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper existing = new ReadOnlyStringWrapper("");
    private final BooleanProperty intoExisting = new SimpleBooleanProperty(false);
    private String listId;

    /** {@code resync} makes the sync include the joined list and syncs; it blocks, off the UI thread. */
    public JoinViewModel(Spaces sharing, TodoStore store, String myName, Async async, Runnable resync) {
        this.sharing = sharing;
        this.store = store;
        this.async = async;
        this.resync = resync;
        this.name = new SimpleStringProperty(myName);
        this.login = new RemoteLogin(sharing::savedLogin);
        code.addListener((o, a, b) -> {
            String remote;
            try {
                remote = Spaces.remoteOf(b == null ? "" : b);
            } catch (IllegalArgumentException notYet) {
                remote = ""; // not a whole invite (yet): nothing to sign in to
            }
            login.follow(remote);
        });
    }

    /** The sign-in the invite's remote needs (WebDAV, S3), filled in where it is the profile's own server. */
    public RemoteLogin login() {
        return login;
    }

    /** The invite code as pasted. */
    public StringProperty codeProperty() {
        return code;
    }

    /** The name the others see this person by. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** This person's fingerprint, to read to the owner; empty before asking. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /**
     * The name of a list this profile already has under the id the invite names; empty when it
     * names none. Such an invite joins only when {@link #intoExistingProperty()} is set.
     */
    public ReadOnlyStringProperty existingProperty() {
        return existing.getReadOnlyProperty();
    }

    /** The person says they shared the list the invite names themselves, from another of their devices. */
    public BooleanProperty intoExistingProperty() {
        return intoExisting;
    }

    /** Asks to join with the pasted invite, then checks at once whether the owner admitted already. */
    public void ask() {
        if (feedback.isBusy() || state.get() != State.ENTER) {
            return;
        }
        String c = code.get() == null ? "" : code.get().strip();
        try {
            Spaces.listOf(c);
        } catch (IllegalArgumentException e) {
            feedback.say(c.isEmpty() ? Messages.text("settings.join.pasteFirst")
                    : Messages.text("settings.join.notInvite", e.getMessage()));
            return;
        }
        String named = Spaces.listOf(c);
        existing.set(store.lists().stream().filter(l -> l.id().equals(named)).map(TodoList::name).findFirst()
                .orElse(""));
        if (!existing.get().isEmpty() && sharing.get(named).isEmpty() && !intoExisting.get()) {
            // An invite changed to name one of this person's lists would make what they add to it
            // readable by whoever changed it: never joined without their word.
            feedback.say(Messages.text("settings.join.namesExisting", existing.get()));
            return;
        }
        boolean into = intoExisting.get();
        feedback.busy(true);
        String me = name.get();
        Map<String, String> signIn = login.values();
        async.run(() -> sharing.join(store, c, me, into, signIn), asked -> {
            listId = asked.listId();
            fingerprint.set(asked.fingerprint());
            state.set(State.ASKED);
            feedback.say(Messages.text("settings.join.asked"));
            feedback.busy(false);
            check();
        }, this::failed);
    }

    /** Whether the owner admitted this person; if so, the list's first sync. */
    public void check() {
        if (listId == null || feedback.isBusy() || state.get() == State.JOINED) {
            return;
        }
        feedback.busy(true);
        async.run(() -> {
            if (!sharing.admitted(listId)) {
                return null;
            }
            sharing.syncList(store, listId);
            resync.run();
            return store.lists().stream().filter(l -> l.id().equals(listId)).map(TodoList::name).findFirst()
                    .orElse(Messages.text("settings.join.theList"));
        }, joined -> {
            feedback.busy(false);
            if (joined == null) {
                feedback.say(Messages.text("settings.join.notYet"));
                return;
            }
            state.set(State.JOINED);
            feedback.say(Messages.text("settings.join.joined", joined));
        }, this::failed);
    }

    private void failed(Throwable t) {
        feedback.end(Feedback.why(t));
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}
