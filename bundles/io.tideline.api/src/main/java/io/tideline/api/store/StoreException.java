package io.tideline.api.store;

/**
 * A store operation failed. The message names the series or the file involved; nothing of a
 * failed write is visible afterwards.
 */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and on which series or file */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed and on which series or file
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
