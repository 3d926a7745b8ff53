package io.tideline.api.platform;

import java.util.Objects;

/**
 * The outcome of checking one jar.
 *
 * @param trusted whether the jar may run
 * @param sha256 the jar's SHA-256, lower-case hex; empty if the file could not be read
 * @param reason why, in words, e.g. "signed by CN=Acme (in the trust store)", "SHA-256 is on the
 *        allow-list", "not signed", "entry com/acme/X.class is not signed", "signature does not
 *        verify: ..."
 * @since 1.1
 */
public record TrustDecision(boolean trusted, String sha256, String reason) {

    /** Rejects null parts. */
    public TrustDecision {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reason, "reason");
    }

    /** A jar that may run. */
    public static TrustDecision trusted(String sha256, String reason) {
        return new TrustDecision(true, sha256, reason);
    }

    /** A jar that must not run. */
    public static TrustDecision refused(String sha256, String reason) {
        return new TrustDecision(false, sha256, reason);
    }
}
