package dev.gocause.kernel.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers with a fixed count of decimals, written exactly as {@code String.format(Locale.ROOT,
 * "%.Nf", v)} writes them but without {@link java.util.Formatter}: in a fresh kernel JVM the first
 * formatted number cost 10 to 25 ms (the format parser, locale data, floating-point formatting
 * classes), paid by the first answer that draws a graph or lists weights.
 */
public final class Decimals {
  private Decimals() {}

  /**
   * {@code v} rounded half-up to {@code places} decimals (from its shortest decimal form, as
   * {@code Formatter} rounds), with a sign for negative values and {@code -0.0};
   * {@code NaN} and infinities as {@code Formatter} writes them.
   */
  public static String fixed(double v, int places) {
    if (places < 0) {
      throw new IllegalArgumentException("places must be 0 or more, was " + places);
    }
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    String digits = BigDecimal.valueOf(Math.abs(v)).setScale(places, RoundingMode.HALF_UP).toPlainString();
    return Double.doubleToRawLongBits(v) < 0 ? "-" + digits : digits;
  }
}
