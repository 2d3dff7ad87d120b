package dev.gocause.graph.diagnosis;

import static dev.gocause.graph.diagnosis.WaitAnalyzer.addresses;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.complete;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.count;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.fact;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.ids;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.receiverType;
import static dev.gocause.graph.diagnosis.WaitAnalyzer.sameReceiver;

import dev.gocause.graph.diagnosis.ParsedInput.Frame;
import dev.gocause.graph.diagnosis.ParsedInput.Goroutine;
import dev.gocause.graph.diagnosis.WaitAnalyzer.Wait;
import dev.gocause.graph.diagnosis.WaitAnalyzer.Waiter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link WaitAnalyzer}'s facts about goroutines waiting on channels: with lock waiters beside them,
 * with no partner left, or left behind by the function or type that should have taken their value.
 */
final class ChannelWaitFacts {
  private ChannelWaitFacts() {}

  /**
   * Goroutines blocked on channels while others are blocked on locks, and nothing else is alive:
   * the channel partner waits for the lock, the lock holder waits on the channel. Surer when a
   * channel waiter and a lock waiter run code of the same receiver type.
   */
  static void channelAndLock(List<Waiter> ws, boolean allBlocked, List<Fact> out) {
    List<Waiter> locks = ws.stream().filter(Waiter::isLock).toList();
    List<Waiter> chans = ws.stream().filter(Waiter::isChannel).toList();
    if (locks.isEmpty() || chans.isEmpty()) {
      return;
    }
    if (!allBlocked) {
      pastTheLock(locks, chans, out);
      return;
    }
    Set<String> lockTypes = types(locks);
    Set<String> chanTypes = types(chans);
    lockTypes.retainAll(chanTypes);
    List<Waiter> both = new ArrayList<>(chans);
    both.addAll(locks);
    out.add(fact("channel-wait-while-lock-wait", lockTypes.isEmpty() ? 0.85 : 1.0, both,
        "goroutine" + (chans.size() == 1 ? " " : "s ") + ids(chans) + " blocked on a channel while " + ids(locks)
            + " wait for a lock" + (lockTypes.isEmpty() ? "" : " of the same " + lockTypes.iterator().next())
            + "; nothing else is alive"));
  }

  /**
   * When other goroutines are alive (a server's network loops, timers), "nothing else can
   * release the lock" cannot be concluded, but a dump can still show who holds it: a goroutine
   * blocked on a channel inside the very function where the lock waiters stand at their Lock
   * call, on a later line of it (and on the same receiver when both print one), has already
   * passed that Lock: it holds the lock while it waits on the channel.
   */
  private static void pastTheLock(List<Waiter> locks, List<Waiter> chans, List<Fact> out) {
    List<Waiter> holders = new ArrayList<>();
    List<Waiter> waiters = new ArrayList<>();
    for (Waiter c : chans) {
      boolean holds = false;
      for (Waiter l : locks) {
        Frame site = l.site();
        if (site == null || GoOutputParser.isStd(site.function()) || site.fileLine() == 0) {
          continue;
        }
        for (Frame f : c.g().frames()) {
          if (f.function().equals(site.function()) && f.file().equals(site.file()) && f.fileLine() > site.fileLine()
              && sameReceiver(f, site)) {
            holds = true;
            if (!waiters.contains(l)) {
              waiters.add(l);
            }
            break;
          }
        }
      }
      if (holds) {
        holders.add(c);
      }
    }
    if (holders.isEmpty()) {
      sameReceiverType(locks, chans, out);
      return;
    }
    List<Waiter> both = new ArrayList<>(holders);
    both.addAll(waiters);
    Frame site = waiters.get(0).site();
    out.add(fact("channel-wait-while-lock-wait", 1.0, both, "goroutine" + (holders.size() == 1 ? " " : "s ") + ids(holders)
        + " blocked on a channel in " + site.function() + " after the Lock at " + site.location() + " where " + ids(waiters)
        + " wait: " + (holders.size() == 1 ? "it holds" : "they hold") + " the lock while waiting on the channel"));
  }

