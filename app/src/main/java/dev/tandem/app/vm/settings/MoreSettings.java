package dev.tandem.app.vm.settings;

import java.util.function.Supplier;

/**
 * The dialogs Settings opens beside itself, each made fresh from its view-model's source:
 * "Phone (CalDAV)…" for the profile's CalDAV account, "Devices…" for the devices syncing here and
 * "Attachments…" for attached files' limits and clean-up, "Calendars…" for the calendars this device shows. A
 * null source means the window offers none (the demo, some tests).
 */
public record MoreSettings(Supplier<CalDavViewModel> phone, Supplier<DevicesViewModel> deviceList,
                           Supplier<AttachmentSettingsViewModel> attachmentSettings,
                           Supplier<CalendarsViewModel> calendarSettings) {
    public MoreSettings(Supplier<CalDavViewModel> phone, Supplier<DevicesViewModel> deviceList) {
        this(phone, deviceList, null, null);
    }

    /** Whether "Calendars…" is offered. */
    public boolean offersCalendars() {
        return calendarSettings != null;
    }

    /** A fresh view-model of the subscribed calendars, for its dialog; only when {@link #offersCalendars}. */
    public CalendarsViewModel calendars() {
        if (calendarSettings == null) {
            throw new IllegalStateException("This window offers no calendars");
        }
        return calendarSettings.get();
    }

    /** Whether "Attachments…" is offered. */
    public boolean offersAttachments() {
        return attachmentSettings != null;
    }

    /** A fresh view-model of the attachment settings, for its dialog; only when {@link #offersAttachments}. */
    public AttachmentSettingsViewModel attachments() {
        if (attachmentSettings == null) {
            throw new IllegalStateException("This window offers no attachment settings");
        }
        return attachmentSettings.get();
    }

    /** Whether "Phone (CalDAV)…" is offered: the window has a CalDAV account to show. */
    public boolean offersPhoneSync() {
        return phone != null;
    }

    /** A fresh view-model of the CalDAV account, for its dialog; only when {@link #offersPhoneSync}. */
    public CalDavViewModel phoneSync() {
        if (phone == null) {
            throw new IllegalStateException("This window offers no CalDAV account");
        }
        return phone.get();
    }

    /** Whether "Devices…" is offered: the window has a sync to list the devices of. */
    public boolean offersDevices() {
        return deviceList != null;
    }

    /** A fresh view-model of the devices syncing here, for its dialog; only when {@link #offersDevices}. */
    public DevicesViewModel devices() {
        if (deviceList == null) {
            throw new IllegalStateException("This window offers no devices");
        }
        return deviceList.get();
    }
}
