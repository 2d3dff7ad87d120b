package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.FrameGroup;
import org.junit.jupiter.api.Test;

/** The parser reads every goroutine header form Go prints and finds the first user frame. */
class GoOutputParserTest {

  @Test
  void header_forms_from_go_1_19_to_1_25_are_read() {
    assertThat(GoOutputParser.header("goroutine 12 [chan send, 5 minutes]:"))
        .isEqualTo(new GoOutputParser.Header("12", "chan send", 5, false, java.util.List.of()));
    assertThat(GoOutputParser.header("goroutine 1 [chan receive, 12 minutes, locked to thread]:"))
        .isEqualTo(new GoOutputParser.Header("1", "chan receive", 12, true, java.util.List.of("locked to thread")));
    assertThat(GoOutputParser.header("goroutine 7 [sync.WaitGroup.Wait (durable), 1 minutes]:"))
        .isEqualTo(new GoOutputParser.Header("7", "sync.WaitGroup.Wait", 1, false, java.util.List.of("durable")));
    assertThat(GoOutputParser.header("goroutine 3 gp=0xc000007180 m=nil [sync.Mutex.Lock]:"))
        .isEqualTo(new GoOutputParser.Header("3", "sync.Mutex.Lock", -1, false, java.util.List.of()));
    assertThat(GoOutputParser.header("goroutine 1 [select (no cases)]:").state()).isEqualTo("select (no cases)");
    assertThat(GoOutputParser.header("goroutine 1 [semacquire]:").state()).isEqualTo("semacquire");
    assertThat(GoOutputParser.header("goroutine leaked [x]:")).isNull();
    assertThat(GoOutputParser.header("the goroutine 12 [chan send]:")).isNull();
  }

  @Test
  void frame_function_names_drop_arguments_and_keep_receivers() {
    assertThat(GoOutputParser.frameFunction("sync.(*Mutex).Lock(...)")).isEqualTo("sync.(*Mutex).Lock");
    assertThat(GoOutputParser.frameFunction("main.worker(0xc00001c0c0, {0x4b2f1a, 0x3})")).isEqualTo("main.worker");
    assertThat(GoOutputParser.frameFunction("github.com/acme/q.(*Queue).Pop(0x0?)")).isEqualTo("github.com/acme/q.(*Queue).Pop");
    assertThat(GoOutputParser.frameFunction("I think (maybe) it hangs")).isNull();
    assertThat(GoOutputParser.isStd("sync.(*WaitGroup).Wait")).isTrue();
    assertThat(GoOutputParser.isStd("net/http.(*conn).serve")).isTrue();
    assertThat(GoOutputParser.isStd("main.main")).isFalse();
    assertThat(GoOutputParser.isStd("_/work/x.TestLookup")).isFalse();
    assertThat(GoOutputParser.isStd("github.com/acme/q.Pop")).isFalse();
  }

  @Test
  void a_function_is_standard_library_exactly_when_the_root_of_its_package_path_is_a_standard_root() {
    for (String f : new String[] {"runtime", "runtime.gopark", "internal/sync.(*Mutex).Lock", "vendor/golang.org/x/net/http2.(*Framer).Read",
        "go.uber.org/zap.(*Logger).Info", "gopkg.in/yaml.v3.Unmarshal", "syncx.Do", "syn.c", "example.com/sync.F", "main.(*T).run",
        "net/http.HandlerFunc.ServeHTTP", "time.Sleep", "timeout.F", "x", "", ".", "/", "a/b", "sync/atomic.(*Int32).Add", "io.Copy",
        "iox/io.F", "testing.tRunner", "os/exec.(*Cmd).Wait", "structs.HostLayout", "main.func1.1"}) {
      String pkg = GoOutputParser.packageOf(f);
      String root = pkg.indexOf('/') < 0 ? pkg : pkg.substring(0, pkg.indexOf('/'));
      boolean std = java.util.Set.of("runtime", "sync", "time", "internal", "vendor", "net", "testing", "os", "io", "structs").contains(root);
      assertThat(GoOutputParser.isStd(f)).as(f).isEqualTo(std);
    }
  }

