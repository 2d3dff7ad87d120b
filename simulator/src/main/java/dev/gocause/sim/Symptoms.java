package dev.gocause.sim;

import java.util.ArrayList;
import java.util.List;

/** Maps a finding to the knowledge graph's Symptom ids (the simulator knows symptoms only by id). */
final class Symptoms {
  private Symptoms() {}

  private static final String[][] BY_TEXT = {
    {"all goroutines are asleep - deadlock!", "all-goroutines-asleep-deadlock"},
    {"panic: send on closed channel", "panic-send-on-closed-channel"},
    {"panic: close of closed channel", "panic-close-of-closed-channel"},
    {"panic: close of nil channel", "panic-close-of-nil-channel"},
    {"sync: negative WaitGroup counter", "panic-negative-waitgroup-counter"},
    {"WaitGroup is reused before previous Wait has returned", "panic-waitgroup-reused"},
    {"sync: unlock of unlocked mutex", "fatal-unlock-of-unlocked-mutex"},
    {"sync: RUnlock of unlocked RWMutex", "fatal-runlock-of-unlocked-rwmutex"},
    {"concurrent map writes", "fatal-concurrent-map-writes"},
    {"concurrent map read and map write", "fatal-concurrent-map-read-write"},
    {"nil pointer dereference", "panic-nil-pointer-dereference"},
    {"WARNING: DATA RACE", "race-report-data-race"},
    {"found unexpected goroutines", "goleak-unexpected-goroutines"},
    {"[chan send]", "goroutines-blocked-chan-send"},
    {"[chan receive]", "goroutines-blocked-chan-receive"},
    {"[select]", "goroutines-blocked-select"},
    {"[select (no cases)]", "goroutines-blocked-select-no-cases"},
    {"(nil chan)", "goroutines-blocked-nil-chan"},
    {"sync.(*Mutex).Lock", "goroutines-blocked-mutex"},
    {"sync.(*RWMutex).", "goroutines-blocked-rwmutex"},
    {"sync.(*WaitGroup).Wait", "goroutines-blocked-waitgroup"},
    {"sync.(*Once).", "goroutines-blocked-once"},
    {"[sync.Cond.Wait", "goroutines-blocked-cond"},
    {"in state chan send", "goroutines-blocked-chan-send"},
    {"in state chan receive", "goroutines-blocked-chan-receive"},
    {"in state select,", "goroutines-blocked-select"},
    {"test timed out", "test-timed-out"},
  };

  static List<String> of(SimulationResult.Kind kind, String report) {
    List<String> ids = new ArrayList<>();
    for (String[] p : BY_TEXT) if (report.contains(p[0]) && !ids.contains(p[1])) ids.add(p[1]);
    // a semacquire wait the dump's sync frames do not name (an errgroup's Wait, say): a lock, as before the frames were printed
    boolean syncNamed = ids.stream().anyMatch(id -> id.equals("goroutines-blocked-mutex") || id.equals("goroutines-blocked-rwmutex")
        || id.equals("goroutines-blocked-waitgroup") || id.equals("goroutines-blocked-once"));
    if (!syncNamed && (report.contains("[semacquire") || report.contains("in state semacquire"))) ids.add("goroutines-blocked-mutex");
    if (kind == SimulationResult.Kind.LEAK && !ids.contains("goleak-unexpected-goroutines")) ids.add(0, "goleak-unexpected-goroutines");
    if (kind == SimulationResult.Kind.DEADLOCK && report.startsWith("program did not finish")) ids.add(0, "program-hangs-no-output");
    return ids;
  }
}
