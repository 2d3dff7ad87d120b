package dev.gocause.kernel.magic;

import dev.gocause.kernel.cell.KernelError;
import dev.gocause.kernel.render.Output;
import java.util.List;

/** {@code %%go}: simulate the Go program in the cell body under many schedules. */
public final class GoMagic extends SimpleMagic {
  public GoMagic() {
    super("go", "%%go [--schedules N] [--seed S] [--strategy random|pct|dfs] [--max-steps N] [--max-goroutines N] [--max-heap MIB] [--max-trace N] + Go source",
        "Simulate the Go program in the cell (package main, a _test.go file or plain statements) under many schedules.",
        "在模拟器中以多种调度运行单元格里的 Go 程序（package main、_test.go 文件或语句片段）。",
        List.of("%%go\npackage main\n\nfunc main() {\n\tch := make(chan int)\n\tch <- 1\n}"), ArgKind.NONE, Simulations.FLAGS);
  }

  @Override
  public boolean lineForm() {
    return false;
  }

  @Override
  public boolean cellForm() {
    return true;
  }

  @Override
  public List<Output> run(Invocation inv, Session s) {
    inv.checkFlags(flags());
    if (!inv.positional(Simulations.FLAGS).isEmpty()) {
      throw new KernelError("%%go takes only flags on its line", "put the Go source below the %%go line");
    }
    if (inv.body().isBlank()) {
      throw new KernelError("%%go needs a Go program below it", "e.g.\n" + examples().get(0));
    }
    return Simulations.render(Simulations.run(Simulations.request(inv.body(), "/cell/main.go", inv), s), null, s);
  }
}
