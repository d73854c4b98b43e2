package dev.tandem.ui;

/** Style-class names used by the app's views; the rules live in {@code tandem.css}. */
public final class Styles {
    private Styles() {
    }

    public static final String ROOT = "tandem";
    public static final String DARK = "dark";

    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_HEADER = "sidebar-header";
    public static final String SIDEBAR_SECTION = "sidebar-section";
    public static final String SIDEBAR_CELL = "sidebar-cell";
    public static final String COUNT_BADGE = "count-badge";
    public static final String ALERT_BADGE = "alert-badge";

    public static final String CONTENT = "content";
    public static final String CONTENT_HEADER = "content-header";
    public static final String TITLE = "title";
    public static final String SUBTITLE = "subtitle";
    public static final String QUICK_ADD = "quick-add";
    /** The row of chips under quick add, one per piece of the text it understood. */
    public static final String QUICK_ADD_TOKENS = "quick-add-tokens";
    /** One understood piece ("Due: Tomorrow", "p2", "@home"); a kind class ("quick-add-token-date") joins it. */
    public static final String QUICK_ADD_TOKEN = "quick-add-token";
    /** The chip's "×": read the piece as title text instead. */
    public static final String QUICK_ADD_TOKEN_REMOVE = "quick-add-token-remove";
    /**
     * The line under quick add while a save is slow, or after it failed: what happened, with Retry
     * and Dismiss; pseudo-classes {@code :saving} and {@code :failed} (the field carries them too).
     */
    public static final String QUICK_ADD_STATUS = "quick-add-status";
    public static final String SEARCH_FIELD = "search-field";

    public static final String ITEM_LIST = "item-list";
    public static final String ITEM_CELL = "item-cell";
    public static final String ITEM_TITLE = "item-title";
    public static final String ITEM_META = "item-meta";
    public static final String ITEM_DONE = "done";
    /** A todo row's box (check box, title, icons): indented by the row's depth. */
    public static final String ITEM_ROW = "item-row";
    /** "3/5": a todo's subtasks done of all, beside its title. */
    public static final String ITEM_PROGRESS = "item-progress";
    /** "Move house ›": where a todo sits, in the flat views. */
    public static final String ITEM_CONTEXT = "item-context";
    /** "starts Mon": a start date still ahead. */
    public static final String ITEM_START = "item-start";
    /** The Someday marker of a row. */
    public static final String ITEM_SOMEDAY = "item-someday";
    /** The arrow that folds and shows a todo's subtasks or a section's todos. */
    public static final String DISCLOSURE = "disclosure";
    /** A section's header row in a list. */
    public static final String SECTION_HEADER = "section-header";
    public static final String SECTION_NAME = "section-name";
    public static final String SECTION_COUNT = "section-count";
    public static final String DUE_OVERDUE = "overdue";
    public static final String DUE_TODAY = "due-today";
    public static final String NOTE_ICON = "note-icon";
    public static final String EMPTY_STATE = "empty-state";

    public static final String EDITOR = "editor";
    public static final String EDITOR_TITLE = "editor-title";
    public static final String EDITOR_NOTES = "editor-notes";
    public static final String FIELD_LABEL = "field-label";
    public static final String HISTORY = "history";
    public static final String HISTORY_CELL = "history-cell";

    public static final String STATUS_BAR = "status-bar";
    /** A reminder shown in the window: a raised card above the status bar, its heading, its text, its close button. */
    public static final String REMINDER_CARD = "reminder-card";
    public static final String REMINDER_CARD_TITLE = "reminder-card-title";
    public static final String REMINDER_CARD_TEXT = "reminder-card-text";
    public static final String REMINDER_CLOSE = "reminder-close";
    /**
     * The sync state's icon; its pseudo-classes {@code :ok}, {@code :busy}, {@code :error}, {@code :warn}
     * (synced, but something stays unread: devices may not agree yet) and {@code :off} colour it.
     */
    public static final String STATUS_ICON = "status-icon";
    public static final String STATUS_ERROR = "status-error";
    public static final String STATUS_WARN = "status-warn";

