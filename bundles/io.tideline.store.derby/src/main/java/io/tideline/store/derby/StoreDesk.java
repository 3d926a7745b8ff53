package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The running store, as the {@code db} command sees it: what only store maintenance needs beside
 * the public {@link io.tideline.api.store.SeriesStore}. A service private to this bundle (nothing
 * is exported), registered by {@link DerbyStoreComponent}, so that {@link DbCommand} stays a thin
 * class over it.
 */
public interface StoreDesk {

    /** {@code embedded} or {@code server}, as configured (possibly neither: opening then fails). */
    String mode();

    /** The embedded store's folder, {@code DATA_DIR/db}. */
    Path folder();

    /** The open store, waited for; a store that failed to open throws its reason. */
    ChunkedSeriesStore store() throws StoreException;

    /**
     * Checks every series and chunk of {@code store} and keeps the result for {@code status} and
     * the status bar.
     */
    Integrity.Report check(ChunkedSeriesStore store) throws StoreException, IOException;

    /** The backups folder and the backup work. */
    Backups backups();

    /**
     * Restores {@code backup} in place (see {@link Backups#restore}): the store is closed,
     * replaced and reopened, and every series is announced again so open views reload.
     */
    Backups.Restored restore(Path backup, boolean force) throws StoreException;
}
