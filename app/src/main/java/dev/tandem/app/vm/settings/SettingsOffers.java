package dev.tandem.app.vm.settings;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Settings shows beside the sync form, where the window offers it: the language choice, the week's first day,
 * the reminder agent's check box, the quick-add shortcut's help, and the dialogs it opens ({@link MoreSettings}).
 * Each is given after the form is made, by the code that knows what this window has; none given (the demo, some
 * tests) shows none.
 */
public final class SettingsOffers {
    private MoreSettings more;
    private LanguageViewModel language;
    private WeekStartViewModel weekStart;
    private AutostartViewModel autostart;
    private ShortcutHelp shortcut;

    SettingsOffers(MoreSettings more) {
        this.more = more;
    }

    /** Offers "Attachments…" beside the other dialogs, each time made by {@code attachments}. */
    public void offerAttachments(Supplier<AttachmentSettingsViewModel> attachments) {
        more = new MoreSettings(more.phone(), more.deviceList(), attachments, more.calendarSettings());
    }

    /** Offers "Calendars…" beside the other dialogs, each time made by {@code calendars}. */
    public void offerCalendars(Supplier<CalendarsViewModel> calendars) {
        more = new MoreSettings(more.phone(), more.deviceList(), more.attachmentSettings(), calendars);
    }

    /**
     * The dialogs Settings opens beside itself: "Phone (CalDAV)…", "Devices…", "Attachments…", "Calendars…", where
     * offered.
     */
    public MoreSettings more() {
        return more;
    }

    /** Offers Settings → Language, over {@code language}. */
    public void offerLanguage(LanguageViewModel language) {
        this.language = language;
    }

    /** The language choice, empty where the window offers none (some tests). */
    public Optional<LanguageViewModel> language() {
        return Optional.ofNullable(language);
    }

    /** Offers Settings → "Week starts on", over {@code weekStart}. */
    public void offerWeekStart(WeekStartViewModel weekStart) {
        this.weekStart = weekStart;
    }

    /** The week's first day's choice, empty where the window offers none (some tests). */
    public Optional<WeekStartViewModel> weekStart() {
        return Optional.ofNullable(weekStart);
    }

    /** Offers "Remind me when Tandem is closed" over {@code autostart}, and the quick-add shortcut's help. */
    public void offerSession(AutostartViewModel autostart, ShortcutHelp shortcut) {
        this.autostart = autostart;
        this.shortcut = shortcut;
    }

    /** The reminder agent's check box, empty where the window offers none (some tests). */
    public Optional<AutostartViewModel> autostart() {
        return Optional.ofNullable(autostart);
    }

    /** The quick-add shortcut's help, empty where the window offers none (some tests). */
    public Optional<ShortcutHelp> shortcut() {
        return Optional.ofNullable(shortcut);
    }
}
