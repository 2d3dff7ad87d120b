package dev.gocause.kernel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Decimals#fixed} replaces {@code String.format(Locale.ROOT, "%.Nf", v)} in the kernel's
 * drawings and cards: the text must stay the same for the numbers they show (coordinates in half
 * pixels, weights and scores between 0 and 1) and for the awkward ones (ties, tiny and huge
 * values, negative zero, NaN, infinities).
 */
class DecimalsWriteNumbersAsStringFormatDoesTest {

  private static List<Double> numbers() {
    List<Double> out = new ArrayList<>(List.of(0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 2.925, 3.05, 1.005, 0.125,
        -0.04, -1.25, -2.5, 9.95, 99.95, 999.999, 1e-7, 5e-5, 123456789.25, 1e22, 4.35, 0.8 + 2.5 * 0.9,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    for (int half = 0; half < 4000; half++) {
      out.add(half / 2.0); // SVG coordinates: whole and half pixels
    }
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      out.add(random.nextDouble()); // weights, scores
      out.add(0.8 + 2.5 * Math.round(random.nextDouble() * 100) / 100.0); // stroke widths from two-decimal weights
      out.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4));
    }
    return out;
  }

  @Test
  void every_number_reads_as_string_format_writes_it_with_one_two_and_no_decimals() {
    for (double v : numbers()) {
      for (int places : new int[] {0, 1, 2, 3}) {
        assertThat(Decimals.fixed(v, places)).as("%s with %d decimals", v, places)
            .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
      }
    }
  }

  @Test
  void a_negative_count_of_decimals_is_refused_with_its_value() {
    assertThatThrownBy(() -> Decimals.fixed(1.5, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("places must be 0 or more, was -1");
  }
}
