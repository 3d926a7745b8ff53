package io.tideline.views.desk.heatmap;

/**
 * Where the parts of the heatmap go on a canvas of a given size: row labels on the left,
 * column labels (rotated) on top, square cells, the colour legend on the right and the
 * sparkline below, or right of the legend when that gives larger cells (a wide, short pane:
 * cells big enough for their numbers). Pure geometry, so tests can find cell centres. Immutable.
 *
 * @param n number of roles
 * @param gridX left edge of the cells
 * @param gridY top edge of the cells
 * @param cell side of one cell in pixels
 * @param legendX left edge of the legend bar
 * @param sparkX left edge of the sparkline plot
 * @param sparkY top edge of the sparkline area (its title, then the plot)
 * @param sparkWidth width of the sparkline plot
 * @param sparkHeight height of the sparkline area
 * @param width canvas width
 */
public record HeatmapLayout(int n, int gridX, int gridY, int cell, int legendX, int sparkX, int sparkY,
        int sparkWidth, int sparkHeight, int width) {

    static final int MARGIN = 8;
    static final int LEGEND_BAR = 14;
    static final int LEGEND_WIDTH = 64;
    static final int SPARK_HEIGHT = 72;
    /** The narrowest sparkline beside the grid, and the room its y-axis labels take on its left. */
    static final int SPARK_MIN_WIDTH = 160;
    static final int SPARK_AXIS = 24;

    /**
     * Lays out {@code n} roles on a {@code width x height} canvas.
     *
     * @param labelWidth the widest role label in pixels
     * @param lineHeight the height of a line of text
     */
    public static HeatmapLayout of(int n, int width, int height, int labelWidth, int lineHeight) {
        int gridX = MARGIN + labelWidth + MARGIN;
        int gridY = MARGIN + labelWidth + MARGIN;
        // Two lines under the grid: the caption and the stale-data note.
        int free = Math.min(width - gridX - LEGEND_WIDTH - MARGIN,
                height - gridY - SPARK_HEIGHT - 2 * lineHeight - 2 * MARGIN);
        int cell = n == 0 ? 0 : Math.max(4, free / n);
        // Beside: the sparkline right of the legend, as high as the grid; the caption under the grid.
        int besideFree = Math.min(width - gridX - LEGEND_WIDTH - SPARK_AXIS - SPARK_MIN_WIDTH - 3 * MARGIN,
                height - gridY - lineHeight - 2 * MARGIN);
        int besideCell = n == 0 ? 0 : besideFree / n;
        // Only when the cells below would be too small for their numbers (a big pane keeps the
        // sparkline below, the full width).
        if (cell < 2 * lineHeight + 4 && besideCell > cell && besideCell * n >= 3 * lineHeight + 40) {
            int legendX = gridX + n * besideCell + 2 * MARGIN;
            int sparkX = legendX + LEGEND_WIDTH + SPARK_AXIS;
            return new HeatmapLayout(n, gridX, gridY, besideCell, legendX, sparkX, gridY,
                    Math.max(40, width - sparkX - MARGIN), n * besideCell, width);
        }
        int legendX = gridX + n * cell + 2 * MARGIN;
        int sparkY = gridY + n * cell + MARGIN + 2 * lineHeight;
        return new HeatmapLayout(n, gridX, gridY, cell, legendX, gridX, sparkY,
                Math.max(40, Math.max(n * cell, width - gridX - LEGEND_WIDTH - MARGIN)), SPARK_HEIGHT, width);
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

    /** Whether the sparkline sits beside the grid (right of the legend) rather than below it. */
    public boolean sparkBeside() {
        return sparkX != gridX;
    }

    /** Whether ({@code x}, {@code y}) is over the sparkline plot. */
    public boolean inSpark(int x, int y) {
        return x >= sparkX() && x < sparkX() + sparkWidth() && y >= sparkY && y < sparkY + sparkHeight;
    }
}
