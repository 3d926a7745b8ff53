package io.tideline.store.derby;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to one database; implementations are thread-safe. */
interface ConnectionSource {

    /** A new connection; the caller closes it. */
    Connection open() throws SQLException;

    /** Where the database is, for messages: a folder or a URL (never a password). */
    String where();

    /** Closes the connections kept open between operations, if any (a pool does). */
    default void close() {
    }
}
