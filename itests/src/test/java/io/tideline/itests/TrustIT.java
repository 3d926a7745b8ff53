package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Hot deploy with trust checking on, in the real distribution: the admin's
 * {@code deploy/io.tideline.deploy.trust.cfg} says {@code mode=trusted}, the workspace's trust
 * store holds a certificate made by keytool, a jar signed with its key runs, an unsigned one never
 * starts and is moved aside with its reason.
 */
class TrustIT {

    private static final String INDICATOR = "io.tideline.example.indicator";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path work;

    private TidelineFramework tideline;
    private Path deploy;
    private Path data;
    private Path signedGreeter;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream originalErr;
    /** Symbolic names of every bundle that reached STARTED, to prove an untrusted one never did. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void trustOneKey() throws Exception {
        deploy = Files.createDirectories(work.resolve("deploy"));
        data = work.resolve("data");
        Path trust = Files.createDirectories(data.resolve("workspace/trust"));
        Path keys = work.resolve("acme.p12");
        keytool("-genkeypair", "-alias", "acme", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Acme Plugins,O=Acme", "-validity", "30", "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "acme", "-keystore", keys.toString(), "-storepass",
                new String(PASSWORD), "-file", work.resolve("acme.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "acme", "-file", work.resolve("acme.pem").toString(),
                "-keystore", trust.resolve("truststore.p12").toString(), "-storetype", "PKCS12", "-storepass",
                new String(PASSWORD));
        signedGreeter = sign(Dist.DEPLOYABLES.resolve("greeter.jar"), work.resolve("greeter-signed.jar"), keys);
        Dist.write(deploy, "io.tideline.deploy.trust.cfg", "mode=trusted\n");

        // The console log prints warnings to the System.err it finds when it starts: tee it.
        originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
    }

    private void boot() throws Exception {
        tideline = Dist.boot(work);
        tideline.context().addBundleListener((BundleListener) e -> {
            if (e.getType() == BundleEvent.STARTED && e.getBundle().getSymbolicName() != null) {
                started.add(e.getBundle().getSymbolicName());
            }
        });
    }

    @AfterEach
    void shutdown() throws Exception {
        try {
            if (tideline != null) {
                tideline.close();
            }
        } finally {
            System.setErr(originalErr);
        }
    }

    @Test
    void aSignedJarRunsAndAnUnsignedOneIsMovedAsideWithItsReason() throws Exception {
        boot();
        Dist.drop(signedGreeter, deploy, "greeter.jar");
        Dist.await("signed greeter's service registered", () -> !Dist.services(tideline.context(), Dist.GREET_SERVICE).isEmpty());
        assertThat(Dist.run(tideline.context(), "greet", "Ada").out()).startsWith("Hello, Ada!");

        Path unsigned = Dist.DEPLOYABLES.resolve("momentum.jar");
        Dist.drop(unsigned, deploy, "momentum.jar");
        Path refused = data.resolve("refused/momentum.jar");
        Path reason = data.resolve("refused/momentum.jar.reason.txt");
        Dist.await("unsigned jar moved to " + refused, () -> Files.exists(reason) && !Files.exists(deploy.resolve("momentum.jar")));
        Dist.await("unsigned bundle uninstalled", () -> Arrays.stream(tideline.context().getBundles())
                .noneMatch(b -> INDICATOR.equals(b.getSymbolicName())));
        assertThat(started).as("bundles that reached ACTIVE").contains(Dist.GREETER).doesNotContain(INDICATOR);
        assertThat(Files.mismatch(refused, unsigned)).as("the refused jar is moved intact").isEqualTo(-1L);

        String sha = sha256(unsigned);
        assertThat(Files.readString(reason)).contains("file: momentum.jar", "sha256: " + sha, "reason: not signed");

        Dist.Result status = Dist.run(tideline.context(), "trust", "status");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains("mode         trusted", "(1 certificate)", "CN=Acme Plugins,O=Acme",
                "Refused jars (1):", "momentum.jar  not signed", "SHA-256 " + sha);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("deploy trust: refused "
                + deploy.resolve("momentum.jar") + " (SHA-256 " + sha + "): not signed; moved to " + refused);

        // The admin decides to run it anyway: allowed by digest and moved back, it starts.
        Dist.Result allow = Dist.run(tideline.context(), "trust", "allow", "momentum.jar");
        assertThat(allow.code()).as(allow.err()).isZero();
        assertThat(allow.out()).contains("SHA-256 " + sha, "moved back to " + deploy.resolve("momentum.jar"));
        assertThat(Files.readString(data.resolve("workspace/trust/allowed-sha256.txt"))).contains(sha + "  momentum.jar");
        Dist.await("allowed indicator started", () -> started.contains(INDICATOR));
        assertThat(Dist.run(tideline.context(), "trust").out()).contains("Refused jars (0): none");
    }

    @Test
    void anUnsignedJarAlreadyInDeployAtStartUpNeverRuns() throws Exception {
        Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), deploy, "momentum.jar");
        Dist.drop(signedGreeter, deploy, "greeter.jar");
        bootAndFindTheUnsignedJarRefused();
        assertThat(Dist.run(tideline.context(), "status").out()).doesNotContain(INDICATOR);
    }

    /**
     * Boots with the signed greeter and the unsigned momentum jar in deploy/: the greeter runs,
     * momentum is moved aside and uninstalled. The listener comes after boot: the bundle's state is
     * the witness that it did not run meanwhile.
     */
    private void bootAndFindTheUnsignedJarRefused() throws Exception {
        boot();
        Dist.await("signed greeter's service registered", () -> !Dist.services(tideline.context(), Dist.GREET_SERVICE).isEmpty());
        Dist.await("unsigned jar moved aside", () -> Files.exists(data.resolve("refused/momentum.jar.reason.txt")));
        Dist.await("unsigned bundle uninstalled", () -> Arrays.stream(tideline.context().getBundles())
                .noneMatch(b -> INDICATOR.equals(b.getSymbolicName())));
        assertThat(started).doesNotContain(INDICATOR);
    }

    @Test
    void aTrustSettingSavedInTheSettingsDialogHoldsAfterARestart() throws Exception {
        Files.delete(deploy.resolve("io.tideline.deploy.trust.cfg"));
        boot();
        Dist.configure(tideline.context(), "io.tideline.deploy.trust", "mode", "trusted");
        Dist.await("trust on", () -> Dist.run(tideline.context(), "trust", "status").out().contains("mode         trusted"));
        tideline.close();
        tideline = null;

        // Dropped while Tideline is stopped: at the next start the stored setting, not a file, says trusted.
        Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), deploy, "momentum.jar");
        Dist.drop(signedGreeter, deploy, "greeter.jar");
        bootAndFindTheUnsignedJarRefused();
        assertThat(Dist.run(tideline.context(), "trust", "status").out()).contains("mode         trusted");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("keytool %s:%n%s", args[0], out).isTrue();
    }

    private static Path sign(Path jar, Path signed, Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance(keys.toFile(), PASSWORD);
        JarSigner signer = new JarSigner.Builder((PrivateKey) store.getKey("acme", PASSWORD),
                CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(store.getCertificateChain("acme"))))
                .digestAlgorithm("SHA-256").build();
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
            signer.sign(in, out);
        }
        return signed;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
