package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.vm.CompilerBase.Label;
import dev.gocause.sim.vm.FuncCode.Op;
import dev.gocause.sim.vm.Values.Box;

/**
 * Named instructions for the operations the compiler emits most often: one small record per operation instead of a
 * lambda at every use, so the same operation is one class and shows its name (and slot) in a debugger. Operations
 * used once stay lambdas next to the construct they compile.
 */
final class Instr {
  private Instr() {}

  /** Pushes local slot {@code slot}. */
  record LoadLocal(int slot) implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(f.locals[slot]); }
  }

  /** Pops into local slot {@code slot}. */
  record StoreLocal(int slot) implements Op {
    public void exec(Machine m, G g, Frame f) { f.locals[slot] = f.pop(); }
  }

  /** Pushes captured variable {@code index} of the running closure (a heap cell). */
  record LoadCapture(int index) implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(f.caps[index]); }
  }

  /** Pushes the heap cell of global {@code slot}. */
  record LoadGlobalCell(int slot) implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(m.globals[slot]); }
  }

  /** Pushes a constant. */
  record Push(Object value) implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(value); }
  }

  /** Duplicates the top of the stack. */
  record Dup() implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(f.peek()); }
  }

  /**
   * Replaces the top of the stack by a copy of a struct or array that lives in shared memory: the copy
   * reads each field and element ({@link HappensBefore#readAggregate}).
   */
  record CopyShared(Type t) implements Op {
    public void exec(Machine m, G g, Frame f) {
      Object v = f.pop();
      m.readAggregate(g, v, t, 0);
      f.push(Values.copy(v));
    }
  }

  /** Replaces the top of the stack by a copy (value semantics of arrays and structs). */
  record CopyTop() implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(Values.copy(f.pop())); }
  }

  /** Replaces the top of the stack by a new heap cell holding it. */
  record BoxTop() implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(new Box(f.pop())); }
  }

  /** Pops index and container, pushes a reference to the element. */
  record ElemRef() implements Op {
    public void exec(Machine m, G g, Frame f) { f.push(Ops.elemRef(f.pop(), f.pop())); }
  }

  /** Adds one to the int in local slot {@code slot} (loop counters). */
  record IncLocal(int slot) implements Op {
    public void exec(Machine m, G g, Frame f) { f.locals[slot] = (Long) f.locals[slot] + 1; }
  }

  /** Discards {@code n} values. */
  record Pop(int n) implements Op {
    public void exec(Machine m, G g, Frame f) {
      for (int i = 0; i < n; i++) f.pop();
    }
  }

  /** Continues at {@code target} (its pc is known once the label is marked). */
  record Jump(Label target) implements Op {
    public void exec(Machine m, G g, Frame f) { f.pc = target.pc; }
  }

  /** Pops a bool; continues at {@code target} when it equals {@code when}. */
  record JumpIf(Label target, boolean when) implements Op {
    public void exec(Machine m, G g, Frame f) {
      if ((Boolean) f.pop() == when) f.pc = target.pc;
    }
  }

  /** Returns from the running function. */
  record Return() implements Op {
    public void exec(Machine m, G g, Frame f) { m.ret(g, f); }
  }

  /**
   * The one channel receive: from the channel on top of the stack, or (for {@code range}) in local slot
   * {@code localSlot}; pushes the value, and with {@code commaOk} also whether it came from a send.
   */
  record Receive(int localSlot, boolean commaOk) implements Op {
    static final int FROM_STACK = -1;

    public void exec(Machine m, G g, Frame f) {
      Machine.Chan c = (Machine.Chan) (localSlot == FROM_STACK ? f.pop() : f.locals[localSlot]);
      m.recv(g, f, c, commaOk);
    }

    /** The channel it will receive from, written (a receive changes the channel's state). */
    Object[] footprint(Frame f) {
      return CompilerBase.fp(localSlot == FROM_STACK ? f.stack[f.sp - 1] : f.locals[localSlot], true);
    }
  }

  /**
   * Refuses the program: the function holds a construct outside the subset and a schedule reached it. The exception
   * leaves the machine (see {@code Machine.runSlice}) and reports {@code file:line:col: unsupported: …} as if the
   * compiler had refused it.
   */
  record Refuse(UnsupportedConstructException refusal) implements Op {
    public void exec(Machine m, G g, Frame f) { throw refusal; }
  }
}
