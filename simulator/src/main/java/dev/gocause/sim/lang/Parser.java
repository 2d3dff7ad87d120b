package dev.gocause.sim.lang;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer.Kind;
import dev.gocause.sim.lang.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Recursive-descent parser for the Go subset (follows the shape of go/parser). */
public final class Parser {
  private final List<Token> toks;
  private final String file;
  private int p;
  private int exprLev; // < 0: in a control clause header, composite literals of bare types are not allowed

  public Parser(String src, String file) {
    this.toks = new Lexer(src, file).tokenize();
    this.file = file;
  }

  /** Parses a whole file or, when it does not start with {@code package}, a snippet wrapped into main. */
  public Ast.File parse() {
    Ast.File f = new Ast.File();
    if (!tok().is("package")) return parseSnippet(f);
    next();
    f.pkg = ident();
    semi();
    while (tok().is("import")) {
      parseImport(f);
    }
    while (tok().kind() != Kind.EOF) {
      if (tok().is("func")) {
        f.decls.add(parseFuncDecl());
      } else if (tok().is("var") || tok().is("const") || tok().is("type")) {
        f.decls.add(parseGenDecl());
      } else if (tok().is("import")) {
        throw err("syntax error: imports must appear before other declarations");
      } else {
        throw err("syntax error: non-declaration statement outside function body");
      }
      if (tok().kind() != Kind.EOF) semi();
    }
    return f;
  }

  private Ast.File parseSnippet(Ast.File f) {
    f.pkg = "main";
    FuncDecl main = new FuncDecl();
    main.name = "main";
    main.type = new FuncTypeExpr();
    main.body = new Block();
    main.line = 1;
    main.col = 1;
    main.body.line = 1;
    main.body.col = 1;
    while (tok().kind() != Kind.EOF) {
      if (tok().is("import")) {
        parseImport(f);
        continue;
      }
      if (tok().is("func") && (peek(1).kind() == Kind.IDENT || peek(1).is("("))) {
        f.decls.add(parseFuncDecl());
      } else if (tok().is("type")) {
        // snippet types are package-level so that snippet functions can declare methods on them
        f.decls.add(parseGenDecl());
      } else if (tok().kind() == Kind.SEMI) {
        next();
        continue;
      } else {
        main.body.stmts.add(parseStmt());
      }
      if (tok().kind() != Kind.EOF) semi();
    }
    main.body.endLine = tok().line();
    // a file pasted without its package clause keeps its own main, or runs as tests when it has only tests
    if (!main.body.stmts.isEmpty() || !declares(f, "main") && !declaresTests(f)) f.decls.add(main);
    return f;
  }

  private static boolean declares(Ast.File f, String name) {
    for (Node d : f.decls) if (d instanceof FuncDecl fd && fd.recv == null && fd.name.equals(name)) return true;
    return false;
  }

  private static boolean declaresTests(Ast.File f) {
    for (Node d : f.decls) if (d instanceof FuncDecl fd && fd.recv == null && fd.name.startsWith("Test")) return true;
    return false;
  }

  /**
   * What {@link #parseLenient} made of a text: the declarations and statements that parsed (a
   * snippet's statements in a synthetic {@code main}, as {@link #parse} does), the input lines they
   * span, and why each skipped part did not parse.
   */
  public record Lenient(Ast.File file, java.util.BitSet parsedLines, List<UnsupportedConstructException> skipped) {}

