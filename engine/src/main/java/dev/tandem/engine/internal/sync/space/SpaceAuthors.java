package dev.tandem.engine.internal.sync.space;

import dev.tandem.engine.sync.SyncException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Who wrote a change in a shared space, for the message that names it when the change is set aside: the
 * member whose certificate vouches for the device, else the device alone. The space's devices are read
 * once, when the first name is asked for, so a sync that sets nothing aside pays no request for them; a
 * failed read is logged and leaves every change named by its device. One per sync attempt, on its thread.
 */
public final class SpaceAuthors implements Function<UUID, String> {
    private final SpaceSetup space;
    private final String remoteId;
    private final Map<UUID, String> names = new HashMap<>();
    private boolean read;

    public SpaceAuthors(SpaceSetup space, String remoteId) {
        this.space = space;
        this.remoteId = remoteId;
    }

    @Override
    public String apply(UUID device) {
        if (!read) {
            read = true;
            try {
                names.putAll(space.signed().members().devices());
            } catch (SyncException e) {
                System.getLogger(SpaceAuthors.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not read who the devices of " + remoteId + " are: " + e.getMessage());
            }
        }
        String name = names.get(device);
        return name == null ? "device " + device : name + " (device " + device + ")";
    }
}
