package dev.tandem.engine.sync;

/**
 * Someone asking to join a shared space with an invite ({@link SpaceInvite#requestToJoin}), as the
 * owner sees it in {@link SpaceMembers#requests()}. Compare {@code fingerprint} with the person (in
 * person, or on a call) before admitting: anyone who read the invite can ask.
 *
 * @param fingerprint the requesting member key's fingerprint: eight groups of four hex digits
 */
public record JoinRequest(String inviteId, String name, String fingerprint, byte[] memberPublicKey,
                          byte[] agreementPublicKey) {
    public JoinRequest {
        memberPublicKey = memberPublicKey.clone();
        agreementPublicKey = agreementPublicKey.clone();
    }
}
