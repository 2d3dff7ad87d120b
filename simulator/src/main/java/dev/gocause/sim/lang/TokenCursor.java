package dev.gocause.sim.lang;

import dev.gocause.sim.UnsupportedConstructException;
import dev.gocause.sim.lang.Ast.Node;
import dev.gocause.sim.lang.Lexer.Kind;
import dev.gocause.sim.lang.Lexer.Token;
import java.util.List;

/**
 * The parser's position in the token list and the small steps every part of the grammar takes
 * (look, advance, expect, end a statement, report a syntax error at the current token).
 */
abstract class TokenCursor {
  final List<Token> toks;
  final String file;
  int p;
  int exprLev; // < 0: in a control clause header, composite literals of bare types are not allowed

  TokenCursor(List<Token> toks, String file) {
    this.toks = toks;
    this.file = file;
  }

  Token tok() { return toks.get(p); }
  Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }
  Token next() { return toks.get(p++); }

  UnsupportedConstructException err(String msg) {
    Token t = tok();
    return new UnsupportedConstructException(file, t.line(), t.col(), msg);
  }

  UnsupportedConstructException unsupported(Token t, String what) {
    return new UnsupportedConstructException(file, t.line(), t.col(), "unsupported: " + what);
  }

  void expect(String s) {
    if (!tok().is(s)) throw err("syntax error: unexpected " + tok() + ", expected " + s);
    next();
  }

  String ident() {
    if (tok().kind() != Kind.IDENT) throw err("syntax error: unexpected " + tok() + ", expected name");
    return next().text();
  }

  void semi() {
    if (tok().kind() == Kind.SEMI) {
      next();
      return;
    }
    if (tok().is(")") || tok().is("}")) return; // allowed to omit before closing
    throw err("syntax error: unexpected " + tok() + " at end of statement");
  }

  void semiOpt() {
    if (tok().kind() == Kind.SEMI) next();
  }

  <T extends Node> T at(T n, Token t) {
    n.line = t.line();
    n.col = t.col();
    return n;
  }
}
