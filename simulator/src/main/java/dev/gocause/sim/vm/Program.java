package dev.gocause.sim.vm;

import java.util.ArrayList;
import java.util.List;

/** A compiled Go program: its entry code, globals and the test functions it declares. */
public final class Program {
  public final String file;
  public FuncCode init; // initializes globals, runs init() functions, then main.main (or the tests)
  public int nGlobals;
  public final List<String> tests = new ArrayList<>();
  public boolean hasMain;

  public Program(String file) {
    this.file = file;
  }
}
