package dev.gocause.graph.diagnosis;

import static dev.gocause.graph.diagnosis.WaitAnalyzer.count;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.fact;

import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.WaitAnalyzer.Waiter;
import dev.gocause.graph.diagnosis.code.GoCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receivers with nobody left to send that were written to wait for a close: a {@code for range}
 * over the channel, or a receive that checks for it ({@code v, ok := <-ch}). Go compiles both to
 * {@code runtime.chanrecv2} (a plain {@code <-ch} is {@code chanrecv1}), which a dump shows when it
 * prints the runtime's frames (SIGQUIT, {@code GOTRACEBACK=system}); otherwise the parsed source file
 * says it (a {@code range} statement on the receive's line), when the files are given. Such a receiver ends only when the channel is
 * closed, so with no sender left, or with the function that started it (and held the channel)
 * returned, the one that should have closed it left without doing so.
 */
final class ReceiveLoops {
  private ReceiveLoops() {}

  /**
   * The receivers among {@code orphanReceivers} (nobody left to send), and, in a dump that shows
   * every goroutine or a goleak report, those whose creator is on no stack any more (it returned
   * holding the channel), that wait for a close.
   */
  static void waitingForAClose(ParsedInput parsed, List<Waiter> ws, List<Waiter> orphanReceivers, SourceFiles sources, List<Fact> out) {
    Set<Waiter> candidates = new LinkedHashSet<>(orphanReceivers);
    Set<Waiter> leftByCreator = leftByTheirCreator(parsed, ws);
    candidates.addAll(leftByCreator);
    List<Waiter> ranging = new ArrayList<>();
    List<Waiter> checking = new ArrayList<>();
    Set<String> sites = new LinkedHashSet<>();
    boolean plain = false;
    Map<String, Optional<Set<Integer>>> rangeLinesByFile = new HashMap<>();
    for (Waiter w : candidates) {
      Optional<Set<Integer>> rangeLines = w.site() == null ? Optional.empty() : rangeLoopLines(w.site(), sources, rangeLinesByFile);
      if (rangeLines.isPresent() && rangeLines.get().contains(w.site().fileLine())) {
        ranging.add(w);
        sites.add(w.site().location());
      } else if (w.g().frames().stream().anyMatch(f -> f.function().equals("runtime.chanrecv2"))) {
        checking.add(w);
        sites.add(w.site() == null ? "?" : w.site().location());
      } else if (rangeLines.isPresent() || w.g().frames().stream().anyMatch(f -> f.function().equals("runtime.chanrecv1"))) {
        plain = true;
      }
    }
    // a plain receive stuck beside them may be the one that would have sent or closed next (a
    // request waiting for a reply, while the loop waits for the next request): the loop's wait
    // is then a consequence, not the start
    if (ranging.isEmpty() && checking.isEmpty() || plain) {
      return;
    }
    List<Waiter> all = new ArrayList<>(ranging);
    all.addAll(checking);
    String how = !ranging.isEmpty() ? "ranges over a channel (" + String.join(", ", sites) + ")"
        : "receives checking for a close (runtime.chanrecv2 at " + String.join(", ", sites) + ")";
    boolean orphans = all.stream().anyMatch(orphanReceivers::contains);
    String why = orphans ? " with no goroutine left to send" : ", started by a function that is on no stack any more (it returned)";
    // the source line is the receive itself; chanrecv2 may also be a single comma-ok receive
    out.add(fact("receiver-waiting-for-a-close-nobody-makes", ranging.isEmpty() ? 0.8 : 1.0, all,
        count(all) + " " + how + why + ": it ends only when the channel is closed, and nobody closed it"));
  }

  /** Receivers whose creator (not the standard library's) runs on no stack of a dump that lists every goroutine. */
  private static Set<Waiter> leftByTheirCreator(ParsedInput parsed, List<Waiter> ws) {
    Set<Waiter> out = new LinkedHashSet<>();
    if (parsed.goleakLine() <= 0 && parsed.leaks().isEmpty() && !WaitAnalyzer.complete(parsed)) {
      return out;
    }
    Set<String> creators = new HashSet<>();
    for (Waiter w : ws) {
      Frame c = w.on() == WaitAnalyzer.Wait.RECEIVE ? w.g().createdBy() : null;
      if (c != null && !GoOutputParser.isStd(c.function())) {
        creators.add(c.function());
      }
    }
    if (creators.isEmpty()) {
      return out;
    }
    Set<String> running = new HashSet<>();
    for (ParsedInput.Goroutine g : parsed.all()) {
      for (Frame f : g.frames()) {
        if (creators.contains(f.function())) {
          running.add(f.function());
        }
      }
    }
    for (Waiter w : ws) {
      Frame c = w.on() == WaitAnalyzer.Wait.RECEIVE ? w.g().createdBy() : null;
      if (c != null && creators.contains(c.function()) && !running.contains(c.function())) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The lines where range loops start in the source file a frame names (each file parsed once per
   * dump), when the files are given and it parses; empty when not.
   */
  private static Optional<Set<Integer>> rangeLoopLines(Frame site, SourceFiles sources, Map<String, Optional<Set<Integer>>> byFile) {
    if (sources == null || site.fileLine() <= 0 || !site.file().endsWith(".go")) {
      return Optional.empty();
    }
    return byFile.computeIfAbsent(site.file(), path -> sources.lookup(path)
        .flatMap(file -> Optional.ofNullable(GoCode.parseFile(file.content()))).map(GoCode.Unit::rangeLoopLines));
  }
}
