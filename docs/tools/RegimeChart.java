import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws the checklist replay as regime bands behind the S&P 500 ETF and BTC (both on a log scale,
 * each to its own range). Run with any JDK >= 21, no build needed:
 *
 * <pre>java docs/tools/RegimeChart.java docs/checklist-replay.csv product/src/dist/data/sample docs/checklist-replay.png</pre>
 */
public final class RegimeChart {

    private static final Map<String, Color> COLOURS = Map.of(
            "LIQUIDITY_SHOCK", new Color(200, 30, 30), "VOLATILITY_EVENT", new Color(240, 120, 40),
            "TREND_BREAK", new Color(240, 190, 60), "CRYPTO_SPECIFIC", new Color(150, 110, 200),
            "NORMAL", new Color(235, 235, 235), "RISK_ON", new Color(140, 200, 140));

    public static void main(String[] args) throws IOException {
        Path replay = Path.of(args[0]);
        Path sample = Path.of(args[1]);
        Path png = Path.of(args[2]);
        TreeMap<LocalDate, String> regimes = new TreeMap<>();
        for (String line : Files.readAllLines(replay).subList(1, Files.readAllLines(replay).size())) {
            String[] c = line.split(",");
            regimes.put(LocalDate.parse(c[0]), c[1]);
        }
        LocalDate first = regimes.firstKey();
        LocalDate last = regimes.lastKey();
        TreeMap<LocalDate, Double> spy = closes(sample.resolve("yahoo/SPY.csv"), 1, first, last);
        TreeMap<LocalDate, Double> btc = closes(sample.resolve("binance/BTCUSDT_1d.csv"), 4, first, last);

        int w = 1600;
        int h = 700;
        int left = 70;
        int right = 20;
        int top = 50;
        int bottom = 90;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        double dx = (double) (w - left - right) / days;
        for (Map.Entry<LocalDate, String> e : regimes.entrySet()) {
            int x = left + (int) ((e.getKey().toEpochDay() - first.toEpochDay()) * dx);
            LocalDate next = regimes.higherKey(e.getKey());
            int x2 = left + (int) (((next == null ? last.plusDays(1) : next).toEpochDay() - first.toEpochDay()) * dx);
            g.setColor(COLOURS.getOrDefault(e.getValue(), Color.LIGHT_GRAY));
            g.fillRect(x, top, Math.max(1, x2 - x), h - top - bottom);
        }
        line(g, spy, first, dx, left, top, h - bottom, new Color(20, 60, 160));
        line(g, btc, first, dx, left, top, h - bottom, new Color(20, 20, 20));

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Tideline risk-off checklist, replayed over the sample data: regime per day behind SPY (blue) and"
                + " BTC (black), log scales", left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int year = first.getYear() + 1; year <= last.getYear(); year++) {
            int x = left + (int) ((LocalDate.of(year, 1, 1).toEpochDay() - first.toEpochDay()) * dx);
            g.drawLine(x, h - bottom, x, h - bottom + 6);
            g.drawString(Integer.toString(year), x - 14, h - bottom + 22);
        }
        int lx = left;
        for (String regime : List.of("LIQUIDITY_SHOCK", "VOLATILITY_EVENT", "TREND_BREAK", "CRYPTO_SPECIFIC",
                "NORMAL", "RISK_ON")) {
            g.setColor(COLOURS.get(regime));
            g.fillRect(lx, h - 40, 18, 14);
            g.setColor(Color.BLACK);
            g.drawString(regime, lx + 24, h - 28);
            lx += 220;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void line(Graphics2D g, TreeMap<LocalDate, Double> series, LocalDate first, double dx, int left,
            int top, int bottom, Color colour) {
        double min = Math.log(series.values().stream().mapToDouble(Double::doubleValue).min().orElse(1));
        double max = Math.log(series.values().stream().mapToDouble(Double::doubleValue).max().orElse(2));
        g.setColor(colour);
        g.setStroke(new BasicStroke(1.6f));
        int px = -1;
        int py = -1;
        for (Map.Entry<LocalDate, Double> e : series.entrySet()) {
            int x = left + (int) ((e.getKey().toEpochDay() - first.toEpochDay()) * dx);
            int y = bottom - (int) ((Math.log(e.getValue()) - min) / (max - min) * (bottom - top - 10)) - 5;
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    /** date -> close of a Yahoo (Date,Close,...) or Binance (open_time ms,...,close) daily file. */
    private static TreeMap<LocalDate, Double> closes(Path file, int column, LocalDate first, LocalDate last)
            throws IOException {
        TreeMap<LocalDate, Double> out = new TreeMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            LocalDate d = c[0].contains("-") ? LocalDate.parse(c[0])
                    : LocalDate.ofEpochDay(Long.parseLong(c[0]) / 86_400_000L);
            if (!d.isBefore(first) && !d.isAfter(last) && !c[column].isEmpty()) {
                out.put(d, Double.parseDouble(c[column]));
            }
        }
        return out;
    }
}
