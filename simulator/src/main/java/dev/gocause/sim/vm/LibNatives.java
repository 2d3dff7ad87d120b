package dev.gocause.sim.vm;

import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gocause.sim.vm.Natives.*;
import static dev.gocause.sim.vm.SyncNatives.*;
import static dev.gocause.sim.vm.AtomicNatives.*;
import static dev.gocause.sim.vm.TimeNatives.*;
import static dev.gocause.sim.vm.ContextNatives.*;
import static dev.gocause.sim.vm.ErrgroupNatives.*;
import static dev.gocause.sim.vm.TestingNatives.*;

/**
 * Library model of fmt, errors, strings (the basic functions, Builder), os, runtime, log, math and math/rand; sort is in
 * {@link SortNatives}, strconv and the rest of strings, unicode, unicode/utf8 and bytes in {@link TextNatives}.
 * Registered by import path from {@link Natives}.
 */
final class LibNatives {
  private LibNatives() {}

  // ---------------- fmt, errors, strings, strconv, os, runtime, log, sort, math/rand ----------------
  static final Type.Named OSFILE = new Type.Named("os.File", new Type.Opaque("os.File", () -> null, false));
  static final Object STDOUT = "stdout";
  static final Object STDERR = "stderr";
  static final Object OS_ERR_INVALID = Natives.newError("invalid argument");
  static final Object OS_ERR_PERMISSION = Natives.newError("permission denied");
  static final Object OS_ERR_EXIST = Natives.newError("file already exists");
  static final Object OS_ERR_NOT_EXIST = Natives.newError("file does not exist");
  static final Object OS_ERR_CLOSED = Natives.newError("file already closed");

