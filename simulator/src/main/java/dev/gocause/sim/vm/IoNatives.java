package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import java.util.List;

/**
 * Library model of io: the Reader/Writer/Closer family of interfaces (so code can declare and pass them), the
 * sentinel errors and Pipe ({@link PipeNatives}). Registered by import path from {@link Natives}.
 */
final class IoNatives {
  private IoNatives() {}

  static final Type BYTES = new Type.Slice(Type.UINT8);
  /** io.Writer, also the first parameter of fmt.Fprint*. */
  static final Type.Named WRITER = new Type.Named("io.Writer", new Type.Interface());
  static {
    ((Type.Interface) WRITER.under).methods.put("Write", sig(List.of(BYTES), List.of(Type.INT, ERROR)));
  }
  /** io.EOF and io.ErrClosedPipe: what the library returns is the variable's value, so == compares true. */
  static final Object EOF = newError("EOF");
  /** A marker the scanners throw when the input ends; fmt reports it as io.EOF. */
  static final Object EOF_UNEXPECTED = new Object();
  static final Object CLOSED_PIPE = newError("io: read/write on closed pipe");

  static Type.Named iface(String name, Object... methods) {
    Type.Interface i = new Type.Interface();
    for (int k = 0; k < methods.length; k += 2) i.methods.put((String) methods[k], (Type.Func) methods[k + 1]);
    Type.Named t = new Type.Named("io." + name, i);
    type("io", name, t);
    return t;
  }

  static void registerIo() {
    String p = "io";
    Type.Func read = sig(List.of(BYTES), List.of(Type.INT, ERROR));
    Type.Func write = sig(List.of(BYTES), List.of(Type.INT, ERROR));
    Type.Func close = sig(List.of(), List.of(ERROR));
    iface("Reader", "Read", read);
    type(p, "Writer", WRITER);
    iface("Closer", "Close", close);
    iface("ReadWriter", "Read", read, "Write", write);
    iface("ReadCloser", "Read", read, "Close", close);
    iface("WriteCloser", "Write", write, "Close", close);
    iface("ReadWriteCloser", "Read", read, "Write", write, "Close", close);
    iface("StringWriter", "WriteString", sig(List.of(Type.STRING), List.of(Type.INT, ERROR)));
    iface("ByteReader", "ReadByte", sig(List.of(), List.of(Type.UINT8, ERROR)));
    var(p, "EOF", ERROR, EOF);
    var(p, "ErrUnexpectedEOF", ERROR, newError("unexpected EOF"));
    var(p, "ErrClosedPipe", ERROR, CLOSED_PIPE);
    var(p, "ErrShortWrite", ERROR, newError("short write"));
    var(p, "ErrNoProgress", ERROR, newError("multiple Read calls return no data or error"));
    fn(p, "WriteString", sig(List.of(WRITER, Type.STRING), List.of(Type.INT, ERROR)), (m, g, f, a) -> {
      // the writer's own WriteString when it has one, else Write([]byte(s))
      if (a[0] != null && Ops.findMethod(((Values.Iface) a[0]).t, "WriteString") != null) {
        m.call(g, f, (Values.Closure) Ops.ifaceMethodValue(a[0], "WriteString"), new Object[] {a[1]});
      } else {
        m.call(g, f, (Values.Closure) Ops.ifaceMethodValue(a[0], "Write"), new Object[] {Ops.stringToSlice((String) a[1], false)});
      }
    });
    PipeNatives.register();
  }
}
