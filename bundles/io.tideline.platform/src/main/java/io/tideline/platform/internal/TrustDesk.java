package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.RefusedJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deploy trust, as the {@code trust} command sees it: the public {@link DeployTrust} service
 * and what only the command prints or does. A service private to this bundle (its package is not
 * exported), registered by {@link DeployTrustComponent}, so that {@link TrustCommand} stays a thin
 * class over it.
 */
public interface TrustDesk extends DeployTrust {

    /** The trust store's certificates and the allow-list as they read now, with what is wrong with them. */
    TrustMaterial material();

    /** Whether deploy bundles are held back until the trust setting is read. */
    boolean holding();

    /** The folder FileInstall watches, or null when there is none. */
    Path deployDir();

    /** Where refused jars are moved to, {@code DATA_DIR/refused}. */
    Path refusedDir();

    /**
     * The latest refusal recorded this run or earlier of a jar named {@code name}, by its name in
     * {@code deploy/} or in the refused folder.
     */
    Optional<RefusedJar> refusedNamed(String name);

    /**
     * Moves {@code jar}, a jar in the refused folder allowed by now, back to {@code back} in
     * {@code deploy/}, deletes its reason file and forgets {@code refusal}.
     */
    void moveBack(RefusedJar refusal, Path jar, Path back) throws IOException;
}
