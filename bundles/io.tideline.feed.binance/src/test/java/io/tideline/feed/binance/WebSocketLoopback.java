package io.tideline.feed.binance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal RFC 6455 WebSocket server on a loopback socket, standing in for Binance's market
 * streams: it answers each connection's opening handshake ({@code Sec-WebSocket-Accept}), sends
 * that session's messages as unmasked text frames, and then either sends a close frame and drops
 * the connection or keeps it open until {@link #close()}. It never reads the client's frames.
 */
final class WebSocketLoopback implements AutoCloseable {

    /** The RFC 6455 key suffix. */
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /**
     * What one connection gets, in order of connections.
     *
     * @param messages the text frames to send
     * @param dropAfter whether to send a close frame (1001, going away) and close the socket afterwards
     */
    record Session(List<String> messages, boolean dropAfter) {
    }

    private final ServerSocket server;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Thread thread;

    WebSocketLoopback(Session... sessions) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(List.of(sessions)), "websocket-loopback");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(List<Session> sessions) {
        for (Session session : sessions) {
            try {
                Socket socket = server.accept();
                handshake(socket);
                OutputStream out = socket.getOutputStream();
                for (String message : session.messages()) {
                    frame(out, 0x1, message.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                if (session.dropAfter()) {
                    frame(out, 0x8, new byte[] {0x03, (byte) 0xE9}); // status 1001, going away
                    out.flush();
                    socket.close();
                } else {
                    open.add(socket);
                }
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    failures.add(e);
                }
                return;
            }
        }
    }

    private void handshake(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed the connection during the handshake: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        requestLines.add(lines[0]);
        String key = null;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("no Sec-WebSocket-Key in the handshake: " + head);
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes one unmasked, final frame. */
    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        out.write(payload);
    }

    /** The base URL to configure, e.g. {@code ws://127.0.0.1:PORT}. */
    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** The request lines of the handshakes so far, e.g. {@code GET /ws/btcusdt@forceOrder HTTP/1.1}. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** What went wrong while serving, if anything. */
    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        thread.interrupt();
    }
}
