package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.SliceVal;
import dev.gocause.sim.vm.Values.StructVal;
import java.util.List;

/**
 * io.Pipe as Go implements it: a synchronous in-memory pipe. A Write blocks until Reads have taken all of its bytes
 * (writes are serialised), a Read blocks until a Write offers bytes and takes at most len(p) of them, and closing one
 * end makes the other's calls return (EOF or ErrClosedPipe, or the error given to CloseWithError). Each hand-off is a
 * happens-before edge from writer to reader. A goroutine blocked in either waits in state "select", as Go's does.
 */
final class PipeNatives {
  private PipeNatives() {}

  static final class Pipe {
    SliceVal pending; // the bytes of the Write in progress
    int taken; // how many of them Reads took
    G writer; // the goroutine whose Write is in progress
    boolean readerClosed;
    boolean writerClosed;
    Object readerErr; // what writes see once the reader closed (nil: ErrClosedPipe)
    Object writerErr; // what reads see once the writer closed (nil: EOF)
    int[] vc;
  }

  static Type.Named READER;
  static Type.Named WRITER;

  private static Type.Named end(String name) {
    Type.Struct s = new Type.Struct();
    s.fields.add(new Type.FieldT("p", new Type.Opaque("io.pipe", () -> null, false), false));
    Type.Named t = new Type.Named("io." + name, s);
    type("io", name, t);
    return t;
  }

  static void register() {
    READER = end("PipeReader");
    WRITER = end("PipeWriter");
    Type bytes = IoNatives.BYTES;
    fn("io", "Pipe", sig(List.of(), List.of(new Type.Pointer(READER), new Type.Pointer(WRITER))), (m, g, f, a) -> {
      Pipe p = new Pipe();
      StructVal r = (StructVal) Values.zero(READER);
      StructVal w = (StructVal) Values.zero(WRITER);
      r.f[0] = p;
      w.f[0] = p;
      f.push(r);
      f.push(w);
    });
    method(READER, "Read", true, sig(List.of(bytes), List.of(Type.INT, ERROR)), (m, g, f, a) -> read(m, g, f, pipe(a[0]), (SliceVal) a[1]));
    method(WRITER, "Write", true, sig(List.of(bytes), List.of(Type.INT, ERROR)), (m, g, f, a) -> write(m, g, f, pipe(a[0]), (SliceVal) a[1]));
    method(READER, "Close", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> f.push(closeReader(m, pipe(a[0]), null)));
    method(READER, "CloseWithError", true, sig(List.of(ERROR), List.of(ERROR)), (m, g, f, a) -> f.push(closeReader(m, pipe(a[0]), a[1])));
    method(WRITER, "Close", true, sig(List.of(), List.of(ERROR)), (m, g, f, a) -> f.push(closeWriter(m, g, pipe(a[0]), null)));
    method(WRITER, "CloseWithError", true, sig(List.of(ERROR), List.of(ERROR)), (m, g, f, a) -> f.push(closeWriter(m, g, pipe(a[0]), a[1])));
  }

  private static Pipe pipe(Object end) {
    if (end == null) throw new Machine.GoPanic(Natives.runtimeError("invalid memory address or nil pointer dereference"));
    return (Pipe) ((StructVal) end).f[0];
  }

  private static void read(Machine m, G g, Frame f, Pipe p, SliceVal dst) {
    if (p.readerClosed) {
      result(f, 0, IoNatives.CLOSED_PIPE);
      return;
    }
    int len = dst == null ? 0 : dst.len;
    if (p.pending != null && p.taken < p.pending.len) {
      int n = Math.min(len, p.pending.len - p.taken);
      for (int i = 0; i < n; i++) dst.arr.a[dst.off + i] = p.pending.arr.a[p.pending.off + p.taken + i];
      p.taken += n;
      m.acquire(g, p.vc);
      m.wakeAll(p); // the writer sees what was taken
      result(f, n, null);
      return;
    }
    if (p.writerClosed) {
      result(f, 0, p.writerErr != null ? p.writerErr : IoNatives.EOF);
      return;
    }
    m.waitOn(g, f, "select", p);
  }

  private static void write(Machine m, G g, Frame f, Pipe p, SliceVal src) {
    if (p.writer == g) {
      // woken: done once Reads took every byte, or the reader closed
      if (p.taken == p.pending.len || p.readerClosed) {
        int n = p.taken;
        boolean all = p.taken == p.pending.len;
        p.pending = null;
        p.writer = null;
        m.wakeAll(p); // the next writer
        result(f, n, all ? null : closedErr(p));
        return;
      }
      m.waitOn(g, f, "select", p);
      return;
    }
    if (p.readerClosed || p.writerClosed) {
      result(f, 0, p.readerClosed ? closedErr(p) : IoNatives.CLOSED_PIPE);
      return;
    }
    if (p.writer != null) {
      m.waitOn(g, f, "select", p); // another Write is in progress
      return;
    }
    if (src == null || src.len == 0) {
      result(f, 0, null); // Go hands an empty Write to one Read first; nothing depends on that here
      return;
    }
    p.pending = src;
    p.taken = 0;
    p.writer = g;
    p.vc = m.release(g, p.vc);
    m.wakeAll(p); // readers waiting for bytes
    m.waitOn(g, f, "select", p);
  }

  private static Object closedErr(Pipe p) {
    return p.readerErr != null ? p.readerErr : IoNatives.CLOSED_PIPE;
  }

  private static Object closeReader(Machine m, Pipe p, Object err) {
    if (!p.readerClosed) {
      p.readerClosed = true;
      p.readerErr = err;
    }
    m.wakeAll(p);
    return null;
  }

  private static Object closeWriter(Machine m, G g, Pipe p, Object err) {
    if (!p.writerClosed) {
      p.writerClosed = true;
      p.writerErr = err;
      p.vc = m.release(g, p.vc);
    }
    m.wakeAll(p);
    return null;
  }

  private static void result(Frame f, int n, Object err) {
    f.push((long) n);
    f.push(err);
  }
}
