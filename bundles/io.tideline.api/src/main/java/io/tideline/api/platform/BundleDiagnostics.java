package io.tideline.api.platform;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Lists the installed bundles and says why those that are not running are not. Thread-safe. */
@ProviderType
public interface BundleDiagnostics {

    /** Every installed bundle, by id. */
    List<BundleStatus> bundles();

    /** The current problems, one per bundle that failed to resolve or to start. */
    List<BundleProblem> problems();

    /**
     * The files in the deploy folder that cannot be installed as bundles (no installed bundle
     * stands for them), one each, in file-name order; empty when there is no deploy folder.
     *
     * @since 1.4
     */
    default List<DeployFileProblem> deployFileProblems() {
        return List.of();
    }
}
