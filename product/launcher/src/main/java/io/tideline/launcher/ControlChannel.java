package io.tideline.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The control channel of a running Tideline: a Unix domain socket {@value #SOCKET} in the data
 * directory, on which a window or {@code serve} runs the headless commands other processes of the
 * same user send it, so that {@code ./tideline --headless CMD} reaches a running Tideline instead
 * of being refused by the data directory's lock, and answers without booting a framework.
 *
 * <p>The protocol, one command per connection. The client writes {@value #MAGIC}, the number of
 * words of the command line, each word and then the client's working directory, every text as
 * an {@code int} byte count and UTF-8 bytes. The server answers with frames: {@code 'o'} or
 * {@code 'e'} with a byte count and bytes for standard output or error, then {@code 'x'} with the
 * exit code, and closes. Limits keep a confused or hostile client from costing memory: at most
 * {@value #MAX_WORDS} words of at most {@value #MAX_TEXT} bytes, {@value #MAX_TOTAL} bytes in
 * all.
 *
 * <p>This class is the client side and the frame format; {@link ControlServer} is the server.
 */
public final class ControlChannel {

    /** The socket's name in the data directory. */
    public static final String SOCKET = "control.sock";
    /** The first bytes of a request: protocol 1. */
    static final String MAGIC = "TLC1";
    static final int MAX_WORDS = 10_000;
    static final int MAX_TEXT = 1 << 20;
    static final int MAX_TOTAL = 8 << 20;
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte EXIT = 'x';

    private ControlChannel() {
    }

    /** The socket of the Tideline running on {@code dataDir}, whether or not one runs. */
    public static Path socketOf(Path dataDir) {
        return dataDir.resolve(SOCKET);
    }

    /**
     * Sends a command line to the Tideline running on {@code dataDir}, copies its output to
     * {@code out} and {@code err} as it comes, and returns its exit code; empty when no Tideline
     * listens there (no socket, or a socket left by one that ended), so the caller runs the command
     * itself.
     *
     * @param workingDir the absolute folder relative file names on the command line are read from
     * @throws IOException if the running Tideline went away before the command finished, or
     *     answered something that is not this protocol
     */
    public static OptionalInt send(Path dataDir, List<String> commandLine, Path workingDir, OutputStream out,
            OutputStream err) throws IOException {
        Path socket = socketOf(dataDir);
        if (!Files.exists(socket)) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        try (SocketChannel c = channel) {
            try {
                c.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                // Refused: the socket is a leftover of a Tideline that ended without removing it.
                return OptionalInt.empty();
            }
            DataOutputStream request = new DataOutputStream(Channels.newOutputStream(c));
            request.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            request.writeInt(commandLine.size());
            for (String word : commandLine) {
                writeText(request, word);
            }
            writeText(request, workingDir.toString());
            request.flush();
            return OptionalInt.of(relay(new DataInputStream(Channels.newInputStream(c)), out, err));
        }
    }

    /** Copies frames to the two streams until the exit frame, whose code it returns. */
    static int relay(DataInputStream in, OutputStream out, OutputStream err) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            int kind;
            try {
                kind = in.readByte();
            } catch (EOFException e) {
                throw new IOException("the running Tideline closed the connection before the command finished"
                        + " (it may have stopped); see its log", e);
            }
            if (kind == EXIT) {
                int code = in.readInt();
                out.flush();
                err.flush();
                return code;
            }
            if (kind != OUT && kind != ERR) {
                throw new IOException("the running Tideline answered something that is not its control protocol"
                        + " (frame " + (kind & 0xff) + ")");
            }
            int length = in.readInt();
            if (length < 0 || length > MAX_TOTAL) {
                throw new IOException("the running Tideline sent a frame of " + length + " bytes");
            }
            OutputStream target = kind == OUT ? out : err;
            while (length > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length));
                if (n < 0) {
                    throw new IOException("the running Tideline closed the connection in the middle of its answer");
                }
                target.write(buffer, 0, n);
                length -= n;
            }
            target.flush();
        }
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a request: the command line and the working directory, in that order in the list's
     * last place.
     *
     * @throws IOException naming what broke the protocol or a limit
     */
    static List<String> readRequest(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length()];
        in.readFully(magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
            throw new IOException("not a Tideline control request (protocol " + MAGIC + " expected)");
        }
        int words = in.readInt();
        if (words < 0 || words > MAX_WORDS) {
            throw new IOException("a command line of " + words + " words; at most " + MAX_WORDS + " are accepted");
        }
        List<String> texts = new ArrayList<>(words + 1);
        long total = 0;
        for (int i = 0; i <= words; i++) {
            int length = in.readInt();
            total += Math.max(length, 0);
            if (length < 0 || length > MAX_TEXT || total > MAX_TOTAL) {
                throw new IOException("a command line word of " + length + " bytes (" + total + " in all); at most "
                        + MAX_TEXT + " bytes a word and " + MAX_TOTAL + " in all are accepted");
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            texts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
