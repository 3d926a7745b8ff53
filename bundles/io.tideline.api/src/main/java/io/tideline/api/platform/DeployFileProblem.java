package io.tideline.api.platform;

import java.util.Objects;

/**
 * A file in {@code deploy/} that looks like a plugin but cannot be installed, so the deploy
 * folder would otherwise leave it lying there without a word: a jar that is not a zip, has no
 * bundle manifest or an oversized or malformed one, or repeats a bundle that is already
 * installed from another file.
 *
 * @param fileName the file's name in the deploy folder
 * @param message why it is not installed and what to do, in one line, e.g. "big.jar is not an
 *     OSGi bundle: its manifest is 1,073,741,828 bytes, more than the 1,048,576 a bundle manifest
 *     may have; it is not installed: replace it with a sound bundle or remove it"
 * @since 1.4
 */
public record DeployFileProblem(String fileName, String message) {

    /** Rejects null or blank parts. */
    public DeployFileProblem {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(message, "message");
        if (fileName.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a deploy file problem names the file and says what is wrong");
        }
    }
}
