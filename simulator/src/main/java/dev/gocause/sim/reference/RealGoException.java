package dev.gocause.sim.reference;

/** A Go program could not be built or run by the reference harness; the message says which and why. */
public final class RealGoException extends RuntimeException {
    public RealGoException(String message) {
        super(message);
    }
}