  /**
   * A goroutine blocked sending or receiving in a method of a type while another waits for a lock
   * in another method of that type (on the same value when both print their receiver): the type's
   * lock is most likely the one the channel waiter took before the channel, and the method that
   * would complete the channel operation is the one waiting for it. Less sure than the same
   * function's later line: a type's idle loop and a passing lock wait look the same.
   */
  private static void sameReceiverType(List<Waiter> locks, List<Waiter> chans, List<Fact> out) {
    List<Waiter> holders = new ArrayList<>();
    List<Waiter> waiters = new ArrayList<>();
    String type = null;
    for (Waiter c : chans) {
      Frame cs = c.site();
      String ct = c.on() == Wait.SELECT || cs == null || GoOutputParser.isStd(cs.function()) ? null : receiverType(cs.function());
      if (ct == null) {
        continue;
      }
      for (Waiter l : locks) {
        Frame ls = l.site();
        if (ls != null && !ls.function().equals(cs.function()) && !GoOutputParser.isStd(ls.function())
            && ct.equals(receiverType(ls.function())) && sameReceiver(cs, ls)) {
          if (!holders.contains(c)) {
            holders.add(c);
          }
          if (!waiters.contains(l)) {
            waiters.add(l);
          }
          type = ct;
        }
      }
    }
    if (holders.isEmpty()) {
      return;
    }
    List<Waiter> both = new ArrayList<>(holders);
    both.addAll(waiters);
    out.add(fact("channel-wait-while-lock-wait", 0.75, both, "goroutine" + (holders.size() == 1 ? " " : "s ") + ids(holders)
        + " blocked on a channel in " + holders.get(0).site().function() + " while " + ids(waiters) + " wait for a lock in "
        + waiters.get(0).site().function() + ", another method of " + type + ": the channel waiter likely holds its lock"));
  }


