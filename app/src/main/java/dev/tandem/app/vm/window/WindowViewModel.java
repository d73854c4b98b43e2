package dev.tandem.app.vm.window;

import dev.tandem.app.vm.settings.AppearanceViewModel;
import dev.tandem.app.vm.settings.PhoneWebViewModel;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.SyncStatusViewModel;
import dev.tandem.app.model.Item;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.app.vm.conflict.ConflictsViewModel;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.app.vm.settings.SyncSettingsFlow;
import java.util.Optional;

/**
 * Everything one window shows, wired together: the list and its commands, the editor, the
 * conflicts, the sync status, the theme and the sync-settings flow. The editor follows the
 * selection, and the selected item's live updates reach it through the rows the list replaced, or
 * the calendar's days.
 */
public final class WindowViewModel implements AutoCloseable {
    private final MainViewModel main;
    private final EditorViewModel editor;
    private final ConflictsViewModel conflicts;
    private final SyncStatusViewModel status;
    private final AppearanceViewModel appearance;
    private final SyncSettingsFlow settings;
    private final TransferViewModel transfer;
    private final Runnable syncNow;
    private final String deviceName;
    private final ReminderScheduler reminders;
    private Runnable openOnPhone;

    public WindowViewModel(MainViewModel main, EditorViewModel editor, ConflictsViewModel conflicts,
                           SyncStatusViewModel status, AppearanceViewModel appearance, SyncSettingsFlow settings,
                           TransferViewModel transfer, Runnable syncNow, String deviceName, ReminderScheduler reminders) {
        this.main = main;
        this.editor = editor;
        this.conflicts = conflicts;
        this.status = status;
        this.appearance = appearance;
        this.settings = settings;
        this.transfer = transfer;
        this.syncNow = syncNow;
        this.deviceName = deviceName;
        this.reminders = reminders;
        // A check box line of the notes shown becomes a subtask of the item shown.
        editor.notes().useSubtasks((title, done) -> {
            String parent = editor.shownId();
            if (parent != null) {
                main.commands().addSubtask(parent, title, done);
            }
        });
        conflicts.onCounts(main::setConflictCounts);
        main.selectedProperty().addListener((o, a, b) -> editor.show(b == null ? null : b.item())); // a header's item() is null
        // Only untouched fields change in the editor (EditorViewModel.show).
        main.liveItems().onReplaced(this::follow);
        // A todo moved on the calendar has a date, so it is in no list's rows: its day's plan brings it back.
        main.calendar().planProperty().addListener((o, a, plan) -> {
            String shown = editor.shownId();
            if (shown != null) {
                plan.entry(shown).ifPresent(e -> follow(e.row()));
            }
        });
        main.viewProperty().addListener((o, a, b) -> {
            if (main.chrome().conflictsShownProperty().get()) {
                conflicts.markSeen();
            }
        });
    }

    private void follow(ItemRow changed) {
        Item shown = editor.itemProperty().get();
        if (shown != null && shown.id().equals(changed.id()) && !shown.equals(changed.item())) {
            editor.show(changed.item());
        }
    }

    /** Starts the live queries (after the first frame is fine). */
    public void start() {
        main.start();
        conflicts.start();
        reminders.start();
    }

    /** Decides when reminders fire; the view shows them. */
    public ReminderScheduler reminders() {
        return reminders;
    }

    public MainViewModel main() {
        return main;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public ConflictsViewModel conflicts() {
        return conflicts;
    }

    public SyncStatusViewModel status() {
        return status;
    }

    public AppearanceViewModel appearance() {
        return appearance;
    }

    /** Import and export: the menu and dropped files. */
    public TransferViewModel transfer() {
        return transfer;
    }

    /** "Settings…" and Ctrl+,. */
    public void openSyncSettings() {
        settings.open();
    }

    /** "Sync now" and Ctrl+R. */
    public void syncNow() {
        syncNow.run();
    }

    /** "Open on phone…" shows {@code phoneWeb} through {@code dialogs}. */
    public void usePhoneWeb(PhoneWebViewModel phoneWeb, Dialogs dialogs) {
        this.openOnPhone = () -> {
            phoneWeb.open();
            dialogs.phoneWeb(phoneWeb);
        };
    }

    /** "Open on phone…", where the window offers it (not in the demo's windows). */
    public Optional<Runnable> openOnPhone() {
        return Optional.ofNullable(openOnPhone);
    }

    public String deviceName() {
        return deviceName;
    }

    @Override
    public void close() {
        editor.commit();
        editor.attachments().ifPresent(AttachmentsViewModel::close);
        main.close();
        conflicts.close();
        reminders.close();
    }
}
