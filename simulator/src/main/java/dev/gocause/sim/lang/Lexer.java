package dev.gocause.sim.lang;

import dev.gocause.sim.UnsupportedConstructException;
import java.util.ArrayList;
import java.util.List;

/** Hand-written Go lexer with Go's automatic semicolon insertion (spec "Semicolons"). */
public final class Lexer {

  /** Token kinds; operators and keywords are kept as their text in {@link Token#text}. */
  public enum Kind { IDENT, INT, FLOAT, STRING, CHAR, OP, KEYWORD, SEMI, EOF }

  /** One token with its 1-based position. */
  public record Token(Kind kind, String text, int line, int col) {
    public boolean is(String s) {
      return (kind == Kind.OP || kind == Kind.KEYWORD) && text.equals(s);
    }

    @Override
    public String toString() {
      return kind == Kind.SEMI ? (text.equals("\n") ? "newline" : ";") : kind == Kind.EOF ? "EOF" : text;
    }
  }

  private static final java.util.Set<String> KEYWORDS = java.util.Set.of(
      "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
      "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
      "return", "select", "struct", "switch", "type", "var");

  // Longest first so that maximal munch works by trying in order.
  private static final String[] OPS = {
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^",
    "+", "-", "*", "/", "%", "&", "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}",
    ",", ";", ".", ":", "~"
  };

  private final String src;
  private final String file;
  private int pos;
  private int line = 1;
  private int col = 1;

  public Lexer(String src, String file) {
    this.src = src;
    this.file = file;
  }

