package io.tideline.api.alerts;

/**
 * The EventAdmin topic the alerts bundle posts for every fired alert (its {@code banner}
 * channel), and the event's properties. A view that shows alerts subscribes to it and reads the
 * whole alert, with its delivery state, from {@link Alerts#recent} by {@link #ID}.
 */
public final class AlertEvents {

    /** Posted once for every alert fired, with the properties below. */
    public static final String TOPIC_FIRED = "io/tideline/alerts/FIRED";
    /** Property: the alert's {@link Alert#id() id}, a String. */
    public static final String ID = "id";
    /** Property: the id of the rule that fired it, a String. */
    public static final String RULE = "rule";
    /** Property: the alert's {@link AlertKind#word() kind word}, a String. */
    public static final String KIND = "kind";
    /** Property: what it is about ({@link Alert#subject()}), a String. */
    public static final String SUBJECT = "subject";
    /** Property: the alert in one English line ({@link Alert#message()}), a String. */
    public static final String MESSAGE = "message";
    /** Property: the whole alert as one line of JSON (as a webhook receives it), a String. */
    public static final String JSON = "json";

    private AlertEvents() {
    }
}
