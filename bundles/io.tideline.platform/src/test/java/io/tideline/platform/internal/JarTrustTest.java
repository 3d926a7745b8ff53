package io.tideline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.TrustDecision;
import io.tideline.support.testing.Fuzz;
import io.tideline.support.testing.PluginJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real jars, real keys from keytool, real signatures from the JDK's signer, the JDK's verifier. */
class JarTrustTest {

    @TempDir
    static Path keys;

    static Path acmeKeys;
    static Path rogueKeys;
    static Path trustStore;
    static Path certFolder;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        acmeKeys = TestJars.keyPair(keys.resolve("acme.p12"), "acme", "CN=Acme Plugins,O=Acme,C=CH");
        rogueKeys = TestJars.keyPair(keys.resolve("rogue.p12"), "rogue", "CN=Rogue,O=Elsewhere");
        Path acmePem = TestJars.exportCertificate(acmeKeys, "acme", keys.resolve("acme.pem"));
        trustStore = TestJars.trust(keys.resolve("truststore.p12"), "acme", acmePem);
        certFolder = Files.createDirectories(keys.resolve("certs"));
        Files.copy(acmePem, certFolder.resolve("acme.pem"));
    }

    private Path plain(String name) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("com/acme/Plugin.class", "not really a class, but bytes to sign");
        entries.put("com/acme/messages.properties", "hello=Hello\n");
        entries.put("META-INF/services/com.acme.Spi", "com.acme.Plugin\n");
        return TestJars.jar(dir.resolve(name), entries);
    }

    private static TrustMaterial store() {
        return TrustMaterial.load(trustStore, TestJars.PASSWORD, keys.resolve("no-allow-list.txt"));
    }

    @Test
    void anUnsignedJarIsRefusedAsNotSigned() throws Exception {
        TrustDecision d = JarTrust.check(plain("plain.jar"), store());
        assertThat(d.trusted()).isFalse();
        assertThat(d.reason()).isEqualTo("not signed");
    }

    @Test
    void aJarSignedByATrustedCertificateIsAccepted() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("signed.jar"), acmeKeys, "acme");
        TrustDecision d = JarTrust.check(signed, store());
        assertThat(d.trusted()).as(d.reason()).isTrue();
        assertThat(d.reason()).isEqualTo("signed by CN=Acme Plugins,O=Acme,C=CH (in the trust store)");
    }

    @Test
    void aFolderOfPemCertificatesServesAsTrustStore() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("signed.jar"), acmeKeys, "acme");
        TrustMaterial folder = TrustMaterial.load(certFolder, null, keys.resolve("none.txt"));
        assertThat(folder.problems()).isEmpty();
        assertThat(folder.certificates()).hasSize(1);
        assertThat(JarTrust.check(signed, folder).trusted()).isTrue();
    }

    @Test
    void aJarSignedByAnotherCertificateIsRefusedNamingTheSigner() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("rogue.jar"), rogueKeys, "rogue");
        TrustDecision d = JarTrust.check(signed, store());
        assertThat(d.trusted()).isFalse();
        assertThat(d.reason()).isEqualTo("signed by CN=Rogue,O=Elsewhere, which is not in the trust store");
    }

    @Test
    void aJarChangedAfterSigningIsRefusedAsNotVerifying() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("signed.jar"), acmeKeys, "acme");
        Path tampered = TestJars.rewrite(signed, dir.resolve("tampered.jar"), "com/acme/Plugin.class", "evil bytes");
        TrustDecision d = JarTrust.check(tampered, store());
        assertThat(d.trusted()).isFalse();
        assertThat(d.reason()).startsWith("signature does not verify: entry com/acme/Plugin.class: ")
                .contains("digest error");
    }

    @Test
    void anEntryAddedAfterSigningIsRefusedByName() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("signed.jar"), acmeKeys, "acme");
        Path grown = TestJars.rewrite(signed, dir.resolve("grown.jar"), "com/acme/Extra.class", "smuggled in");
        TrustDecision d = JarTrust.check(grown, store());
        assertThat(d.trusted()).isFalse();
        assertThat(d.reason()).isEqualTo("entry com/acme/Extra.class is not signed");
    }

    @Test
    void anUnsignedJarOnTheAllowListIsAccepted() throws Exception {
        Path jar = plain("plain.jar");
        Path allowList = dir.resolve("allowed-sha256.txt");
        String reference = sha256sum(jar);
        Files.writeString(allowList, "# allowed by the admin\n\n" + reference.toUpperCase() + "  plain.jar # in-house\n");

        TrustDecision d = JarTrust.check(jar, TrustMaterial.load(trustStore, TestJars.PASSWORD, allowList));
        assertThat(d.trusted()).as(d.reason()).isTrue();
        assertThat(d.reason()).isEqualTo("SHA-256 is on the allow-list");
        assertThat(d.sha256()).isEqualTo(reference);
    }

    @Test
    void appendingToTheAllowListWritesADigestOnceThatTheReaderAccepts() throws Exception {
        Path jar = plain("plain.jar");
        Path allowList = dir.resolve("trust/allowed-sha256.txt");
        String sha = JarTrust.sha256(jar);
        assertThat(TrustMaterial.appendAllowed(allowList, sha, "plain.jar")).isTrue();
        assertThat(TrustMaterial.appendAllowed(allowList, sha, "plain.jar")).isFalse();
        assertThat(Files.readAllLines(allowList)).filteredOn(l -> !l.startsWith("#")).containsExactly(sha + "  plain.jar");
        assertThat(JarTrust.check(jar, TrustMaterial.load(trustStore, TestJars.PASSWORD, allowList)).trusted()).isTrue();
    }

    @Test
    void aBadAllowListLineIsReportedWithFileAndLineAndAllowsNothing() throws Exception {
        Path allowList = dir.resolve("allowed-sha256.txt");
        Files.writeString(allowList, "# header\nnot-a-digest plain.jar\n");
        List<String> problems = new ArrayList<>();
        assertThat(TrustMaterial.readAllowList(allowList, problems)).isEmpty();
        assertThat(problems).containsExactly("allow-list " + allowList + " line 2: 'not-a-digest' is not a SHA-256"
                + " (expected 64 hex digits, optionally followed by the file name); line ignored");
    }

    @Test
    void aMissingOrLockedTrustStoreIsNamedInTheReason() throws Exception {
        Path signed = TestJars.sign(plain("plain.jar"), dir.resolve("signed.jar"), acmeKeys, "acme");
        TrustMaterial missing = TrustMaterial.load(dir.resolve("nope.p12"), TestJars.PASSWORD, dir.resolve("x"));
        assertThat(JarTrust.check(signed, missing).reason()).isEqualTo("signed by CN=Acme Plugins,O=Acme,C=CH,"
                + " which is not in the trust store (trust store " + dir.resolve("nope.p12") + " does not exist)");
        TrustMaterial locked = TrustMaterial.load(trustStore, "wrong-password".toCharArray(), dir.resolve("x"));
        assertThat(locked.problems()).singleElement().asString().startsWith("trust store " + trustStore + " cannot be read");
        assertThat(JarTrust.check(signed, locked).trusted()).isFalse();
    }

    @Test
    void aTrustedCaCopiedIntoAChainItDidNotSignDoesNotMakeItTrusted() throws Exception {
        var acme = TrustMaterial.readStore(trustStore, TestJars.PASSWORD, new ArrayList<>()).get(0);
        var rogue = TrustMaterial.readStore(rogueKeys, TestJars.PASSWORD, new ArrayList<>()).get(0);
        assertThat(JarTrust.trustedAnchor(List.of(rogue, acme), List.of(acme))).isNull();
        assertThat(JarTrust.trustedAnchor(List.of(acme), List.of(acme))).isEqualTo(acme);
    }

    /** The digest as coreutils computes it: an independent reference for ours. */
    private static String sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor()).isZero();
        String digest = out.split("\\s+")[0];
        assertThat(digest).isEqualTo(JarTrust.sha256(file));
        return digest;
    }

    @Test
    void aJarWhoseManifestIsAGigabyteIsRefusedNamingItWithinAFixedMemoryBudget() throws Exception {
        Path huge = PluginJars.huge(dir.resolve("huge.jar"), 1L << 30);
        TrustMaterial material = store();
        TrustDecision[] decision = new TrustDecision[1];
        // The harness fails the call if it allocates more than the budget: 1/32 of the manifest.
        Fuzz.run(new byte[0], IOException.class, 32L << 20, m -> true,
                () -> decision[0] = JarTrust.check(huge, material));
        assertThat(decision[0].trusted()).isFalse();
        assertThat(decision[0].reason()).matches("huge\\.jar is not an OSGi bundle: its manifest is 1,073,741,\\d{3}"
                + " bytes, more than the 1,048,576 a bundle manifest may have");
    }
}