  private static Set<String> types(List<Waiter> ws) {
    // thousands of waiters share a few hundred functions: each function is read once
    Set<String> functions = new HashSet<>();
    for (Waiter w : ws) {
      for (Frame f : w.g().frames()) {
        functions.add(f.function());
      }
    }
    Set<String> out = new HashSet<>();
    for (String function : functions) {
      String t = GoOutputParser.isStd(function) ? null : receiverType(function);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }


  /**
   * Senders blocked with no goroutine in the dump that could receive (none receiving on that
   * channel when addresses are printed, none in a receive, select or still running otherwise),
   * and the reverse.
   */
  static List<Waiter> orphanChannels(List<Waiter> ws, List<Fact> out) {
    boolean alive = ws.stream().anyMatch(w -> w.on() == Wait.ALIVE || w.on() == Wait.SELECT);
    orphan(ws, Wait.SEND, Wait.RECEIVE, alive, "send-with-no-receiver", "blocked sending", out);
    return orphan(ws, Wait.RECEIVE, Wait.SEND, alive, "receive-with-no-sender", "blocked receiving", out);
  }

  /** Returns the orphans found (empty when none). */
  private static List<Waiter> orphan(List<Waiter> ws, Wait side, Wait partner, boolean alive, String id, String what, List<Fact> out) {
    List<Waiter> mine = ws.stream().filter(w -> w.on() == side).toList();
    if (mine.isEmpty()) {
      return List.of();
    }
    List<Waiter> partners = ws.stream().filter(w -> w.on() == partner).toList();
    boolean partnersAddressed = partners.stream().allMatch(p -> !p.address().isEmpty());
    Set<String> partnerAddresses = new HashSet<>();
    partners.forEach(p -> partnerAddresses.add(p.address()));
    List<Waiter> orphans = new ArrayList<>();
    for (Waiter w : mine) {
      boolean could;
      if (!w.address().isEmpty() && partnersAddressed) {
        could = partnerAddresses.contains(w.address()) || alive;
      } else {
        could = !partners.isEmpty() || alive;
      }
      if (!could) {
        orphans.add(w);
      }
    }
    if (!orphans.isEmpty()) {
      Set<String> sites = new HashSet<>();
      orphans.forEach(w -> sites.add(w.site() == null ? "?" : w.site().location()));
      out.add(fact(id, 1.0, orphans, count(orphans) + " " + what + " at " + String.join(", ", sites)
          + " and no goroutine in the dump could be the other side"));
    }
    return orphans;
  }

  /**
   * Senders whose creator has returned: in a dump that shows every goroutine, or a goleak report
   * (it lists every goroutine still running after the test), no stack runs the function whose go
   * statement started them, and they run a closure of it (sharing its channel) or nobody is left
   * receiving at all. The one to receive was most often that function, which left — on a
   * timeout, an error or a cancelled context — and nobody took its place.
   */
  static void senderOutlivedCreator(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    if (parsed.goleakLine() <= 0 && parsed.leaks().isEmpty() && !complete(parsed)) {
      return;
    }
    // a goroutine still receiving or selecting may be the one a sender waits for
    boolean receiverLeft = ws.stream().noneMatch(w -> w.on() == Wait.RECEIVE || w.on() == Wait.SELECT || w.on() == Wait.ALIVE);
    List<Waiter> candidates = new ArrayList<>();
    Set<String> creators = new java.util.TreeSet<>();
    for (Waiter w : ws) {
      // a closure of its creator shares the creator's channel; a named function may send on anybody's
      Frame c = w.on() == Wait.SEND ? w.g().createdBy() : null;
      Frame top = c == null ? null : w.g().userFrame();
      boolean closure = top != null && top.function().startsWith(c.function() + ".func");
      if (c != null && (closure || receiverLeft) && !GoOutputParser.isStd(c.function())) {
        candidates.add(w);
        creators.add(c.function());
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    // the creators still running somewhere (one pass over the frames; a big dump has thousands)
    Set<String> running = new HashSet<>();
    for (Goroutine g : parsed.all()) {
      for (Frame f : g.frames()) {
        if (creators.contains(f.function())) {
          running.add(f.function());
        }
      }
    }
    creators.removeAll(running);
    List<Waiter> senders = candidates.stream().filter(w -> !running.contains(w.g().createdBy().function())).toList();
    if (!senders.isEmpty()) {
      out.add(fact("sender-outlived-its-creator", 1.0, senders, count(senders) + " blocked sending, started by "
          + String.join(", ", creators) + ", which is on no stack any more: it returned, and whoever was to receive left with it"));
    }
  }

  /**
   * Senders blocked inside a method of a type (a channel the value owns: its run loop's input) in
   * a dump that shows every goroutine (not a goleak report: only what outlived the test is listed
   * there), where no other goroutine runs any method of that type: the loop that received for the
   * value has returned (stopped, or never started), and the method sends without watching for that.
   * A WaitGroup waiting for these senders does not own their channel.
   */
  static void sendIntoAStoppedType(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    // a goleak report lists only what outlived the test: every other goroutine is gone there, so no
    // method of the type running says nothing about its loop
    if (!complete(parsed)) {
      return;
    }
    Map<String, List<Waiter>> byType = new LinkedHashMap<>();
    Set<Goroutine> senders = new HashSet<>();
    for (Waiter w : ws) {
      Frame site = w.on() == Wait.SEND ? w.site() : null;
      String type = site == null || GoOutputParser.isStd(site.function()) ? null : receiverType(site.function());
      if (type != null) {
        byType.computeIfAbsent(type, k -> new ArrayList<>()).add(w);
        senders.add(w.g());
      }
    }
    if (byType.isEmpty()) {
      return;
    }
    Set<String> alive = new HashSet<>();
    for (Goroutine g : parsed.all()) {
      if (senders.contains(g)) {
        continue;
      }
      for (Frame f : g.frames()) {
        String t = GoOutputParser.isStd(f.function()) ? null : receiverType(f.function());
        if (t != null && byType.containsKey(t)) {
          alive.add(t);
        }
      }
    }
    List<Waiter> left = new ArrayList<>();
    Set<String> types = new java.util.TreeSet<>();
    byType.forEach((t, list) -> {
      if (!alive.contains(t)) {
        left.addAll(list);
        types.add(t);
      }
    });
    if (!left.isEmpty()) {
      out.add(fact("send-into-a-type-with-no-goroutine-left", 1.0, left, count(left) + " blocked sending in a method of "
          + String.join(", ", types) + ", and no other goroutine runs any method of it: the loop that received for it has returned"));
    }
  }

  private static final java.util.regex.Pattern CLOSURE = java.util.regex.Pattern.compile("(.+?)\\.func\\d+(?:\\.\\d+)*");

  /**
   * A {@code debug=1} goroutine profile lists every goroutine but hides the runtime's frames, so a
   * goroutine parked on a channel shows no wait state, only its own frames. When such goroutines
   * (two or more alike) run a closure of a function as their entry (its go statement, or one it
   * handed the closure to, started them) and that function is on no stack, it returned and left
   * them parked: the side they waited for (usually the function itself, gone on a timeout, an error
   * or a cancellation) is no longer there.
   */
  static void closureOutlivedItsFunction(ParsedInput parsed, List<Waiter> ws, List<Fact> out) {
    if (parsed.messages().stream().noneMatch(m -> m.text().startsWith("goroutine profile: total "))) {
      return;
    }
    List<Waiter> candidates = new ArrayList<>();
    Map<Waiter, String> outer = new HashMap<>();
    for (Waiter w : ws) {
      Goroutine g = w.g();
      if (!g.state().equals("unknown") || g.count() < 2 || g.frames().isEmpty()) {
        continue;
      }
      String entry = g.frames().get(g.frames().size() - 1).function();
      java.util.regex.Matcher m = CLOSURE.matcher(entry);
      if (!GoOutputParser.isStd(entry) && m.matches()) {
        candidates.add(w);
        outer.put(w, m.group(1));
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    Set<String> running = new HashSet<>();
    Set<String> wanted = new HashSet<>(outer.values());
    for (Goroutine g : parsed.all()) {
      for (Frame f : g.frames()) {
        if (wanted.contains(f.function())) {
          running.add(f.function());
        }
      }
    }
    List<Waiter> left = candidates.stream().filter(w -> !running.contains(outer.get(w))).toList();
    if (!left.isEmpty()) {
      Set<String> gone = new java.util.TreeSet<>();
      left.forEach(w -> gone.add(outer.get(w)));
      out.add(fact("parked-closure-outlived-its-function", 1.0, left, count(left) + " parked in a closure of "
          + String.join(", ", gone) + ", which is on no stack of the profile: it returned and left them waiting"));
    }
  }
}
