package io.camelquivo.bench;

import java.math.BigDecimal;

/** What a figure should be, as issue 14 states it; a figure either meets it or misses it, and a miss is data. */
record Target(String op, double bound) {

    static Target atLeast(double bound) {
        return new Target(">=", bound);
    }

    static Target atMost(double bound) {
        return new Target("<=", bound);
    }

    static Target exactly(double bound) {
        return new Target("=", bound);
    }

    static Target isTrue() {
        return new Target("is", 1);
    }

    boolean met(Object value) {
        if (value instanceof Boolean flag) {
            return op.equals("is") && flag;
        }
        double v = ((Number) value).doubleValue();
        return switch (op) {
            case ">=" -> v >= bound;
            case "<=" -> v <= bound;
            case "=" -> v == bound;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return op.equals("is") ? "true" : op + " " + BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }
}
