package dev.tandem.engine.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * An invite to a shared space that still lets someone ask to join ({@link SpaceMembers#invites()}):
 * nobody was admitted with it yet, it has not expired, and its owner has not revoked it.
 *
 * @param id the invite's id, as {@link SpaceInvite#id()} and {@link JoinRequest#inviteId()} give it
 * @param expiresAt when it stops letting anyone ask
 */
public record OpenInvite(String id, Instant expiresAt) {
    public OpenInvite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
