package io.tideline.dbserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The opening bytes of a connection to the Derby Network Server, read far enough to tell a
 * database session from an admin command ({@code NetworkServerControl trace on}, {@code shutdown},
 * {@code ping}, ...), and kept to be passed on unchanged.
 *
 * <p>Derby's admin protocol (NetworkServerControlImpl): {@code "CMD:"}, a two-byte protocol
 * version, a one-byte locale length and the locale, a one-byte codeset length (always 0), then
 * one byte naming the command. A database session starts with a DRDA header instead, which never
 * reads as {@code "CMD:"}; Derby itself tells the two apart by the same four bytes.
 *
 * <p>A {@code shutdown} goes on with its credentials as two length-delimited strings (a two-byte
 * length, then the bytes): the user is read too, so that the guard can let only the writer stop
 * the server (Derby itself accepts any valid user).
 *
 * @param opening the bytes read, to be sent on before anything else
 * @param command the admin command's code, or {@link #SESSION} for a database session
 * @param user the user a {@code shutdown} names ("" for none), null for any other command
 */
record AdminRequest(byte[] opening, int command, String user) {

    /** Not an admin command: a JDBC client's session. */
    static final int SESSION = -1;
    static final int SHUTDOWN = 1;
    static final int TRACE = 2;
    static final int TRACE_DIRECTORY = 3;
    static final int PING = 4;
    static final int LOG_CONNECTIONS = 5;
    static final int SYSINFO = 6;
    static final int RUNTIME_INFO = 7;
    static final int MAX_THREADS = 8;
    static final int TIME_SLICE = 9;
    static final int PROPERTIES = 10;

    private static final byte[] HEADER = "CMD:".getBytes(StandardCharsets.US_ASCII);

    AdminRequest {
        opening = opening.clone();
    }

    /**
     * Reads the opening of a connection: four bytes, and for an admin command its header up to
     * the command byte.
     *
     * @throws IOException if the stream ends before that (a client that left)
     */
    static AdminRequest read(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream(16);
        byte[] head = exactly(in, HEADER.length, seen);
        if (!Arrays.equals(head, HEADER)) {
            return new AdminRequest(seen.toByteArray(), SESSION, null);
        }
        exactly(in, 2, seen);
        int localeLength = exactly(in, 1, seen)[0] & 0xFF;
        exactly(in, localeLength, seen);
        exactly(in, 1, seen);
        int command = exactly(in, 1, seen)[0] & 0xFF;
        String user = null;
        if (command == SHUTDOWN) {
            byte[] length = exactly(in, 2, seen);
            user = new String(exactly(in, ((length[0] & 0xFF) << 8) | (length[1] & 0xFF), seen), StandardCharsets.UTF_8);
        }
        return new AdminRequest(seen.toByteArray(), command, user);
    }

    private static byte[] exactly(InputStream in, int n, ByteArrayOutputStream seen) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new IOException("the client closed the connection");
        }
        seen.writeBytes(bytes);
        return bytes;
    }

    /** Whether this is an admin command rather than a database session. */
    boolean admin() {
        return command != SESSION;
    }

    /** The command's name as NetworkServerControl spells it on its command line. */
    String name() {
        return switch (command) {
            case SESSION -> "session";
            case SHUTDOWN -> "shutdown";
            case TRACE -> "trace";
            case TRACE_DIRECTORY -> "traceDirectory";
            case PING -> "ping";
            case LOG_CONNECTIONS -> "logConnections";
            case SYSINFO -> "sysinfo";
            case RUNTIME_INFO -> "runtimeinfo";
            case MAX_THREADS -> "maxthreads";
            case TIME_SLICE -> "timeslice";
            case PROPERTIES -> "properties";
            default -> "command " + command;
        };
    }

    /**
     * Derby's error reply to an admin command: {@code "RPY:"}, the message type 2 (error), and
     * the message as a length-prefixed UTF-8 string. NetworkServerControl prints the message and
     * exits 1; its API throws an exception carrying it.
     */
    static byte[] errorReply(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, 0xFFFF);
        ByteArrayOutputStream reply = new ByteArrayOutputStream(7 + length);
        reply.writeBytes("RPY:".getBytes(StandardCharsets.US_ASCII));
        reply.write(2);
        reply.write(length >>> 8);
        reply.write(length & 0xFF);
        reply.write(text, 0, length);
        return reply.toByteArray();
    }
}
