package dev.gocause.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.sim.vm.Machine;
import org.junit.jupiter.api.Test;

/** fmt.Sscan/Sscanln/Sscanf and time.ParseDuration, Duration/Time Truncate and Round, Time.Format print what Go 1.19 printed, errors included. */
class ScanfAndTimeTextFunctionsMatchGo119Test {

  @Test
  void sscan_sscanln_and_sscanf_fill_pointers_and_fail_with_go_s_errors() {
    Machine m = GoSources.runOnce(GoSources.resource("library/scan.go"), "scan.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/scan.out"));
  }

  @Test
  void parse_duration_truncate_round_and_format_print_what_go_printed() {
    Machine m = GoSources.runOnce(GoSources.resource("library/time_text.go"), "time_text.go", 1);
    assertThat(m.outcome).as("%s", m.crash).isEqualTo(Machine.Outcome.OK);
    assertThat(m.out.toString()).isEqualTo(GoSources.resource("library/time_text.out"));
  }
}
