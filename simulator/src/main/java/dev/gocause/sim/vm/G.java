package dev.gocause.sim.vm;

import java.util.List;

/** A goroutine: explicit frames, state, vector clock. */
public final class G {
  public static final int RUNNABLE = 0;
  public static final int BLOCKED = 1;
  public static final int SLEEPING = 2;
  public static final int DONE = 3;

  public final int id;
  int rqIdx = -1;
  int spins;
  /** Virtual time it last became runnable or made a step (the clock may not pass it over by more than a stall). */
  long runnableSince;
  public boolean yielded;
  public Frame frame;
  public int state = RUNNABLE;
  public String waitReason = "";
  public long blockedSince;
  public boolean blockedForever; // nil channel, select{}: nobody can wake it
  public int[] vc;
  int vcDense; // vc entries at or past this index are zero, except vc[id]
  public List<Machine.StackLine> createdAt; // stack of the go statement
  /** The function it started in if that takes no arguments (dumps print "()" for it), noted while its frames exist. */
  String entryWithoutArguments;
  public String createdBy;
  /** Left out of the leak check (goleak.IgnoreCurrent saw it alive). */
  public boolean leakIgnored;
  public boolean panicking;
  public Object panicVal;
  public Object pendingPanic; // delivered when woken (send on a channel closed while waiting)
  public boolean granted; // allowed to execute its next visible instruction
  public int budget;
  public Object waitObj; // what it waits on, for retry-style wake ups
  public String topFunc; // for leak reports once DONE-less
  public long wakeAt;
  public boolean sleepDone;
  public Object scratch;
  LockOrder.GState lo; // lock-order analysis: held locks and last acquisitions (null until the first lock)
  public List<Machine.StackLine> panicStack; // per-native state across a blocking retry
  /**
   * Go's list of panics (runtime._panic.link) below the current one: a panic that started while a deferred call run by
   * an earlier panic was still running keeps that earlier panic here, to be printed before it ("panic: first" then
   * "\tpanic: second") and to go on once the later one is recovered below the deferred call.
   */
  public java.util.ArrayList<EarlierPanic> earlierPanics;
  /** A panic recovered by a deferred call that has not returned yet (printed "[recovered]" if that call panics). */
  public EarlierPanic recoveredPanic;

  /**
   * A panic still on Go's list: its value, the stack printed for it, whether it was recovered, and the frame whose
   * deferred call it was running (it goes on there when a later panic is recovered below that frame).
   */
  public record EarlierPanic(Object val, List<Machine.StackLine> stack, boolean recovered, Frame owner) {}

  public G(int id) {
    this.id = id;
  }
}
