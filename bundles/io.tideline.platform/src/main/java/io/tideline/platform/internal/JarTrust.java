package io.tideline.platform.internal;

import io.tideline.api.platform.TrustDecision;
import io.tideline.support.jar.BundleManifest;
import io.tideline.support.text.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Decides whether one jar may run: its SHA-256 is on the allow-list, or every entry is signed
 * (standard jar signing, verified by the JDK's own jar verifier) by one signer whose certificate,
 * or a certificate up its chain, is in the trust store. Stateless; thread-safe.
 *
 * <p>Certificate validity dates are not checked: a plugin signed while its certificate was valid
 * stays trusted (as jarsigner's timestamping intends), and the admin removes a certificate from
 * the trust store to withdraw trust.
 */
final class JarTrust {

    private static final HexFormat HEX = HexFormat.of();

    private JarTrust() {
    }

    /**
     * A verified jar: the decision, and the SHA-256 of every entry that was read (name to hex), so
     * a caller can check that an installed bundle holds exactly these bytes.
     */
    record Result(TrustDecision decision, Map<String, String> entryDigests) {
        Result {
            entryDigests = Collections.unmodifiableMap(new LinkedHashMap<>(entryDigests));
        }
    }

    /** Checks a jar; never throws, an unreadable jar is refused with the reason. */
    static TrustDecision check(Path jar, TrustMaterial material) {
        return verify(jar, material).decision();
    }

    static Result verify(Path jar, TrustMaterial material) {
        String sha256;
        try {
            sha256 = sha256(jar);
        } catch (IOException e) {
            return new Result(TrustDecision.refused("", "cannot be read (" + (e.getMessage() == null
                    ? "input/output error" : Excerpt.printable(e.getMessage(), 200)) + ")"), Map.of());
        }
        try {
            // Bounded, before the JDK's verifier reads the manifest whole (up to 16 MB, then in
            // its own words about jdk.jar.maxSignatureFileSize).
            BundleManifest.read(jar);
        } catch (IOException e) {
            return new Result(TrustDecision.refused(sha256, e.getMessage()), Map.of());
        }
        if (material.allowed().contains(sha256)) {
            // Allowed by digest: the signature does not matter (a repackaged jar may carry a
            // stale one), so read without verifying, only to learn the entries' digests.
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                Map<String, String> digests = new LinkedHashMap<>();
                byte[] buffer = new byte[16 * 1024];
                for (JarEntry entry : Collections.list(file.entries())) {
                    if (!entry.isDirectory()) {
                        digests.put(entry.getName(), digest(file, entry, buffer));
                    }
                }
                return new Result(TrustDecision.trusted(sha256, "SHA-256 is on the allow-list"), digests);
            } catch (IOException e) {
                return new Result(TrustDecision.refused(sha256, "not a readable jar: " + e.getMessage()), Map.of());
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> unsigned = new ArrayList<>();
        List<CodeSigner> common = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[16 * 1024];
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                // Signers are known only once an entry was read to its end; reading it also
                // makes the verifier compare its digest with the signed manifest.
                try {
                    digests.put(entry.getName(), digest(file, entry, buffer));
                } catch (SecurityException e) {
                    return new Result(TrustDecision.refused(sha256, "signature does not verify: entry "
                            + entry.getName() + ": " + e.getMessage()), Map.of());
                }
                if (isSignatureFile(entry.getName())) {
                    continue;
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned.add(entry.getName());
                } else if (common == null) {
                    common = new ArrayList<>(List.of(signers));
                } else {
                    common.retainAll(List.of(signers));
                }
            }
        } catch (SecurityException e) {
            // Thrown while opening or listing when the signature file itself does not verify.
            return new Result(TrustDecision.refused(sha256, "signature does not verify: " + e.getMessage()), Map.of());
        } catch (IOException e) {
            return new Result(TrustDecision.refused(sha256, "not a readable jar: " + e.getMessage()), Map.of());
        }

        if (common == null) {
            return new Result(TrustDecision.refused(sha256, unsigned.isEmpty()
                    ? "holds no classes or resources to verify" : "not signed"), digests);
        }
        if (!unsigned.isEmpty()) {
            return new Result(TrustDecision.refused(sha256, "entry " + unsigned.get(0) + " is not signed"
                    + (unsigned.size() > 1 ? " (and " + (unsigned.size() - 1) + " more)" : "")), digests);
        }
        if (common.isEmpty()) {
            return new Result(TrustDecision.refused(sha256,
                    "entries are signed by different signers and no one signer signed them all"), digests);
        }
        for (CodeSigner signer : common) {
            List<X509Certificate> chain = chainOf(signer);
            X509Certificate anchor = trustedAnchor(chain, material.certificates());
            if (anchor != null) {
                return new Result(TrustDecision.trusted(sha256, "signed by " + subject(chain.get(0))
                        + (anchor.equals(chain.get(0)) ? "" : ", issued under " + subject(anchor))
                        + " (in the trust store)"), digests);
            }
        }
        String signer = subject(chainOf(common.get(0)).get(0));
        String store = material.certificates().isEmpty() && !material.problems().isEmpty()
                ? " (" + material.problems().get(0) + ")" : "";
        return new Result(TrustDecision.refused(sha256, "signed by " + signer + ", which is not in the trust store"
                + store), digests);
    }

    private static String digest(JarFile file, JarEntry entry, byte[] buffer) throws IOException {
        MessageDigest md = sha256Digest();
        try (InputStream in = file.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
        return HEX.formatHex(md.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The manifest and the signature block files, which the signature covers differently. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
                || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }

    private static List<X509Certificate> chainOf(CodeSigner signer) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : signer.getSignerCertPath().getCertificates()) {
            if (c instanceof X509Certificate x509) {
                chain.add(x509);
            }
        }
        return chain;
    }

    /**
     * The trusted certificate the signer's chain leads to, or null. The chain comes from the jar
     * (the signer chose it), so each link is checked: a trusted CA certificate merely copied into
     * the chain proves nothing unless it really signed the certificate below it.
     */
    static X509Certificate trustedAnchor(List<X509Certificate> chain, List<X509Certificate> trusted) {
        int last = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0 && !signedBy(chain.get(i - 1), chain.get(i))) {
                break;
            }
            last = i;
            if (trusted.contains(chain.get(i))) {
                return chain.get(i);
            }
        }
        if (last < 0) {
            return null;
        }
        X509Certificate top = chain.get(last);
        for (X509Certificate t : trusted) {
            if (top.getIssuerX500Principal().equals(t.getSubjectX500Principal()) && signedBy(top, t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    /** The file's SHA-256, lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest md = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
        return HEX.formatHex(md.digest());
    }
}
