package dev.tandem.app.view;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** The icons the app uses (Material Design Icons via Ikonli). */
public final class Icons {
    private Icons() {
    }

    public static final Ikon INBOX = MaterialDesignI.INBOX_OUTLINE;
    public static final Ikon TODAY = MaterialDesignC.CALENDAR_TODAY;
    public static final Ikon UPCOMING = MaterialDesignC.CALENDAR_RANGE;
    /** Someday: put away, out of the way. */
    public static final Ikon SOMEDAY = MaterialDesignA.ARCHIVE_OUTLINE;
    public static final Ikon AGENDA = MaterialDesignV.VIEW_AGENDA_OUTLINE;
    public static final Ikon CALENDAR = MaterialDesignC.CALENDAR_MONTH_OUTLINE;
    public static final Ikon PREVIOUS = MaterialDesignC.CHEVRON_LEFT;
    public static final Ikon NEXT = MaterialDesignC.CHEVRON_RIGHT;
    /** A disclosure arrow of what is shown unfolded (folded: {@link #NEXT}). */
    public static final Ikon EXPANDED = MaterialDesignC.CHEVRON_DOWN;
    public static final Ikon COMPLETED = MaterialDesignC.CHECK_CIRCLE_OUTLINE;
    public static final Ikon TRASH = MaterialDesignT.TRASH_CAN_OUTLINE;
    public static final Ikon LIST = MaterialDesignF.FORMAT_LIST_BULLETED;
    public static final Ikon SHARED_LIST = MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE;
    public static final Ikon CONFLICTS = MaterialDesignS.SOURCE_MERGE;
    public static final Ikon TAG = MaterialDesignT.TAG_OUTLINE;
    public static final Ikon FILTER = MaterialDesignF.FILTER_VARIANT;
    public static final Ikon REPEAT = MaterialDesignR.REPEAT;
    public static final Ikon TIME = MaterialDesignC.CLOCK_OUTLINE;
    /** A question the app asks (a confirmation, a choice, a name). */
    public static final Ikon QUESTION = MaterialDesignH.HELP_CIRCLE_OUTLINE;
    /** A question whose yes loses data (a delete, emptying the Trash, a restore over what is here). */
    public static final Ikon WARNING = MaterialDesignA.ALERT_OUTLINE;
    public static final Ikon REMINDER = MaterialDesignB.BELL_OUTLINE;
    public static final Ikon KEYBOARD = MaterialDesignK.KEYBOARD_OUTLINE;
    public static final Ikon LOGO = MaterialDesignC.CHECKBOX_MULTIPLE_MARKED_OUTLINE;
    public static final Ikon ALERT = MaterialDesignA.ALERT_CIRCLE_OUTLINE;

    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon i = new FontIcon(ikon);
        i.setIconSize(size);
        return i;
    }
}
