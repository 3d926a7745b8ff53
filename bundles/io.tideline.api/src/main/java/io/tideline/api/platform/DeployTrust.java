package io.tideline.api.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether jars dropped into {@code deploy/} must be trusted before they may run, and which were
 * refused. In {@link Mode#TRUSTED} mode a jar runs only if it is signed (standard jar signing) by
 * a certificate in the workspace's trust store, or if its SHA-256 is on the allow-list; any other
 * jar never resolves, is uninstalled and moved aside with a reason file. The Plugins view lists
 * {@link #refused()}; the {@code trust} command prints the same.
 *
 * <p>Configured through ConfigAdmin under {@link #PID}. Thread-safe.
 *
 * @since 1.1
 */
@ProviderType
public interface DeployTrust {

    /** The ConfigAdmin PID of the setting, also the name of its {@code deploy/*.cfg} file. */
    String PID = "io.tideline.deploy.trust";

    /** How hot-deployed jars are checked. */
    enum Mode {
        /** Development: every jar in {@code deploy/} is installed and started. */
        OFF,
        /** Only signed-and-trusted or allow-listed jars may resolve. */
        TRUSTED
    }

    /** The mode in force. */
    Mode mode();

    /** The trust store in use: a PKCS12 (or JKS) file, or a folder of PEM/DER certificates. */
    Path trustStore();

    /** The allow-list file: one SHA-256 (hex) per line, {@code #} starts a comment. */
    Path allowList();

    /** The jars refused so far (this run and earlier ones, from the refused folder), oldest first. */
    List<RefusedJar> refused();

    /**
     * Checks a jar against the current trust store and allow-list, whatever the mode; never
     * changes anything.
     */
    TrustDecision check(Path jar);

    /**
     * Adds the jar's SHA-256 to the allow-list (creating the file if needed).
     *
     * @return the digest that was added (or was already there)
     * @throws IOException if the jar cannot be read or the allow-list cannot be written
     */
    String allow(Path jar) throws IOException;

    /**
     * What is wrong with the trust setting itself, one line each naming the file and the fault
     * (unreadable, empty, not text, no {@code mode}); empty when the setting is sound or absent.
     * A present but broken setting puts trust in {@link Mode#TRUSTED}: it fails closed.
     *
     * @since 1.2
     */
    default List<String> settingProblems() {
        return List.of();
    }
}
