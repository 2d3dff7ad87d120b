package dev.gocause.sim.vm;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer;
import dev.gocause.sim.vm.FuncCode.Ins;
import dev.gocause.sim.vm.FuncCode.Op;
import dev.gocause.sim.vm.Values.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Type expressions and constant expressions (untyped constants, iota, conversions of constants). */
abstract class TypeResolver extends CompilerBase {
  TypeResolver(String file, String displayFile, boolean go122) {
    super(file, displayFile, go122);
  }

  // ---------------- dot imports ----------------
  /** Import paths imported with {@code import . "path"}; their members are reached through a hidden package name. */
  final List<String> dotImports = new ArrayList<>();
  private final Map<Expr, Expr> viaDot = new java.util.IdentityHashMap<>();

  static String dotAlias(String path) {
    return "\u00b7" + path; // not an identifier: no declaration can shadow it
  }

  /**
   * An identifier no scope declares, read as {@code pkg.Name} of a dot-imported package that has it (or, for an
   * exported name and a single dot import, of that package: a member it does not model is then refused by name);
   * null otherwise.
   */
  Selector viaDotImport(Expr e) {
    if (dotImports.isEmpty() || !(e instanceof Ident id)) return null;
    if ((scope == null ? pkgScope : scope).lookup(id.name) != null) return null;
    String path = null;
    for (String p : dotImports) if (Natives.member(p, id.name) != null) path = p;
    if (path == null && dotImports.size() == 1 && Character.isUpperCase(id.name.charAt(0))) path = dotImports.get(0);
    if (path == null) return null;
    String alias = dotAlias(path);
    return (Selector) viaDot.computeIfAbsent(id, k -> {
      Ident pk = new Ident(alias);
      pk.line = id.line;
      pk.col = id.col;
      Selector sel = new Selector(pk, id.name);
      sel.line = id.line;
      sel.col = id.col;
      return sel;
    });
  }

  /** The call {@code c} with its dot-imported function spelled {@code pkg.Name}, or null. */
  Call callViaDotImport(Call c) {
    Selector sel = viaDotImport(unparenExpr(c.fun));
    if (sel == null) return null;
    return (Call) viaDot.computeIfAbsent(c, k -> {
      Call n = new Call(sel, c.args, c.ellipsis);
      n.line = c.line;
      n.col = c.col;
      return n;
    });
  }

  private static Expr unparenExpr(Expr e) {
    while (e instanceof Paren p) e = p.x;
    return e;
  }

