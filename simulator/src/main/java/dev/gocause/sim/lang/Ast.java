package dev.gocause.sim.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Syntax tree of the Go subset. Plain mutable nodes: the compiler annotates nothing on them. The hierarchy is sealed
 * (every kind of node is declared here); statements dispatch through {@link StmtVisitor}.
 */
public final class Ast {
  private Ast() {}

  /** Any node knows where it starts. */
  public abstract static sealed class Node {
    public int line;
    public int col;

    Node at(int l, int c) {
      line = l;
      col = c;
      return this;
    }
  }

  // ---------------- expressions (types are expressions too) ----------------
  public abstract static sealed class Expr extends Node {}

  public static final class Ident extends Expr {
    public final String name;
    public Ident(String name) { this.name = name; }
  }

  public static final class BasicLit extends Expr {
    public final Lexer.Kind kind;
    public final String value;
    public BasicLit(Lexer.Kind kind, String value) { this.kind = kind; this.value = value; }
  }

  public static final class CompositeLit extends Expr {
    public Expr type; // may be null inside an outer composite literal (elided type)
    public final List<Expr> elts = new ArrayList<>(); // KeyValue or plain
  }

  public static final class KeyValue extends Expr {
    public final Expr key;
    public final Expr value;
    public KeyValue(Expr key, Expr value) { this.key = key; this.value = value; }
  }

  public static final class FuncLit extends Expr {
    public final FuncTypeExpr type;
    public final Block body;
    public FuncLit(FuncTypeExpr type, Block body) { this.type = type; this.body = body; }
  }

  public static final class Paren extends Expr {
    public final Expr x;
    public Paren(Expr x) { this.x = x; }
  }

  public static final class Selector extends Expr {
    public final Expr x;
    public final String sel;
    public Selector(Expr x, String sel) { this.x = x; this.sel = sel; }
  }

  public static final class Index extends Expr {
    public final Expr x;
    public final Expr index;
    public Index(Expr x, Expr index) { this.x = x; this.index = index; }
  }

  /** An instantiation with several type arguments, {@code F[int, string]} or {@code Cache[K, V]} (one argument parses as {@link Index} in expressions). */
  public static final class Instance extends Expr {
    public final Expr x;
    public final List<Expr> args;
    public Instance(Expr x, List<Expr> args) { this.x = x; this.args = args; }
  }

  /** A union of constraint terms, {@code ~int | ~int64 | float64} (a term with a tilde is {@code Unary("~", type)}). */
  public static final class Union extends Expr {
    public final List<Expr> terms;
    public Union(List<Expr> terms) { this.terms = terms; }
  }

  public static final class SliceExpr extends Expr {
    public final Expr x;
    public final Expr lo;
    public final Expr hi;
    public final Expr max;
    public SliceExpr(Expr x, Expr lo, Expr hi, Expr max) { this.x = x; this.lo = lo; this.hi = hi; this.max = max; }
  }

  public static final class TypeAssert extends Expr {
    public final Expr x;
    public final Expr type; // null for x.(type)
    public TypeAssert(Expr x, Expr type) { this.x = x; this.type = type; }
  }

  public static final class Call extends Expr {
    public final Expr fun;
    public final List<Expr> args;
    public final boolean ellipsis;
    public Call(Expr fun, List<Expr> args, boolean ellipsis) { this.fun = fun; this.args = args; this.ellipsis = ellipsis; }
  }

  public static final class Star extends Expr {
    public final Expr x;
    public Star(Expr x) { this.x = x; }
  }

  public static final class Unary extends Expr {
    public final String op;
    public final Expr x;
    public Unary(String op, Expr x) { this.op = op; this.x = x; }
  }

  public static final class Binary extends Expr {
    public final String op;
    public final Expr x;
    public final Expr y;
    public Binary(String op, Expr x, Expr y) { this.op = op; this.x = x; this.y = y; }
  }

  public static final class ArrayTypeExpr extends Expr {
    public final Expr len; // null: slice; Ellipsis: [...]T
    public final Expr elem;
    public ArrayTypeExpr(Expr len, Expr elem) { this.len = len; this.elem = elem; }
  }

  public static final class Ellipsis extends Expr {
    public final Expr elem; // may be null in [...]T
    public Ellipsis(Expr elem) { this.elem = elem; }
  }

  public static final class MapTypeExpr extends Expr {
    public final Expr key;
    public final Expr value;
    public MapTypeExpr(Expr key, Expr value) { this.key = key; this.value = value; }
  }

  public static final class ChanTypeExpr extends Expr {
    public final int dir; // 0 both, 1 send-only, 2 receive-only
    public final Expr elem;
    public ChanTypeExpr(int dir, Expr elem) { this.dir = dir; this.elem = elem; }
  }

  public static final class Field extends Node {
    public final List<String> names; // empty: anonymous/embedded
    public final Expr type;
    public Field(List<String> names, Expr type) { this.names = names; this.type = type; }
  }

  public static final class FuncTypeExpr extends Expr {
    public final List<Field> params = new ArrayList<>();
    public final List<Field> results = new ArrayList<>();
  }

  public static final class StructTypeExpr extends Expr {
    public final List<Field> fields = new ArrayList<>();
  }

  public static final class InterfaceTypeExpr extends Expr {
    public final List<Field> methods = new ArrayList<>(); // names.size()==1 + FuncTypeExpr, or embedded
  }