  public List<Token> tokenize() {
    List<Token> out = new ArrayList<>();
    while (true) {
      // skip whitespace; a newline may become a semicolon
      boolean sawNewline = false;
      int nlLine = line;
      int nlCol = col;
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (c == '\n') {
          if (!sawNewline) {
            nlLine = line;
            nlCol = col;
          }
          sawNewline = true;
          advance();
        } else if (c == ' ' || c == '\t' || c == '\r') {
          advance();
        } else if (c == '/' && peek(1) == '/') {
          while (pos < src.length() && src.charAt(pos) != '\n') advance();
        } else if (c == '/' && peek(1) == '*') {
          int l = line, cc = col;
          advance();
          advance();
          while (pos < src.length() && !(src.charAt(pos) == '*' && peek(1) == '/')) {
            if (src.charAt(pos) == '\n') {
              if (!sawNewline) {
                nlLine = line;
                nlCol = col;
              }
              sawNewline = true;
            }
            advance();
          }
          if (pos >= src.length()) throw new UnsupportedConstructException(file, l, cc, "syntax error: unterminated comment");
          advance();
          advance();
        } else {
          break;
        }
      }
      if (sawNewline && needsSemi(out)) out.add(new Token(Kind.SEMI, "\n", nlLine, nlCol));
      if (pos >= src.length()) {
        if (needsSemi(out)) out.add(new Token(Kind.SEMI, "\n", line, col));
        out.add(new Token(Kind.EOF, "", line, col));
        return out;
      }
      out.add(next());
    }
  }

  private static boolean needsSemi(List<Token> out) {
    if (out.isEmpty()) return false;
    Token t = out.get(out.size() - 1);
    switch (t.kind()) {
      case IDENT, INT, FLOAT, STRING, CHAR:
        return true;
      case KEYWORD:
        return t.text().equals("break") || t.text().equals("continue") || t.text().equals("fallthrough")
            || t.text().equals("return");
      case OP:
        return t.text().equals("++") || t.text().equals("--") || t.text().equals(")") || t.text().equals("]")
            || t.text().equals("}");
      default:
        return false;
    }
  }

  private char peek(int k) {
    return pos + k < src.length() ? src.charAt(pos + k) : '\0';
  }

  private void advance() {
    if (src.charAt(pos) == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    pos++;
  }

  private Token next() {
    int l = line, c = col;
    char ch = src.charAt(pos);
    if (Character.isLetter(ch) || ch == '_') {
      int s = pos;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) advance();
      String w = src.substring(s, pos);
      return new Token(KEYWORDS.contains(w) ? Kind.KEYWORD : Kind.IDENT, w, l, c);
    }
    if (Character.isDigit(ch) || (ch == '.' && Character.isDigit(peek(1)))) {
      int s = pos;
      boolean isFloat = false;
      if (ch == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'b' || peek(1) == 'B' || peek(1) == 'o' || peek(1) == 'O')) {
        advance();
        advance();
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) advance();
      } else {
        while (pos < src.length()) {
          char d = src.charAt(pos);
          if (Character.isDigit(d) || d == '_') {
            advance();
          } else if (d == '.') {
            isFloat = true;
            advance();
          } else if (d == 'e' || d == 'E') {
            isFloat = true;
            advance();
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) advance();
          } else {
            break;
          }
        }
      }
      if (pos < src.length() && src.charAt(pos) == 'i') {
        throw new UnsupportedConstructException(file, l, c, "unsupported: complex numbers");
      }
      return new Token(isFloat ? Kind.FLOAT : Kind.INT, src.substring(s, pos).replace("_", ""), l, c);
    }
    if (ch == '"') {
      advance();
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= src.length() || src.charAt(pos) == '\n') throw new UnsupportedConstructException(file, l, c, "syntax error: unterminated string literal");
        char d = src.charAt(pos);
        if (d == '"') {
          advance();
          break;
        }
        if (d == '\\') {
          sb.append(escape());
        } else {
          sb.append(d);
          advance();
        }
      }
      return new Token(Kind.STRING, sb.toString(), l, c);
    }
    if (ch == '`') {
      advance();
      int s = pos;
      while (pos < src.length() && src.charAt(pos) != '`') advance();
      if (pos >= src.length()) throw new UnsupportedConstructException(file, l, c, "syntax error: unterminated raw string");
      String v = src.substring(s, pos).replace("\r", "");
      advance();
      return new Token(Kind.STRING, v, l, c);
    }
    if (ch == '\'') {
      advance();
      String v;
      if (src.charAt(pos) == '\\') {
        v = escape();
      } else {
        int cp = src.codePointAt(pos);
        v = new String(Character.toChars(cp));
        for (int i = 0; i < Character.charCount(cp); i++) advance();
      }
      if (pos >= src.length() || src.charAt(pos) != '\'') throw new UnsupportedConstructException(file, l, c, "syntax error: malformed rune literal");
      advance();
      return new Token(Kind.CHAR, Integer.toString(v.codePointAt(0)), l, c);
    }
    for (String op : OPS) {
      if (src.startsWith(op, pos)) {
        for (int i = 0; i < op.length(); i++) advance();
        return new Token(op.equals(";") ? Kind.SEMI : Kind.OP, op, l, c);
      }
    }
    throw new UnsupportedConstructException(file, l, c, "syntax error: unexpected character '" + ch + "'");
  }

  private String escape() {
    int l = line, c = col;
    advance(); // backslash
    char e = src.charAt(pos);
    advance();
    switch (e) {
      case 'n': return "\n";
      case 't': return "\t";
      case 'r': return "\r";
      case '\\': return "\\";
      case '\'': return "'";
      case '"': return "\"";
      case 'a': return "\u0007";
      case 'b': return "\b";
      case 'f': return "\f";
      case 'v': return "\u000b";
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = e - '0';
        for (int i = 0; i < 2; i++) {
          v = v * 8 + (src.charAt(pos) - '0');
          advance();
        }
        return String.valueOf((char) v);
      }
      case 'x': case 'u': case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        String hex = src.substring(pos, Math.min(src.length(), pos + n));
        for (int i = 0; i < n; i++) advance();
        return new String(Character.toChars(Integer.parseInt(hex, 16)));
      }
      default:
        throw new UnsupportedConstructException(file, l, c, "syntax error: unknown escape sequence \\" + e);
    }
  }
}
