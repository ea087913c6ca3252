package io.camelquivo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The bench's chart, drawn with Java2D: client throughput, the service at Quivo's latency, and every figure's result. */
final class Chart {

    private static final int WIDTH = 1100;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color[] CONTENDERS = {new Color(0x88, 0x88, 0x88), new Color(0x1f, 0x6f, 0xb4),
            new Color(0xe0, 0x8a, 0x1e)};
    private static final String[] NAMES = {"raw", "quivo", "camel-http"};
    private static final Color PASS = new Color(0x2e, 0x9b, 0x4a);
    private static final Color MISS = new Color(0xd0, 0x3b, 0x3b);
    private static final Color NA = new Color(0xa0, 0xa0, 0xa0);

    private Chart() {
    }

    static void render(Results results, Path file) throws IOException {
        List<Figure> figures = results.figures();
        int rowHeight = 22;
        int scoreTop = 380;
        int height = scoreTop + 40 + rowHeight * ((figures.size() + 1) / 2) + 20;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString("camel-quivo bench, " + results.started().toString().substring(0, 10) + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores (indicative)", 20, 30);
            clients(g, results.details().path("client"), 20, 60, 520, 290);
            service(g, results.details(), 580, 60, 500, 290);
            scorecard(g, figures, 20, scoreTop, rowHeight);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void clients(Graphics2D g, JsonNode client, int x, int y, int w, int h) {
        title(g, "Client throughput, orders/s (median of rounds)", x, y);
        String[] levels = {"c16", "c64"};
        double max = 1;
        for (String level : levels) {
            for (String name : NAMES) {
                max = Math.max(max, client.path(level).path("median").path(name).path("perSecond").asDouble());
            }
        }
        int plotTop = y + 30;
        int plotBottom = y + h - 40;
        int plotLeft = x + 50;
        if (!client.path("c16").has("median") && !client.path("c64").has("median")) {
            notMeasured(g, x + w / 2, (plotTop + plotBottom) / 2);
            return;
        }
        max = niceCeiling(max);
        axis(g, plotLeft, plotTop, x + w, plotBottom, max);
        int groupWidth = (x + w - plotLeft) / levels.length;
        int bar = Math.min(50, (groupWidth - 40) / 3);
        for (int l = 0; l < levels.length; l++) {
            int groupLeft = plotLeft + l * groupWidth + (groupWidth - 3 * bar) / 2;
            for (int i = 0; i < NAMES.length; i++) {
                double v = client.path(levels[l]).path("median").path(NAMES[i]).path("perSecond").asDouble(Double.NaN);
                int left = groupLeft + i * bar;
                if (!Double.isNaN(v)) {
                    int top = plotBottom - (int) Math.round((plotBottom - plotTop) * v / max);
                    g.setColor(CONTENDERS[i]);
                    g.fillRect(left + 3, top, bar - 6, plotBottom - top);
                    g.setColor(INK);
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                    centered(g, String.format(Locale.ROOT, "%.0f", v), left + bar / 2, top - 4);
                }
            }
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            centered(g, "concurrency " + levels[l].substring(1), plotLeft + l * groupWidth + groupWidth / 2,
                    plotBottom + 18);
        }
        int legendX = plotLeft;
        for (int i = 0; i < NAMES.length; i++) {
            g.setColor(CONTENDERS[i]);
            g.fillRect(legendX, y + h - 14, 12, 12);
            g.setColor(INK);
            g.drawString(NAMES[i], legendX + 16, y + h - 3);
            legendX += 110;
        }
    }

    private static void service(Graphics2D g, JsonNode details, int x, int y, int w, int h) {
        String[] routes = {"files", "kafka"};
        int latency = details.path("service_files").path("latencyMs").asInt(
                details.path("service_kafka").path("latencyMs").asInt(100));
        title(g, "Service at " + latency + " ms latency, orders/s", x, y);
        double max = 1;
        for (String route : routes) {
            JsonNode r = details.path("service_" + route);
            max = Math.max(max, Math.max(r.path("ordersPerSecond").asDouble(), ideal(r)));
        }
        int plotTop = y + 30;
        int plotBottom = y + h - 40;
        int plotLeft = x + 50;
        if (!details.path("service_files").has("ordersPerSecond") && !details.path("service_kafka").has("ordersPerSecond")) {
            notMeasured(g, x + w / 2, (plotTop + plotBottom) / 2);
            return;
        }
        max = niceCeiling(max);
        axis(g, plotLeft, plotTop, x + w, plotBottom, max);
        int groupWidth = (x + w - plotLeft) / routes.length;
        int bar = 60;
        for (int i = 0; i < routes.length; i++) {
            JsonNode r = details.path("service_" + routes[i]);
            int left = plotLeft + i * groupWidth + (groupWidth - 2 * bar) / 2;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            if (r.has("ordersPerSecond")) {
                double v = r.path("ordersPerSecond").asDouble();
                int top = plotBottom - (int) Math.round((plotBottom - plotTop) * v / max);
                g.setColor(CONTENDERS[1]);
                g.fillRect(left + 4, top, bar - 8, plotBottom - top);
                g.setColor(INK);
                centered(g, String.format(Locale.ROOT, "%.1f", v), left + bar / 2, top - 4);
                double ideal = ideal(r);
                int idealTop = plotBottom - (int) Math.round((plotBottom - plotTop) * ideal / max);
                g.setColor(GRID.darker());
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
                g.drawRect(left + bar + 4, idealTop, bar - 8, plotBottom - idealTop);
                g.setStroke(new BasicStroke(1));
                g.setColor(INK);
                centered(g, String.format(Locale.ROOT, "%.0f", ideal), left + bar + bar / 2, idealTop - 4);
            } else {
                g.setColor(NA);
                centered(g, "n/a", left + bar, plotBottom - 10);
            }
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            centered(g, routes[i] + " route", plotLeft + i * groupWidth + groupWidth / 2, plotBottom + 18);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(CONTENDERS[1]);
        g.fillRect(plotLeft, y + h - 14, 12, 12);
        g.setColor(INK);
        g.drawString("measured", plotLeft + 16, y + h - 3);
        g.setColor(GRID.darker());
        g.drawRect(plotLeft + 110, y + h - 14, 12, 12);
        g.setColor(INK);
        g.drawString("concurrency / latency", plotLeft + 126, y + h - 3);
    }

    private static double ideal(JsonNode route) {
        int concurrency = Math.max(route.path("nominalConcurrency").asInt(), route.path("peakCallsInFlight").asInt());
        return concurrency * 1000.0 / Math.max(1, route.path("latencyMs").asInt(100));
    }

    private static void scorecard(Graphics2D g, List<Figure> figures, int x, int y, int rowHeight) {
        title(g, "Figures against their targets", x, y);
        int columnWidth = (WIDTH - 2 * x) / 2;
        int perColumn = (figures.size() + 1) / 2;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            int left = x + (i / perColumn) * columnWidth;
            int baseline = y + 34 + (i % perColumn) * rowHeight;
            Color chip = switch (f.status()) {
                case PASS -> f.target() == null ? CONTENDERS[1] : PASS;
                case MISS -> MISS;
                case NA -> NA;
            };
            g.setColor(chip);
            g.fillRoundRect(left, baseline - 12, 44, 16, 8, 8);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            centered(g, f.statusText().isEmpty() ? "info" : f.statusText(), left + 22, baseline);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(f.name(), left + 54, baseline);
            String value = f.valueText() + (f.value() == null || f.unit().isEmpty() ? "" : " " + f.unit());
            g.drawString(value, left + 300, baseline);
            if (f.target() != null) {
                g.setColor(NA.darker());
                g.drawString("target " + f.target(), left + 400, baseline);
            }
        }
    }

    private static void notMeasured(Graphics2D g, int centerX, int baseline) {
        g.setColor(NA);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, "not measured in this run", centerX, baseline);
    }

    private static void title(Graphics2D g, String text, int x, int y) {
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(text, x, y + 12);
    }

    private static void axis(Graphics2D g, int left, int top, int right, int bottom, double max) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            int yy = bottom - (bottom - top) * t / 4;
            g.setColor(GRID);
            g.drawLine(left, yy, right, yy);
            g.setColor(INK);
            String label = String.format(Locale.ROOT, "%.0f", max * t / 4);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), yy + 4);
        }
        g.drawLine(left, bottom, right, bottom);
    }

    private static void centered(Graphics2D g, String text, int centerX, int baseline) {
        g.drawString(text, centerX - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code v}: round axis labels. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= v) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
