package io.tideline.api.platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A jar that {@link DeployTrust} refused to run.
 *
 * @param fileName the jar's name as it was dropped into {@code deploy/}
 * @param sha256 the jar's SHA-256, lower-case hex (what {@code trust allow} would add)
 * @param reason why it was refused, e.g. "not signed" or "signed by CN=Acme, which is not in the
 *        trust store"
 * @param refusedAt when it was refused
 * @param movedTo where the jar now lies; a {@code .reason.txt} file beside it says why
 * @since 1.1
 */
public record RefusedJar(String fileName, String sha256, String reason, Instant refusedAt, Path movedTo) {

    /** Rejects null parts. */
    public RefusedJar {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(refusedAt, "refusedAt");
        Objects.requireNonNull(movedTo, "movedTo");
    }

    /** The refusal on one line: which jar, its digest, and why. */
    public String oneLine() {
        return fileName + " (SHA-256 " + sha256 + ") refused: " + reason;
    }
}