  /**
   * Parses like {@link #parse}, but a top-level declaration (or a snippet's statement) that does
   * not parse is skipped up to where the next one starts instead of failing the whole text: pasted
   * code is often a fragment, or uses constructs outside the subset in a part that does not matter.
   */
  public Lenient parseLenient() {
    Ast.File f = new Ast.File();
    java.util.BitSet lines = new java.util.BitSet();
    List<UnsupportedConstructException> skipped = new ArrayList<>();
    boolean file = tok().is("package");
    if (file) {
      next();
      f.pkg = tok().kind() == Kind.IDENT ? ident() : "main";
      semiOpt();
    } else {
      f.pkg = "main";
    }
    FuncDecl main = new FuncDecl();
    main.name = "main";
    main.type = new FuncTypeExpr();
    main.body = new Block();
    main.line = 1;
    main.col = 1;
    while (tok().kind() != Kind.EOF) {
      if (tok().kind() == Kind.SEMI) {
        next();
        continue;
      }
      int start = p;
      try {
        // parsed first, kept only once the statement or declaration has ended cleanly
        Node decl = null;
        Stmt stmt = null;
        if (tok().is("import")) {
          parseImport(f); // ends with its own semicolon
          lines.set(toks.get(start).line(), toks.get(Math.max(start, p - 1)).line() + 1);
          continue;
        } else if (tok().is("func") && (peek(1).kind() == Kind.IDENT || peek(1).is("("))) {
          decl = parseFuncDecl();
        } else if (tok().is("var") || tok().is("const") || tok().is("type")) {
          GenDecl d = parseGenDecl();
          if (file || d.kind.equals("type")) {
            decl = d; // snippet types are package-level, so that methods can be declared on them
          } else {
            stmt = at(new DeclStmt(d), toks.get(start));
          }
        } else if (file) {
          throw err("syntax error: non-declaration statement outside function body");
        } else {
          stmt = parseStmt();
        }
        if (tok().kind() != Kind.EOF) semi();
        if (decl != null) f.decls.add(decl);
        if (stmt != null) main.body.stmts.add(stmt);
        lines.set(toks.get(start).line(), toks.get(Math.max(start, p - 1)).line() + 1);
      } catch (UnsupportedConstructException e) {
        skipped.add(e);
        p = start;
        skipToNextTopLevel();
      }
    }
    if (!main.body.stmts.isEmpty()) {
      main.body.endLine = tok().line();
      f.decls.add(main);
    }
    return new Lenient(f, lines, skipped);
  }

  /** Skips at least one token, then up to a semicolon outside brackets followed by a declaration keyword or EOF (or any statement start in a snippet). */
  private void skipToNextTopLevel() {
    int depth = 0;
    next();
    while (tok().kind() != Kind.EOF) {
      Token t = tok();
      if (t.is("{") || t.is("(") || t.is("[")) {
        depth++;
      } else if ((t.is("}") || t.is(")") || t.is("]")) && depth > 0) {
        depth--;
      } else if (t.kind() == Kind.SEMI && depth == 0) {
        next();
        return;
      }
      next();
    }
  }

  private void parseImport(Ast.File f) {
    next();
    if (tok().is("(")) {
      next();
      while (!tok().is(")")) {
        importSpec(f);
        semiOpt();
      }
      next();
    } else {
      importSpec(f);
    }
    semi();
  }

  private void importSpec(Ast.File f) {
    String alias = null;
    if (tok().kind() == Kind.IDENT || tok().is(".")) {
      alias = tok().text();
      next();
    }
    if (tok().kind() != Kind.STRING) throw err("syntax error: expected import path");
    String path = tok().text();
    next();
    if (alias == null) alias = path.substring(path.lastIndexOf('/') + 1);
    f.imports.add(alias + " " + path);
  }

