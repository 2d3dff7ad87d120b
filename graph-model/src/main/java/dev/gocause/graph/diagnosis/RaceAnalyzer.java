package dev.gocause.graph.diagnosis;

import dev.gocause.graph.diagnosis.ParsedInput.Access;
import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.MessageLine;
import dev.gocause.graph.diagnosis.ParsedInput.RaceReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads race reports as an expert does: what the two racing stacks were doing (map internals, a
 * send against a close, WaitGroup.Add against Wait, an atomic against a plain access, slice
 * growth, a value-receiver method working on a copy, an access inside a deferred call) and where
 * the racing goroutines were started (inside a deferred call, both at one go statement), plus
 * the race detector's own limits. Each conclusion is a {@link Fact}; its meaning is seed-data.
 */
final class RaceAnalyzer {

  private RaceAnalyzer() {}

  static List<Fact> analyze(ParsedInput parsed) {
    List<Fact> out = new ArrayList<>();
    for (RaceReport r : parsed.races()) {
      List<Access> a = r.details();
      if (a.isEmpty()) {
        continue;
      }
      pair(r, a, f -> isMap(f.function()), f -> isMap(f.function()), "race-on-map-internals",
          "the racing accesses are inside the runtime's map code", out);
      pair(r, a, f -> f.function().equals("runtime.closechan"), f -> f.function().startsWith("runtime.chansend"),
          "race-between-send-and-close", "one goroutine closes a channel while another sends on it", out);
      pair(r, a, f -> f.function().equals("sync.(*WaitGroup).Add"), f -> f.function().equals("sync.(*WaitGroup).Wait"),
          "race-waitgroup-add-against-wait", "WaitGroup.Add races with WaitGroup.Wait", out);
      pair(r, a, f -> f.function().equals("runtime.growslice"), f -> true, "race-on-slice-growth",
          "a racing access grows a slice (append reallocates the backing array)", out);
      atomicMixed(r, a, out);
      valueReceiver(r, a, out);
      deferred(r, a, out);
      creation(r, a, out);
    }
    for (MessageLine m : parsed.messages()) {
      // src/runtime/race/README & tsan: "race: limit on 8128 simultaneously alive goroutines is exceeded, dying"
      if (m.text().startsWith("race: limit on ") && m.text().contains("goroutines")) {
        out.add(new Fact("race-detector-goroutine-limit", m.text(), 1.0, List.of(), List.of(m.line())));
        break;
      }
    }
    return out;
  }

  static boolean isMap(String fn) {
    return fn.startsWith("runtime.mapaccess") || fn.startsWith("runtime.mapassign") || fn.startsWith("runtime.mapdelete")
        || fn.startsWith("runtime.mapiter") || fn.startsWith("runtime.mapclear") || fn.startsWith("internal/runtime/maps.");
  }

  /** One access's stack has a frame matching {@code x} and another access's a frame matching {@code y}. */
  private static void pair(RaceReport r, List<Access> a, Predicate<Frame> x, Predicate<Frame> y, String id, String text,
      List<Fact> out) {
    for (Access p : a) {
      if (!any(p, x)) {
        continue;
      }
      for (Access q : a) {
        if (q != p && any(q, y)) {
          out.add(fact(id, text, r, List.of(p, q)));
          return;
        }
      }
    }
  }

  private static boolean any(Access a, Predicate<Frame> p) {
    for (Frame f : a.frames()) {
      if (p.test(f)) {
        return true;
      }
    }
    return false;
  }

  private static void atomicMixed(RaceReport r, List<Access> a, List<Fact> out) {
    Predicate<Frame> atomicFrame = f -> f.function().startsWith("sync/atomic.") || f.function().startsWith("internal/runtime/atomic.");
    for (Access p : a) {
      boolean pa = p.atomic() || any(p, atomicFrame);
      for (Access q : a) {
        if (q != p && pa && !(q.atomic() || any(q, atomicFrame))) {
          out.add(fact("race-atomic-mixed-with-plain", "an atomic access races with a plain read or write of the same word", r,
              List.of(p, q)));
          return;
        }
      }
    }
  }

