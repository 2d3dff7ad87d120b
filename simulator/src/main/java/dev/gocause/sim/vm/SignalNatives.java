package dev.gocause.sim.vm;

import static dev.gocause.sim.vm.Natives.*;

import dev.gocause.sim.vm.Values.Iface;
import java.util.List;

/**
 * Library model of os.Signal and os/signal as channels: Notify registers a channel that no signal ever reaches (a
 * simulated process receives none), so code that waits for a signal blocks like a server nobody stops. Registered by
 * import path from {@link Natives}.
 */
final class SignalNatives {
  private SignalNatives() {}

  static void registerSignals() {
    Type.Interface si = new Type.Interface();
    si.methods.put("String", sig(List.of(), List.of(Type.STRING)));
    si.methods.put("Signal", sig(List.of(), List.of()));
    Type.Named signal = new Type.Named("os.Signal", si);
    type("os", "Signal", signal);
    Type.Named sys = new Type.Named("syscall.Signal", Type.INT);
    method(sys, "String", false, sig(List.of(), List.of(Type.STRING)),
        pure((m, g, f, a) -> f.push(((Long) a[0]) == 2L ? "interrupt" : ((Long) a[0]) == 9L ? "killed" : "signal " + a[0])));
    method(sys, "Signal", false, sig(List.of(), List.of()), pure((m, g, f, a) -> {}));
    var("os", "Interrupt", signal, new Iface(sys, 2L));
    var("os", "Kill", signal, new Iface(sys, 9L));
    String p = "os/signal";
    Type.Chan ch = new Type.Chan(signal, 1);
    Type sigs = new Type.Slice(signal);
    fn(p, "Notify", vsig(List.of(ch, sigs), List.of()), pure((m, g, f, a) -> m.signalWatcher = true));
    fn(p, "Stop", sig(List.of(ch), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "Ignore", vsig(List.of(sigs), List.of()), pure((m, g, f, a) -> {}));
    fn(p, "Reset", vsig(List.of(sigs), List.of()), pure((m, g, f, a) -> {}));
  }
}
