package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.DeployTrust.Mode;
import io.tideline.support.text.Excerpt;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Finds what is wrong with a trust setting file, so that a damaged setting makes trust strict
 * instead of silently off. Two files can hold the setting: the admin's
 * {@code deploy/io.tideline.deploy.trust.cfg} and ConfigAdmin's stored copy
 * {@code DATA_DIR/config/io/tideline/deploy/trust.config}. A file that is absent is no problem
 * (trust is off by default); one that is present must be readable text with a {@code mode}.
 */
final class TrustSettingCheck {

    /** The admin's file in the deploy folder. */
    static final String CFG_FILE = DeployTrust.PID + ".cfg";
    /** The framework property naming ConfigAdmin's folder (set by the launcher). */
    static final String CONFIG_DIR_PROPERTY = "felix.cm.dir";
    /** A larger file is not a setting someone wrote by hand; it is not read whole. */
    static final long MAX_BYTES = 1 << 20;
    /** How much of a refused value a problem quotes. */
    private static final int QUOTED = 80;

    private TrustSettingCheck() {
    }

    /** ConfigAdmin's stored copy of the setting under its folder ({@code felix.cm.dir}). */
    static Path storedFile(Path configDir) {
        return configDir.resolve("io").resolve("tideline").resolve("deploy").resolve("trust.config");
    }

    /**
     * What is wrong with the admin's {@code .cfg} file, one line each naming the file; empty if it
     * is absent or sound.
     */
    static List<String> checkCfg(Path file) {
        List<String> problems = new ArrayList<>();
        String text = readText(file, problems);
        if (text == null) {
            return problems;
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(file + " cannot be read as key=value lines (" + Excerpt.printable(e.getMessage(), 200) + ")");
            return problems;
        }
        if (!p.containsKey("mode")) {
            problems.add(file + " has no 'mode' line; expected mode=trusted or mode=off");
        }
        return problems;
    }

    /**
     * What is wrong with ConfigAdmin's stored copy: unreadable, empty or not text, or, when
     * ConfigAdmin could not make a configuration of it ({@code readByConfigAdmin} false), damaged.
     */
    static List<String> checkStored(Path file, boolean readByConfigAdmin) {
        List<String> problems = new ArrayList<>();
        String text = readText(file, problems);
        if (text != null && !readByConfigAdmin) {
            problems.add(file + " is damaged: the configuration service could not read a setting from it");
        }
        return problems;
    }

    /**
     * The mode a setting's {@code mode} value asks for: off when empty, else off or trusted; any
     * other value adds a problem quoting it (printable, shortened) and means trusted, so that a
     * typo never switches checking off.
     */
    static Mode mode(String text, List<String> problems) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "off", "" -> Mode.OFF;
            case "trusted" -> Mode.TRUSTED;
            default -> {
                problems.add("mode '" + Excerpt.printable(text, QUOTED) + "' in " + DeployTrust.PID
                        + " is neither 'off' nor 'trusted'");
                yield Mode.TRUSTED;
            }
        };
    }

    /**
     * The file a setting names ({@code truststore}, {@code allowlist}), or {@code fallback} when
     * the value is empty. A value that is no path on this system (a NUL character) adds a problem
     * quoting it and gives {@code fallback}; the problem makes trust strict.
     */
    static Path path(String key, String text, Path fallback, List<String> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            problems.add(key + " '" + Excerpt.printable(text, QUOTED) + "' in " + DeployTrust.PID
                    + " is not a file path (" + Excerpt.printable(e.getReason(), QUOTED) + "); expected the path of "
                    + ("truststore".equals(key) ? "a PKCS12/JKS file or a folder of certificates" : "a text file"));
            return fallback;
        }
    }

    /** The file as text, or null with the problem added (or without, if the file is absent). */
    private static String readText(Path file, List<String> problems) {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(file + " is not a file");
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                problems.add(file + " is " + Files.size(file) + " bytes, too large for a setting (at most "
                        + MAX_BYTES + ")");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(file + " cannot be read (" + reason(e) + ")");
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                problems.add(file + " is not a text file (control byte 0x" + String.format("%02x", b) + " at offset "
                        + i + "); expected key=value lines such as mode=trusted");
                return null;
            }
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        boolean blank = text.lines().map(String::strip)
                .allMatch(line -> line.isEmpty() || line.startsWith("#") || line.startsWith("!"));
        if (blank) {
            problems.add(file + " is empty; expected a line mode=trusted or mode=off");
            return null;
        }
        return text;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