    public static final String DIALOG = "tandem-dialog";
    public static final String FORM = "form";
    /** A field's name, in a form's label column; also the heading of a part of a dialog. */
    public static final String FORM_LABEL = "form-label";
    /** Under a field, why its value is refused; the field itself turns {@code :error}. */
    public static final String FIELD_ERROR = "field-error";
    /** A dialog's line saying what the last command did; {@code :error} when it says why one failed. */
    public static final String DIALOG_MESSAGE = "dialog-message";
    /** The question icon of a confirmation, a choice or a prompt for text. */
    public static final String DIALOG_ICON = "dialog-icon";
    /**
     * A confirmation that loses data: on its pane, its warning icon and its confirming button, which takes the
     * danger colour (Cancel is that dialog's default button, so Enter destroys nothing).
     */
    public static final String DESTRUCTIVE = "destructive";
    /** Buttons side by side as one control, the first and last rounded on their outer side. */
    public static final String SEGMENTED = "segmented";
    /** A device or member in a dialog's list. */
    public static final String DEVICE_ROW = "device-row";
    public static final String CHECK_STEP = "check-step";
    /** A recovery key shown once: large, monospaced, selectable. */
    public static final String RECOVERY_CODE = "recovery-code";
    /** A plain statement of what is lost and what stays. */
    public static final String WARNING_NOTE = "warning-note";
    public static final String HINT = "hint";

    public static final String CONFLICTS = "conflicts";
    public static final String CONFLICT_CARD = "conflict-card";
    public static final String VALUE_KEPT = "value-kept";
    public static final String VALUE_LOST = "value-lost";
    /** A text conflict's line diff; rows are {@link #DIFF_LINE} with one of the kinds below. */
    public static final String DIFF = "diff";
    public static final String DIFF_LINE = "diff-line";
    public static final String DIFF_SAME = "diff-same";
    public static final String DIFF_REMOVED = "diff-removed";
    public static final String DIFF_ADDED = "diff-added";
    /** The "−" / "+" column, so a row's kind reads without colour. */
    public static final String DIFF_GUTTER = "diff-gutter";
    public static final String DIFF_TEXT = "diff-text";
    /** A word that differs inside a changed line or an inline value. */
    public static final String DIFF_WORD = "diff-word";
    /** "… 12 unchanged lines": expands when clicked. */
    public static final String DIFF_FOLD = "diff-fold";
    public static final String DIFF_LEGEND = "diff-legend";
    public static final String MERGE_EDITOR = "merge-editor";

    public static final String BUTTON_FLAT = "flat";
    public static final String BUTTON_ACCENT = "accent";
    public static final String DEVICE_BANNER = "device-banner";

    /** The coloured bar of a todo's priority; with one of {@link #priority(int)}. */
    public static final String PRIORITY_MARKER = "priority-marker";
    public static final String ITEM_TAG = "item-tag";
    public static final String SHORTCUTS = "shortcuts";
    public static final String SHORTCUT_KEY = "shortcut-key";
    public static final String REMINDER = "reminder";

    /** Notes rendered as Markdown ({@code notes.css}): the view, its blocks and its inline looks. */
    public static final String NOTE_VIEW = "note-view";
    /** The scroll pane around the rendered note. */
    public static final String NOTES_RENDERED = "notes-rendered";
    public static final String NOTE_PARAGRAPH = "note-p";
    /** Every run of text in a rendered note (a plain {@code Text} has no style class of its own). */
    public static final String NOTE_TEXT = "note-text";
    public static final String NOTE_QUOTE = "note-quote";
    public static final String NOTE_CODE_BLOCK = "note-code-block";
    public static final String NOTE_LIST = "note-list";
    public static final String NOTE_BULLET = "note-bullet";
    public static final String NOTE_CHECK = "note-check";
    public static final String NOTE_CHECKED = "note-checked";
    public static final String NOTE_TABLE = "note-table";
    public static final String NOTE_TABLE_HEADER = "note-th";
    public static final String NOTE_TABLE_CELL = "note-td";
    public static final String NOTE_RULE = "note-rule";
    public static final String NOTE_HTML = "note-html";
    public static final String NOTE_STRONG = "note-strong";
    public static final String NOTE_EM = "note-em";
    public static final String NOTE_CODE = "note-code";
    public static final String NOTE_LINK = "note-link";
    public static final String NOTE_IMAGE = "note-image";
    /** A link that does not open from a note (a file, a script, a relative path): shown, not clickable. */
    public static final String NOTE_DEAD_LINK = "note-dead-link";
    public static final String NOTE_EMPTY = "note-empty";
    /** An attached file shown inline in a rendered note (an image), and its placeholder while it is not here. */
    public static final String NOTE_ATTACHMENT_IMAGE = "note-attachment-image";
    /** "Downloading…", "Not on the remote yet" or why an image cannot be shown; {@code :error} for the last. */
    public static final String NOTE_IMAGE_PLACEHOLDER = "note-image-placeholder";
    /** The editor's attached files: a heading, the chips, "Attach file…" and the line saying why one was refused. */
    public static final String ATTACHMENTS = "attachments";
    /** One attached file: icon, name, type and size; opens on click. */
    public static final String ATTACHMENT_CHIP = "attachment-chip";
    public static final String ATTACHMENT_NAME = "attachment-name";
    public static final String ATTACHMENT_DETAILS = "attachment-details";
    /** The editor's notes (header, text or rendered view, message): {@code :drop-target} while files are dragged over. */
    public static final String NOTES_PANE = "notes-pane";
    /** The full-size image window. */
    public static final String IMAGE_VIEWER = "image-viewer";
    /** The notes' header: label, checklist progress, the rendered/text toggle. */
    public static final String NOTES_HEADER = "notes-header";
    public static final String CHECKLIST_PROGRESS = "checklist-progress";
    /** An item row of a plain note (no check box). */
    public static final String ITEM_NOTE = "item-note";
    /** The icon a note's row shows where a todo has its check box. */
    public static final String NOTE_KIND_ICON = "note-kind-icon";
    /** The agenda's list; its rows are item cells, its day headings and empty lines these below. */
    public static final String AGENDA_LIST = "agenda-list";
    /** The colour mark of an event's row in the agenda: its calendar's, as {@code -event-colour}. */
    public static final String AGENDA_EVENT = "agenda-event";
    /** A day's heading in the agenda ("Today  Wed 25 Nov"); {@code :overdue} and {@code :today} colour it. */
    public static final String AGENDA_HEADING = "agenda-heading";
    /** The date beside "Today" and "Tomorrow" in a heading. */
    public static final String AGENDA_DATE = "agenda-date";
    /** "Nothing planned" under an empty day. */
    public static final String AGENDA_EMPTY = "agenda-empty";

