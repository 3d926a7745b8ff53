package io.tideline.views.desk.heatmap;

/**
 * Where the parts of the heatmap go on a canvas of a given size: row labels on the left,
 * column labels (rotated) on top, square cells, the colour legend on the right and the
 * sparkline below. Pure geometry, so tests can find cell centres. Immutable.
 *
 * @param n number of roles
 * @param gridX left edge of the cells
 * @param gridY top edge of the cells
 * @param cell side of one cell in pixels
 * @param legendX left edge of the legend bar
 * @param sparkY top edge of the sparkline area
 * @param sparkHeight height of the sparkline area
 * @param width canvas width
 */
public record HeatmapLayout(int n, int gridX, int gridY, int cell, int legendX, int sparkY, int sparkHeight,
        int width) {

    static final int MARGIN = 8;
    static final int LEGEND_BAR = 14;
    static final int LEGEND_WIDTH = 64;
    static final int SPARK_HEIGHT = 72;

    /**
     * Lays out {@code n} roles on a {@code width x height} canvas.
     *
     * @param labelWidth the widest role label in pixels
     * @param lineHeight the height of a line of text
     */
    public static HeatmapLayout of(int n, int width, int height, int labelWidth, int lineHeight) {
        int gridX = MARGIN + labelWidth + MARGIN;
        int gridY = MARGIN + labelWidth + MARGIN;
        int free = Math.min(width - gridX - LEGEND_WIDTH - MARGIN,
                height - gridY - SPARK_HEIGHT - lineHeight - 2 * MARGIN);
        int cell = n == 0 ? 0 : Math.max(4, free / n);
        int legendX = gridX + n * cell + 2 * MARGIN;
        int sparkY = gridY + n * cell + MARGIN + lineHeight;
        return new HeatmapLayout(n, gridX, gridY, cell, legendX, sparkY, SPARK_HEIGHT, width);
    }

    /** The x of the centre of column {@code j}. */
    public int centreX(int j) {
        return gridX + j * cell + cell / 2;
    }

    /** The y of the centre of row {@code i}. */
    public int centreY(int i) {
        return gridY + i * cell + cell / 2;
    }

    /** The cell under ({@code x}, {@code y}) as {@code row * n + column}, or -1 outside the grid. */
    public int hit(int x, int y) {
        if (cell <= 0 || x < gridX || y < gridY) {
            return -1;
        }
        int j = (x - gridX) / cell;
        int i = (y - gridY) / cell;
        return i < n && j < n ? i * n + j : -1;
    }

    /** The left edge of the sparkline plot. */
    public int sparkX() {
        return gridX;
    }

    /** The width of the sparkline plot. */
    public int sparkWidth() {
        return Math.max(40, Math.max(n * cell, width - gridX - LEGEND_WIDTH - MARGIN));
    }

    /** Whether ({@code x}, {@code y}) is over the sparkline plot. */
    public boolean inSpark(int x, int y) {
        return x >= sparkX() && x < sparkX() + sparkWidth() && y >= sparkY && y < sparkY + sparkHeight;
    }
}
