package dev.tandem.app.model;

import java.util.Map;
import java.util.Optional;

/**
 * The people other devices belong to, from the lists shared with them (device id to person), so history and
 * conflicts say "Alex" for a device whose own name never reaches this profile. Told by whoever reads the shared
 * lists' members (a sync, the sharing dialog); read by {@link dev.tandem.app.model.history.Authors}.
 */
public final class People {
    private volatile Map<String, String> byDevice = Map.of();

    People() {
    }

    /** Replaces what is known with {@code byDevice}. */
    public void set(Map<String, String> byDevice) {
        this.byDevice = Map.copyOf(byDevice);
    }

    /** The person {@code deviceId} belongs to, if known here. */
    public Optional<String> of(String deviceId) {
        return Optional.ofNullable(byDevice.get(deviceId));
    }
}
