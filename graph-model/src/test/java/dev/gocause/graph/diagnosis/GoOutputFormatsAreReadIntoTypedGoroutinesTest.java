package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.ParsedInput.Access;
import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every format is read into typed goroutines, frames and accesses: real Go 1.19 output from
 * eval/programs, newer forms written by hand from the Go source that prints them.
 */
class GoOutputFormatsAreReadIntoTypedGoroutinesTest {

  private static Goroutine byId(ParsedInput p, String id) {
    return p.all().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aGo119FatalDumpKeepsFramesArgumentsLocationsAndCreators() {
    ParsedInput p = GoOutputParser.parse(RealKnowledge.read("inputs/real/ab-ba.txt"));
    assertThat(p.all()).hasSize(3);
    Goroutine g = byId(p, "17");
    assertThat(g.state()).isEqualTo("semacquire");
    assertThat(g.minutes()).isEqualTo(-1);
    Frame lockSlow = g.frames().get(1);
    assertThat(lockSlow.function()).isEqualTo("sync.(*Mutex).lockSlow");
    assertThat(lockSlow.firstArg()).isEqualTo("0xc000092010");
    assertThat(g.frames().get(2).args()).isEqualTo("...");
    assertThat(g.frames().get(2).firstArg()).as("elided arguments are not an address").isEmpty();
    Frame user = g.userFrame();
    assertThat(user.function()).isEqualTo("main.transfer");
    assertThat(user.location()).isEqualTo("main.go:19");
    assertThat(user.reliableArgs()).containsExactly("0xc000092000", "0xc000092010", "0x1");
    assertThat(g.createdBy().function()).isEqualTo("main.main");
    assertThat(g.createdBy().location()).isEqualTo("main.go:29");
  }

  @Test
  void headerFormsOfGo120To126AreReadWithTheirAnnotations() {
    // src/runtime/traceback.go (goroutineheader): gp/m/mp since 1.23 with GOTRACEBACK=system|crash,
    // "(durable)" and "synctest bubble N" in 1.25, "(leaked)" from the 1.26 leak detector,
    // "created by F in goroutine N" since 1.21
    String text = """
        goroutine 7 gp=0xc000007180 m=nil [sync.WaitGroup.Wait (durable), 3 minutes, synctest bubble 2]:
        sync.(*WaitGroup).Wait(0xc000012345)
        \t/usr/local/go/src/sync/waitgroup.go:118 +0x60
        example.com/app.(*Pool).Close(0xc000010000)
        \t/src/app/pool.go:40 +0x25
        created by example.com/app.Start in goroutine 1
        \t/src/app/start.go:12 +0x9e

        goroutine 9 gp=0xc000007500 m=3 mp=0xc000080008 [chan receive (leaked), locked to thread]:
        example.com/app.worker(0xc000020000)
        \t/src/app/worker.go:8 +0x2a
        """;
    ParsedInput p = GoOutputParser.parse(text);
    Goroutine g7 = byId(p, "7");
    assertThat(g7.state()).isEqualTo("sync.WaitGroup.Wait");
    assertThat(g7.minutes()).isEqualTo(3);
    assertThat(g7.flags()).containsExactlyInAnyOrder("synctest bubble 2", "durable");
    assertThat(g7.createdIn()).isEqualTo("1");
    assertThat(g7.createdBy().location()).isEqualTo("start.go:12");
    Goroutine g9 = byId(p, "9");
    assertThat(g9.state()).isEqualTo("chan receive");
    assertThat(g9.flags()).containsExactlyInAnyOrder("locked to thread", "leaked");
  }

  @Test
  void aGo119PprofDebug1ProfileBecomesCountedRecords() {
    ParsedInput p = GoOutputParser.parse(RealKnowledge.read("inputs/real/pprof-debug1.txt"));
    assertThat(p.goroutines().total()).isEqualTo(304);
    Goroutine producers = p.all().get(0);
    assertThat(producers.count()).isEqualTo(300);
    assertThat(producers.id()).isEmpty();
    assertThat(producers.userFrame().function()).isEqualTo("main.produce");
    assertThat(producers.userFrame().location()).isEqualTo("main.go:15");
    Goroutine lockers = p.all().get(1);
    assertThat(lockers.count()).isEqualTo(3);
    assertThat(lockers.state()).as("state implied by the runtime frame it parked in").isEqualTo("semacquire");
  }

  @Test
  void theGoroutineleakProfileOfGo126IsReadLikeDebug1WithItsGoroutinesMarkedLeaked() {
    // Go 1.26 runtime/pprof "goroutineleak" profile: printCountProfile, the same form as debug=1
    String text = """
        goroutineleak profile: total 12
        12 @ 0x43a4f6 0x406a1b 0x46bd61
        #\t0x406a1a\truntime.chanrecv1+0x1a\t/usr/local/go/src/runtime/chan.go:506
        #\t0x4b3ba4\texample.com/app.wait+0x24\t/src/app/wait.go:9
        # labels: {"request":"checkout"}
        """;
    ParsedInput p = GoOutputParser.parse(text);
    Goroutine g = p.all().get(0);
    assertThat(g.count()).isEqualTo(12);
    assertThat(g.state()).isEqualTo("chan receive");
    assertThat(g.flags()).contains("leaked", "labels: {\"request\":\"checkout\"}");
  }

  @Test
  void raceAccessesAreTypedWithTheirStacksAndCreationStacks() {
    ParsedInput p = GoOutputParser.parse(RealKnowledge.read("inputs/real/race-defer-goroutine.txt"));
    assertThat(p.races()).hasSize(1);
    List<Access> a = p.races().get(0).details();
    assertThat(a).hasSize(2);
    assertThat(a.get(0).write()).isTrue();
    assertThat(a.get(0).previous()).isFalse();
    assertThat(a.get(0).address()).isEqualTo("0x00c00001a0b0");
    assertThat(a.get(0).goroutine()).isEqualTo("7");
    assertThat(a.get(1).previous()).isTrue();
    assertThat(a.get(1).goroutine()).as("the main goroutine is goroutine 1").isEqualTo("1");
    assertThat(p.races().get(0).createdAt().get("7")).extracting(Frame::function)
        .containsExactly("main.render.func1", "runtime.deferreturn", "main.main");
  }

  @Test
  void anAtomicAccessWithASizeIsTyped() {
    // the race runtime's report header (src/runtime/race: "Atomic write at 0x... by goroutine N"), size as ThreadSanitizer prints it
    String text = """
        WARNING: DATA RACE
        Atomic write at 0x00c0000a0018 of size 8 by goroutine 8:
          sync/atomic.AddInt64()
              /usr/local/go/src/runtime/race_amd64.s:289 +0xb
          main.inc()
              /src/main.go:9 +0x3c

        Previous read at 0x00c0000a0018 by goroutine 7:
          main.read()
              /src/main.go:13 +0x3a
        ==================
        """;
    List<Access> a = GoOutputParser.parse(text).races().get(0).details();
    assertThat(a.get(0).atomic()).isTrue();
    assertThat(a.get(0).size()).isEqualTo(8);
    assertThat(a.get(1).atomic()).isFalse();
    assertThat(a.get(1).size()).isEqualTo(-1);
  }

  @Test
  void linkedFunctionNamesFromIssueTrackersAndUnknownLinesDoNotBreakParsing() {
    String text = """
        some words first
        goroutine 5 [sync.RWMutex.RLock, 12 minutes]:
        sync.(*RWMutex).RLock(...)
                /usr/local/go/src/sync/rwmutex.go:71
        [example.com/db.(*Store).Get](http://example.com/db.(*Store).Get)(0xc0005b2db0?, 0x1)
                /src/db/store.go:88 +0x45
        ??? garbage \u0000 line
        goroutine 6 [running]:
        main.main()
        """;
    ParsedInput p = GoOutputParser.parse(text);
    assertThat(p.all()).hasSize(2);
    assertThat(byId(p, "5").userFrame().function()).isEqualTo("example.com/db.(*Store).Get");
    assertThat(byId(p, "5").userFrame().location()).isEqualTo("store.go:88");
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text).contains("some words first");
  }

