package dev.gocause.sim.lang;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast.*;
import dev.gocause.sim.lang.Lexer.Kind;
import dev.gocause.sim.lang.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the Go subset (follows the shape of go/parser): files, snippets
 * and the lenient reading of pasted code here; the grammar below them in {@link StmtParser},
 * {@link ExprParser} and {@link TokenCursor}.
 */
public final class Parser extends StmtParser {
  public Parser(String src, String file) {
    super(new Lexer(src, file).tokenize(), file);
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
}
