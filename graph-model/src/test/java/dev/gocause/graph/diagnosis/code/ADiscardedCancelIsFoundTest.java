package dev.gocause.graph.diagnosis.code;

import static dev.gocause.graph.diagnosis.code.EachCodeCheckFiresOnTheMistakeAndNotOnTheFixTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A derived context whose cancel function is assigned to _ can never be cancelled by its maker. */
class ADiscardedCancelIsFoundTest {

  private static List<String> discarded(String src) {
    return findings(src).stream().filter(f -> f.check().equals(ContextChecks.CANCEL_DISCARDED)).map(f -> "@" + f.line()).toList();
  }

  @Test
  void a_cancel_assigned_to_the_blank_identifier_is_found() {
    assertThat(discarded("""
        func lookup(r *Resolver, host string) ([]string, error) {
        	ctx, _ := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
        	return r.LookupHost(ctx, host)
        }
        """)).containsExactly("@2");
  }

  @Test
  void a_cancel_that_is_kept_and_deferred_or_a_value_context_is_fine() {
    assertThat(discarded("""
        func lookup(r *Resolver, host string) ([]string, error) {
        	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
        	defer cancel()
        	v, _ := strconv.Atoi(host)
        	_ = v
        	return r.LookupHost(ctx, host)
        }
        """)).isEmpty();
  }
}
