package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Other languages' traces, native crashes, compiler errors, YAML and noise: no cause, and the answer says what it saw. */
class InputThatIsNotGoConcurrencyGetsNoCauseTest {

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("""
            Exception in thread "main" java.lang.IllegalStateException: pool exhausted, deadlock suspected
            \tat com.example.Pool.take(Pool.java:42)
            \tat com.example.Worker.run(Worker.java:17)
            \tat java.base/java.lang.Thread.run(Thread.java:833)
            """, "Java"),
        Arguments.of("""
            Traceback (most recent call last):
              File "worker.py", line 12, in <module>
                lock.acquire()
              File "/usr/lib/python3.11/threading.py", line 88, in acquire
            RuntimeError: deadlock detected while waiting for the channel
            """, "Python"),
        Arguments.of("""
            thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: PoisonError { .. }', src/main.rs:14:37
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            """, "Rust"),
        Arguments.of("""
            Segmentation fault (core dumped)
            """, "native"),
        Arguments.of("""
            # example.com/app
            ./main.go:12:3: undefined: sync.WaitGroupp
            ./main.go:20:9: cannot use ch (variable of type chan int) as string value in argument to send
            """, "compiler"),
        Arguments.of("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
            spec:
              replicas: 3
            """, "YAML"),
        Arguments.of("""
            /app/lib/worker.rb:12:in `block in perform': deadlock; recursive locking (ThreadError)
            \tfrom /app/lib/worker.rb:10:in `synchronize'
            \tfrom /app/lib/worker.rb:10:in `perform'
            """, "Ruby"),
        Arguments.of("""
            Unhandled exception. System.InvalidOperationException: Collection was modified; enumeration operation may not execute.
               at System.Collections.Generic.List`1.Enumerator.MoveNextRare()
               at App.Worker.Run() in /src/App/Worker.cs:line 27
               at App.Program.Main(String[] args) in /src/App/Program.cs:line 9
            """, ".NET"),
        Arguments.of("""
            2024-03-01T10:15:02.113Z INFO  server started on 0.0.0.0:8080
            2024-03-01T10:15:07.551Z WARN  slow request path=/api/orders duration=2.3s
            2024-03-01T10:15:09.002Z ERROR upstream returned 502 path=/api/orders
            2024-03-01T10:15:12.871Z INFO  request completed path=/health status=200
            """, "application log"),
        Arguments.of("\u0001\u0002\uFFFD\uFFFD\u0003\uFFFD\u0004\uFFFD\n\uFFFD\u0005\uFFFD\u0006\uFFFD\u0007\n", "binary"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("inputs")
  void foreignInputGetsNoCauseAndIsNamed(String text, String what) {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of(text));
    assertThat(d.causes()).as(d.message()).isEmpty();
    assertThat(d.input().kind()).isEqualTo("not-go");
    assertThat(d.message()).contains(what);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goInputs")
  void goOutputAndWordsAboutGoAreNotMistakenForForeignInput(String text) {
    assertThat(ForeignInput.describe(GoOutputParser.parse(text))).isNull();
  }

  static Stream<String> goInputs() {
    return Stream.of(
        RealKnowledge.read("inputs/real/ab-ba.txt"),
        RealKnowledge.read("inputs/real/vet-copylocks.txt"),
        "my goroutines hang on a channel after the deploy",
        RealKnowledge.read("inputs/real/port-in-use.txt"),
        "2024-03-01T10:15:02Z ERROR worker stuck: all goroutines are asleep - deadlock!\n2024-03-01T10:15:03Z INFO restarting",
        "name: value\nkey: another value\nthe WaitGroup never returns: deadlock");
  }
}
