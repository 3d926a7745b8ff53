package io.tideline.support.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The fuzzing harness shared by the parsers' property tests: inputs made by mutating real valid
 * files (sample data, recorded answers) or drawn as random bytes, and a guard that runs one parse
 * and fails the try unless it ended in the parser's documented checked error (or succeeded) within
 * a time limit and an allocation budget.
 *
 * <p>How many tries a property makes is jqwik's {@code jqwik.tries.default}: a few hundred in the
 * modules' {@code junit-platform.properties} (the CI smoke), raised for the long run with
 * {@code -Djqwik.tries.default=1000000} (see docs/fuzzing.md). Thread-safe.
 */
public final class Fuzz {

    /** The longest an error message may be: long values are shortened, never echoed whole. */
    public static final int MAX_MESSAGE_CHARS = 2_000;

    /** How long one parse may take before it counts as a hang. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    /** Tries run so far in this JVM, by every property: the figure the long run reports. */
    private static final AtomicLong EXECUTIONS = new AtomicLong();

    // Bytes that change the meaning of CSV and JSON, and bytes that are not UTF-8 on their own.
    private static final byte[] SPECIAL = ",;\"'\n\r\t{}[]:.-+eE0123456789 \\/nul".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_UTF8 = {(byte) 0xE9, (byte) 0xFF, (byte) 0xC3, (byte) 0x80, (byte) 0xF0, 0};
    private static final List<byte[]> TOKENS = Stream.of("NaN", "Infinity", "-Infinity", "1e999", "-0", "0x1F",
            "99999999999999999999999999", "1.7976931348623157E309", "null", "true", "\"\"", "[]", "{}", "\uFEFF",
            "\u001B[2J", "\u202E", ".", "#N/A", "1970-01-01", "2020-02-30", "9999-12-31T23:59:59Z", "-999999999-01-01",
            "1e-400", "\\u0000", "\\ud800", "'", "\"\"\"", ";;", ",,,,", "\r\n", "\n\n\n", "0000000000000000001")
            .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();

    private static ExecutorService worker = newWorker();
    private static volatile Thread workerThread;

    private Fuzz() {
    }

