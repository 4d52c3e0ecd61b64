package dev.qcl.report;

import java.math.BigDecimal;

/** A chart axis from zero to a round maximum in round steps (1, 2, 2.5 or 5 times a power of ten). */
record AxisScale(double max, double step) {

    static AxisScale upTo(double largest, int ticks, boolean wholeNumbers) {
        double top = largest > 0 ? largest : 1;
        double rough = top / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        double factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
        double step = factor * magnitude;
        if (wholeNumbers) {
            step = Math.max(1, Math.ceil(step));
        }
        return new AxisScale(Math.ceil(top / step - 1e-9) * step, step);
    }

    int ticks() {
        return (int) Math.round(max / step);
    }

    double tick(int i) {
        return i * step;
    }

    /** A tick label without trailing zeros: "0", "2.5", "0.05". */
    static String label(double value) {
        return BigDecimal.valueOf(value)
                .setScale(6, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
