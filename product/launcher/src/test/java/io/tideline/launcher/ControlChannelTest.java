package io.tideline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control channel's frame format, its limits, and a client that finds no Tideline listening. */
class ControlChannelTest {

    @TempDir
    Path dir;

    private static byte[] request(String magic, int words, String... texts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(magic.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(words);
        for (String t : texts) {
            ControlChannel.writeText(out, t);
        }
        return bytes.toByteArray();
    }

    @Test
    void aRequestReadsBackAsTheCommandLineAndTheWorkingDirectory() throws IOException {
        List<String> read = ControlChannel.readRequest(new ByteArrayInputStream(
                request("TLC1", 3, "import", "prix €.csv", "--series=csv:x", "/home/ada/data")));
        assertThat(read).containsExactly("import", "prix €.csv", "--series=csv:x", "/home/ada/data");
    }

    @Test
    void whatIsNotTheProtocolOrTooLargeIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> ControlChannel.readRequest(new ByteArrayInputStream(
                "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))))
                .hasMessage("not a Tideline control request (protocol TLC1 expected)");
        assertThatThrownBy(() -> ControlChannel.readRequest(new ByteArrayInputStream(request("TLC1", 2_000_000_000))))
                .hasMessage("a command line of 2000000000 words; at most 10000 are accepted");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(request("TLC1", 1));
            out.writeInt(Integer.MAX_VALUE);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> ControlChannel.readRequest(new ByteArrayInputStream(bytes.toByteArray())))
                .hasMessageStartingWith("a command line word of 2147483647 bytes");
    }

    @Test
    void framesAreCopiedToTheirStreamsAndTheExitCodeReturned() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream frames = new DataOutputStream(bytes);
        frames.writeByte('o');
        ControlChannel.writeText(frames, "listed\n");
        frames.writeByte('e');
        ControlChannel.writeText(frames, "warning\n");
        frames.writeByte('x');
        frames.writeInt(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ControlChannel.relay(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), out, err);

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("listed\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("warning\n");
    }

    @Test
    void anAnswerCutShortIsAFailureThatSaysSo() {
        byte[] cut = {'o', 0, 0, 0, 9, 'a'};
        assertThatThrownBy(() -> ControlChannel.relay(new DataInputStream(new ByteArrayInputStream(cut)),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()))
                .hasMessage("the running Tideline closed the connection in the middle of its answer");
        assertThatThrownBy(() -> ControlChannel.relay(new DataInputStream(new ByteArrayInputStream(new byte[0])),
                new ByteArrayOutputStream(), new ByteArrayOutputStream()))
                .hasMessageStartingWith("the running Tideline closed the connection before the command finished");
    }

    @Test
    void withoutATidelineListeningTheClientRunsTheCommandItself() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ControlChannel.send(dir, List.of("status"), dir, out, out)).isEmpty();

        // A socket left by a Tideline that was killed: nobody accepts on it.
        Path socket = ControlChannel.socketOf(dir);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        assertThat(ControlChannel.send(dir, List.of("status"), dir, out, out)).isEmpty();

        Files.delete(socket);
        Files.writeString(socket, "not a socket");
        assertThat(ControlChannel.send(dir, List.of("status"), dir, out, out)).isEmpty();
        assertThat(out.size()).isZero();
    }
}
