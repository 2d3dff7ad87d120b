package dev.gocause.sim.lang;

import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer.Kind;
import dev.gocause.sim.lang.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Types, type parameters and expressions of the Go subset (go/parser's shape); a function
 * literal's body is left to the statement grammar ({@link #parseBlock}).
 */
abstract class ExprParser extends TokenCursor {
  ExprParser(List<Token> toks, String file) {
    super(toks, file);
  }

  /** A block statement {@code { ... }}: a function literal's body. */
  abstract Block parseBlock();

  /** {@code [K comparable, V any]} or {@code [T, U any]}: one Field per group of names sharing a constraint. */
  List<Field> parseTypeParams() {
    expect("[");
    List<Field> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Token start = tok();
    while (!tok().is("]")) {
      if (names.isEmpty()) start = tok();
      names.add(ident());
      if (tok().is(",")) {
        next();
        continue;
      }
      Expr c = parseConstraint();
      out.add(at(new Field(names, c), start));
      names = new ArrayList<>();
      if (tok().is(",")) next();
      else if (!tok().is("]")) throw err("syntax error: unexpected " + tok() + ", expected ]");
    }
    if (!names.isEmpty()) throw err("syntax error: missing type constraint");
    if (out.isEmpty()) throw err("syntax error: empty type parameter list");
    next();
    return out;
  }

  /** A constraint or an interface's type element: {@code any}, {@code ~int | ~float64}, {@code interface{ ... }}. */
  Expr parseConstraint() {
    Token t = tok();
    List<Expr> terms = new ArrayList<>();
    terms.add(parseTerm());
    while (tok().is("|")) {
      next();
      terms.add(parseTerm());
    }
    if (terms.size() == 1 && !(terms.get(0) instanceof Unary)) return terms.get(0);
    return at(new Union(terms), t);
  }

  Expr parseTerm() {
    Token t = tok();
    if (t.is("~")) {
      next();
      return at(new Unary("~", parseType()), t);
    }
    return parseType();
  }

  /**
   * After a type name, whether {@code [} starts its type arguments: the brackets close and are not followed by the
   * start of a type ({@code a [5]int} in a parameter list is a name and an array type).
   */
  boolean typeArgsFollow() {
    if (!tok().is("[") || peek(1).is("]")) return false;
    int depth = 0;
    for (int k = 0; p + k < toks.size(); k++) {
      Token x = peek(k);
      if (x.kind() == Kind.EOF) return false;
      if (x.is("[") || x.is("(") || x.is("{")) depth++;
      else if (x.is("]") || x.is(")") || x.is("}")) {
        depth--;
        if (depth == 0) {
          Token after = peek(k + 1);
          if (after.kind() == Kind.IDENT || after.kind() == Kind.KEYWORD && (after.is("map") || after.is("chan")
              || after.is("func") || after.is("struct") || after.is("interface"))) return false;
          return !(after.is("*") || after.is("[") || after.is("<-"));
        }
      }
    }
    return false;
  }

  // ---------------- types ----------------
  Expr parseType() {
    Token t = tok();
    switch (t.kind()) {
      case IDENT: {
        next();
        Expr e = at(new Ident(t.text()), t);
        if (tok().is(".")) {
          next();
          Token s = tok();
          e = at(new Selector(e, ident()), s);
        }
        if (typeArgsFollow()) {
          // an instantiation like List[int] or Cache[K, V]
          Token lb = next();
          List<Expr> args = new ArrayList<>();
          exprLev++;
          while (!tok().is("]")) {
            args.add(parseType());
            if (!tok().is("]")) expect(",");
          }
          exprLev--;
          next();
          e = at(new Instance(e, args), lb);
        }
        return e;
      }
      case OP:
        switch (t.text()) {
          case "(": {
            next();
            Expr e = parseType();
            expect(")");
            return e;
          }
          case "*": {
            next();
            return at(new Star(parseType()), t);
          }
          case "[": {
            next();
            Expr len = null;
            if (tok().is("...")) {
              len = at(new Ellipsis(null), tok());
              next();
            } else if (!tok().is("]")) {
              exprLev++;
              len = parseExpr();
              exprLev--;
            }
            expect("]");
            return at(new ArrayTypeExpr(len, parseType()), t);
          }
          case "<-": {
            next();
            if (!tok().is("chan")) throw err("syntax error: expected chan");
            next();
            return at(new ChanTypeExpr(2, parseType()), t);
          }
          default:
            break;
        }
        break;
      case KEYWORD:
        switch (t.text()) {
          case "map": {
            next();
            expect("[");
            Expr k = parseType();
            expect("]");
            return at(new MapTypeExpr(k, parseType()), t);
          }
          case "chan": {
            next();
            int dir = 0;
            if (tok().is("<-")) {
              next();
              dir = 1;
            }
            return at(new ChanTypeExpr(dir, parseType()), t);
          }
          case "func": {
            next();
            return at(parseSignature(), t);
          }
          case "struct":
            return parseStructType();
          case "interface":
            return parseInterfaceType();
          default:
            break;
        }
        break;
      default:
        break;
    }
    throw err("syntax error: unexpected " + t + ", expected type");
  }

  StructTypeExpr parseStructType() {
    Token t = next();
    StructTypeExpr s = at(new StructTypeExpr(), t);
    expect("{");
    while (!tok().is("}")) {
      Token ft = tok();
      if (tok().is("*")) {
        next();
        s.fields.add(at(new Field(List.of(), at(new Star(parseType()), ft)), ft));
      } else if (tok().kind() == Kind.IDENT && (peek(1).kind() == Kind.SEMI || peek(1).is("}") || peek(1).is(".")
          || peek(1).kind() == Kind.STRING)) {
        s.fields.add(at(new Field(List.of(), parseType()), ft));
      } else {
        List<String> names = new ArrayList<>();
        names.add(ident());
        while (tok().is(",")) {
          next();
          names.add(ident());
        }
        s.fields.add(at(new Field(names, parseType()), ft));
      }
      if (tok().kind() == Kind.STRING) next(); // struct tag
      if (!tok().is("}")) semi();
    }
    next();
    return s;
  }

  InterfaceTypeExpr parseInterfaceType() {
    Token t = next();
    InterfaceTypeExpr it = at(new InterfaceTypeExpr(), t);
    expect("{");
    while (!tok().is("}")) {
      Token mt = tok();
      if (tok().kind() == Kind.IDENT && peek(1).is("(")) {
        String name = ident();
        it.methods.add(at(new Field(List.of(name), at(parseSignature(), mt)), mt));
      } else {
        // an embedded interface or a type element (constraint): ~int | ~float64, comparable, fmt.Stringer
        it.methods.add(at(new Field(List.of(), parseConstraint()), mt));
      }
      if (!tok().is("}")) semi();
    }
    next();
    return it;
  }

  FuncTypeExpr parseSignature() {
    FuncTypeExpr f = new FuncTypeExpr();
    f.line = tok().line();
    f.col = tok().col();
    parseParams(f.params);
    if (tok().is("(")) {
      parseParams(f.results);
    } else if (startsType()) {
      Token t = tok();
      f.results.add(at(new Field(List.of(), parseType()), t));
    }
    return f;
  }

  boolean startsType() {
    Token t = tok();
    if (t.kind() == Kind.IDENT) return true;
    if (t.kind() == Kind.OP) return t.text().equals("*") || t.text().equals("[") || t.text().equals("(") || t.text().equals("<-");
    if (t.kind() == Kind.KEYWORD) {
      return switch (t.text()) {
        case "map", "chan", "func", "struct", "interface" -> true;
        default -> false;
      };
    }
    return false;
  }

  /** Go's parameter list grammar: either all named ("a, b int, c string") or all types. */
  void parseParams(List<Field> out) {
    expect("(");
    List<Expr> items = new ArrayList<>();
    List<Token> starts = new ArrayList<>();
    List<Field> named = new ArrayList<>();
    boolean anyNamed = false;
    List<String> pendingNames = new ArrayList<>();
    while (!tok().is(")")) {
      Token t = tok();
      Expr e;
      if (tok().is("...")) {
        next();
        e = at(new Ellipsis(parseType()), t);
      } else {
        e = parseType();
      }
      // "name Type" form?
      if (e instanceof Ident id && !tok().is(",") && !tok().is(")")) {
        anyNamed = true;
        Token tt = tok();
        Expr type;
        if (tok().is("...")) {
          next();
          type = at(new Ellipsis(parseType()), tt);
        } else {
          type = parseType();
        }
        // the earlier bare identifiers were names sharing this type
        for (Expr prev : items) {
          if (!(prev instanceof Ident pi)) throw err("syntax error: mixed named and unnamed parameters");
          pendingNames.add(pi.name);
        }
        items.clear();
        pendingNames.add(id.name);
        named.add(at(new Field(new ArrayList<>(pendingNames), type), t));
        pendingNames.clear();
      } else {
        items.add(e);
        starts.add(t);
      }
      if (!tok().is(")")) expect(",");
      semiOpt();
    }
    next();
    if (anyNamed) {
      if (!items.isEmpty()) throw err("syntax error: mixed named and unnamed parameters");
      out.addAll(named);
    } else {
      for (int i = 0; i < items.size(); i++) out.add(at(new Field(List.of(), items.get(i)), starts.get(i)));
    }
  }

  // ---------------- expressions ----------------
  List<Expr> parseExprList() {
    List<Expr> l = new ArrayList<>();
    l.add(parseExpr());
    while (tok().is(",")) {
      next();
      l.add(parseExpr());
    }
    return l;
  }

  Expr parseExpr() {
    return parseBinary(1);
  }

  private static int prec(Token t) {
    if (t.kind() != Kind.OP) return 0;
    return switch (t.text()) {
      case "||" -> 1;
      case "&&" -> 2;
      case "==", "!=", "<", "<=", ">", ">=" -> 3;
      case "+", "-", "|", "^" -> 4;
      case "*", "/", "%", "<<", ">>", "&", "&^" -> 5;
      default -> 0;
    };
  }

  Expr parseBinary(int minPrec) {
    Expr x = parseUnary();
    while (true) {
      Token op = tok();
      int pr = prec(op);
      if (pr < minPrec || pr == 0) return x;
      next();
      Expr y = parseBinary(pr + 1);
      x = at(new Binary(op.text(), x, y), op);
    }
  }

  Expr parseUnary() {
    Token t = tok();
    if (t.kind() == Kind.OP) {
      switch (t.text()) {
        case "+", "-", "!", "^", "&": {
          next();
          return at(new Unary(t.text(), parseUnary()), t);
        }
        case "<-": {
          next();
          if (tok().is("chan")) {
            // <-chan T type in expression position (conversion)
            next();
            Expr el = parseType();
            return parsePrimarySuffix(at(new ChanTypeExpr(2, el), t));
          }
          return at(new Unary("<-", parseUnary()), t);
        }
        case "*": {
          next();
          return at(new Star(parseUnary()), t);
        }
        default:
          break;
      }
    }
    return parsePrimarySuffix(parseOperand());
  }

  Expr parseOperand() {
    Token t = tok();
    switch (t.kind()) {
      case IDENT:
        next();
        return at(new Ident(t.text()), t);
      case INT, FLOAT, STRING, CHAR:
        next();
        return at(new BasicLit(t.kind(), t.text()), t);
      case OP:
        if (t.is("(")) {
          next();
          exprLev++;
          Expr e = tok().is("...") ? null : parseExprOrType();
          exprLev--;
          expect(")");
          return at(new Paren(e), t);
        }
        if (t.is("[")) return parseType();
        break;
      case KEYWORD:
        if (t.is("func")) {
          next();
          if (tok().is("[")) throw err("function type must have no type parameters");
          FuncTypeExpr ft = at(parseSignature(), t);
          if (tok().is("{")) {
            exprLev++;
            Block body = parseBlock();
            exprLev--;
            return at(new FuncLit(ft, body), t);
          }
          return ft;
        }
        if (t.is("map") || t.is("chan") || t.is("struct") || t.is("interface")) return parseType();
        break;
      default:
        break;
    }
    throw err("syntax error: unexpected " + t + ", expected expression");
  }

  Expr parseExprOrType() {
    if (tok().is("*")) {
      Token t = next();
      return at(new Star(parseExprOrType()), t);
    }
    return parseExpr();
  }

  private static boolean isLiteralType(Expr x) {
    return x instanceof Ident || x instanceof ArrayTypeExpr || x instanceof MapTypeExpr || x instanceof StructTypeExpr
        || (x instanceof Selector s && s.x instanceof Ident)
        || (x instanceof Index ix && (ix.x instanceof Ident || ix.x instanceof Selector sx && sx.x instanceof Ident))
        || (x instanceof Instance in && (in.x instanceof Ident || in.x instanceof Selector sy && sy.x instanceof Ident));
  }

  Expr parsePrimarySuffix(Expr x) {
    while (true) {
      Token t = tok();
      if (t.is(".")) {
        next();
        if (tok().is("(")) {
          next();
          if (tok().is("type")) {
            next();
            expect(")");
            x = at(new TypeAssert(x, null), t);
          } else {
            Expr ty = parseType();
            expect(")");
            x = at(new TypeAssert(x, ty), t);
          }
        } else {
          Token s = tok();
          x = at(new Selector(x, ident()), s);
        }
      } else if (t.is("[")) {
        next();
        exprLev++;
        Expr lo = null;
        if (!tok().is(":")) lo = parseExprOrType();
        if (tok().is(":")) {
          next();
          Expr hi = null;
          Expr max = null;
          if (!tok().is("]") && !tok().is(":")) hi = parseExpr();
          if (tok().is(":")) {
            next();
            max = parseExpr();
          }
          exprLev--;
          expect("]");
          x = at(new SliceExpr(x, lo, hi, max), t);
        } else {
          if (tok().is(",")) {
            // F[int, string], Cache[K, V]: an instantiation
            List<Expr> targs = new ArrayList<>();
            targs.add(lo);
            while (tok().is(",")) {
              next();
              if (tok().is("]")) break;
              targs.add(parseExprOrType());
            }
            exprLev--;
            expect("]");
            x = at(new Instance(x, targs), t);
            continue;
          }
          exprLev--;
          expect("]");
          x = at(new Index(x, lo), t);
        }
      } else if (t.is("(")) {
        next();
        exprLev++;
        List<Expr> args = new ArrayList<>();
        boolean ell = false;
        while (!tok().is(")")) {
          args.add(parseExprOrType());
          if (tok().is("...")) {
            next();
            ell = true;
          }
          if (!tok().is(")")) expect(",");
          semiOpt();
        }
        exprLev--;
        next();
        x = at(new Call(x, args, ell), t);
      } else if (t.is("{") && isLiteralType(x) && (exprLev >= 0 || !(x instanceof Ident || x instanceof Selector
          || x instanceof Index || x instanceof Instance))) {
        x = parseCompositeLit(x);
      } else {
        return x;
      }
    }
  }

  CompositeLit parseCompositeLit(Expr type) {
    Token t = tok();
    expect("{");
    CompositeLit c = at(new CompositeLit(), type == null ? t : tokAtNode(type, t));
    c.type = type;
    exprLev++;
    while (!tok().is("}")) {
      Expr k = parseElement();
      if (tok().is(":")) {
        Token kt = next();
        Expr v = parseElement();
        k = at(new KeyValue(k, v), kt);
      }
      c.elts.add(k);
      if (!tok().is("}")) expect(",");
      semiOpt();
    }
    exprLev--;
    next();
    return c;
  }

  Token tokAtNode(Expr type, Token fallback) {
    return new Token(Kind.OP, "", type.line == 0 ? fallback.line() : type.line, type.line == 0 ? fallback.col() : type.col);
  }

  Expr parseElement() {
    if (tok().is("{")) return parseCompositeLit(null);
    return parseExpr();
  }
}
