package org.c2cgateway.bench.exchange;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A line chart of medians with min–max whiskers, on one or two y axes, drawn with Java2D into a PNG. Plain AWT
 * rather than a charting library, since the harness runs on build machines without a display and the bench
 * module should not grow a dependency for two pictures.
 */
final class Chart {

    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    static {
        // before any AWT class loads: the harness runs on machines without a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** A configuration's median and range at one x. */
    record Point(double x, Spread y) {
    }

    /**
     * @param onRightAxis whether read against the right axis (drawn dashed, with square markers)
     * @param hue         the series' colour, so that two figures of one suite share it
     */
    record Series(String label, List<Point> points, boolean onRightAxis, int hue) {
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};
    private static final int LEFT = 80;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final ChartAxis x;
    private final String leftLabel;
    private final String rightLabel;
    private final List<Series> series;

    /** @param rightLabel null for a chart with one y axis */
    Chart(String title, String xLabel, ChartAxis x, String leftLabel, String rightLabel, List<Series> series) {
        this.title = title;
        this.xLabel = xLabel;
        this.x = x;
        this.leftLabel = leftLabel;
        this.rightLabel = rightLabel;
        this.series = List.copyOf(series);
    }

    void write(Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Plot plot = new Plot(LEFT, TOP, WIDTH - LEFT - (rightLabel == null ? 30 : LEFT), HEIGHT - TOP - BOTTOM);
        ChartAxis left = ChartAxis.linear(highest(false));
        ChartAxis right = rightLabel == null ? null : ChartAxis.linear(highest(true));

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        centred(g, title, WIDTH / 2, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        drawAxes(g, plot, left, right);
        for (Series s : series) {
            drawSeries(g, plot, s, s.onRightAxis() ? right : left);
        }
        drawLegend(g, plot);
    }

    private double highest(boolean rightAxis) {
        return series.stream().filter(s -> s.onRightAxis() == rightAxis).flatMap(s -> s.points().stream())
                .mapToDouble(p -> p.y().max()).filter(Double::isFinite).max().orElse(1);
    }

    private void drawAxes(Graphics2D g, Plot plot, ChartAxis left, ChartAxis right) {
        FontMetrics fm = g.getFontMetrics();
        for (double tick : left.ticks()) {
            int py = plot.y(left, tick);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(plot.x, py, plot.x + plot.width, py);
            g.setColor(Color.BLACK);
            g.drawString(left.label(tick), plot.x - 6 - fm.stringWidth(left.label(tick)), py + fm.getAscent() / 2);
        }
        if (right != null) {
            for (double tick : right.ticks()) {
                int py = plot.y(right, tick);
                g.drawLine(plot.x + plot.width, py, plot.x + plot.width + 4, py);
                g.drawString(right.label(tick), plot.x + plot.width + 7, py + fm.getAscent() / 2);
            }
            vertical(g, rightLabel, WIDTH - 16, plot.y + plot.height / 2, Math.PI / 2);
        }
        for (double tick : x.ticks()) {
            int px = plot.x(x, tick);
            g.drawLine(px, plot.y + plot.height, px, plot.y + plot.height + 4);
            centred(g, x.label(tick), px, plot.y + plot.height + 6 + fm.getAscent());
        }
        g.drawRect(plot.x, plot.y, plot.width, plot.height);
        centred(g, xLabel, plot.x + plot.width / 2, HEIGHT - 16);
        vertical(g, leftLabel, 20, plot.y + plot.height / 2, -Math.PI / 2);
    }

    private void drawSeries(Graphics2D g, Plot plot, Series s, ChartAxis y) {
        Color colour = PALETTE[s.hue() % PALETTE.length];
        List<Point> points = new ArrayList<>(s.points().stream()
                .filter(p -> Double.isFinite(p.y().median()) && (!x.log() || p.x() > 0)).toList());
        points.sort(Comparator.comparingDouble(Point::x));
        g.setColor(colour);
        g.setStroke(line(s.onRightAxis()));
        for (int i = 1; i < points.size(); i++) {
            g.drawLine(plot.x(x, points.get(i - 1).x()), plot.y(y, points.get(i - 1).y().median()),
                    plot.x(x, points.get(i).x()), plot.y(y, points.get(i).y().median()));
        }
        g.setStroke(new BasicStroke(1));
        for (Point p : points) {
            int px = plot.x(x, p.x());
            int low = plot.y(y, p.y().min());
            int high = plot.y(y, p.y().max());
            g.drawLine(px, low, px, high);
            g.drawLine(px - 4, low, px + 4, low);
            g.drawLine(px - 4, high, px + 4, high);
            marker(g, px, plot.y(y, p.y().median()), s.onRightAxis());
        }
    }

    private void drawLegend(Graphics2D g, Plot plot) {
        FontMetrics fm = g.getFontMetrics();
        int width = 40 + series.stream().mapToInt(s -> fm.stringWidth(s.label())).max().orElse(0);
        int row = fm.getHeight() + 2;
        int lx = plot.x + 10;
        int ly = plot.y + 10;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(lx, ly, width, row * series.size() + 8);
        g.setColor(Color.GRAY);
        g.drawRect(lx, ly, width, row * series.size() + 8);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int cy = ly + 4 + row * i + row / 2;
            g.setColor(PALETTE[s.hue() % PALETTE.length]);
            g.setStroke(line(s.onRightAxis()));
            g.drawLine(lx + 6, cy, lx + 28, cy);
            g.setStroke(new BasicStroke(1));
            marker(g, lx + 17, cy, s.onRightAxis());
            g.setColor(Color.BLACK);
            g.drawString(s.label(), lx + 34, cy + fm.getAscent() / 2 - 1);
        }
    }

    private static Stroke line(boolean dashed) {
        return dashed ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {7, 5}, 0)
                : new BasicStroke(2);
    }

    private static void marker(Graphics2D g, int px, int py, boolean square) {
        if (square) {
            g.fillRect(px - 4, py - 4, 8, 8);
        } else {
            g.fillOval(px - 4, py - 4, 8, 8);
        }
    }

    private static void centred(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    private static void vertical(Graphics2D g, String text, int cx, int cy, double angle) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(angle);
        centred(g, text, 0, g.getFontMetrics().getAscent() / 2);
        g.setTransform(saved);
    }

    /** The plotting area in pixels, and where a value falls in it. */
    private record Plot(int x, int y, int width, int height) {

        int x(ChartAxis axis, double value) {
            return x + (int) Math.round(axis.fraction(value) * width);
        }

        int y(ChartAxis axis, double value) {
            return y + height - (int) Math.round(axis.fraction(value) * height);
        }
    }
}
