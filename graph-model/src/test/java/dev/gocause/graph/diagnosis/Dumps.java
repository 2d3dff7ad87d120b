package dev.gocause.graph.diagnosis;

/** Synthetic goroutine dumps in Go 1.19's format, for size tests (speed: bench/run.sh). */
final class Dumps {
  private Dumps() {}

  /** {@code n} goroutines blocked sending in main.lookupPrice, plus main sleeping. */
  static String synthetic(int n) {
    StringBuilder b = new StringBuilder(n * 260);
    b.append("SIGQUIT: quit\nPC=0x461541 m=0 sigcode=0\n\n");
    b.append("goroutine 1 [sleep]:\ntime.Sleep(0x34630b8a000)\n\t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135\n")
        .append("main.main()\n\t/app/main.go:35 +0xac\n\n");
    for (int i = 0; i < n; i++) {
      b.append("goroutine ").append(i + 20).append(" [chan send, ").append(i % 7 + 1).append(" minutes]:\n")
          .append("runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6\n")
          .append("runtime.chansend1(0xc0000").append(Integer.toHexString(0x10000 + i)).append(", 0x0?)\n")
          .append("\t/usr/lib/go-1.19/src/runtime/chan.go:145 +0x1d\n")
          .append("main.lookupPrice(0x").append(Integer.toHexString(i)).append(", 0xc000110000)\n")
          .append("\t/app/main.go:16 +0x45\ncreated by main.handle\n\t/app/main.go:21 +0x8a\n\n");
    }
    return b.toString();
  }
}
