package io.camelquivo.bench;

import java.util.Locale;

/**
 * One measured figure. {@code value} is a Number or a Boolean, or null when the figure could not be measured,
 * and then {@code note} says why: the bench never puts a number where it measured none.
 */
record Figure(String name, Object value, String unit, Target target, String note) {

    enum Status { PASS, MISS, NA }

    Status status() {
        if (value == null) {
            return Status.NA;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return Status.NA;
        }
        return target == null || target.met(value) ? Status.PASS : Status.MISS;
    }

    String statusText() {
        return switch (status()) {
            case PASS -> target == null ? "" : "pass";
            case MISS -> "miss";
            case NA -> "n/a";
        };
    }

    String valueText() {
        if (value == null) {
            return "n/a";
        }
        if (value instanceof Number n) {
            return format(n.doubleValue(), Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** Three significant digits for small numbers, whole numbers for large ones: figures, not digits of noise. */
    static String format(double v, Locale locale) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(locale, "%d", (long) v);
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(locale, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(locale, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(locale, "%.2f", v);
        }
        if (a >= 0.01) {
            return String.format(locale, "%.3f", v);
        }
        return String.format(locale, "%.4f", v);
    }
}