    /** The week and month grids with their bar; {@code :today} and {@code :selected} mark days, blocks and chips. */
    public static final String CALENDAR = "calendar";
    /** The bar above the grid: previous, today, next, the range's title, week or month. */
    public static final String CALENDAR_BAR = "calendar-bar";
    /** A group of the calendar bar's controls that stays on one row (the range; Week and Month). */
    public static final String CALENDAR_BAR_GROUP = "calendar-bar-group";
    public static final String CALENDAR_TITLE = "calendar-title";
    /** A day's name and number above its column (week) or the weekday names (month). */
    public static final String CALENDAR_DAY_HEADER = "calendar-day-header";
    /** The week's row of all-day todos, one box per day. */
    public static final String CALENDAR_ALL_DAY = "calendar-all-day";
    /** The week's scrolling hour grid. */
    public static final String CALENDAR_HOURS = "calendar-hours";
    public static final String CALENDAR_HOUR_LINE = "calendar-hour-line";
    public static final String CALENDAR_HOUR_LABEL = "calendar-hour-label";
    /** A day's column on the hour grid. */
    public static final String CALENDAR_COLUMN = "calendar-column";
    /**
     * A timed todo on the hour grid; {@code :occurrence} for a later date of a repeating todo, {@code :overlaps-event}
     * when its time overlaps an event of a subscribed calendar.
     */
    public static final String CALENDAR_BLOCK = "calendar-block";
    /**
     * The free time under a todo dragged over the week's hours, from the block before the pointer to the block after
     * it; {@code :too-short} when the todo's length does not fit it.
     */
    public static final String CALENDAR_FREE_SLOT = "calendar-free-slot";
    /** An all-day todo (week) or any todo in a month cell. */
    public static final String CALENDAR_CHIP = "calendar-chip";
    /** A day of the month grid; {@code :outside} for the days of the months around it. */
    public static final String CALENDAR_CELL = "calendar-cell";
    public static final String CALENDAR_DAY_NUMBER = "calendar-day-number";
    /**
     * An event of a subscribed calendar, read-only: a block on the hour grid, a chip in the week's all-day row or
     * a month cell, a row of the agenda. Its calendar's colour comes as the looked-up colour {@code -event-colour}
     * set on the node; {@code :light-colour} when dark text reads better on it.
     */
    public static final String CALENDAR_EVENT = "calendar-event";
    /** Under the calendar's bar: which subscribed calendars could not be read at their last refresh, and why. */
    public static final String CALENDAR_PROBLEM = "calendar-problem";
    /** "+3 more" under a day's first todos. */
    public static final String CALENDAR_MORE = "calendar-more";
    /** The week's "+k more" chip on the hour grid, for the events it does not draw. */
    public static final String CALENDAR_MORE_EVENTS = "calendar-more-events";
    /** The menu of the events a week's "+k more" chip stands for. */
    public static final String CALENDAR_MORE_LIST = "calendar-more-list";

    /** "note-h1" to "note-h6": a heading of that level. */
    public static String noteHeading(int level) {
        return "note-h" + Math.max(1, Math.min(6, level));
    }

    /** "priority-1" (highest) to "priority-4". */
    public static String priority(int level) {
        return "priority-" + level;
    }
}