    /** The files of a folder (recursively) whose names end with one of {@code suffixes}, as bytes. */
    public static List<byte[]> seeds(Path folder, String... suffixes) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Arrays.stream(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s))) {
                    out.add(Files.readAllBytes(p));
                }
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no seed files " + Arrays.toString(suffixes) + " in " + folder);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the seeds in " + folder, e);
        }
    }

    /** Seeds given as text. */
    public static List<byte[]> seeds(String... texts) {
        return Stream.of(texts).map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Inputs for a parser: mostly mutants of the seeds (1 to 8 byte-level edits, some seeds cut
     * to their first {@code maxSeedBytes} so large samples stay quick), some pure random bytes,
     * and now and then one value blown up to 100,000 bytes.
     */
    public static Arbitrary<byte[]> inputs(List<byte[]> seeds, int maxSeedBytes) {
        List<byte[]> cut = seeds.stream().map(s -> s.length > maxSeedBytes ? cutAtLine(s, maxSeedBytes) : s).toList();
        return Arbitraries.randomValue(random -> {
            int kind = random.nextInt(100);
            if (kind < 5) {
                byte[] b = new byte[random.nextInt(512)];
                random.nextBytes(b);
                return b;
            }
            byte[] seed = cut.get(random.nextInt(cut.size()));
            if (kind < 7) {
                return seed;
            }
            byte[] b = seed;
            int edits = 1 + random.nextInt(8);
            for (int i = 0; i < edits; i++) {
                b = mutate(b, random, kind < 9);
            }
            return b;
        });
    }

    /** One random edit of {@code in}; {@code big} allows blowing a value up to 100,000 bytes. */
    static byte[] mutate(byte[] in, Random random, boolean big) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n + 1);
        switch (random.nextInt(big ? 11 : 10)) {
            case 0: { // flip a bit
                if (n == 0) {
                    return new byte[] {(byte) random.nextInt(256)};
                }
                byte[] b = in.clone();
                int i = random.nextInt(n);
                b[i] ^= (byte) (1 << random.nextInt(8));
                return b;
            }
            case 1: // a special ASCII byte in place of another
            case 2: {
                if (n == 0) {
                    return new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]};
                }
                byte[] b = in.clone();
                b[random.nextInt(n)] = SPECIAL[random.nextInt(SPECIAL.length)];
                return b;
            }
            case 3: // a byte that is not UTF-8
                return insert(in, at, new byte[] {NOT_UTF8[random.nextInt(NOT_UTF8.length)]});
            case 4: // a token known to trouble parsers
                return insert(in, at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 5: { // delete a range
                if (n == 0) {
                    return in;
                }
                int len = 1 + random.nextInt(Math.min(n - Math.min(at, n - 1), 64));
                int from = Math.min(at, n - 1);
                return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, Math.min(n, from + len), n));
            }
            case 6: { // duplicate a range elsewhere
                if (n == 0) {
                    return in;
                }
                int from = random.nextInt(n);
                int len = 1 + random.nextInt(Math.min(n - from, 256));
                return insert(in, random.nextInt(n + 1), Arrays.copyOfRange(in, from, from + len));
            }
            case 7: // truncate
                return Arrays.copyOf(in, at);
            case 8: { // random bytes
                byte[] r = new byte[1 + random.nextInt(16)];
                random.nextBytes(r);
                return insert(in, at, r);
            }
            case 9: { // a digit run: overflows and precision
                byte[] r = new byte[1 + random.nextInt(40)];
                for (int i = 0; i < r.length; i++) {
                    r[i] = (byte) ('0' + random.nextInt(10));
                }
                return insert(in, at, r);
            }
            default: { // one value blown up: 100,000 copies of a byte
                byte[] r = new byte[100_000];
                Arrays.fill(r, n == 0 ? (byte) 'x' : in[random.nextInt(n)] == '\n' ? (byte) '7' : in[random.nextInt(n)]);
                return insert(in, at, r);
            }
        }
    }

    /**
     * Runs one parse on the worker thread and returns the checked error it ended in, or
     * {@code null} when it succeeded. Fails (an {@link AssertionError} naming the input) when the
     * parse throws anything but {@code expected} (an unchecked exception, an error), takes longer
     * than {@link #TIME_LIMIT}, allocates more than {@code allocationBudget} bytes, or ends in an
     * error whose message is longer than {@link #MAX_MESSAGE_CHARS} or does not satisfy
     * {@code located} (names the file, line, field or JSON path).
     */
    public static <E extends Exception> E run(byte[] input, Class<E> expected, long allocationBudget,
            Predicate<String> located, Parse parse) {
        EXECUTIONS.incrementAndGet();
        Future<Throwable> f = worker.submit(() -> {
            workerThread = Thread.currentThread();
            long before = allocated();
            try {
                parse.run();
                return budget(before, allocationBudget, input, null);
            } catch (Throwable t) {
                return budget(before, allocationBudget, input, t);
            }
        });
        Throwable outcome;
        try {
            outcome = f.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Thread stuck = workerThread;
            StackTraceElement[] stack = stuck == null ? new StackTraceElement[0] : stuck.getStackTrace();
            worker.shutdownNow();
            worker = newWorker();
            AssertionError hang = new AssertionError("the parse did not end within " + TIME_LIMIT + " on " + show(input));
            Throwable where = new Throwable("where it was");
            where.setStackTrace(stack);
            hang.initCause(where);
            throw hang;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
        if (outcome == null) {
            return null;
        }
        if (outcome instanceof AssertionError budget && budget.getMessage() != null
                && budget.getMessage().startsWith("allocated ")) {
            throw budget;
        }
        if (!expected.isInstance(outcome) || outcome instanceof RuntimeException) {
            throw new AssertionError("expected success or " + expected.getSimpleName() + ", got "
                    + outcome.getClass().getName() + " on " + show(input), outcome);
        }
        String message = outcome.getMessage();
        if (message == null || message.length() > MAX_MESSAGE_CHARS) {
            throw new AssertionError("the message of " + expected.getSimpleName() + " is "
                    + (message == null ? "missing" : message.length() + " characters long: "
                            + message.substring(0, 300) + "…") + " on " + show(input), outcome);
        }
        if (!located.test(message)) {
            throw new AssertionError("the message does not say where: " + message + " on " + show(input), outcome);
        }
        return expected.cast(outcome);
    }

    /**
     * A new scratch folder for the files a property writes, removed with its contents when the
     * test JVM exits (the readers under test take paths, and their messages name them).
     */
    public static Path scratch(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "fuzz-scratch-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a scratch folder", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover scratch file in the temporary folder is harmless; the JVM is exiting.
        }
    }

    /**
     * Whether a message for a user is free of Java names: a class of Tideline's
     * ({@code io.tideline.…}, which also catches nested ones such as {@code AlertFile$Line}),
     * Jackson's quoted types ({@code `java.lang.String`}), an exception class
     * ({@code java.nio.file.AccessDeniedException}).
     */
    public static boolean noJavaNames(String message) {
        return !message.contains("`java.") && !JAVA_NAME.matcher(message).find();
    }

    private static final java.util.regex.Pattern JAVA_NAME = java.util.regex.Pattern.compile(
            "\\bio\\.tideline\\.(?:[a-z]\\w*\\.)+[A-Z]\\w*"
                    + "|\\b(?:java|javax|jdk|sun|com\\.fasterxml)\\.[a-z]+\\.[A-Za-z.]*(?:Exception|Error)\\b");

    /**
     * A problem that a reader reports instead of throwing (a skipped line, a fallback), thrown by
     * a property as the checked error {@link #run} expects.
     */
    public static final class Reported extends Exception {

        private static final long serialVersionUID = 1L;

        /** The reported problem, as the user sees it. */
        public Reported(String problem) {
            super(problem);
        }
    }

    /** The tries run so far in this JVM. */
    public static long executions() {
        return EXECUTIONS.get();
    }

    /** One parse of one input. */
    @FunctionalInterface
    public interface Parse {
        /** Parses; may throw the documented checked error. */
        void run() throws Exception;
    }

    private static Throwable budget(long before, long budget, byte[] input, Throwable outcome) {
        long used = allocated() - before;
        if (before >= 0 && used > budget) {
            AssertionError e = new AssertionError("allocated " + used + " bytes, more than the budget of " + budget
                    + " for an input of " + input.length + " bytes: " + show(input));
            if (outcome != null) {
                e.initCause(outcome);
            }
            return e;
        }
        return outcome;
    }

    private static long allocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /** The input for a failure message: its length and its first bytes, in hex past 400 bytes. */
    public static String show(byte[] input) {
        byte[] head = Arrays.copyOf(input, Math.min(input.length, 400));
        return "an input of " + input.length + " bytes starting " + HexFormat.of().formatHex(head);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static byte[] cutAtLine(byte[] s, int max) {
        int end = max;
        while (end > 0 && s[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(s, end == 0 ? max : end);
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        int i = Math.min(at, in.length);
        byte[] b = new byte[in.length + what.length];
        System.arraycopy(in, 0, b, 0, i);
        System.arraycopy(what, 0, b, i, what.length);
        System.arraycopy(in, i, b, i + what.length, in.length - i);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
