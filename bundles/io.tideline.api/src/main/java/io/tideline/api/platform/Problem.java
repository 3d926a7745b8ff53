package io.tideline.api.platform;

import java.util.Objects;

/**
 * One problem a running service reports to {@code status}, in one line a user can act on.
 *
 * @param source who reports it, in a few words, e.g. {@code feeds}, {@code series store},
 *     {@code core roles}; {@code status} groups problems under it
 * @param message the problem in one line, naming what it concerns (the feed, the file and key,
 *     the role and series) and, where there is one, what to do
 * @since 1.3
 */
public record Problem(String source, String message) {

    /** Rejects blank parts and line breaks: a problem is one line of a list. */
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (source.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a problem names its source and says what is wrong");
        }
        if (source.indexOf('\n') >= 0 || source.indexOf('\r') >= 0 || message.indexOf('\n') >= 0
                || message.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a problem is one line: " + source + ": " + message.lines().findFirst()
                    .orElse(""));
        }
    }

    /**
     * A problem from text that may span lines (an exception's message, a server's answer): each
     * line break and the blanks around it become one space.
     */
    public static Problem of(String source, String text) {
        Objects.requireNonNull(text, "text");
        return new Problem(source, text.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    /** The problem with its source: {@code source: message}. */
    public String oneLine() {
        return source + ": " + message;
    }
}
