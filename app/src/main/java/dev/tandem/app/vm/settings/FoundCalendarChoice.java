package dev.tandem.app.vm.settings;

import javafx.beans.property.BooleanProperty;

/** An event calendar found on a CalDAV account, offered to add; {@code chosen} when ticked. */
public record FoundCalendarChoice(String name, String address, BooleanProperty chosen) {
}
