package io.tideline.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.scenario.api.Portfolio;
import io.tideline.scenario.api.PortfolioException;
import io.tideline.scenario.api.Position;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a portfolio file: JSON ({@code {"positions":[{"role":"btc","quantity":2,"leverage":3},
 * {"role":"spx","notional":100000}]}}) when the name ends in {@code .json} or the text starts with
 * {@code {}, else CSV with the header {@code role,quantity,notional,leverage} (quantity or
 * notional per row, leverage optional; {@code #} starts a comment). Errors name the file, the line
 * and the field. The JSON is walked with Jackson's streaming parser so that every error carries
 * the line of the position at fault. Thread-safe.
 */
final class PortfolioReader {

    private static final List<String> COLUMNS = List.of("role", "quantity", "notional", "leverage");
    private static final JsonMapper MAPPER = JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PortfolioReader() {
    }

    static Portfolio read(Path file) throws PortfolioException {
        return read(file, null);
    }

    /**
     * Reads a portfolio whose roles must be among {@code moved} (null: any role); see
     * {@link #moved}.
     */
    static Portfolio read(Path file, java.util.Collection<String> moved) throws PortfolioException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PortfolioException(name, 0, "", "cannot be read (" + e + ")");
        }
        String text = utf8(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
        Portfolio p = json ? json(name, text) : csv(name, text);
        if (p.positions().isEmpty()) {
            throw new PortfolioException(name, 0, "", "expected at least one position");
        }
        String field = json ? "$.positions[%d].role" : "role";
        once(p, field);
        if (moved != null) {
            moved(p, moved, field);
        }
        return p;
    }

    /** The most a notional or a quantity may be: 1e13 (USD 10 trillion), beyond any book. */
    static final double MAX_SIZE = 1e13;

    /**
     * Refuses a role given twice, naming both lines: two positions in one role are usually a
     * pasted line, and adding them silently would hide it.
     */
    private static void once(Portfolio p, String field) throws PortfolioException {
        java.util.Map<String, Position> first = new java.util.HashMap<>();
        for (int i = 0; i < p.positions().size(); i++) {
            Position pos = p.positions().get(i);
            Position before = first.putIfAbsent(pos.role(), pos);
            if (before != null) {
                throw new PortfolioException(p.source(), pos.line(), String.format(field, i), "'" + shortened(pos.role(), 80)
                        + "' is given twice"
                        + " (lines " + before.line() + " and " + pos.line() + "); expected one position per role"
                        + " (add their sizes into one)");
            }
        }
    }

    /**
     * Refuses a position whose role no scenario of the pack moves: its P&amp;L would be 0 in every
     * scenario (a typo such as {@code doge} or {@code bitcoin} would pass for a hedge).
     *
     * @param moved the roles the pack's scenarios shock, in pack order
     * @param field the field's name, with {@code %d} for the position's index in a JSON file
     */
    private static void moved(Portfolio p, java.util.Collection<String> moved, String field)
            throws PortfolioException {
        for (int i = 0; i < p.positions().size(); i++) {
            Position pos = p.positions().get(i);
            if (!moved.contains(pos.role())) {
                throw new PortfolioException(p.source(), pos.line(), String.format(field, i),
                        "expected a role the scenarios move ("
                        + String.join(", ", moved) + "), got '" + shortened(pos.role(), 80) + "', whose P&L would be"
                        + " 0 in every scenario");
            }
        }
    }

    /**
     * The text of a UTF-8 file; a byte that is not UTF-8 is named with its line in words (the
     * decoder alone says "Input length = 1").
     */
    private static String utf8(String name, byte[] bytes) throws PortfolioException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new PortfolioException(name, line, "", String.format("byte 0x%02X is not valid UTF-8 (the file may"
                    + " be Latin-1 or Windows-1252; save it as UTF-8)", bytes[at] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    static Portfolio json(String name, String text) throws PortfolioException {
        List<Position> positions = new ArrayList<>();
        JsonParser in;
        try {
            in = MAPPER.createParser(text);
        } catch (IOException e) {
            throw new PortfolioException(name, 0, "", "cannot be read (" + e.getMessage() + ")");
        }
        try (in) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new PortfolioException(name, line(in), "$", "expected a JSON object {\"positions\": [...]}");
            }
            boolean seen = false;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String key = in.currentName();
                if (!key.equals("positions")) {
                    throw new PortfolioException(name, line(in), "$." + shortened(key, 80), "unknown key; expected positions");
                }
                if (in.nextToken() != JsonToken.START_ARRAY) {
                    throw new PortfolioException(name, line(in), "$.positions", "expected a JSON array of positions");
                }
                seen = true;
                int index = 0;
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    positions.add(position(name, in, "$.positions[" + index++ + "]"));
                }
            }
            if (!seen) {
                throw new PortfolioException(name, 1, "$.positions", "missing; expected a JSON array of positions");
            }
            if (in.nextToken() != null) {
                throw new PortfolioException(name, line(in), "$", "expected nothing after the portfolio object");
            }
        } catch (JsonProcessingException e) {
            // A stream limit (a number of over 1,000 digits, nesting over 1,000 deep) comes without
            // a location: the place is then where the parser stopped.
            JsonLocation at = e.getLocation() != null ? e.getLocation() : in.currentLocation();
            throw new PortfolioException(name, Math.max(1, at.getLineNr()), "",
                    "expected valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new PortfolioException(name, 0, "", "cannot be read (" + e + ")");
        }
        return new Portfolio(name, positions);
    }

    private static Position position(String name, JsonParser in, String path) throws IOException, PortfolioException {
        int line = line(in);
        if (in.currentToken() != JsonToken.START_OBJECT) {
            throw new PortfolioException(name, line, path, "expected a JSON object with role and quantity or notional");
        }
        String role = null;
        Double quantity = null;
        Double notional = null;
        Double leverage = null;
        Set<String> seen = new HashSet<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken value = in.nextToken();
            String at = path + "." + shortened(key, 80);
            if (!seen.add(key)) {
                throw new PortfolioException(name, line(in), at, "given twice");
            }
            switch (key) {
                case "role" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new PortfolioException(name, line(in), at, "expected a role name such as btc or spx");
                    }
                    role = in.getText();
                }
                case "quantity", "notional", "leverage" -> {
                    if (!value.isNumeric()) {
                        throw new PortfolioException(name, line(in), at, "expected a number, got " + in.getText());
                    }
                    double v = in.getDoubleValue();
                    if (key.equals("quantity")) {
                        quantity = v;
                    } else if (key.equals("notional")) {
                        notional = v;
                    } else {
                        leverage = v;
                    }
                }
                default -> throw new PortfolioException(name, line(in), at,
                        "unknown key; expected one of " + String.join(", ", COLUMNS));
            }
        }
        return make(name, line, path + ".", role, quantity, notional, leverage);
    }

    private static int line(JsonParser in) {
        return in.currentTokenLocation().getLineNr();
    }

    static Portfolio csv(String name, String text) throws PortfolioException {
        List<Position> positions = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader r = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(r, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("role") || !(header.contains("quantity") || header.contains("notional"))) {
                throw new PortfolioException(name, 1, "", "expected the header role,quantity,notional,leverage"
                        + " (quantity or notional, leverage optional), got " + shortened(String.join(",", parser.getHeaderNames()), 200));
            }
            for (String h : header) {
                if (!COLUMNS.contains(h)) {
                    throw new PortfolioException(name, 1, shortened(h, 80), "unknown column; expected role, quantity, notional, leverage");
                }
            }
            for (CSVRecord rec : parser) {
                int line = (int) rec.getParser().getCurrentLineNumber();
                if (rec.size() != header.size()) {
                    throw new PortfolioException(name, line, "", "expected " + header.size() + " columns, got "
                            + rec.size());
                }
                String role = null;
                Double quantity = null;
                Double notional = null;
                Double leverage = null;
                for (int c = 0; c < header.size(); c++) {
                    String h = header.get(c);
                    String cell = rec.get(c);
                    if (h.equals("role")) {
                        role = cell.isEmpty() ? null : cell;
                    } else if (!cell.isEmpty()) {
                        double v = number(name, line, h, cell);
                        switch (h) {
                            case "quantity" -> quantity = v;
                            case "notional" -> notional = v;
                            default -> leverage = v;
                        }
                    }
                }
                positions.add(make(name, line, "", role, quantity, notional, leverage));
            }
        } catch (IllegalArgumentException e) {
            // Commons CSV refuses an empty or repeated header name this way, before any row.
            throw new PortfolioException(name, 1, "", "expected the header role,quantity,notional,leverage with"
                    + " distinct names (" + shortened(String.valueOf(e.getMessage()), 200) + ")");
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // Commons CSV says the line in its message ("... at line: 3, position: 10"); it becomes the place.
            String why = String.valueOf(e.getMessage());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line:? (\\d+)").matcher(why);
            int line = m.find() ? (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(1))) : 1;
            throw new PortfolioException(name, Math.max(1, line), "", "expected valid CSV ("
                    + shortened(why, 300) + ")");
        }
        return new Portfolio(name, positions);
    }

    private static double number(String file, int line, String column, String cell) throws PortfolioException {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the file, line and column
        }
        throw new PortfolioException(file, line, column, "expected a number, got '" + shortened(cell, 80) + "'");
    }

    private static Position make(String file, int line, String prefix, String role, Double quantity, Double notional,
            Double leverage) throws PortfolioException {
        if (role == null || !role.matches("[a-z0-9]+(\\.[a-z0-9]+)*")) {
            throw new PortfolioException(file, line, prefix + "role", "expected a role name such as btc or spx, got "
                    + (role == null ? "nothing" : "'" + shortened(role, 80) + "'"));
        }
        if ((quantity == null) == (notional == null)) {
            throw new PortfolioException(file, line, prefix + (quantity == null ? "quantity" : "notional"),
                    "expected either a quantity or a notional, not " + (quantity == null ? "neither" : "both"));
        }
        double lev = leverage == null ? 1 : leverage;
        if (!(lev >= 1 && lev <= 1000)) {
            throw new PortfolioException(file, line, prefix + "leverage", "expected a number in [1, 1000], got " + lev);
        }
        double size = quantity != null ? quantity : notional;
        if (!Double.isFinite(size)) {
            // 1.8e308 reads as infinity; Position would refuse it without the file and line.
            throw new PortfolioException(file, line, prefix + (quantity != null ? "quantity" : "notional"),
                    "expected a finite number, got " + size);
        }
        if (Math.abs(size) > MAX_SIZE) {
            throw new PortfolioException(file, line, prefix + (quantity != null ? "quantity" : "notional"),
                    "expected a size of at most 1e13 either way (10 trillion), got " + size);
        }
        return new Position(role, quantity, notional, lev, line);
    }

    /** {@code text} up to {@code max} characters, with its full length said when cut. */
    static String shortened(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "… (" + String.format("%,d", text.length()) + " characters)";
    }
}