  // ---------------- helpers ----------------
  private Token tok() { return toks.get(p); }
  private Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }
  private Token next() { return toks.get(p++); }

  UnsupportedConstructException err(String msg) {
    Token t = tok();
    return new UnsupportedConstructException(file, t.line(), t.col(), msg);
  }

  private UnsupportedConstructException unsupported(Token t, String what) {
    return new UnsupportedConstructException(file, t.line(), t.col(), "unsupported: " + what);
  }

  private void expect(String s) {
    if (!tok().is(s)) throw err("syntax error: unexpected " + tok() + ", expected " + s);
    next();
  }

  private String ident() {
    if (tok().kind() != Kind.IDENT) throw err("syntax error: unexpected " + tok() + ", expected name");
    return next().text();
  }

  private void semi() {
    if (tok().kind() == Kind.SEMI) {
      next();
      return;
    }
    if (tok().is(")") || tok().is("}")) return; // allowed to omit before closing
    throw err("syntax error: unexpected " + tok() + " at end of statement");
  }

  private void semiOpt() {
    if (tok().kind() == Kind.SEMI) next();
  }

  private <T extends Node> T at(T n, Token t) {
    n.line = t.line();
    n.col = t.col();
    return n;
  }

  // ---------------- declarations ----------------
  private FuncDecl parseFuncDecl() {
    Token start = next(); // func
    FuncDecl d = at(new FuncDecl(), start);
    if (tok().is("(")) {
      next();
      Token rt = tok();
      String rname = null;
      if (tok().kind() == Kind.IDENT && !peek(1).is(")") && !peek(1).is(".") && !peek(1).is("[")) rname = ident();
      Expr rtype = parseType();
      expect(")");
      d.recv = at(new Field(rname == null ? List.of() : List.of(rname), rtype), rt);
    }
    Token nameTok = tok();
    d.name = ident();
    if (tok().is("[")) {
      if (d.recv != null) throw err("syntax error: method must have no type parameters");
      d.typeParams = parseTypeParams();
    }
    d.type = at(parseSignature(), nameTok);
    if (tok().is("{")) {
      d.body = parseBlock();
    } else {
      throw err("unsupported: function declaration without body");
    }
    return d;
  }

  private GenDecl parseGenDecl() {
    Token kw = next();
    GenDecl g = at(new GenDecl(kw.text()), kw);
    if (tok().is("(")) {
      next();
      int iota = 0;
      ValueSpec prev = null;
      while (!tok().is(")")) {
        Node spec = parseSpec(kw.text(), iota, prev);
        if (spec instanceof ValueSpec vs) prev = vs;
        g.specs.add(spec);
        iota++;
        if (!tok().is(")")) semi();
      }
      next();
    } else {
      g.specs.add(parseSpec(kw.text(), 0, null));
    }
    return g;
  }

  private Node parseSpec(String kind, int iota, ValueSpec prev) {
    Token t = tok();
    if (kind.equals("type")) {
      String name = ident();
      List<Field> tparams = null;
      if (tok().is("[") && peek(1).kind() == Kind.IDENT && (peek(2).kind() == Kind.IDENT || peek(2).is(",")
          || peek(2).is("interface") || peek(2).is("~"))) {
        tparams = parseTypeParams();
      }
      boolean alias = false;
      if (tok().is("=")) {
        if (tparams != null) throw err("syntax error: generic type cannot be alias");
        alias = true;
        next();
      }
      TypeSpec ts = at(new TypeSpec(name, parseType(), alias), t);
      if (tparams != null) ts.typeParams = tparams;
      return ts;
    }
    List<String> names = new ArrayList<>();
    names.add(ident());
    while (tok().is(",")) {
      next();
      names.add(ident());
    }
    Expr type = null;
    if (!tok().is("=") && tok().kind() != Kind.SEMI && !tok().is(")")) type = parseType();
    List<Expr> values = new ArrayList<>();
    if (tok().is("=")) {
      next();
      values = parseExprList();
    } else if (kind.equals("const") && prev != null) {
      // implicit repetition of the previous expression list (iota)
      values = prev.values;
      if (type == null) type = prev.type;
    }
    return at(new ValueSpec(names, type, values, iota), t);
  }

  /** {@code [K comparable, V any]} or {@code [T, U any]}: one Field per group of names sharing a constraint. */
  private List<Field> parseTypeParams() {
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
  private Expr parseConstraint() {
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

  private Expr parseTerm() {
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
  private boolean typeArgsFollow() {
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

  private StructTypeExpr parseStructType() {
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

  private InterfaceTypeExpr parseInterfaceType() {
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

  private FuncTypeExpr parseSignature() {
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

  private boolean startsType() {
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
  private void parseParams(List<Field> out) {
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

  // ---------------- statements ----------------
  private Block parseBlock() {
    Token t = tok();
    expect("{");
    Block b = at(new Block(), t);
    while (!tok().is("}")) {
      if (tok().kind() == Kind.EOF) throw err("syntax error: unexpected EOF, expected }");
      if (tok().kind() == Kind.SEMI) {
        next();
        continue;
      }
      b.stmts.add(parseStmt());
      if (!tok().is("}")) semi();
    }
    b.endLine = tok().line();
    next();
    return b;
  }

  private List<Stmt> parseCaseBody() {
    List<Stmt> list = new ArrayList<>();
    while (!tok().is("case") && !tok().is("default") && !tok().is("}")) {
      if (tok().kind() == Kind.SEMI) {
        next();
        continue;
      }
      list.add(parseStmt());
      if (!tok().is("case") && !tok().is("default") && !tok().is("}")) semi();
    }
    return list;
  }

  Stmt parseStmt() {
    Token t = tok();
    if (t.kind() == Kind.KEYWORD) {
      switch (t.text()) {
        case "var", "const", "type":
          return at(new DeclStmt(parseGenDecl()), t);
        case "go": {
          next();
          Expr e = parseExpr();
          if (!(unparen(e) instanceof Call c)) throw err("syntax error: expression in go must be function call");
          return at(new GoStmt(c), t);
        }
        case "defer": {
          next();
          Expr e = parseExpr();
          if (!(unparen(e) instanceof Call c)) throw err("syntax error: expression in defer must be function call");
          return at(new DeferStmt(c), t);
        }
        case "return": {
          next();
          List<Expr> res = new ArrayList<>();
          if (tok().kind() != Kind.SEMI && !tok().is("}")) res = parseExprList();
          return at(new Return(res), t);
        }
        case "break", "continue": {
          next();
          String label = null;
          if (tok().kind() == Kind.IDENT) label = next().text();
          return at(new Branch(t.text(), label), t);
        }
        case "goto":
          throw unsupported(t, "goto");
        case "fallthrough":
          next();
          return at(new Branch("fallthrough", null), t);
        case "if":
          return parseIf();
        case "for":
          return parseFor();
        case "switch":
          return parseSwitch();
        case "select":
          return parseSelect();
        case "func":
          break; // func literal expression statement
        default:
          break;
      }
    }
    if (t.is("{")) return parseBlock();
    if (t.kind() == Kind.SEMI) return at(new Empty(), t);
    if (t.kind() == Kind.IDENT && peek(1).is(":") ) {
      next();
      next();
      semiOpt();
      if (tok().is("}")) return at(new Labeled(t.text(), at(new Empty(), t)), t);
      return at(new Labeled(t.text(), parseStmt()), t);
    }
    return parseSimpleStmt(false);
  }

  private static Expr unparen(Expr e) {
    while (e instanceof Paren pe) e = pe.x;
    return e;
  }

  /** Simple statement; when rangeOk, "k, v := range x" is accepted and returned as Range (body unset). */
  private Stmt parseSimpleStmt(boolean rangeOk) {
    Token t = tok();
    if (rangeOk && tok().is("range")) {
      next();
      Range r = at(new Range(), t);
      r.x = parseExpr();
      return r;
    }
    List<Expr> lhs = parseExprList();
    Token op = tok();
    if (op.kind() == Kind.OP) {
      switch (op.text()) {
        case ":=", "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=": {
          next();
          if (rangeOk && tok().is("range") && (op.text().equals("=") || op.text().equals(":="))) {
            next();
            Range r = at(new Range(), t);
            r.key = lhs.get(0);
            r.value = lhs.size() > 1 ? lhs.get(1) : null;
            r.define = op.text().equals(":=");
            r.x = parseExpr();
            return r;
          }
          List<Expr> rhs = parseExprList();
          return at(new Assign(lhs, op.text(), rhs), op);
        }
        case "++", "--":
          next();
          return at(new IncDec(lhs.get(0), op.text().equals("++")), op);
        case "<-": {
          next();
          Expr v = parseExpr();
          return at(new SendStmt(lhs.get(0), v), op);
        }
        default:
          break;
      }
    }
    if (lhs.size() > 1) throw err("syntax error: unexpected " + tok() + ", expected := or = or comma");
    return at(new ExprStmt(lhs.get(0)), t);
  }

  private If parseIf() {
    Token t = next();
    If s = at(new If(), t);
    int old = exprLev;
    exprLev = -1;
    if (tok().is("{")) throw err("syntax error: missing condition in if statement");
    Stmt first = tok().kind() == Kind.SEMI ? null : parseSimpleStmt(false);
    if (tok().kind() == Kind.SEMI) {
      next();
      s.init = first;
      s.cond = parseExpr();
    } else {
      if (!(first instanceof ExprStmt es)) throw err("syntax error: cannot use assignment as value");
      s.cond = es.x;
    }
    exprLev = old;
    s.then = parseBlock();
    if (tok().is("else")) {
      next();
      if (tok().is("if")) {
        s.els = parseIf();
      } else {
        s.els = parseBlock();
      }
    }
    return s;
  }

  private Stmt parseFor() {
    Token t = next();
    int old = exprLev;
    exprLev = -1;
    Stmt init = null;
    Expr cond = null;
    Stmt post = null;
    if (!tok().is("{")) {
      if (tok().kind() != Kind.SEMI) {
        Stmt s = parseSimpleStmt(true);
        if (s instanceof Range r) {
          exprLev = old;
          r.body = parseBlock();
          r.line = t.line();
          r.col = t.col();
          return r;
        }
        init = s;
      }
      if (tok().kind() == Kind.SEMI) {
        next();
        if (tok().kind() != Kind.SEMI) cond = parseExpr();
        expectSemiInFor();
        if (!tok().is("{")) post = parseSimpleStmt(false);
      } else {
        if (!(init instanceof ExprStmt es)) throw err("syntax error: expected for loop condition");
        cond = es.x;
        init = null;
      }
    }
    exprLev = old;
    For f = at(new For(), t);
    f.init = init;
    f.cond = cond;
    f.post = post;
    f.body = parseBlock();
    return f;
  }

  private void expectSemiInFor() {
    if (tok().kind() != Kind.SEMI) throw err("syntax error: expected ; in for clause");
    next();
  }

  private Stmt parseSwitch() {
    Token t = next();
    int old = exprLev;
    exprLev = -1;
    Stmt init = null;
    Stmt tagStmt = null;
    if (!tok().is("{")) {
      if (tok().kind() != Kind.SEMI) tagStmt = parseSimpleStmt(false);
      if (tok().kind() == Kind.SEMI) {
        next();
        init = tagStmt;
        tagStmt = null;
        if (!tok().is("{")) tagStmt = parseSimpleStmt(false);
      }
    }
    exprLev = old;
    // type switch?
    TypeAssert ta = null;
    String bind = null;
    if (tagStmt instanceof Assign a && a.op.equals(":=") && a.rhs.size() == 1 && a.rhs.get(0) instanceof TypeAssert x && x.type == null) {
      ta = x;
      bind = ((Ident) a.lhs.get(0)).name;
    } else if (tagStmt instanceof ExprStmt es && es.x instanceof TypeAssert x && x.type == null) {
      ta = x;
    }
    expect("{");
    if (ta != null) {
      TypeSwitch ts = at(new TypeSwitch(), t);
      ts.init = init;
      ts.bind = bind;
      ts.x = ta.x;
      while (!tok().is("}")) {
        Token ct = tok();
        List<Expr> types = null;
        if (tok().is("case")) {
          next();
          types = new ArrayList<>();
          types.add(parseType());
          while (tok().is(",")) {
            next();
            types.add(parseType());
          }
        } else {
          expect("default");
        }
        expect(":");
        ts.cases.add(at(new CaseClause(types, parseCaseBody()), ct));
      }
      next();
      return ts;
    }
    Switch s = at(new Switch(), t);
    s.init = init;
    if (tagStmt != null) {
      if (!(tagStmt instanceof ExprStmt es)) throw err("syntax error: switch expression must be an expression");
      s.tag = es.x;
    }
    while (!tok().is("}")) {
      Token ct = tok();
      List<Expr> exprs = null;
      if (tok().is("case")) {
        next();
        exprs = parseExprList();
      } else {
        expect("default");
      }
      expect(":");
      s.cases.add(at(new CaseClause(exprs, parseCaseBody()), ct));
    }
    next();
    return s;
  }

  private Stmt parseSelect() {
    Token t = next();
    Select s = at(new Select(), t);
    expect("{");
    while (!tok().is("}")) {
      Token ct = tok();
      Stmt comm = null;
      if (tok().is("case")) {
        next();
        comm = parseSimpleStmt(false);
      } else {
        expect("default");
      }
      expect(":");
      s.cases.add(at(new CommClause(comm, parseCaseBody()), ct));
    }
    next();
    return s;
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

  private Expr parseBinary(int minPrec) {
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

  private Expr parseUnary() {
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

  private Expr parseOperand() {
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

  private Expr parseExprOrType() {
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

  private Expr parsePrimarySuffix(Expr x) {
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

  private CompositeLit parseCompositeLit(Expr type) {
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

  private Token tokAtNode(Expr type, Token fallback) {
    return new Token(Kind.OP, "", type.line == 0 ? fallback.line() : type.line, type.line == 0 ? fallback.col() : type.col);
  }

  private Expr parseElement() {
    if (tok().is("{")) return parseCompositeLit(null);
    return parseExpr();
  }
}