  @Test
  void aSyncWaitCutOffAfterItsFirstFrameIsTheProgramsNotTheRuntimes() {
    String text = """
        goroutine 2 [force gc (idle)]:
        runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
        	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6

        goroutine 18 [semacquire]:
        sync.runtime_SemacquireMutex(0x59deefc5b8?, 0xa8?, 0x30?)
        	/usr/lib/go-1.19/src/runtime/sema.go:77 +0x25
        """;
    ParsedInput p = GoOutputParser.parse(text);
    assertThat(byId(p, "2").infrastructure()).isTrue();
    assertThat(byId(p, "18").infrastructure()).isFalse();
  }

  @Test
  void aRepanickedPanicIsAPanicAndItsDumpIsRead() {
    // Go 1.23 src/runtime/panic.go printpanics: "panic: X [recovered, repanicked]"
    String text = """
        panic: send on closed channel [recovered, repanicked]

        goroutine 1 [running]:
        main.main()
        	/src/main.go:12 +0x1d
        exit status 2
        """;
    ParsedInput p = GoOutputParser.parse(text);
    assertThat(p.panicLine()).isEqualTo(1);
    assertThat(p.all()).hasSize(1);
  }

  @Test
  void aSynctestBubbleDeadlockMakesTheDumpCompleteForTheAnalyzers() {
    // Go 1.25 testing/synctest: the bubble's goroutines are all durably blocked
    String text = """
        panic: deadlock: main bubble goroutine has exited but blocked goroutines remain

        goroutine 7 [chan receive (durable), synctest bubble 1]:
        example.com/app.consume(0xc000020000)
        	/src/app/consume.go:9 +0x2a
        created by example.com/app.TestConsume.func1 in goroutine 6
        	/src/app/consume_test.go:14 +0x45
        """;
    ParsedInput p = GoOutputParser.parse(text);
    assertThat(WaitAnalyzer.complete(p)).isTrue();
    assertThat(WaitAnalyzer.analyze(p)).extracting(Fact::id).contains("receive-with-no-sender");
  }

  @Test
  void aGoDeadlockReportIsReadAsMessagesAndStacks() {
    // github.com/sasha-s/go-deadlock: "POTENTIAL DEADLOCK:" then the goroutines' stacks
    String text = """
        POTENTIAL DEADLOCK: Inconsistent locking. saw this ordering in one goroutine:
        happened before
        goroutine 8 [running]:
        main.transfer(0xc000012000, 0xc000012010)
        	/src/main.go:19 +0x5d
        """;
    ParsedInput p = GoOutputParser.parse(text);
    assertThat(p.messages()).extracting(ParsedInput.MessageLine::text).contains("happened before");
    assertThat(p.all()).hasSize(1);
    assertThat(p.all().get(0).userFrame().function()).isEqualTo("main.transfer");
  }
}
