package dev.gocause.graph.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gocause.graph.diagnosis.code.CodeFinding;
import dev.gocause.graph.diagnosis.code.GoCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A range variable (or an assignment, argument, result or value receiver) that copies a value
 * holding a lock: the copy's lock protects nothing. The check cites the lines {@code go vet}'s
 * copylocks cites, and stays quiet where vet does (a range over pointers, a range by index, a lock
 * held through a pointer field, fresh values). Where vet reports a copy whose lock is reset right
 * after (vet's known false positive) the check stays quiet on purpose. The agreement is checked
 * against the real {@code go vet} of this machine.
 */
class LockHoldersCopiedByRangeOrAssignmentAreFoundWhereGoVetFindsThemTest {

  static final String RANGELOCK = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type bucket struct {
        	mu   sync.Mutex
        	hits int
        }

        func main() {
        	buckets := make([]bucket, 8)
        	for _, b := range buckets {
        		b.mu.Lock()
        		b.hits++
        		b.mu.Unlock()
        	}
        	fmt.Println(buckets[0].hits)
        }
        """;

  static final String RANGENESTED = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type guard struct {
        	rw sync.RWMutex
        }

        type tenant struct {
        	g    guard
        	name string
        }

        func main() {
        	byID := map[int]tenant{1: {name: "a"}, 2: {name: "b"}}
        	for id, t := range byID {
        		t.g.rw.RLock()
        		fmt.Println(id, t.name)
        		t.g.rw.RUnlock()
        	}
        }
        """;

  static final String RANGEARRAY = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type slot struct {
        	sync.Mutex
        	used bool
        }

        var slots [4]slot

        func main() {
        	free := 0
        	for _, s := range slots {
        		if !s.used {
        			free++
        		}
        	}
        	fmt.Println(free)
        }
        """;

  static final String ASSIGNCOPY = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type meter struct {
        	mu    sync.Mutex
        	total int
        }

        func (m *meter) snapshot() meter {
        	m.mu.Lock()
        	defer m.mu.Unlock()
        	view := *m
        	return view
        }

        func main() {
        	m := &meter{}
        	fmt.Println(m.snapshot().total)
        }
        """;

  static final String CALLCOPY = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        func fill(part []int, wg sync.WaitGroup) {
        	defer wg.Done()
        	for i := range part {
        		part[i] = i
        	}
        }

        func main() {
        	var wg sync.WaitGroup
        	data := make([]int, 10)
        	wg.Add(2)
        	go fill(data[:5], wg)
        	go fill(data[5:], wg)
        	wg.Wait()
        	fmt.Println(data)
        }
        """;

  static final String RANGEPOINTERS = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type bucket struct {
        	mu   sync.Mutex
        	hits int
        }

        func main() {
        	buckets := []*bucket{{}, {}, {}}
        	for _, b := range buckets {
        		b.mu.Lock()
        		b.hits++
        		b.mu.Unlock()
        	}
        	fmt.Println(buckets[0].hits)
        }
        """;

  static final String RANGEINDEX = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type bucket struct {
        	mu   sync.Mutex
        	hits int
        }

        func main() {
        	buckets := make([]bucket, 8)
        	for i := range buckets {
        		buckets[i].mu.Lock()
        		buckets[i].hits++
        		buckets[i].mu.Unlock()
        	}
        	fmt.Println(buckets[0].hits)
        }
        """;

  static final String RANGESHAREDLOCK = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type row struct {
        	mu  *sync.Mutex
        	val int
        }

        func main() {
        	var mu sync.Mutex
        	rows := []row{{mu: &mu, val: 1}, {mu: &mu, val: 2}}
        	for _, r := range rows {
        		r.mu.Lock()
        		fmt.Println(r.val)
        		r.mu.Unlock()
        	}
        }
        """;

  static final String FRESHVALUES = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type meter struct {
        	mu    sync.Mutex
        	total int
        }

        func newMeter() meter {
        	return meter{}
        }

        func main() {
        	m := meter{}
        	n := newMeter()
        	all := []*meter{&m, &n}
        	all = append(all, &meter{})
        	m.mu.Lock()
        	m.total++
        	m.mu.Unlock()
        	fmt.Println(len(all), n.total)
        }
        """;

  static final String COPYRESET = """
        package main

        import (
        	"fmt"
        	"sync"
        )

        type settings struct {
        	mu    sync.Mutex
        	limit int
        }

        func (s *settings) clone() *settings {
        	s.mu.Lock()
        	c := *s
        	s.mu.Unlock()
        	c.mu = sync.Mutex{}
        	return &c
        }

        func main() {
        	s := &settings{limit: 3}
        	c := s.clone()
        	c.mu.Lock()
        	c.limit++
        	c.mu.Unlock()
        	fmt.Println(s.limit, c.limit)
        }
        """;

  /** Each program with the lines the copy check cites: vet's copylocks lines, except where noted. */
  static final Map<String, Object[]> PROGRAMS = new LinkedHashMap<>();

  static {
    PROGRAMS.put("rangelock", new Object[] {RANGELOCK, Set.of(15)});
    PROGRAMS.put("rangenested", new Object[] {RANGENESTED, Set.of(19)});
    PROGRAMS.put("rangearray", new Object[] {RANGEARRAY, Set.of(17)});
    PROGRAMS.put("assigncopy", new Object[] {ASSIGNCOPY, Set.of(16, 17)});
    PROGRAMS.put("callcopy", new Object[] {CALLCOPY, Set.of(8, 19, 20)});
    PROGRAMS.put("rangepointers", new Object[] {RANGEPOINTERS, Set.of()});
    PROGRAMS.put("rangeindex", new Object[] {RANGEINDEX, Set.of()});
    PROGRAMS.put("rangesharedlock", new Object[] {RANGESHAREDLOCK, Set.of()});
    PROGRAMS.put("freshvalues", new Object[] {FRESHVALUES, Set.of()});
    PROGRAMS.put("copyreset", new Object[] {COPYRESET, Set.of()});
  }

  static Stream<Arguments> programs() {
    return PROGRAMS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
  }

  static final String COPIED = "code-sync-value-copied";

  /** The findings of the checks on a program, as the diagnosis reads pasted code. */
  static List<CodeFinding> findings(String program) {
    GoCode.Found found = GoCode.find(program, line -> false);
    assertThat(found.units()).as("the program is read as code").isNotEmpty();
    return found.units().stream().flatMap(u -> u.findings().stream()).toList();
  }

  static Set<Integer> copyLines(String program) {
    return new TreeSet<>(findings(program).stream().filter(f -> f.check().equals(COPIED)).map(CodeFinding::line).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("programs")
  void theCheckCitesTheCopyingLinesAndNothingElse(String name, String program, Set<Integer> lines) {
    assertThat(copyLines(program)).as(name).isEqualTo(new TreeSet<>(lines));
  }

  @Test
  void aRangeCopyThatLocksTheCopySaysTheLockProtectsNothing() {
    CodeFinding f = findings(RANGELOCK).stream().filter(x -> x.check().equals(COPIED)).findFirst().orElseThrow();
    assertThat(f.detail()).contains("range variable b").contains("bucket contains sync.Mutex").contains("locks the copy at line 16");
  }

  @Test
  void pastedWithTheQuestionTheRangeCopyRanksTheCopiedLockFirstCitingTheRangeLine() {
    Diagnosis d = RealKnowledge.service().diagnose(DiagnosisRequest.of("the counters stay wrong under load\n```go\n" + RANGELOCK + "```\n"));
    assertThat(d.causes()).as(d.message()).isNotEmpty();
    assertThat(d.causes().get(0).id()).as(d.message()).isEqualTo("mutex-copied-by-value");
    assertThat(d.causes().get(0).evidence()).anySatisfy(e -> {
      assertThat(e.matched()).isEqualTo("code: " + COPIED);
      assertThat(e.lines()).containsExactly(15 + 2);
    });
  }

  private static final Pattern VET_LINE = Pattern.compile("^(?:\\./)?(\\w+)/main\\.go:(\\d+):\\d+: (.*(?:copies lock|passes lock by value).*)$", Pattern.MULTILINE);

  @Test
  void theCheckAgreesWithTheRealGoVetExceptOnACopyWhoseLockIsResetRightAfter(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("go.mod"), "module vetcheck\n\ngo 1.19\n");
    for (Map.Entry<String, Object[]> e : PROGRAMS.entrySet()) {
      Files.createDirectories(dir.resolve(e.getKey()));
      Files.writeString(dir.resolve(e.getKey()).resolve("main.go"), (String) e.getValue()[0]);
    }
    ProcessBuilder pb = new ProcessBuilder(List.of("go", "vet", "-copylocks", "./...")).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("GOFLAGS", "-mod=mod");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("go vet finished").isTrue();
    assertThat(out).as("go vet ran the copylocks analyzer").doesNotContain("cannot find", "no Go files");
    Map<String, Set<Integer>> vet = new TreeMap<>();
    PROGRAMS.keySet().forEach(k -> vet.put(k, new TreeSet<>()));
    Matcher m = VET_LINE.matcher(out.replace(dir.toString(), "."));
    while (m.find()) {
      vet.get(m.group(1)).add(Integer.parseInt(m.group(2)));
    }
    for (Map.Entry<String, Object[]> e : PROGRAMS.entrySet()) {
      Set<Integer> ours = copyLines((String) e.getValue()[0]);
      if (e.getKey().equals("copyreset")) {
        assertThat(vet.get("copyreset")).as("vet reports the copy whose lock is then reset\n" + out).containsExactly(15);
        assertThat(ours).as("the check does not").isEmpty();
      } else {
        assertThat(ours).as(e.getKey() + ": the check's lines against go vet's\n" + out).isEqualTo(vet.get(e.getKey()));
      }
    }
  }
}
