package dev.gocause.sim.reference;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the Go toolchain for the reference tests: skip when absent, fail under CI=true. */
final class GoToolchain {

    private GoToolchain() {
    }

    static Path require() {
        Optional<Path> go = RealGo.locateGo();
        if (go.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Go toolchain not found but CI=true: install golang-go (Go 1.19) or set GOCAUSE_GO");
            }
            assumeTrue(false, "Go toolchain not found; real-Go reference tests skipped (set GOCAUSE_GO or install golang-go)");
        }
        return go.get();
    }
}
