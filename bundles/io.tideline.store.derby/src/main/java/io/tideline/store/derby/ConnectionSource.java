package io.tideline.store.derby;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to one database; implementations are thread-safe. */
interface ConnectionSource {

    /** A new connection; the caller closes it. */
    Connection open() throws SQLException;

    /** Where the database is, for messages: a folder or a URL (never a password). */
    String where();

    /** The configured store user, or null (embedded: none). */
    default String user() {
        return null;
    }

    /** How connections travel, for {@code db info}: null for an embedded database. */
    default String transport() {
        return null;
    }

    /** Why the last connection to a server failed below Derby (the TLS check, say), or null. */
    default String transportProblem() {
        return null;
    }

    /** Closes the connections kept open between operations, if any (a pool does). */
    default void close() {
    }
}
