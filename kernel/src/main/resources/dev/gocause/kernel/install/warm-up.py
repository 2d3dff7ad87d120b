"""Takes a gocause kernel through a typical first minute (a look-up, a diagnosis, a drawing,
completion, help) and shuts it down cleanly, so that the class-data archive its JVM writes at
exit (-XX:ArchiveClassesAtExit in the kernelspec) holds the classes a kernel start uses.

usage: python3 warm-up.py KERNEL_NAME   (JUPYTER_DATA_DIR names where that kernelspec is)
Exits 0 when the kernel answered and was asked to shut down, 1 otherwise (reason on stderr);
whether the archive is usable is checked by the JVM afterwards.
"""
import sys

from jupyter_client.manager import KernelManager

CELLS = [
    "%cause send-on-closed-channel",
    "%diagnose panic: send on closed channel",
    "%graph send-on-closed-channel",
    "%help",
]


def main():
    km = KernelManager(kernel_name=sys.argv[1])
    km.shutdown_wait_time = 120  # the JVM writes the archive while it exits
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        for code in CELLS:
            # an answer that is an error (an id renamed in seed-data) still loads the classes
            kc.execute(code, reply=True, timeout=120)
        kc.complete("%cau", 4, reply=True, timeout=60)
        kc.inspect("%cause send-on-closed-channel", 20, reply=True, timeout=60)
    except Exception as e:  # noqa: BLE001 - any failure means no archive, said in one line
        print(f"warm-up: {type(e).__name__}: {e}", file=sys.stderr)
        km.shutdown_kernel(now=True)
        return 1
    finally:
        kc.stop_channels()
    km.shutdown_kernel(now=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
