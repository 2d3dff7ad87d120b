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
  /** func TestMain(m *testing.M): called instead of running the tests; m.Run runs them. */
  public boolean hasTestMain;
  /** go test's runner: runs every selected TestXxx, then the parallel ones, and returns the exit code (test mode). */
  public FuncCode testRunner;

  public Program(String file) {
    this.file = file;
  }
}
