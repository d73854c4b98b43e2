package dev.tandem.engine.sync;

/**
 * A person in a shared space, as its membership log says.
 *
 * @param name        the name the owner admitted them under
 * @param fingerprint their member key's fingerprint (eight groups of four hex digits)
 * @param owner       whether they own the space (the log's first entry)
 * @param removed     whether the owner removed them; their later writes are refused on every device
 */
public record SpaceMember(String name, String fingerprint, boolean owner, boolean removed) {
}