  @Test
  void a_dump_is_counted_by_state_and_first_user_frame_with_line_numbers() {
    String dump = """
        goroutine 1 [semacquire, 3 minutes]:
        sync.runtime_Semacquire(0xc00008c0c0?)
        \t/usr/lib/go-1.19/src/runtime/sema.go:62 +0x25
        sync.(*WaitGroup).Wait(0x0?)
        \t/usr/lib/go-1.19/src/sync/waitgroup.go:139 +0x52
        main.main()
        \t/app/main.go:36 +0xc5

        goroutine 17 [chan send, 3 minutes]:
        main.produce(0xc000020060)
        \t/app/main.go:12 +0x3a
        created by main.main in goroutine 1
        \t/app/main.go:30 +0x76

        goroutine 18 [chan send, 3 minutes]:
        main.produce(0xc000020060)
        \t/app/main.go:12 +0x3a
        created by main.main in goroutine 1
        \t/app/main.go:30 +0x76
        """;
    ParsedInput p = GoOutputParser.parse(dump);
    assertThat(p.goroutines().total()).isEqualTo(3);
    assertThat(p.goroutines().byState()).containsExactly(
        org.assertj.core.api.Assertions.entry("chan send", 2), org.assertj.core.api.Assertions.entry("semacquire", 1));
    assertThat(p.goroutines().topFrames()).first().isEqualTo(new FrameGroup("main.produce", "chan send", 2, 10));
    assertThat(p.goroutines().topFrames()).contains(new FrameGroup("main.main", "semacquire", 1, 6));
    assertThat(p.goroutines().createdBy()).containsExactly(new FrameGroup("main.main", "", 2, 12));
    assertThat(p.goroutines().longWaiting()).isEqualTo(3);
    assertThat(p.goroutines().states().get("chan send").lines()).containsExactly(9, 15);
    assertThat(p.goroutines().frames().get("sync.(*WaitGroup).Wait").lines()).containsExactly(4);
    assertThat(p.messages()).isEmpty();
  }

  @Test
  void test_framework_goroutines_are_counted_but_not_used_as_evidence() {
    String dump = """
        panic: test timed out after 2s

        goroutine 1 [chan receive]:
        testing.(*T).Run(0xc0000076c0, {0x52588f?, 0x4b7ee5?}, 0x52f6f0)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        main.main()
        \t_testmain.go:47 +0x1d3

        goroutine 20 [chan send]:
        example.TestCollect.func1(0x0)
        \t/app/x_test.go:15 +0x7c
        """;
    ParsedInput p = GoOutputParser.parse(dump);
    assertThat(p.goroutines().total()).isEqualTo(2);
    assertThat(p.goroutines().states()).containsOnlyKeys("chan send");
    assertThat(p.panicLine()).isEqualTo(1);
  }

  @Test
  void a_race_report_yields_both_accesses_with_their_user_frames() {
    String race = """
        ==================
        WARNING: DATA RACE
        Read at 0x00c0000ae018 by goroutine 9:
          main.main.func1()
              /app/main.go:16 +0xb9

        Previous write at 0x00c0000ae018 by main goroutine:
          runtime.mapassign_faststr()
              /usr/lib/go-1.19/src/runtime/map_faststr.go:203 +0x0
          main.main()
              /app/main.go:12 +0x16b

        Goroutine 9 (running) created at:
          main.main()
              /app/main.go:14 +0x14f
        ==================
        Found 1 data race(s)
        """;
    ParsedInput p = GoOutputParser.parse(race);
    assertThat(p.races()).hasSize(1);
    var accesses = p.races().get(0).accesses();
    assertThat(accesses).extracting(ParsedInput.RaceAccess::access).containsExactly("Read", "Previous write");
    assertThat(accesses).extracting(ParsedInput.RaceAccess::goroutine).containsExactly("goroutine 9", "main goroutine");
    assertThat(accesses.get(1).topFrame()).isEqualTo("runtime.mapassign_faststr");
    assertThat(accesses.get(1).userFrame()).isEqualTo("main.main");
    assertThat(accesses.get(0).location()).isEqualTo("/app/main.go:16 +0xb9");
    assertThat(p.goroutines().frames()).containsKey("runtime.mapassign_faststr");
    assertThat(p.races().get(0).line()).isEqualTo(2);
  }

  @Test
  void a_goleak_report_lists_each_leaked_goroutine() {
    String leak = """
        --- FAIL: TestLookup (0.45s)
            leak_test.go:31: found unexpected goroutines:
                [Goroutine 19 in state chan receive, with example.waitForAnswer on top of the stack:
                goroutine 19 [chan receive]:
                example.waitForAnswer(0x0?)
                \t/app/leak_test.go:22 +0x1b
                created by example.TestLookup
                \t/app/leak_test.go:27 +0xb9
                ]
        FAIL
        """;
    ParsedInput p = GoOutputParser.parse(leak);
    assertThat(p.leaks()).containsExactly(new ParsedInput.LeakEntry(3, "chan receive", "example.waitForAnswer"));
    assertThat(p.goleakLine()).isEqualTo(2);
    assertThat(p.goroutines().topFrames()).first().extracting(FrameGroup::frame).isEqualTo("example.waitForAnswer");
  }

  @Test
  void ten_thousand_goroutines_parse_in_one_pass() {
    // Speed is measured by bench/run.sh (a 5,000-goroutine dump), not timed in a unit test.
    ParsedInput p = GoOutputParser.parse(Dumps.synthetic(10_000));
    assertThat(p.goroutines().total()).isEqualTo(10_001);
    assertThat(p.goroutines().byState().get("chan send")).isEqualTo(10_000);
    assertThat(p.goroutines().stacks()).hasSize(2);
  }
}
