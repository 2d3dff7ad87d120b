package dev.gocause.sim.vm;

import dev.gocause.sim.vm.Values.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** fmt's verbs over simulator values (the dynamic type comes from the interface value). */
final class Fmt {
  private Fmt() {}

  static String sprintln(Machine m, G g, Object[] args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0) sb.append(' ');
      sb.append(formatAny(m, g, args[i], 'v', false, false));
    }
    return sb.append('\n').toString();
  }

  static String sprint(Machine m, G g, Object[] args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      boolean isStr = args[i] instanceof Iface x && x.v instanceof String;
      boolean prevStr = i > 0 && args[i - 1] instanceof Iface y && y.v instanceof String;
      if (i > 0 && !isStr && !prevStr) sb.append(' ');
      sb.append(formatAny(m, g, args[i], 'v', false, false));
    }
    return sb.toString();
  }

  static String printBuiltin(Object[] vs, boolean ln) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < vs.length; i++) {
      if (ln && i > 0) sb.append(' ');
      Object v = vs[i];
      if (v instanceof Double d) sb.append(String.format("%+e", d));
      else if (v == null) sb.append("nil");
      else if (v instanceof Iface) sb.append("(").append(((Iface) v).t.str()).append(") 0xc000010000");
      else sb.append(v);
    }
    if (ln) sb.append('\n');
    return sb.toString();
  }

  /** Index of the argument consumed by %w, or -1. */
  static int wrapIndex(String format) {
    int arg = 0;
    for (int i = 0; i < format.length(); i++) {
      if (format.charAt(i) != '%') continue;
      i++;
      while (i < format.length() && "+-# 0123456789.".indexOf(format.charAt(i)) >= 0) i++;
      if (i >= format.length()) break;
      char v = format.charAt(i);
      if (v == '%') continue;
      if (v == 'w') return arg;
      arg++;
    }
    return -1;
  }

  static String sprintf(Machine m, G g, String format, Object[] args) {
    StringBuilder sb = new StringBuilder();
    int ai = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      i++;
      if (i >= format.length()) {
        sb.append("%!(NOVERB)");
        break;
      }
      boolean plus = false, minus = false, sharp = false, zero = false, space = false;
      while (i < format.length() && "+-# 0".indexOf(format.charAt(i)) >= 0) {
        switch (format.charAt(i)) {
          case '+' -> plus = true;
          case '-' -> minus = true;
          case '#' -> sharp = true;
          case '0' -> zero = true;
          default -> space = true;
        }
        i++;
      }
      int width = -1;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        width = (width < 0 ? 0 : width * 10) + (format.charAt(i) - '0');
        i++;
      }
      if (i < format.length() && format.charAt(i) == '*') {
        width = ai < args.length ? (int) (long) (Long) ((Iface) args[ai++]).v : 0;
        i++;
      }
      int prec = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        prec = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          prec = prec * 10 + (format.charAt(i) - '0');
          i++;
        }
      }
      if (i >= format.length()) {
        sb.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (ai >= args.length) {
        sb.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object a = args[ai++];
      String s = formatVerb(m, g, a, verb, plus, sharp, prec, space);
      if (width >= 0 && s.length() < width) {
        String pad = (zero && !minus && verb != 's' && verb != 'v' && verb != 'q' ? "0" : " ").repeat(width - s.length());
        if (minus) s = s + pad.replace('0', ' ');
        else if (pad.startsWith("0") && (s.startsWith("-") || s.startsWith("+"))) s = s.charAt(0) + pad + s.substring(1);
        else s = pad + s;
      }
      sb.append(s);
    }
    if (ai < args.length) {
      sb.append("%!(EXTRA ");
      for (int k = ai; k < args.length; k++) {
        if (k > ai) sb.append(", ");
        Object a = args[k];
        sb.append(a == null ? "<nil>" : ((Iface) a).t.str() + "=" + formatAny(m, g, a, 'v', false, false));
      }
      sb.append(")");
    }
    return sb.toString();
  }

  private static String formatVerb(Machine m, G g, Object a, char verb, boolean plus, boolean sharp, int prec, boolean space) {
    Iface i = a instanceof Iface x ? x : null;
    Object v = i == null ? null : i.v;
    Type t = i == null ? null : i.t;
    switch (verb) {
      case 'v':
      case 'w':
        if (sharp) return goSyntax(m, g, v, t);
        return formatAny(m, g, a, 'v', plus, false);
      case 'T':
        return t == null ? "<nil>" : t.str();
      case 'd':
        if (v instanceof Long l) return (plus && l >= 0 ? "+" : "") + l;
        if (v instanceof SliceVal || v instanceof ArrayVal) return formatAny(m, g, a, 'v', false, false);
        return bad('d', t, m, g, a);
      case 's':
        if (v instanceof String s) return prec >= 0 && prec < s.length() ? s.substring(0, prec) : s;
        if (t != null && (Ops.findMethod(t, "Error") != null || Ops.findMethod(t, "String") != null)) return formatAny(m, g, a, 'v', false, false);
        if (v instanceof SliceVal && t.underlying() instanceof Type.Slice sl && sl.elem.underlying() == Type.UINT8) return Ops.bytesToString(v);
        if (v instanceof SliceVal || v instanceof ArrayVal || v instanceof StructVal) return formatAny(m, g, a, 'v', false, false);
        return bad('s', t, m, g, a);
      case 'q':
        if (v instanceof String s) return quote(s);
        if (v instanceof Long l) return quoteRune(l);
        if (t != null && (Ops.findMethod(t, "Error") != null || Ops.findMethod(t, "String") != null)) return quote(formatAny(m, g, a, 'v', false, false));
        if (isBytes(t)) return quote(Ops.bytesToString(v));
        if (isList(v, t)) return elementwise(m, g, v, t, verb, plus, sharp, prec, space);
        return bad('q', t, m, g, a);
      case 't':
        if (v instanceof Boolean b) return b.toString();
        return bad('t', t, m, g, a);
      case 'x':
      case 'X': {
        String r;
        if (v instanceof Long l) {
          boolean unsigned = t.underlying() instanceof Type.Basic bt && Ops.unsigned(bt.kind);
          r = unsigned || l >= 0 ? Long.toHexString(l) : "-" + Long.toHexString(-l).replace("-", "");
          if (sharp) r = r.startsWith("-") ? "-0x" + r.substring(1) : "0x" + r;
        } else if (v instanceof String || isBytes(t)) {
          // each byte as two digits; the space flag separates them (with # each gets 0x)
          byte[] bytes = v instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : TextNatives.bytesOf(v);
          StringBuilder sb = new StringBuilder();
          for (int k = 0; k < bytes.length; k++) {
            if (space && k > 0) sb.append(' ');
            if (sharp && (space || k == 0)) sb.append("0x");
            sb.append(String.format("%02x", bytes[k] & 0xff));
          }
          r = sb.toString();
        } else if (isList(v, t)) {
          return elementwise(m, g, v, t, verb, plus, sharp, prec, space);
        } else return bad(verb, t, m, g, a);
        return verb == 'X' ? r.toUpperCase() : r;
      }
      case 'o':
        if (v instanceof Long l) return Long.toOctalString(l);
        return bad('o', t, m, g, a);
      case 'b':
        if (v instanceof Long l) return Long.toBinaryString(l);
        return bad('b', t, m, g, a);
      case 'c':
        if (v instanceof Long l) return new String(Character.toChars(l.intValue()));
        return bad('c', t, m, g, a);
      case 'U':
        if (v instanceof Long l) return String.format("U+%04X", l);
        return bad('U', t, m, g, a);
      case 'f':
      case 'F':
        if (v instanceof Double d) return (plus && d >= 0 ? "+" : "") + new BigDecimal(d).setScale(prec < 0 ? 6 : prec, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return bad(verb, t, m, g, a);
      case 'e':
      case 'E':
        if (v instanceof Double d) return (plus && d >= 0 ? "+" : "") + StrconvNatives.formatFloat(d, verb, prec < 0 ? 6 : prec, t.underlying() == Type.FLOAT32 ? 32 : 64);
        return bad(verb, t, m, g, a);
      case 'g':
      case 'G':
        if (v instanceof Double d) return (plus && d >= 0 ? "+" : "") + StrconvNatives.formatFloat(d, verb, prec, t.underlying() == Type.FLOAT32 ? 32 : 64);
        return bad(verb, t, m, g, a);
      case 'p':
        if (v == null) return "%!p(<nil>)";
        return String.format("0x%x", m.addr(v));
      default:
        return "%!" + verb + "(" + (t == null ? "<nil>" : t.str() + "=" + formatAny(m, g, a, 'v', false, false)) + ")";
    }
  }

  private static String bad(char verb, Type t, Machine m, G g, Object a) {
    if (t == null) return "%!" + verb + "(<nil>)";
    return "%!" + verb + "(" + t.str() + "=" + formatAny(m, g, a, 'v', false, false) + ")";
  }

  static String formatAny(Machine m, G g, Object a, char verb, boolean plus, boolean nested) {
    if (a == null) return "<nil>";
    if (a instanceof Iface i) return format(m, g, i.v, i.t, plus, 0, i);
    return String.valueOf(a);
  }

  static String format(Machine m, G g, Object v, Type t, char verb) {
    return format(m, g, v, t, false, 0, null);
  }

  static String callString(Machine m, G g, Iface i, String method) {
    Object r = Ops.ifaceMethodValue(i, method);
    Object[] res = m.callSync(g, (Closure) r, new Object[0]);
    return res.length > 0 ? String.valueOf(res[0]) : "";
  }

  /** %v (and %+v) of value v whose type is t. */
  static String format(Machine m, G g, Object v, Type t, boolean plus, int depth, Iface whole) {
    if (depth > 20) return "...";
    if (t == null) return String.valueOf(v);
    if (Type.isInterface(t)) {
      if (v == null) return "<nil>";
      Iface i = (Iface) v;
      return format(m, g, i.v, i.t, plus, depth, i);
    }
    // Error() and String() methods win (on the value or through the pointer)
    if (!(v == null && t.underlying() instanceof Type.Pointer)) {
      for (String meth : new String[] {"Error", "String"}) {
        Object[] found = Ops.findMethod(t, meth);
        if (found != null && found[0] instanceof Type.Method mm && (mm.sig.results.size() == 1) && mm.sig.params.isEmpty()) {
          boolean ptrType = t instanceof Type.Pointer;
          if (mm.ptrRecv && !ptrType && mm.nat == null && !(v instanceof StructVal)) continue;
          if (mm.ptrRecv && !ptrType && mm.nat == null) continue; // value does not have pointer methods
          if (mm.ptrRecv && !ptrType && mm.nat != null && !(t.underlying() instanceof Type.Opaque)) continue;
          return callString(m, g, whole != null && whole.v == v ? whole : new Iface(t, v), meth);
        }
      }
    }
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      if (v instanceof Double d) return StrconvNatives.formatFloat(d, 'g', -1, b == Type.FLOAT32 ? 32 : 64);
      if (v instanceof Long l && Ops.unsigned(b.kind) && l < 0) return Long.toUnsignedString(l);
      return String.valueOf(v);
    }
    if (u instanceof Type.Pointer p) {
      if (v == null) return "<nil>";
      if (depth == 0 && (p.elem.underlying() instanceof Type.Struct || p.elem.underlying() instanceof Type.Array
          || p.elem.underlying() instanceof Type.Slice || p.elem.underlying() instanceof Type.MapT)) {
        Object target = v instanceof Ref r ? r.load() : v;
        return "&" + format(m, g, target, p.elem, plus, depth + 1, null);
      }
      return String.format("0x%x", m.addr(v));
    }
    if (u instanceof Type.Struct st) {
      StructVal sv = (StructVal) v;
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < st.fields.size(); i++) {
        if (i > 0) sb.append(' ');
        if (plus) sb.append(st.fields.get(i).name()).append(':');
        // fmt reads what it prints (through reflection, instrumented under -race): a struct reached
        // through a pointer is shared memory, so printing it races with a goroutine writing a field
        m.read(g, sv.shadow(i), new FieldRef(sv, i), st.fields.get(i).name());
        sb.append(format(m, g, sv.f[i], st.fields.get(i).type(), plus, depth + 1, null));
      }
      return sb.append('}').toString();
    }
    if (u instanceof Type.Slice sl) {
      if (v == null) return "[]";
      SliceVal s = (SliceVal) v;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < s.len; i++) {
        if (i > 0) sb.append(' ');
        m.read(g, s.arr.shadow(s.off + i), new ElemRef(s.arr, s.off + i), "slice element");
        sb.append(format(m, g, s.arr.a[s.off + i], sl.elem, plus, depth + 1, null));
      }
      return sb.append(']').toString();
    }
    if (u instanceof Type.Array ar) {
      ArrayVal s = (ArrayVal) v;
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < s.a.length; i++) {
        if (i > 0) sb.append(' ');
        m.read(g, s.shadow(i), new ElemRef(s, i), "array element");
        sb.append(format(m, g, s.a[i], ar.elem, plus, depth + 1, null));
      }
      return sb.append(']').toString();
    }
    if (u instanceof Type.MapT mt) {
      if (v == null) return "map[]";
      MapVal mv = (MapVal) v;
      m.read(g, mv.sh, mv, "map");
      List<Map.Entry<Object, Object>> es = new ArrayList<>(mv.m.entrySet());
      es.sort((x, y) -> compareKeys(Values.unkey(x.getKey()), Values.unkey(y.getKey())));
      StringBuilder sb = new StringBuilder("map[");
      for (int i = 0; i < es.size(); i++) {
        if (i > 0) sb.append(' ');
        sb.append(format(m, g, Values.unkey(es.get(i).getKey()), mt.key, plus, depth + 1, null)).append(':')
            .append(format(m, g, es.get(i).getValue(), mt.value, plus, depth + 1, null));
      }
      return sb.append(']').toString();
    }
    if (u instanceof Type.Chan || u instanceof Type.Func) {
      if (v == null) return "<nil>";
      return String.format("0x%x", m.addr(v));
    }
    if (u instanceof Type.Opaque) {
      if (v instanceof TimeNatives.TimeVal tv) {
        java.time.Instant in = java.time.Instant.ofEpochSecond(0, tv.nanos);
        return in.atOffset(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn")).replaceAll("\\.?0+$", "") + " +0000 UTC";
      }
      if (v instanceof SyncNatives.MutexVal mu) return "{" + (mu.locked ? 1 : 0) + " 0}";
      if (v instanceof SyncNatives.WaitGroupVal wg) return "{{} [0 0 " + wg.counter + "]}";
      return "{}";
    }
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static int compareKeys(Object a, Object b) {
    if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) return ca.compareTo(b);
    return 0;
  }

  private static String goSyntax(Machine m, G g, Object v, Type t) {
    if (t == null) return "<nil>";
    if (v instanceof String s) return quote(s);
    Type u = t.underlying();
    if (u instanceof Type.Struct st) {
      StructVal sv = (StructVal) v;
      StringBuilder sb = new StringBuilder(t.str()).append("{");
      for (int i = 0; i < st.fields.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(st.fields.get(i).name()).append(':').append(goSyntax(m, g, sv.f[i], st.fields.get(i).type()));
      }
      return sb.append('}').toString();
    }
    if (u instanceof Type.Slice sl) {
      if (v == null) return t.str() + "(nil)";
      SliceVal s = (SliceVal) v;
      StringBuilder sb = new StringBuilder(t.str()).append("{");
      for (int i = 0; i < s.len; i++) sb.append(i > 0 ? ", " : "").append(goSyntax(m, g, s.arr.a[s.off + i], sl.elem));
      return sb.append('}').toString();
    }
    if (Type.isInterface(t)) return v == null ? "<nil>" : goSyntax(m, g, ((Iface) v).v, ((Iface) v).t);
    return format(m, g, v, t, false, 1, null);
  }

  /** strconv.QuoteRune / %q of an integer. */
  static String quoteRune(long r) {
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
    return switch ((int) r) {
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      case '\n' -> "'\\n'";
      case '\t' -> "'\\t'";
      case '\r' -> "'\\r'";
      case 0 -> "'\\x00'";
      default -> r < 0x20 || r == 0x7f ? String.format("'\\x%02x'", r) : "'" + new String(Character.toChars((int) r)) + "'";
    };
  }

  /** A verb applied to each element of a slice or array, as fmt's printValue does: [e1 e2]. */
  private static String elementwise(Machine m, G g, Object v, Type t, char verb, boolean plus, boolean sharp, int prec, boolean space) {
    Type elem;
    Object[] items;
    if (t.underlying() instanceof Type.Slice sl) {
      elem = sl.elem;
      items = Natives.sliceItems(v);
    } else {
      elem = ((Type.Array) t.underlying()).elem;
      items = ((ArrayVal) v).a.clone();
    }
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < items.length; k++) {
      if (k > 0) sb.append(' ');
      Object e = Type.isInterface(elem) ? items[k] : new Iface(elem, items[k]);
      sb.append(formatVerb(m, g, e, verb, plus, sharp, prec, space));
    }
    return sb.append(']').toString();
  }

  /** A slice (also nil) or an array, whose elements a verb formats one by one. */
  private static boolean isList(Object v, Type t) {
    return v instanceof SliceVal || v instanceof ArrayVal || (v == null && t != null && t.underlying() instanceof Type.Slice);
  }

  private static boolean isBytes(Type t) {
    return t != null && t.underlying() instanceof Type.Slice sl && sl.elem.underlying() == Type.UINT8;
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) sb.append(String.format("\\x%02x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }

  /** strconv.FormatFloat(f, 'g', -1, 64), what %v prints: shortest representation, %e from exponent 21 on or below -4. */
  static String formatG(double d) {
    return StrconvNatives.formatFloat(d, 'g', -1, 64);
  }
}
