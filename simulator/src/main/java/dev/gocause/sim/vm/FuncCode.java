package dev.gocause.sim.vm;

import java.util.ArrayList;
import java.util.List;

/** Compiled code of one Go function (or closure body). */
public final class FuncCode {
  /** One instruction; {@code visible} ones are scheduling points (shared memory, channels, sync, go, time). */
  public static final class Ins {
    public final Op op;
    public final int line;
    public final boolean visible;
    public final String desc; // what the timeline shows for visible ops
    public Peek peek; // what a visible op will touch, for partial-order reduction (null: unknown)
    public Ins(Op op, int line, boolean visible, String desc) {
      this.op = op;
      this.line = line;
      this.visible = visible;
      this.desc = desc;
    }
  }

  /** Footprint of the next operation, computed from the frame without running it: {object, Boolean write}. */
  @FunctionalInterface
  public interface Peek {
    Object[] peek(Machine m, Frame f);
  }

  @FunctionalInterface
  public interface Op {
    void exec(Machine m, G g, Frame f);
  }

  public final String name; // as Go prints it in stacks: main.worker, main.main.func1, main.(*Counter).Inc
  public final String file;
  public Ins[] code;
  public int nLocals;
  public int nParams; // including the receiver for methods
  public int[] resultSlots = new int[0];
  public boolean[] boxedResults; // named results captured by closures live in Box cells
  public int line;
  public boolean hasDefer;
  public final List<Ins> building = new ArrayList<>();
  public int closureCount;

  public FuncCode(String name, String file) {
    this.name = name;
    this.file = file;
  }
}