  // ---------------- types ----------------
  Type resolveType(Expr e) {
    if (e instanceof Paren p) return resolveType(p.x);
    if (e instanceof Ident id) {
      Sym s = scope == null ? pkgScope.lookup(id.name) : scope.lookup(id.name);
      if (s == null && viaDotImport(id) != null) return resolveType(viaDotImport(id));
      if (s == null) throw err(e, "undefined: " + id.name);
      if (s.kind == GenericResolver.GTYPE) throw err(e, "cannot use generic type " + GenericResolver.withTypeParams(((GenericResolver.GenericType) s.value).spec) + " without instantiation");
      if (s.kind != TYPE) throw err(e, id.name + " is not a type");
      return s.type;
    }
    if (e instanceof Index || e instanceof Instance) return instantiatedType(e);
    if (e instanceof Union || e instanceof Unary u && u.op.equals("~")) return constraintType(e);
    if (e instanceof Selector sel && sel.x instanceof Ident pk) {
      String path = pkgPath(pk.name);
      if (path == null) throw err(e, "undefined: " + pk.name);
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem == null && deferRefusals && fn == null && Character.isUpperCase(sel.sel.charAt(0))) {
        // a declaration naming it: refused only when code that uses it runs
        return unmodelledType(path, sel.sel);
      }
      if (mem == null || mem.kind() != Natives.MKind.TYPE) throw unknownMember(e, path, sel.sel);
      return mem.type();
    }
    if (e instanceof Star st) return new Type.Pointer(resolveType(st.x));
    if (e instanceof ArrayTypeExpr at) {
      Type el = resolveType(at.elem);
      if (at.len == null) return new Type.Slice(el);
      if (at.len instanceof Ellipsis) return new Type.Array(-1, el);
      Object[] cv = constValue(at.len);
      if (cv == null && at.len instanceof Selector ls && ls.x instanceof Ident lp && pkgPath(lp.name) != null) {
        // a constant of a package the simulator does not model
        UnsupportedConstructException refusal = unknownMember(at.len, pkgPath(lp.name), ls.sel);
        if (!deferRefusals || fn != null) throw refusal;
        // in a declaration: a value nobody can use, refused where code uses it
        Type.Named t = new Type.Named("[" + lp.name + "." + ls.sel + "]" + el.str(), null);
        t.under = new Type.Opaque(t.name, () -> null, false);
        refusedTypes.put(t, refusal);
        return t;
      }
      if (cv == null || !(cv[0] instanceof Long n)) throw err(at.len, "array length must be a constant");
      return new Type.Array(n.intValue(), el);
    }
    if (e instanceof MapTypeExpr mt) return new Type.MapT(resolveType(mt.key), resolveType(mt.value));
    if (e instanceof ChanTypeExpr ct) return new Type.Chan(resolveType(ct.elem), ct.dir);
    if (e instanceof FuncTypeExpr ft) {
      List<Type> ps = new ArrayList<>();
      boolean variadic = false;
      for (Field f : ft.params) {
        Type t;
        if (f.type instanceof Ellipsis el) {
          t = new Type.Slice(resolveType(el.elem));
          variadic = true;
        } else {
          t = resolveType(f.type);
        }
        int n = Math.max(1, f.names.size());
        for (int i = 0; i < n; i++) ps.add(t);
      }
      List<Type> rs = new ArrayList<>();
      for (Field f : ft.results) {
        Type t = resolveType(f.type);
        int n = Math.max(1, f.names.size());
        for (int i = 0; i < n; i++) rs.add(t);
      }
      return new Type.Func(ps, rs, variadic);
    }
    if (e instanceof StructTypeExpr st) {
      Type.Struct s = new Type.Struct();
      for (Field f : st.fields) {
        Type t = resolveType(f.type);
        if (f.names.isEmpty()) {
          Type base = t instanceof Type.Pointer p ? p.elem : t;
          String n = base.str();
          n = n.substring(n.lastIndexOf('.') + 1);
          s.fields.add(new Type.FieldT(n, t, true));
        } else {
          for (String n : f.names) s.fields.add(new Type.FieldT(n, t, false));
        }
      }
      return s;
    }
    if (e instanceof InterfaceTypeExpr it) {
      Type.Interface i = new Type.Interface();
      for (Field f : it.methods) {
        if (f.names.isEmpty()) {
          Type emb = resolveType(f.type);
          if (!(emb.underlying() instanceof Type.Interface ei)) {
            i.typeSet.add(List.of(new Type.Term(false, emb))); // a type element: interface{ int }
            continue;
          }
          i.methods.putAll(ei.methods);
          i.typeSet.addAll(ei.typeSet);
          i.comparable |= ei.comparable;
          if (ei.typeSet.isEmpty() && !ei.comparable) i.embeds.add(emb);
        } else {
          i.methods.put(f.names.get(0), (Type.Func) resolveType(f.type));
        }
      }
      return i;
    }
    throw unsupported(e, "type expression");
  }

  /** The type {@code x[T]} or {@code x[K, V]} names: an instantiation of a generic type. */
  abstract Type instantiatedType(Expr e);

  /** A union of constraint terms as an interface with one type line. */
  abstract Type constraintType(Expr e);

  /** Whether x (of x[...]) names a generic type. */
  abstract boolean namesGenericType(Expr x);

  String pkgPath(String name) {
    Sym s = scope == null ? null : scope.lookup(name);
    if (s != null && s.kind != PKG) return null;
    String p = imports.get(name);
    if (p == null && snippet) p = Natives.implicitImport(name);
    return p;
  }

  boolean isTypeExpr(Expr e) {
    if (e instanceof Paren p) return isTypeExpr(p.x);
    if (e instanceof Ident id) {
      Sym s = scope.lookup(id.name);
      if (s == null && viaDotImport(id) != null) return isTypeExpr(viaDotImport(id));
      return s != null && s.kind == TYPE;
    }
    if (e instanceof Selector sel && sel.x instanceof Ident pk && scope.lookup(pk.name) == null) {
      String path = pkgPath(pk.name);
      if (path == null) return false;
      Natives.Member mem = Natives.member(path, sel.sel);
      return mem != null && mem.kind() == Natives.MKind.TYPE;
    }
    if (e instanceof Star st) return isTypeExpr(st.x);
    if (e instanceof Index ix) return namesGenericType(ix.x);
    if (e instanceof Instance in) return namesGenericType(in.x);
    return e instanceof ArrayTypeExpr || e instanceof MapTypeExpr || e instanceof ChanTypeExpr || e instanceof FuncTypeExpr
        || e instanceof StructTypeExpr || e instanceof InterfaceTypeExpr;
  }

  // ---------------- constants ----------------
  /** {value, type} of a constant expression, or null. */
  Object[] constValue(Expr e) {
    if (e instanceof Paren p) return constValue(p.x);
    if (e instanceof BasicLit b) {
      switch (b.kind) {
        case INT:
          return new Object[] {parseInt(b.value, b), Type.UNTYPED_INT};
        case FLOAT:
          return new Object[] {Double.parseDouble(b.value), Type.UNTYPED_FLOAT};
        case STRING:
          return new Object[] {b.value, Type.UNTYPED_STRING};
        case CHAR:
          return new Object[] {Long.parseLong(b.value), Type.UNTYPED_RUNE};
        default:
          return null;
      }
    }
    if (e instanceof Ident id) {
      if (id.name.equals("iota") && iota >= 0 && (scope == null || scope.lookup("iota") == null)) return new Object[] {(long) iota, Type.UNTYPED_INT};
      Sym s = (scope == null ? pkgScope : scope).lookup(id.name);
      if (s != null && s.kind == CONST) return new Object[] {s.value, s.type};
      if (s == null && viaDotImport(id) != null) return constValue(viaDotImport(id));
      return null;
    }
    if (e instanceof Selector sel && sel.x instanceof Ident pk && (scope == null || scope.lookup(pk.name) == null)) {
      String path = pkgPath(pk.name);
      if (path == null) return null;
      Natives.Member mem = Natives.member(path, sel.sel);
      if (mem != null && mem.kind() == Natives.MKind.CONST) return new Object[] {mem.value(), mem.type()};
      return null;
    }
    if (e instanceof Unary u) {
      Object[] x = constValue(u.x);
      if (x == null) return null;
      switch (u.op) {
        case "-":
          return new Object[] {x[0] instanceof Long l ? -l : -(Double) x[0], x[1]};
        case "+":
          return x;
        case "!":
          return new Object[] {!(Boolean) x[0], x[1]};
        case "^":
          return new Object[] {~(Long) x[0], x[1]};
        default:
          return null;
      }
    }
    if (e instanceof Binary b) {
      Object[] x = constValue(b.x);
      if (x == null) return null;
      Object[] y = constValue(b.y);
      if (y == null) return null;
      Type t = constResultType((Type) x[1], (Type) y[1]);
      Object r = Ops.binaryConst(b.op, x[0], y[0], t);
      if (r == null) return null;
      Type rt = b.op.equals("<<") || b.op.equals(">>") ? (Type) x[1] : t;
      if (!isCompare(b.op) && isIntegerType(rt) && !(rt instanceof Type.Basic ub && ub.isUntyped())
          && Ops.binaryConst(b.op, x[0], y[0], Type.UNTYPED_INT) instanceof Long raw
          && !fits(raw, ((Type.Basic) rt.underlying()).kind)) {
        throw errAtStart(b, constText(b) + " (constant " + raw + " of type " + rt.str() + ") overflows " + rt.str());
      }
      if (isCompare(b.op) || b.op.equals("&&") || b.op.equals("||")) t = Type.UNTYPED_BOOL;
      else if (b.op.equals("<<") || b.op.equals(">>")) t = (Type) x[1];
      r = convertConst(r, t, b);
      return new Object[] {r, t};
    }
    if (e instanceof Call c && c.args.size() == 1 && isTypeExpr(c.fun)) {
      Type t = resolveType(c.fun);
      Object[] x = constValue(c.args.get(0));
      if (x == null || !(t.underlying() instanceof Type.Basic)) return null;
      if (((Type.Basic) t.underlying()).isString() && x[0] instanceof Long l) return new Object[] {new String(Character.toChars(l.intValue())), t};
      if (x[0] instanceof Long l && isIntegerType(t) && (isIntegerType((Type) x[1]) || x[1] == Type.UNTYPED_RUNE)
          && !fits(l, ((Type.Basic) t.underlying()).kind)) {
        Expr arg = c.args.get(0);
        throw errAtStart(arg, "cannot convert " + constText(arg) + " (" + constDesc(arg, x[0], (Type) x[1]) + ") to type " + t.str());
      }
      return new Object[] {convertConst(x[0], t, c), t};
    }
    if (e instanceof Call c && c.fun instanceof Ident id && id.name.equals("len") && c.args.size() == 1) {
      Object[] x = constValue(c.args.get(0));
      if (x != null && x[0] instanceof String s) return new Object[] {(long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, Type.INT};
    }
    return null;
  }

  static boolean isCompare(String op) {
    return switch (op) {
      case "==", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  Type constResultType(Type a, Type b) {
    boolean ua = a instanceof Type.Basic ba && ba.isUntyped();
    boolean ub = b instanceof Type.Basic bb && bb.isUntyped();
    if (!ua) return a;
    if (!ub) return b;
    // both untyped: float wins over rune over int
    if (a == Type.UNTYPED_FLOAT || b == Type.UNTYPED_FLOAT) return Type.UNTYPED_FLOAT;
    if (a == Type.UNTYPED_RUNE || b == Type.UNTYPED_RUNE) return Type.UNTYPED_RUNE;
    return a;
  }

  Long parseInt(String v, Node n) {
    try {
      if (v.startsWith("0x") || v.startsWith("0X")) return Long.parseUnsignedLong(v.substring(2), 16);
      if (v.startsWith("0b") || v.startsWith("0B")) return Long.parseLong(v.substring(2), 2);
      if (v.startsWith("0o") || v.startsWith("0O")) return Long.parseLong(v.substring(2), 8);
      if (v.length() > 1 && v.startsWith("0")) return Long.parseLong(v.substring(1), 8);
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw unsupported(n, "integer constant " + v + " (overflows int64)");
    }
  }

  /** Where an untyped constant is used as a value, in go build's words ("variable declaration"), by the expression. */
  final Map<Expr, String> constUses = new java.util.IdentityHashMap<>();

  /**
   * Whether integer constant v fits basic kind k. Constants are int64 here, so the 64-bit kinds are not checked (an
   * untyped constant of 2^63 or more wraps, and a uint64 takes it).
   */
  static boolean fits(long v, Type.BKind k) {
    return switch (k) {
      case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
      case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
      case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      case UINT8 -> v >= 0 && v <= 0xff;
      case UINT16 -> v >= 0 && v <= 0xffff;
      case UINT32 -> v >= 0 && v <= 0xffffffffL;
      default -> true;
    };
  }

  static boolean isIntegerType(Type t) {
    return t.underlying() instanceof Type.Basic b && b.isInteger();
  }

  /** Go's description of a constant operand: {@code untyped int constant 200} or {@code constant 300 of type int16}. */
  String constDesc(Expr src, Object v, Type from) {
    String val = v instanceof Long l && isIntegerType(from) && Ops.unsigned(((Type.Basic) from.underlying()).kind) && l < 0
        ? Long.toUnsignedString(l) : String.valueOf(v);
    if (from instanceof Type.Basic b && b.isUntyped()) {
      String kind = from == Type.UNTYPED_RUNE ? "rune" : from == Type.UNTYPED_FLOAT ? "float" : "int";
      return "untyped " + kind + " constant" + (constText(src).equals(val) ? "" : " " + val);
    }
    return "constant " + val + " of type " + from.str();
  }

  /** The source text of a (constant) expression as Go's type checker prints it. */
  static String constText(Expr e) {
    if (e instanceof Paren p) return "(" + constText(p.x) + ")";
    if (e instanceof BasicLit b) return b.kind == Lexer.Kind.STRING ? "\"" + b.value + "\"" : b.value;
    if (e instanceof Ident id) return id.name;
    if (e instanceof Selector s) return constText(s.x) + "." + s.sel;
    if (e instanceof Unary u) return u.op + constText(u.x);
    if (e instanceof Binary b) return constText(b.x) + " " + b.op + " " + constText(b.y);
    if (e instanceof Call c) {
      StringBuilder sb = new StringBuilder(constText(c.fun)).append('(');
      for (int i = 0; i < c.args.size(); i++) sb.append(i > 0 ? ", " : "").append(constText(c.args.get(i)));
      return sb.append(')').toString();
    }
    if (e instanceof Index ix) return constText(ix.x) + "[" + constText(ix.index) + "]";
    if (e instanceof Instance in) {
      StringBuilder sb = new StringBuilder(constText(in.x)).append('[');
      for (int i = 0; i < in.args.size(); i++) sb.append(i > 0 ? ", " : "").append(constText(in.args.get(i)));
      return sb.append(']').toString();
    }
    return "…";
  }

  /** Where Go's type checker reports an operand: its leftmost token. */
  UnsupportedConstructException errAtStart(Expr e, String msg) {
    Expr x = e;
    while (true) {
      if (x instanceof Binary b) x = b.x;
      else if (x instanceof Call c) x = c.fun;
      else if (x instanceof Selector s) x = s.x;
      else if (x instanceof Index ix) x = ix.x;
      else if (x instanceof Instance in) x = in.x;
      else break;
    }
    return err(x, msg);
  }

  /** An untyped integer constant used as a value of integer type t (assignment, argument, …) must fit it. */
  void checkConstUse(Expr src, Object v, Type from, Type t) {
    if (!(v instanceof Long l) || !isIntegerType(t) || !isIntegerType(from) && from != Type.UNTYPED_RUNE) return;
    if (fits(l, ((Type.Basic) t.underlying()).kind)) return;
    String where = constUses.get(src);
    throw errAtStart(src, "cannot use " + constText(src) + " (" + constDesc(src, v, from) + ") as " + t.str() + " value"
        + (where == null ? "" : " in " + where) + " (overflows)");
  }

  Object convertConst(Object v, Type t, Node n) {
    Type u = t.underlying();
    if (u instanceof Type.Basic b) {
      if (b.isFloat() && v instanceof Long l) return l.doubleValue();
      if (b.isInteger() && v instanceof Double d) {
        if (d != Math.floor(d)) throw err(n, "cannot use " + d + " (untyped float constant) as " + t.str() + " value (truncated)");
        return d.longValue();
      }
      if (b.isInteger() && v instanceof Long l) return Ops.wrap(b.kind, l);
    }
    return v;
  }
}
