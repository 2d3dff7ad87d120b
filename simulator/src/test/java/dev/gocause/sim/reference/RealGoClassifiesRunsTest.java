package dev.gocause.sim.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the harness names a run, from Go's own output and exit status. */
class RealGoClassifiesRunsTest {

    private static final Duration T = Duration.ofMillis(5);

    @Test
    void a_program_that_prints_panic_text_but_exits_zero_is_clean() {
        assertThat(RealGo.classify("panic: just a word in my output\n", 0, false, T).outcome()).isEqualTo(RealGo.Outcome.CLEAN);
    }

    @Test
    void a_deadlock_reports_goroutine_wait_reasons_without_durations() {
        String out = """
                fatal error: all goroutines are asleep - deadlock!

                goroutine 1 [semacquire]:
                sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)

                goroutine 6 [chan send (nil chan), 2 minutes]:
                main.produce(...)
                """;
        RealGo.Run r = RealGo.classify(out, 2, false, T);
        assertThat(r.outcome()).isEqualTo(RealGo.Outcome.DEADLOCK);
        assertThat(r.message()).isEqualTo("fatal error: all goroutines are asleep - deadlock!");
        assertThat(r.waitReasons()).containsExactly("chan send (nil chan)", "semacquire");
    }

    @Test
    void a_race_report_wins_over_the_panic_that_follows_it() {
        String out = "==================\nWARNING: DATA RACE\nWrite at 0x00c000012345 by goroutine 7:\n==================\npanic: send on closed channel\n";
        assertThat(RealGo.classify(out, 2, false, T).outcome()).isEqualTo(RealGo.Outcome.DATA_RACE);
    }

    @Test
    void panics_and_fatal_errors_keep_their_first_line() {
        assertThat(RealGo.classify("x\npanic: close of nil channel\n\ngoroutine 1 [running]:\n", 2, false, T).message())
                .isEqualTo("panic: close of nil channel");
        assertThat(RealGo.classify("fatal error: sync: unlock of unlocked mutex\n", 2, false, T).message())
                .isEqualTo("fatal error: sync: unlock of unlocked mutex");
    }

    @Test
    void a_timeout_is_a_hang_and_an_unexplained_exit_status_is_a_failure() {
        assertThat(RealGo.classify("", -1, true, Duration.ofSeconds(20)).outcome()).isEqualTo(RealGo.Outcome.HANG);
        RealGo.Run r = RealGo.classify("usage: prog\n", 1, false, T);
        assertThat(r.outcome()).isEqualTo(RealGo.Outcome.FAILED);
        assertThat(r.message()).isEqualTo("exit status 1");
    }

    @Test
    void outcome_labels_parse_with_or_without_the_space() {
        assertThat(RealGo.Outcome.ofLabel("DATA RACE")).isEqualTo(RealGo.Outcome.DATA_RACE);
        assertThat(RealGo.Outcome.ofLabel("DATA_RACE")).isEqualTo(RealGo.Outcome.DATA_RACE);
        assertThatThrownBy(() -> RealGo.Outcome.ofLabel("RACE")).hasMessageContaining("expected one of");
    }

    @Test
    void real_go_leak_check_lists_the_goroutines_left_after_main_returns(@TempDir Path dir) throws IOException {
        Path go = GoToolchain.require();
        Path src = dir.resolve("leaky.go");
        Files.writeString(src, """
                package main

                import "os"

                func main() {
                	block := make(chan int)
                	for i := 0; i < 2; i++ {
                		go func() { <-block }()
                	}
                	if len(os.Args) > 5 {
                		close(block)
                	}
                }
                """);
        RealGo realGo = RealGo.create(go, dir.resolve("work"), Duration.ofMillis(100));
        List<RealGo.Run> runs = realGo.run(realGo.build(src, false), 2, Duration.ofSeconds(20));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(RealGo.Outcome.LEAK);
            assertThat(r.message()).startsWith("2 goroutine(s) still running");
            assertThat(r.waitReasonCounts()).containsEntry("chan receive", 2);
        });
    }

    @Test
    void a_program_without_func_main_is_rejected_with_its_path(@TempDir Path dir) throws IOException {
        Path go = GoToolchain.require();
        Path src = dir.resolve("lib.go");
        Files.writeString(src, "package main\n\nfunc helper() {}\n");
        RealGo realGo = RealGo.create(go, dir.resolve("work"), Duration.ofMillis(100));
        assertThatThrownBy(() -> realGo.build(src, false)).isInstanceOf(RealGoException.class)
                .hasMessageContaining(src.toString()).hasMessageContaining("func main()");
    }

    @Test
    void a_compile_error_names_the_source_file(@TempDir Path dir) throws IOException {
        Path go = GoToolchain.require();
        Path src = dir.resolve("broken.go");
        Files.writeString(src, "package main\n\nfunc main() {\n\tundefinedThing()\n}\n");
        RealGo realGo = RealGo.create(go, dir.resolve("work"), Duration.ofMillis(100));
        assertThatThrownBy(() -> realGo.build(src, false)).isInstanceOf(RealGoException.class)
                .hasMessageContaining("undefined: undefinedThing").hasMessageContaining(src.toString());
    }
}
