package dev.tandem.app.vm.sharing;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.sync.FolderRemote;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.engine.sync.SpaceMember;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Share" of one list (docs/SHARING.md): before sharing, where the list will live and the name the
 * others see; after, the invite to send, the members, and (to the owner) who asks to join, with
 * Admit after comparing fingerprints and Remove. Remote work runs off the UI thread through
 * {@link Async}; no toolkit needed.
 */
public final class ShareViewModel implements HasFeedback {
    /** What this device is to the list. */
    public enum State { NOT_SHARED, ASKED, MEMBER, OWNER }

    /** A member as the dialog lists them; {@code role} is "owner", "removed" or empty. */
    public record MemberRow(String name, String fingerprint, String role) {
        public boolean removable() {
            return role.isEmpty();
        }
    }

    /** Someone who asked to join with an invite. */
    public record RequestRow(String name, String fingerprint) {
    }

    /** Before sharing: what sharing does to the list and to the others. */
    public static String help() {
        return Messages.text("settings.share.help");
    }

    /** Above the invite: how to send it, and why it is safe to. */
    public static String inviteHelp() {
        return Messages.text("settings.share.inviteHelp");
    }

    private final Feedback feedback = new Feedback();
    private final Spaces sharing;
    private final TodoStore store;
    private final TodoList list;
    private final Async async;
    private final Questions dialogs;
    private final Runnable resync;
    private final StringProperty remote = new SimpleStringProperty("");
    private final RemoteLogin login;
    private final RemoteChoice where = new RemoteChoice(remote);
    private final StringProperty name;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_SHARED);
    private final ReadOnlyStringWrapper invite = new ReadOnlyStringWrapper("");
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ObservableList<RequestRow> requests = FXCollections.observableArrayList();
    // One read-only view each, kept: a view listens to its list weakly, so a view made per call
    // could be collected with the dialog's listener on it.
    private final ObservableList<MemberRow> membersRO = FXCollections.unmodifiableObservableList(members);
    private final ObservableList<RequestRow> requestsRO = FXCollections.unmodifiableObservableList(requests);

    /**
     * {@code resync} makes the sync include or leave out the list's space and syncs; it blocks,
     * and runs off the UI thread.
     */
    public ShareViewModel(Spaces sharing, TodoStore store, TodoList list, String myName, Async async, Questions dialogs,
                          Runnable resync) {
        this.sharing = sharing;
        this.store = store;
        this.list = list;
        this.async = async;
        this.dialogs = dialogs;
        this.resync = resync;
        this.name = new SimpleStringProperty(myName);
        this.login = new RemoteLogin(sharing::savedLogin);
        remote.addListener((o, a, b) -> login.follow(b));
    }

    /** The sign-in the chosen remote needs (WebDAV, S3), filled in where it is the profile's own server. */
    public RemoteLogin login() {
        return login;
    }

    public String listName() {
        return list.name();
    }

    /** Where the list will live, as {@code folder:DIR}, {@code s3://BUCKET/PREFIX} or {@code webdav:URL}. */
    /** Where the list is shared through, as a kind and an address. */
    public RemoteChoice where() {
        return where;
    }

    public StringProperty remoteProperty() {
        return remote;
    }

    /** The name the others see this person by. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The invite code to send; empty until the list is shared or a new one is made. */
    public ReadOnlyStringProperty inviteProperty() {
        return invite.getReadOnlyProperty();
    }

    public ObservableList<MemberRow> members() {
        return membersRO;
    }

    public ObservableList<RequestRow> requests() {
        return requestsRO;
    }

    /** Reads whether the list is shared and, if it is, its members from the remote. */
    public void load() {
        feedback.busy(true);
        async.run(() -> sharing.get(list.id()), s -> {
            feedback.busy(false);
            if (s.isEmpty()) {
                state.set(State.NOT_SHARED);
                return;
            }
            remote.set(s.get().remote());
            name.set(s.get().keys().memberName());
            if (!s.get().joined()) {
                state.set(State.ASKED);
                feedback.say(Messages.text("settings.share.notAdmitted", s.get().keys().fingerprint()));
                return;
            }
            state.set(s.get().keys().isOwner() ? State.OWNER : State.MEMBER);
            readMembers("");
        }, this::failed);
    }

    /** Asks for a folder; one holding other files gets a new folder for the list inside it. */
    public void chooseFolder() {
        Optional<Path> dir = dialogs.chooseFolder(Messages.text("settings.share.chooseFolderTitle", list.name()));
        dir.ifPresent(d -> {
            FolderRemote.Look look = FolderRemote.look(d);
            Path at = look.contents() == FolderRemote.Contents.OTHER ? d.resolve(folderName(list.name())) : d;
            remote.set("folder:" + at);
            feedback.say(at.equals(d) ? "" : Messages.text("settings.share.folderInside", at.toString()));
        });
    }

    /** Shares the list at {@link #remoteProperty()} and shows the first invite. */
    public void share() {
        if (state.get() != State.NOT_SHARED || feedback.isBusy()) {
            return;
        }
        if (remote.get().isBlank()) {
            feedback.say(Messages.text("settings.share.chooseWhere"));
            return;
        }
        feedback.busy(true);
        feedback.say(Messages.text("settings.share.sharing", list.name()));
        String where = remote.get().strip();
        String me = name.get();
        Map<String, String> signIn = login.values();
        async.run(() -> {
            String code = sharing.share(store, list, where, me, signIn);
            resync.run();
            return code;
        }, code -> {
            state.set(State.OWNER);
            invite.set(code);
            readMembers(Messages.text("settings.share.shared", list.name()));
        }, this::failed);
    }

    /** A new invite, for one person (older ones still work until someone is admitted with them, or they expire). */
    public void newInvite() {
        feedback.busy(true);
        async.run(() -> sharing.invite(store, list.id()), code -> {
            feedback.busy(false);
            invite.set(code);
            feedback.say(Messages.text("settings.share.newInviteMade"));
        }, this::failed);
    }

    /** Reads the members and requests again (someone may have asked to join since). */
    public void refresh() {
        if (state.get() == State.OWNER || state.get() == State.MEMBER) {
            readMembers("");
        } else {
            load();
        }
    }

    /** Admits {@code r}, after the user compared its fingerprint with the person's. */
    public void admit(RequestRow r) {
        if (!dialogs.confirm(Messages.text("settings.share.admit.title", r.name()),
                Messages.text("settings.share.admit.text", r.name(), r.fingerprint()),
                Messages.text("settings.share.admit.ok"))) {
            return;
        }
        feedback.busy(true);
        async.run(() -> sharing.admit(store, list.id(), r.fingerprint()),
                m -> readMembers(Messages.text("settings.share.admitted", m.name())), this::failed);
    }

    /** Removes {@code m} and changes the list's key, after asking. */
    public void remove(MemberRow m) {
        if (!m.removable() || !dialogs.confirmDestructive(Messages.text("settings.share.remove.title", m.name(), list.name()),
                Messages.text("settings.share.remove.text", m.name()), Messages.text("settings.share.remove.ok"))) {
            return;
        }
        feedback.busy(true);
        feedback.say(Messages.text("settings.share.removing", m.name()));
        async.run(() -> {
            sharing.remove(store, list.id(), m.name());
            resync.run();
            return null;
        }, r -> readMembers(Messages.text("settings.share.removed", m.name())), this::failed);
    }

    private void readMembers(String said) {
        feedback.busy(true);
        async.run(() -> sharing.members(store, list.id()), all -> {
            feedback.busy(false);
            members.setAll(all.members().stream().map(ShareViewModel::row).toList());
            requests.setAll(all.requests().stream().map(r -> new RequestRow(r.name(), r.fingerprint())).toList());
            // Junk among the requests is said, not hidden: someone with access to the storage wrote it.
            feedback.say(all.skipped().isEmpty() ? said : (said.isEmpty() ? "" : said + " ")
                    + Messages.text("settings.share.skipped", all.skipped().size(), all.skipped().get(0)));
        }, this::failed);
    }

    private static MemberRow row(SpaceMember m) {
        return new MemberRow(m.name(), m.fingerprint(), m.owner() ? "owner" : m.removed() ? "removed" : "");
    }

    private void failed(Throwable t) {
        feedback.end(Feedback.why(t));
    }

    /** A folder name for the list: its name without characters file systems refuse. */
    static String folderName(String listName) {
        String clean = listName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", " ").strip();
        return "Tandem " + (clean.isEmpty() ? "shared list" : clean);
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }
}
