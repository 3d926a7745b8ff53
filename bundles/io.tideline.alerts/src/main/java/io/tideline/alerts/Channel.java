package io.tideline.alerts;

import io.tideline.api.alerts.Alert;

/**
 * Where an alert goes. Called on the delivery thread only, one alert at a time; an
 * implementation bounds its own time (time-outs, attempts) so that a dead receiver cannot hold
 * the queue for long.
 */
interface Channel extends AutoCloseable {

    /** The channel's name in the ledger and in {@code alerts}: {@code banner}, {@code webhook}, {@code command}. */
    String name();

    /**
     * Delivers one alert.
     *
     * @param alert the alert
     * @param json the alert as JSON ({@link AlertJson#of})
     * @throws DeliveryException when it could not be delivered; its message is the reason for the
     *         ledger and never holds a secret
     * @throws InterruptedException when the component stops during a delivery
     */
    void deliver(Alert alert, String json) throws DeliveryException, InterruptedException;

    /** Releases what the channel holds (a webhook's HTTP client); the channel is not used after. */
    @Override
    default void close() {
    }

    /** A delivery that failed, with the reason in words. */
    final class DeliveryException extends Exception {

        private static final long serialVersionUID = 1L;

        DeliveryException(String reason) {
            super(reason);
        }
    }
}
