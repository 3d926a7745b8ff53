package io.tideline.dbserver;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The store's users in the server's {@code derby.properties}: one writer (the collector's user,
 * owner of the store's schema, full access) and any number of readers (read-only connections,
 * and only the SELECT privileges the writer grants), with Derby's SQL authorization on and every
 * other user refused at connect ({@code derby.database.defaultConnectionMode=noAccess}).
 *
 * <p>A user without a password in the file gets one from the environment ({@code
 * TIDELINE_DB_PASSWORD} for the writer, {@code TIDELINE_DB_PASSWORD_NAME} for a reader NAME,
 * upper case, other characters than letters and digits as {@code _}) or asked on the terminal:
 * never from a command line. The file is replaced whole (written beside it, mode 0600, then
 * moved over it), so a failed start leaves the previous settings as they were.
 */
final class StoreUsers {

    /** The writer's password variable; readers' are this plus {@code _NAME}. */
    static final String PASSWORD_VARIABLE = "TIDELINE_DB_PASSWORD";

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final String USER_PREFIX = "derby.user.";

    /** How a password is found for a user that has none yet. */
    @FunctionalInterface
    interface Passwords {
        /** The password for {@code user}, or null if there is none to be had. */
        char[] forUser(String user, String variable);
    }

    private StoreUsers() {
    }

    /** Passwords from the environment, else asked on the terminal, if there is one. */
    static Passwords fromEnvironmentOrTerminal() {
        return (user, variable) -> {
            String env = System.getenv(variable);
            if (env != null && !env.isEmpty()) {
                return env.toCharArray();
            }
            Console console = terminal();
            return console == null ? null : console.readPassword("Password for store user %s: ", user);
        };
    }

    /**
     * The console if the server was started on a terminal. JDK 22 and later return a console
     * even without one and say so with {@code isTerminal()}; on JDK 21 {@code System.console()}
     * is null without a terminal, and the method does not exist.
     */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (NoSuchMethodException jdk21) {
            return console;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The environment variable that holds the password of reader {@code name}. */
    static String readerVariable(String name) {
        return PASSWORD_VARIABLE + "_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Checks a user name: Derby's ordinary identifiers (a letter, then letters, digits and
     * {@code _}), since the name is also the writer's schema and goes into GRANTs.
     */
    static String checkName(String option, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(option + " '" + name + "' is not a store user name (expected a letter,"
                    + " then letters, digits or _)");
        }
        return name;
    }

    /**
     * Brings {@code settings} to one writer and these readers: adds a user's password when the
     * file has none (see {@link Passwords}), keeps those it has, and rewrites the access lines.
     * A user listed before but not now keeps its password line but can no longer connect.
     *
     * @throws IOException naming the user and the variable to set when a password is missing
     */
    static void apply(Path settings, String writer, List<String> readers, Passwords passwords) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(settings)) {
            try (InputStream in = Files.newInputStream(settings)) {
                p.load(in);
            }
        }
        Set<String> readerSet = new LinkedHashSet<>(readers);
        if (readerSet.stream().anyMatch(r -> r.equalsIgnoreCase(writer))) {
            throw new IllegalArgumentException("the store user '" + writer + "' cannot be both the writer (--user)"
                    + " and a reader (--reader)");
        }
        List<String> all = new ArrayList<>();
        all.add(writer);
        all.addAll(readerSet);
        for (String user : all) {
            String key = USER_PREFIX + user;
            if (p.getProperty(key, "").isEmpty()) {
                String variable = user.equals(writer) ? PASSWORD_VARIABLE : readerVariable(user);
                char[] password = passwords.forUser(user, variable);
                if (password == null) {
                    throw new IllegalArgumentException("no password for store user '" + user + "': set " + variable
                            + " (no terminal to ask on)");
                }
                if (password.length == 0) {
                    throw new IllegalArgumentException("the password of store user '" + user + "' must not be empty");
                }
                p.setProperty(key, new String(password));
            }
        }
        p.setProperty("derby.connection.requireAuthentication", "true");
        p.setProperty("derby.authentication.provider", "BUILTIN");
        // Two roles: Derby's SQL authorization (GRANT) keeps readers to what the writer grants,
        // the connection modes keep them from creating anything of their own, and any user not
        // listed (one dropped from --reader) cannot connect at all.
        p.setProperty("derby.database.sqlAuthorization", "true");
        p.setProperty("derby.database.defaultConnectionMode", "noAccess");
        p.setProperty("derby.database.fullAccessUsers", writer);
        if (readerSet.isEmpty()) {
            p.remove("derby.database.readOnlyAccessUsers");
        } else {
            p.setProperty("derby.database.readOnlyAccessUsers", String.join(",", readerSet));
        }
        write(settings, p);
    }

    /**
     * Writes the settings (the JDK writes them sorted by key) beside the file with mode 0600,
     * then moves them over it.
     */
    private static void write(Path settings, Properties out) throws IOException {
        Path tmp = settings.resolveSibling(settings.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        boolean posix = settings.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream o = Files.newOutputStream(tmp)) {
            out.store(o, "Written by bin/tideline-db-server: the store users and their access (docs/team-mode-security.md)");
        }
        Files.move(tmp, settings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
