package io.tideline.feed.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Says where a file stops being UTF-8, for the import's refusal: the line and the byte, in words
 * a user can act on, e.g. "line 3: byte 0xE9 is not valid UTF-8 (the file may be Latin-1 or
 * Windows-1252; save it as UTF-8)". Only run once a read has failed, so the second pass over the
 * file costs nothing on the way of a good import; it reads through a small window.
 */
final class Utf8Check {

    private static final int WINDOW = 64 * 1024;

    private Utf8Check() {
    }

    /** The refusal of a file a UTF-8 decoder stopped on, with the place of its first bad byte. */
    static CsvFormatException refusal(Path file) {
        try {
            return find(file);
        } catch (IOException e) {
            return new CsvFormatException(file, 0, "is not UTF-8 text (save it as UTF-8)");
        }
    }

    private static CsvFormatException find(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.allocate(WINDOW);
        CharBuffer out = CharBuffer.allocate(WINDOW);
        long line = 1;
        try (InputStream s = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : s.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                int start = in.position();
                CoderResult r = decoder.decode(in, out, end);
                for (int i = start; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                    }
                }
                if (r.isError()) {
                    StringBuilder hex = new StringBuilder();
                    int shown = Math.min(r.length(), in.remaining());
                    for (int i = 0; i < shown; i++) {
                        hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", in.get(in.position() + i) & 0xFF));
                    }
                    String what = shown <= 1 ? "byte " + hex + " is" : "bytes " + hex + " are";
                    return new CsvFormatException(file, line, what + " not valid UTF-8 (the file may be Latin-1 or"
                            + " Windows-1252; save it as UTF-8)");
                }
                out.clear();
                in.compact();
                if (end && r.isUnderflow()) {
                    return new CsvFormatException(file, 0, "is not UTF-8 text (save it as UTF-8)");
                }
            }
        }
    }
}
