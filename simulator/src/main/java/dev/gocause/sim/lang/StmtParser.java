package dev.gocause.sim.lang;

import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer.Kind;
import dev.gocause.sim.lang.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/** Statements and the declarations a function body may hold ({@code var}, {@code const}, {@code type}). */
abstract class StmtParser extends ExprParser {
  StmtParser(List<Token> toks, String file) {
    super(toks, file);
  }

  GenDecl parseGenDecl() {
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

  Node parseSpec(String kind, int iota, ValueSpec prev) {
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

  // ---------------- statements ----------------
  Block parseBlock() {
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

  List<Stmt> parseCaseBody() {
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
  Stmt parseSimpleStmt(boolean rangeOk) {
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

  If parseIf() {
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

  Stmt parseFor() {
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

  void expectSemiInFor() {
    if (tok().kind() != Kind.SEMI) throw err("syntax error: expected ; in for clause");
    next();
  }

  Stmt parseSwitch() {
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

  Stmt parseSelect() {
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
}