  /** The racing code is a value-receiver method ({@code pkg.T.M}): it works on a copy of the struct. */
  private static void valueReceiver(RaceReport r, List<Access> a, List<Fact> out) {
    for (Access p : a) {
      Frame top = userTop(p);
      if (top != null && !top.function().contains("(*") && WaitAnalyzer.receiverType(top.function()) != null) {
        out.add(fact("race-in-value-receiver-method", "the racing access is in " + top.function()
            + ", a method with a value receiver (it runs on a copy of the struct)", r, List.of(p)));
        return;
      }
    }
  }

  /** {@code runtime.deferreturn} under a racing access: the access ran in a deferred call (not a creation site). */
  private static void deferred(RaceReport r, List<Access> a, List<Fact> out) {
    for (Access p : a) {
      if (any(p, f -> f.function().equals("runtime.deferreturn"))) {
        out.add(fact("race-access-in-deferred-call", "a racing access runs inside a deferred call", r, List.of(p)));
        return;
      }
    }
  }

  /** Where the racing goroutines were started: inside a deferred call; both at one go statement. */
  private static void creation(RaceReport r, List<Access> a, List<Fact> out) {
    for (Access p : a) {
      List<Frame> created = r.createdAt().get(p.goroutine());
      if (created != null && created.stream().anyMatch(f -> f.function().equals("runtime.deferreturn"))) {
        out.add(fact("race-goroutine-started-in-deferred-call", "goroutine " + p.goroutine()
            + " was started by a go statement inside a deferred call", r, List.of(p)));
        break;
      }
    }
    closureAgainstCreator(r, a, out);
    if (a.size() >= 2) {
      Access p = a.get(0);
      Access q = a.get(1);
      List<Frame> cp = r.createdAt().get(p.goroutine());
      List<Frame> cq = r.createdAt().get(q.goroutine());
      if (cp != null && cq != null && !cp.isEmpty() && !cq.isEmpty() && !p.goroutine().equals(q.goroutine())
          && cp.get(0).function().equals(cq.get(0).function()) && cp.get(0).location().equals(cq.get(0).location())
          && !cp.get(0).location().isEmpty()) {
        out.add(fact("race-goroutines-from-one-go-statement", "goroutines " + p.goroutine() + " and " + q.goroutine()
            + " were both started at " + cp.get(0).function() + " " + cp.get(0).location() + " (one go statement, run repeatedly)",
            r, List.of(p, q)));
      }
    }
  }

  /**
   * One access is in a closure ({@code F.funcN}) run by a goroutine created in {@code F}; the
   * other is in {@code F} itself: the goroutine shares a variable of the function that started
   * it. When that write is at or above the go statement's line (a loop header's post statement),
   * surer.
   */
  private static void closureAgainstCreator(RaceReport r, List<Access> a, List<Fact> out) {
    for (Access p : a) {
      Frame top = userTop(p);
      List<Frame> created = r.createdAt().get(p.goroutine());
      if (top == null || created == null || created.isEmpty()) {
        continue;
      }
      String creator = created.get(0).function();
      if (!top.function().startsWith(creator + ".func")) {
        continue;
      }
      for (Access q : a) {
        Frame other = q == p ? null : userTop(q);
        if (other != null && other.function().equals(creator)) {
          boolean above = other.fileLine() > 0 && other.fileLine() <= created.get(0).fileLine() && other.file().equals(created.get(0).file());
          out.add(new Fact("race-closure-against-its-creator", "goroutine " + p.goroutine() + " runs a closure of " + creator
              + ", which itself " + (q.write() ? "writes" : "reads") + " the variable at " + other.location()
              + (above ? " (at or above the go statement, " + created.get(0).location() + ")" : ""), above ? 1.0 : 0.7,
              List.of(p.goroutine() + ":" + (p.write() ? "write" : "read"), q.goroutine() + ":" + (q.write() ? "write" : "read")),
              List.of(p.line(), q.line())));
          return;
        }
      }
    }
  }

  private static Frame userTop(Access a) {
    for (Frame f : a.frames()) {
      if (!GoOutputParser.isStd(f.function())) {
        return f;
      }
    }
    return null;
  }

  private static Fact fact(String id, String text, RaceReport r, List<Access> accesses) {
    List<String> ids = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (Access x : accesses) {
      ids.add(x.goroutine() + ":" + (x.atomic() ? "atomic " : "") + (x.write() ? "write" : "read"));
      lines.add(x.line());
    }
    return new Fact(id, text, 1.0, ids, lines);
  }
}
