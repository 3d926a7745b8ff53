package io.tideline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which trust setting files count as damaged, and that each finding names the file and the fault. */
class TrustSettingCheckTest {

    @TempDir
    Path dir;

    @Test
    void anAbsentFileIsNoProblem() {
        assertThat(TrustSettingCheck.checkCfg(dir.resolve("io.tideline.deploy.trust.cfg"))).isEmpty();
        assertThat(TrustSettingCheck.checkStored(dir.resolve("trust.config"), false)).isEmpty();
    }

    @Test
    void aSoundFileIsNoProblem() throws Exception {
        Path cfg = Files.writeString(dir.resolve("io.tideline.deploy.trust.cfg"), "# admin\nmode=off\n");
        assertThat(TrustSettingCheck.checkCfg(cfg)).isEmpty();
    }

    @Test
    void anEmptyOrCommentOnlyFileIsReported() throws Exception {
        Path empty = Files.writeString(dir.resolve("a.cfg"), "");
        Path comments = Files.writeString(dir.resolve("b.cfg"), "# mode=trusted\n\n   \n");
        assertThat(TrustSettingCheck.checkCfg(empty)).containsExactly(empty + " is empty; expected a line mode=trusted or mode=off");
        assertThat(TrustSettingCheck.checkCfg(comments)).singleElement().asString().contains(comments + " is empty");
    }

    @Test
    void aBinaryFileIsReportedWithTheOffendingByte() throws Exception {
        Path binary = Files.write(dir.resolve("c.cfg"), new byte[] {'m', 'o', 0, (byte) 0xff, 7});
        assertThat(TrustSettingCheck.checkCfg(binary)).containsExactly(binary
                + " is not a text file (control byte 0x00 at offset 2); expected key=value lines such as mode=trusted");
    }

    @Test
    void aFileWithoutModeIsReported() throws Exception {
        Path cfg = Files.writeString(dir.resolve("d.cfg"), "truststore=/x\n");
        assertThat(TrustSettingCheck.checkCfg(cfg)).containsExactly(cfg + " has no 'mode' line; expected mode=trusted or mode=off");
    }

    @Test
    void anUnreadableFileIsReported() throws Exception {
        Path cfg = Files.writeString(dir.resolve("e.cfg"), "mode=trusted\n");
        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("---------"));
        // root reads anything: then the file is simply sound, which this test accepts as well.
        if (!Files.isReadable(cfg)) {
            assertThat(TrustSettingCheck.checkCfg(cfg)).containsExactly(cfg + " cannot be read (permission denied)");
        } else {
            assertThat(TrustSettingCheck.checkCfg(cfg)).isEmpty();
        }
    }

    @Test
    void aStoredCopyTheConfigurationServiceCouldNotReadIsDamaged() throws Exception {
        Path stored = Files.writeString(dir.resolve("trust.config"), "mode=\"tru");
        assertThat(TrustSettingCheck.checkStored(stored, false)).containsExactly(stored
                + " is damaged: the configuration service could not read a setting from it");
        assertThat(TrustSettingCheck.checkStored(stored, true)).isEmpty();
    }

    @Test
    void theStoredCopyLivesWhereConfigAdminKeepsThePid() {
        assertThat(TrustSettingCheck.storedFile(dir)).isEqualTo(dir.resolve("io/tideline/deploy/trust.config"));
    }

    @Test
    void aBadModeIsQuotedPrintableAndShortAndMeansTrusted() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        assertThat(TrustSettingCheck.mode("of\u001b[2Jf" + "x".repeat(10_000), problems))
                .isEqualTo(io.tideline.api.platform.DeployTrust.Mode.TRUSTED);
        assertThat(problems).singleElement().asString().startsWith("mode 'of\\u001b[2Jfxxx")
                .contains("(10,007 characters)' in io.tideline.deploy.trust is neither 'off' nor 'trusted'")
                .hasSizeLessThan(200);
    }

    @Test
    void aPathWithANulCharacterIsReportedInsteadOfFailingTheComponent() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        Path fallback = dir.resolve("truststore.p12");
        assertThat(TrustSettingCheck.path("truststore", "/opt/tr\u0000ust.p12", fallback, problems)).isEqualTo(fallback);
        assertThat(problems).containsExactly("truststore '/opt/tr\\u0000ust.p12' in io.tideline.deploy.trust is not a"
                + " file path (Nul character not allowed); expected the path of a PKCS12/JKS file or a folder of"
                + " certificates");
        assertThat(TrustSettingCheck.path("allowlist", "  ", fallback, problems)).isEqualTo(fallback);
        assertThat(TrustSettingCheck.path("allowlist", " /opt/a.txt ", fallback, problems)).isEqualTo(Path.of("/opt/a.txt"));
    }
}
