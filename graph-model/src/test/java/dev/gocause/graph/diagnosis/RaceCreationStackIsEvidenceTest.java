package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The stack under "Goroutine N (running) created at:" in a race report says where the racing
 * goroutine was started (inside Once.Do, in a deferred call): its frames are offered as a stack
 * group, while the report still lists only the two racing accesses.
 */
class RaceCreationStackIsEvidenceTest {
  private static final String RACE = """
      ==================
      WARNING: DATA RACE
      Write at 0x0000005ab830 by goroutine 7:
        main.load.func1.1()
            /src/app/main.go:14 +0x29

      Previous read at 0x0000005ab830 by main goroutine:
        main.main()
            /src/app/main.go:20 +0x59

      Goroutine 7 (running) created at:
        main.load.func1()
            /src/app/main.go:14 +0x29
        sync.(*Once).doSlow()
            /usr/lib/go-1.19/src/sync/once.go:74 +0x101
        sync.(*Once).Do()
            /usr/lib/go-1.19/src/sync/once.go:65 +0x46
        main.main()
            /src/app/main.go:19 +0x29
      ==================
      Found 1 data race(s)
      """;

  @Test
  void frames_of_the_creation_stack_form_a_stack_group_with_their_line_numbers() {
    ParsedInput p = GoOutputParser.parse(RACE);
    assertThat(p.races()).hasSize(1);
    assertThat(p.races().get(0).accesses()).extracting(ParsedInput.RaceAccess::access).containsExactly("Write", "Previous read");
    var created = p.goroutines().stacks().stream().filter(g -> g.frames().contains("sync.(*Once).Do")).toList();
    assertThat(created).hasSize(1);
    ParsedInput.StackGroup g = created.get(0);
    assertThat(g.frames()).containsExactly("main.load.func1", "sync.(*Once).doSlow", "sync.(*Once).Do", "main.main");
    assertThat(g.frameLines()).containsExactly(12, 14, 16, 18);
    assertThat(g.state()).isEmpty();
  }

  @Test
  void a_creation_stack_outside_a_race_report_is_not_read_as_one() {
    ParsedInput p = GoOutputParser.parse("Goroutine 7 (running) created at:\n  sync.(*Once).Do()\n");
    assertThat(p.goroutines().stacks()).noneMatch(g -> g.frames().contains("sync.(*Once).Do"));
  }
}
