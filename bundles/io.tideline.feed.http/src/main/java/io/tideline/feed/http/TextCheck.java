package io.tideline.feed.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * Says in words where bytes stop being text in a charset: the first malformed or unmappable
 * sequence, by byte offset and line, with the bytes in hex. Decodes through a small window, so
 * checking a body of the size cap needs no second copy of it.
 */
final class TextCheck {

    private static final int SHOWN_BYTES = 4;

    private TextCheck() {
    }

    /**
     * The first problem of {@code bytes[0..length)} as text in {@code charset}, e.g. "at byte 12
     * (line 2) the bytes 0xC3 0x28 do not form a UTF-8 character", or {@code null} when it is all text.
     */
    static String firstError(byte[] bytes, int length, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer window = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, window, true);
            if (r.isError()) {
                return describe(bytes, length, in.position(), r, charset);
            }
            if (r.isUnderflow()) {
                break;
            }
            window.clear();
        }
        window.clear();
        CoderResult r = decoder.flush(window);
        return r.isError() ? describe(bytes, length, in.position(), r, charset) : null;
    }

    private static String describe(byte[] bytes, int length, int offset, CoderResult r, Charset charset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        int shown = Math.min(Math.max(r.length(), 1), Math.min(SHOWN_BYTES, length - offset));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[offset + i] & 0xFF));
        }
        String what = shown == 0 ? "the text ends inside a character"
                : (shown == 1 ? "the byte " : "the bytes ") + hex + (r.isUnmappable()
                        ? " stand for a character " + charset.name() + " cannot hold"
                        : (shown == 1 ? " does not start or continue a " : " do not form a ") + charset.name()
                                + " character");
        return "at byte " + String.format(Locale.ROOT, "%,d", offset) + " (line " + line + ") " + what;
    }
}