  // ---------------- statements ----------------
  public abstract static sealed class Stmt extends Node {
    /** Calls the visitor's method for this kind of statement. */
    public abstract void accept(StmtVisitor v);
  }

  /** One method per kind of statement. */
  public interface StmtVisitor {
    void visit(ExprStmt s);

    void visit(SendStmt s);

    void visit(IncDec s);

    void visit(Assign s);

    void visit(GoStmt s);

    void visit(DeferStmt s);

    void visit(Return s);

    void visit(Branch s);

    void visit(Block s);

    void visit(If s);

    void visit(Switch s);

    void visit(TypeSwitch s);

    void visit(Select s);

    void visit(For s);

    void visit(Range s);

    void visit(Labeled s);

    void visit(DeclStmt s);

    void visit(Empty s);
  }

  public static final class ExprStmt extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final Expr x;
    public ExprStmt(Expr x) { this.x = x; }
  }

  public static final class SendStmt extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final Expr ch;
    public final Expr value;
    public SendStmt(Expr ch, Expr value) { this.ch = ch; this.value = value; }
  }

  public static final class IncDec extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final Expr x;
    public final boolean inc;
    public IncDec(Expr x, boolean inc) { this.x = x; this.inc = inc; }
  }

  public static final class Assign extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final List<Expr> lhs;
    public final String op; // "=", ":=", "+=", ...
    public final List<Expr> rhs;
    public Assign(List<Expr> lhs, String op, List<Expr> rhs) { this.lhs = lhs; this.op = op; this.rhs = rhs; }
  }

  public static final class GoStmt extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final Call call;
    public GoStmt(Call call) { this.call = call; }
  }

  public static final class DeferStmt extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final Call call;
    public DeferStmt(Call call) { this.call = call; }
  }

  public static final class Return extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final List<Expr> results;
    public Return(List<Expr> results) { this.results = results; }
  }

  public static final class Branch extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final String tok; // break continue goto fallthrough
    public final String label;
    public Branch(String tok, String label) { this.tok = tok; this.label = label; }
  }

  public static final class Block extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final List<Stmt> stmts = new ArrayList<>();
    public int endLine;
  }

  public static final class If extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public Stmt init;
    public Expr cond;
    public Block then;
    public Stmt els; // Block or If
  }

  public static final class CaseClause extends Node {
    public final List<Expr> exprs; // null: default
    public final List<Stmt> body;
    public CaseClause(List<Expr> exprs, List<Stmt> body) { this.exprs = exprs; this.body = body; }
  }

  public static final class Switch extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public Stmt init;
    public Expr tag; // may be null
    public final List<CaseClause> cases = new ArrayList<>();
  }

  public static final class TypeSwitch extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public Stmt init;
    public String bind; // may be null
    public Expr x;
    public final List<CaseClause> cases = new ArrayList<>(); // exprs are types (or Ident nil)
  }

  public static final class CommClause extends Node {
    public final Stmt comm; // SendStmt, ExprStmt(<-ch), Assign(x[,ok] =/:= <-ch); null: default
    public final List<Stmt> body;
    public CommClause(Stmt comm, List<Stmt> body) { this.comm = comm; this.body = body; }
  }

  public static final class Select extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final List<CommClause> cases = new ArrayList<>();
  }

  public static final class For extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public Stmt init;
    public Expr cond;
    public Stmt post;
    public Block body;
  }

  public static final class Range extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public Expr key;
    public Expr value;
    public boolean define;
    public Expr x;
    public Block body;
  }

  public static final class Labeled extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final String label;
    public final Stmt stmt;
    public Labeled(String label, Stmt stmt) { this.label = label; this.stmt = stmt; }
  }

  public static final class DeclStmt extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
    public final GenDecl decl;
    public DeclStmt(GenDecl decl) { this.decl = decl; }
  }

  public static final class Empty extends Stmt {
    @Override public void accept(StmtVisitor v) { v.visit(this); }
  }

  // ---------------- declarations ----------------
  public static final class ValueSpec extends Node {
    public final List<String> names;
    public final Expr type;
    public final List<Expr> values;
    public final int iota;
    public ValueSpec(List<String> names, Expr type, List<Expr> values, int iota) {
      this.names = names;
      this.type = type;
      this.values = values;
      this.iota = iota;
    }
  }

  public static final class TypeSpec extends Node {
    public final String name;
    public final Expr type;
    public final boolean alias;
    public List<Field> typeParams = List.of(); // generic type: names and constraints
    public TypeSpec(String name, Expr type, boolean alias) { this.name = name; this.type = type; this.alias = alias; }
  }

  /** var, const or type declaration (one keyword, one or more specs). */
  public static final class GenDecl extends Node {
    public final String kind; // var const type
    public final List<Node> specs = new ArrayList<>();
    public GenDecl(String kind) { this.kind = kind; }
  }

  public static final class FuncDecl extends Node {
    public Field recv; // null for functions
    public String name;
    public FuncTypeExpr type;
    public Block body;
    public List<Field> typeParams = List.of(); // generic function: names and constraints
  }

  /** A parsed file. */
  public static final class File {
    public String pkg;
    public final List<String> imports = new ArrayList<>();
    public final List<Node> decls = new ArrayList<>(); // GenDecl or FuncDecl
  }
}
