package io.tideline.api.indicator.sdk;

/** Argument checks shared by the rolling classes. */
final class Windows {

    private Windows() {
    }

    static int check(int window, int min) {
        if (window < min) {
            throw new IllegalArgumentException("window " + window + " is below " + min);
        }
        return window;
    }
}
