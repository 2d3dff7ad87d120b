package dev.gocause.sim.vm;

import java.util.ArrayList;

/** One activation record; goroutine state is explicit data so goroutines cost no OS thread. */
public final class Frame {
  public static final int NORMAL = 0;
  public static final int RETURNING = 1;
  public static final int PANICKING = 2;

  public final FuncCode fn;
  public final Object[] locals;
  public Object[] stack = new Object[16];
  public int sp;
  public int pc;
  public final Object[] caps;
  public Frame caller;
  public ArrayList<Object[]> defers; // {Closure, args[]}
  public int mode;
  public boolean isDefer; // this frame runs a deferred call: its results are dropped
  public boolean discard; // results are dropped (deferred or go'd call)
  public Runnable onReturn; // hook run by natives that called into Go code (Once.Do, errgroup.Go ...), also when a panic unwinds it
  public boolean endsGoexit; // a subtest's body: runtime.Goexit (t.Fatal) ends the subtest, its caller goes on
  public int lastLine;
  java.util.List<Machine.StackLine> stackCache;
  int stackPc = -1;

  public Frame(FuncCode fn, Object[] caps) {
    this.fn = fn;
    this.locals = new Object[Math.max(fn.nLocals, 1)];
    this.caps = caps;
  }

  public void push(Object v) {
    if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
    stack[sp++] = v;
  }

  public Object pop() {
    Object v = stack[--sp];
    stack[sp] = null;
    return v;
  }

  public Object peek() {
    return stack[sp - 1];
  }

  public int line() {
    int i = Math.max(0, Math.min(pc - 1, fn.code.length - 1));
    return fn.code.length == 0 ? fn.line : fn.code[i].line;
  }
}
