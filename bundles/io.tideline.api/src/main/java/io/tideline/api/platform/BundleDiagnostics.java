package io.tideline.api.platform;

import java.util.List;

/** Lists the installed bundles and says why those that are not running are not. Thread-safe. */
public interface BundleDiagnostics {

    /** Every installed bundle, by id. */
    List<BundleStatus> bundles();

    /** The current problems, one per bundle that failed to resolve or to start. */
    List<BundleProblem> problems();
}