  static void registerMisc() {
    Type anyS = new Type.Slice(EMPTY_IFACE);
    String p = "fmt";
    fn(p, "Println", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintln(m, g, sliceItems(a[0]))));
    fn(p, "Print", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprint(m, g, sliceItems(a[0]))));
    fn(p, "Printf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> m.print(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1]))));
    fn(p, "Sprintf", vsig(List.of(Type.STRING, anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1])))));
    fn(p, "Sprint", vsig(List.of(anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprint(m, g, sliceItems(a[0])))));
    fn(p, "Sprintln", vsig(List.of(anyS), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(Fmt.sprintln(m, g, sliceItems(a[0])))));
    fn(p, "Errorf", vsig(List.of(Type.STRING, anyS), List.of(ERROR)), pure((m, g, f, a) -> {
      Object[] items = sliceItems(a[1]);
      String msg = Fmt.sprintf(m, g, (String) a[0], items);
      Object wrapped = null;
      int wi = Fmt.wrapIndex((String) a[0]);
      if (wi >= 0 && wi < items.length) wrapped = items[wi];
      f.push(wrapped != null ? new Iface(new Type.Pointer(WRAPERR), new ErrorVal(msg, wrapped)) : newError(msg));
    }));
    Type fileT = new Type.Pointer(OSFILE);
    // to os.Stdout/os.Stderr fmt prints; to any other io.Writer it calls Write once with the formatted bytes
    fn(p, "Fprintln", vsig(List.of(IoNatives.WRITER, anyS), List.of(Type.INT, ERROR)), (m, g, f, a) -> fprint(m, g, f, a[0], Fmt.sprintln(m, g, sliceItems(a[1]))));
    fn(p, "Fprintf", vsig(List.of(IoNatives.WRITER, Type.STRING, anyS), List.of(Type.INT, ERROR)), (m, g, f, a) -> fprint(m, g, f, a[0], Fmt.sprintf(m, g, (String) a[1], sliceItems(a[2]))));
    fn(p, "Fprint", vsig(List.of(IoNatives.WRITER, anyS), List.of(Type.INT, ERROR)), (m, g, f, a) -> fprint(m, g, f, a[0], Fmt.sprint(m, g, sliceItems(a[1]))));
    method(OSFILE, "Write", true, sig(List.of(IoNatives.BYTES), List.of(Type.INT, ERROR)), (m, g, f, a) -> {
      m.print(Ops.bytesToString(a[1]));
      f.push((long) (a[1] == null ? 0 : ((SliceVal) a[1]).len));
      f.push(null);
    });
    method(OSFILE, "WriteString", true, sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), (m, g, f, a) -> {
      m.print((String) a[1]);
      f.push((long) TextNatives.byteLen((String) a[1]));
      f.push(null);
    });
    Scan.register();
    Type.Interface stringer = new Type.Interface();
    stringer.methods.put("String", sig(List.of(), List.of(Type.STRING)));
    type(p, "Stringer", new Type.Named("fmt.Stringer", stringer));

    p = "os";
    var(p, "Stdout", fileT, STDOUT);
    var(p, "Stderr", fileT, STDERR);
    fn(p, "Exit", sig(List.of(Type.INT), List.of()), (m, g, f, a) -> {
      int code = (int) (long) (Long) a[0];
      if (!TestingNatives.exitAfterTests(m, g, code)) m.exit(code);
    });
    fn(p, "Getenv", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push("")));
    // the program's name only, as a test binary run without flags sees it
    var(p, "Args", new Type.Slice(Type.STRING), sliceOf(new Object[] {"/tmp/go-build/main.test"}));
    // the io/fs sentinels os re-exports: one value each, so errors.Is and == find them as in Go
    var(p, "ErrInvalid", ERROR, OS_ERR_INVALID);
    var(p, "ErrPermission", ERROR, OS_ERR_PERMISSION);
    var(p, "ErrExist", ERROR, OS_ERR_EXIST);
    var(p, "ErrNotExist", ERROR, OS_ERR_NOT_EXIST);
    var(p, "ErrClosed", ERROR, OS_ERR_CLOSED);

    p = "errors";
    fn(p, "New", sig(List.of(Type.STRING), List.of(ERROR)), pure((m, g, f, a) -> f.push(newError((String) a[0]))));
    fn(p, "Is", sig(List.of(ERROR, ERROR), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      Object e = a[0];
      int guard = 0;
      while (e != null && guard++ < 100) {
        if (Values.equal(e, a[1])) {
          f.push(true);
          return;
        }
        e = unwrap(m, g, e);
      }
      f.push(a[1] == null && a[0] == null);
    }));
    fn(p, "Unwrap", sig(List.of(ERROR), List.of(ERROR)), pure((m, g, f, a) -> f.push(unwrap(m, g, a[0]))));
    fn(p, "As", sig(List.of(ERROR, EMPTY_IFACE), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      // a[1] is an interface holding *T: the target's type tells what to look for
      Iface target = (Iface) a[1];
      Type want = ((Type.Pointer) target.t).elem;
      Object e = a[0];
      int guard = 0;
      while (e != null && guard++ < 100) {
        if (Ops.typeMatches(e, want)) {
          Object v = Type.isInterface(want) ? e : ((Iface) e).v;
          if (target.v instanceof Ref r) r.store(v);
          else if (target.v instanceof StructVal sv && v instanceof StructVal src) System.arraycopy(src.f, 0, sv.f, 0, sv.f.length);
          f.push(true);
          return;
        }
        e = unwrap(m, g, e);
      }
      f.push(false);
    }));

    p = "strings";
    fn(p, "Repeat", sig(List.of(Type.STRING, Type.INT), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).repeat((int) (long) (Long) a[1]))));
    fn(p, "Contains", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).contains((String) a[1]))));
    fn(p, "HasPrefix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).startsWith((String) a[1]))));
    fn(p, "HasSuffix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(((String) a[0]).endsWith((String) a[1]))));
    fn(p, "Index", sig(List.of(Type.STRING, Type.STRING), List.of(Type.INT)), pure((m, g, f, a) -> f.push((long) ((String) a[0]).indexOf((String) a[1]))));
    fn(p, "ToUpper", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).toUpperCase())));
    fn(p, "ToLower", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).toLowerCase())));
    fn(p, "TrimSpace", sig(List.of(Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).strip())));
    fn(p, "TrimPrefix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      f.push(s.startsWith((String) a[1]) ? s.substring(((String) a[1]).length()) : s);
    }));
    fn(p, "TrimSuffix", sig(List.of(Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      String s = (String) a[0];
      f.push(s.endsWith((String) a[1]) ? s.substring(0, s.length() - ((String) a[1]).length()) : s);
    }));
    fn(p, "ReplaceAll", sig(List.of(Type.STRING, Type.STRING, Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> f.push(((String) a[0]).replace((String) a[1], (String) a[2]))));
    fn(p, "Split", sig(List.of(Type.STRING, Type.STRING), List.of(new Type.Slice(Type.STRING))), pure((m, g, f, a) -> {
      String s = (String) a[0];
      String sep = (String) a[1];
      List<Object> parts = new ArrayList<>();
      if (sep.isEmpty()) {
        s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
      } else {
        int i = 0;
        int j;
        while ((j = s.indexOf(sep, i)) >= 0) {
          parts.add(s.substring(i, j));
          i = j + sep.length();
        }
        parts.add(s.substring(i));
      }
      f.push(sliceOf(parts.toArray()));
    }));
    fn(p, "Fields", sig(List.of(Type.STRING), List.of(new Type.Slice(Type.STRING))), pure((m, g, f, a) -> {
      String s = ((String) a[0]).strip();
      f.push(s.isEmpty() ? null : sliceOf(s.split("\\s+")));
    }));
    fn(p, "Join", sig(List.of(new Type.Slice(Type.STRING), Type.STRING), List.of(Type.STRING)), pure((m, g, f, a) -> {
      StringBuilder sb = new StringBuilder();
      Object[] items = sliceItems(a[0]);
      for (int i = 0; i < items.length; i++) sb.append(i > 0 ? (String) a[1] : "").append((String) items[i]);
      f.push(sb.toString());
    }));
    Type.Named builder = new Type.Named("strings.Builder", new Type.Opaque("strings.Builder", () -> new BuilderVal(), true));
    type(p, "Builder", builder);
    method(builder, "WriteString", true, sig(List.of(Type.STRING), List.of(Type.INT, ERROR)), touching(true, "strings.Builder", (m, g, f, a) -> {
      ((BuilderVal) a[0]).sb.append((String) a[1]);
      f.push((long) ((String) a[1]).length());
      f.push(null);
    }));
    method(builder, "String", true, sig(List.of(), List.of(Type.STRING)), touching(false, "strings.Builder", (m, g, f, a) -> f.push(((BuilderVal) a[0]).sb.toString())));
    method(builder, "Len", true, sig(List.of(), List.of(Type.INT)), touching(false, "strings.Builder", (m, g, f, a) -> f.push((long) ((BuilderVal) a[0]).sb.length())));

    p = "runtime";
    // runtime.Error: the interface every runtime panic value satisfies (index out of range, nil map write, ...)
    Type.Interface rte = new Type.Interface();
    rte.methods.put("Error", sig(List.of(), List.of(Type.STRING)));
    rte.methods.put("RuntimeError", sig(List.of(), List.of()));
    type(p, "Error", new Type.Named("runtime.Error", rte));
    fn(p, "NumGoroutine", sig(List.of(), List.of(Type.INT)), (m, g, f, a) -> f.push((long) m.liveGoroutines()));
    fn(p, "Gosched", sig(List.of(), List.of()), (m, g, f, a) -> g.yielded = true);
    fn(p, "GOMAXPROCS", sig(List.of(Type.INT), List.of(Type.INT)), pure((m, g, f, a) -> f.push(2L)));
    fn(p, "NumCPU", sig(List.of(), List.of(Type.INT)), pure((m, g, f, a) -> f.push(2L)));
    fn(p, "GC", sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "Stack", sig(List.of(new Type.Slice(Type.UINT8), Type.BOOL), List.of(Type.INT)), (m, g, f, a) -> {
      byte[] dump = m.goroutineDump(g, (Boolean) a[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      SliceVal buf = (SliceVal) a[0];
      int n = buf == null ? 0 : Math.min(buf.len, dump.length);
      for (int i = 0; i < n; i++) buf.arr.a[buf.off + i] = (long) (dump[i] & 0xff);
      f.push((long) n);
    });

    // the simulator has no garbage collector: a finalizer never runs, as in a short test where GC never collects it
    fn(p, "SetFinalizer", sig(List.of(EMPTY_IFACE, EMPTY_IFACE), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "KeepAlive", sig(List.of(EMPTY_IFACE), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "Goexit", sig(List.of(), List.of()), (m, g, f, a) -> {
      // deferred calls run, recover returns nil, the goroutine ends (on a test's goroutine go test 1.19 then panics)
      ErrorVal ev = new ErrorVal("runtime.Goexit", null);
      ev.goexit = true;
      ev.calledByProgram = true;
      throw new Machine.GoPanic(new Iface(RUNTIME_ERR, ev));
    });
    fn(p, "SetMutexProfileFraction", sig(List.of(Type.INT), List.of(Type.INT)), pure((m, g, f, a) -> f.push(0L)));
    fn(p, "SetBlockProfileRate", sig(List.of(Type.INT), List.of()), pure((m, g, f, a) -> {}));
    cnst(p, "GOOS", Type.STRING, "linux");
    cnst(p, "GOARCH", Type.STRING, "amd64");
    cnst(p, "Compiler", Type.STRING, "gc");

    p = "runtime/debug";
    fn(p, "Stack", sig(List.of(), List.of(new Type.Slice(Type.UINT8))), (m, g, f, a) -> f.push(Ops.stringToSlice(m.goroutineDump(g, false) + "\n", false)));
    fn(p, "PrintStack", sig(List.of(), List.of()), (m, g, f, a) -> m.print(m.goroutineDump(g, false) + "\n"));
    fn(p, "SetGCPercent", sig(List.of(Type.INT), List.of(Type.INT)), pure((m, g, f, a) -> f.push(100L)));
    fn(p, "FreeOSMemory", sig(List.of(), List.of()), pure((m, g, f, a) -> {}));

    p = "log";
    fn(p, "Println", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(logPrefix(m, f) + Fmt.sprintln(m, g, sliceItems(a[0]))));
    fn(p, "Printf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> m.print(logPrefix(m, f) + nl(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1])))));
    for (String[] c : new String[][] {{"Ldate", "1"}, {"Ltime", "2"}, {"Lmicroseconds", "4"}, {"Llongfile", "8"},
        {"Lshortfile", "16"}, {"LUTC", "32"}, {"Lmsgprefix", "64"}, {"LstdFlags", "3"}}) {
      cnst(p, c[0], Type.UNTYPED_INT, Long.parseLong(c[1]));
    }
    fn(p, "SetFlags", sig(List.of(Type.INT), List.of()), (m, g, f, a) -> {
      long fl = (Long) a[0];
      m.logFlags = fl;
    });
    fn(p, "Flags", sig(List.of(), List.of(Type.INT)), (m, g, f, a) -> f.push(m.logFlags));
    fn(p, "SetPrefix", sig(List.of(Type.STRING), List.of()), (m, g, f, a) -> m.logPrefix = (String) a[0]);
    fn(p, "Prefix", sig(List.of(), List.of(Type.STRING)), (m, g, f, a) -> f.push(m.logPrefix));
    fn(p, "Print", vsig(List.of(anyS), List.of()), (m, g, f, a) -> m.print(logPrefix(m, f) + nl(Fmt.sprint(m, g, sliceItems(a[0])))));
    fn(p, "Fatalln", vsig(List.of(anyS), List.of()), (m, g, f, a) -> {
      m.print(logPrefix(m, f) + Fmt.sprintln(m, g, sliceItems(a[0])));
      m.exit(1);
    });
    fn(p, "Fatal", vsig(List.of(anyS), List.of()), (m, g, f, a) -> {
      m.print(logPrefix(m, f) + nl(Fmt.sprint(m, g, sliceItems(a[0]))));
      m.exit(1);
    });
    fn(p, "Fatalf", vsig(List.of(Type.STRING, anyS), List.of()), (m, g, f, a) -> {
      m.print(logPrefix(m, f) + nl(Fmt.sprintf(m, g, (String) a[0], sliceItems(a[1]))));
      m.exit(1);
    });

    SortNatives.register();
    TextNatives.register();

    RandNatives.registerRand();

    p = "math";
    cnst(p, "MaxInt64", Type.UNTYPED_INT, Long.MAX_VALUE);
    cnst(p, "MinInt64", Type.UNTYPED_INT, Long.MIN_VALUE);
    cnst(p, "MaxInt32", Type.UNTYPED_INT, (long) Integer.MAX_VALUE);
    cnst(p, "MaxInt", Type.UNTYPED_INT, Long.MAX_VALUE);
    cnst(p, "MaxInt16", Type.UNTYPED_INT, (long) Short.MAX_VALUE);
    cnst(p, "MinInt32", Type.UNTYPED_INT, (long) Integer.MIN_VALUE);
    cnst(p, "MaxInt8", Type.UNTYPED_INT, (long) Byte.MAX_VALUE);
    cnst(p, "MaxUint32", Type.UNTYPED_INT, 0xFFFF_FFFFL);
    cnst(p, "MaxUint16", Type.UNTYPED_INT, 0xFFFFL);
    cnst(p, "MaxUint8", Type.UNTYPED_INT, 0xFFL);
    cnst(p, "MaxFloat64", Type.UNTYPED_FLOAT, Double.MAX_VALUE);
    cnst(p, "SmallestNonzeroFloat64", Type.UNTYPED_FLOAT, Double.MIN_VALUE);
    cnst(p, "MaxFloat32", Type.UNTYPED_FLOAT, (double) Float.MAX_VALUE);
    cnst(p, "E", Type.UNTYPED_FLOAT, Math.E);
    cnst(p, "Pi", Type.UNTYPED_FLOAT, Math.PI);
    fn(p, "Inf", sig(List.of(Type.INT), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push((Long) a[0] >= 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)));
    fn(p, "IsInf", sig(List.of(Type.FLOAT64, Type.INT), List.of(Type.BOOL)), pure((m, g, f, a) -> {
      double x = (Double) a[0];
      long sign = (Long) a[1];
      f.push(sign > 0 ? x == Double.POSITIVE_INFINITY : sign < 0 ? x == Double.NEGATIVE_INFINITY : Double.isInfinite(x));
    }));
    fn(p, "NaN", sig(List.of(), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Double.NaN)));
    fn(p, "IsNaN", sig(List.of(Type.FLOAT64), List.of(Type.BOOL)), pure((m, g, f, a) -> f.push(Double.isNaN((Double) a[0]))));
    fn(p, "Floor", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.floor((Double) a[0]))));
    fn(p, "Ceil", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.ceil((Double) a[0]))));
    fn(p, "Pow", sig(List.of(Type.FLOAT64, Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.pow((Double) a[0], (Double) a[1]))));
    fn(p, "Max", sig(List.of(Type.FLOAT64, Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.max((Double) a[0], (Double) a[1]))));
    fn(p, "Min", sig(List.of(Type.FLOAT64, Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.min((Double) a[0], (Double) a[1]))));
    fn(p, "Sqrt", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.sqrt((Double) a[0]))));
    fn(p, "Abs", sig(List.of(Type.FLOAT64), List.of(Type.FLOAT64)), pure((m, g, f, a) -> f.push(Math.abs((Double) a[0]))));
  }

  static final class BuilderVal implements ValueObj, Natives.Shadowed {
    final StringBuilder sb = new StringBuilder();
    private Machine.Shadow sh;
    @Override public Machine.Shadow shadow() { return sh == null ? (sh = new Machine.Shadow()) : sh; }
    @Override public Object copyValue() {
      BuilderVal b = new BuilderVal();
      b.sb.append(sb);
      return b;
    }
  }

  /** fmt.Fprint*: the standard streams print; any other writer gets its Write called through the VM (results are Fprint's). */
  static void fprint(Machine m, G g, Frame f, Object w, String text) {
    if (w instanceof Iface i && (i.v == STDOUT || i.v == STDERR)) {
      m.print(text);
      f.push((long) TextNatives.byteLen(text));
      f.push(null);
      return;
    }
    Closure write = (Closure) Ops.ifaceMethodValue(w, "Write");
    m.call(g, f, write, new Object[] {Ops.stringToSlice(text, false)});
  }

  static String nl(String s) {
    return s.endsWith("\n") ? s : s + "\n";
  }

  /** log's flags (Ldate 1, Ltime 2, Lmicroseconds 4, Llongfile 8, Lshortfile 16, LUTC 32, Lmsgprefix 64). */
  static final long LOG_FILE_FLAGS = 8 | 16;

  /** The standard logger's header for a message: its prefix, then date and time as its flags ask (log.go's formatHeader). */
  static String logPrefix(Machine m, Frame f) {
    long flags = m.logFlags;
    StringBuilder sb = new StringBuilder();
    if ((flags & 64) == 0) sb.append(m.logPrefix);
    if ((flags & (1 | 2 | 4)) != 0) {
      long nanos = EPOCH + m.now;
      java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
          (int) Math.floorMod(nanos, 1_000_000_000L), java.time.ZoneOffset.UTC);
      if ((flags & 1) != 0) sb.append(t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd "))); 
      if ((flags & (2 | 4)) != 0) {
        sb.append(t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
        if ((flags & 4) != 0) sb.append(String.format(".%06d", t.getNano() / 1000));
        sb.append(' ');
      }
    }
    if ((flags & LOG_FILE_FLAGS) != 0) {
      String file = m.file;
      if ((flags & 16) != 0) file = file.substring(file.lastIndexOf('/') + 1);
      sb.append(file).append(':').append(f == null ? 0 : f.line()).append(": ");
    }
    if ((flags & 64) != 0) sb.append(m.logPrefix);
    return sb.toString();
  }

  static Object unwrap(Machine m, G g, Object e) {
    Iface i = (Iface) e;
    if (i.v instanceof ErrorVal ev) return ev.wrapped;
    Object[] um = Ops.findMethod(i.t, "Unwrap");
    if (um == null) return null;
    Object[] r = m.callSync(g, (Closure) Ops.ifaceMethodValue(e, "Unwrap"), new Object[0]);
    return r.length > 0 ? r[0] : null;
  }
}
