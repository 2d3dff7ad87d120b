#!/usr/bin/python3
"""How soon `./gocause up` prints `gocause ready` on a fresh store: per run, a new store folder
(deleted afterwards), free Bolt and API ports, then Ctrl-C once ready. Prints one JSON line per
run (seconds: start -> each line up prints, start -> ready, the CPU time the JVM had used when
ready, ready -> stopped) and the medians. The CPU time says more than the wall time on a busy
machine.

usage: bench/up-ready.py [RUNS] [--keep-store]   (default 1 run; --keep-store reuses one store
folder for every run, so runs after the first time a restart with the knowledge already loaded)
"""
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def jvm_cpu_seconds(group):
    """User + system CPU seconds of the java process in the process group (the launcher's child)."""
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        comm = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        if comm == "java" and int(fields[2]) == group:
            return round((int(fields[11]) + int(fields[12])) / tick, 2)
    return None


def one_run(store):
    env = dict(os.environ, GOCAUSE_DATA=str(store), GOCAUSE_BOLT_PORT="0", GOCAUSE_API_PORT="0")
    t0 = time.monotonic()
    p = subprocess.Popen([str(ROOT / "gocause"), "up"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         env=env, text=True, start_new_session=True)
    lines = {}
    try:
        for line in p.stdout:
            key = line.strip().split(" ", 2)[1] if line.startswith("gocause: ") else line.strip()
            lines.setdefault(key[:30], round(time.monotonic() - t0, 3))
            if line.strip() == "gocause ready":
                break
        else:
            raise SystemExit("gocause up ended before 'gocause ready' (exit %s)" % p.wait())
        ready = time.monotonic() - t0
        cpu = jvm_cpu_seconds(p.pid)
    finally:
        os.killpg(p.pid, signal.SIGINT)
        try:
            p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    return {"ready": round(ready, 3), "cpuAtReady": cpu, "stop": round(time.monotonic() - t0 - ready, 3), "lines": lines}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    keep = "--keep-store" in sys.argv
    runs = int(args[0]) if args else 1
    results = []
    shared = Path(tempfile.mkdtemp(prefix="gocause-up-bench-")) if keep else None
    try:
        for i in range(runs):
            store = shared or Path(tempfile.mkdtemp(prefix="gocause-up-bench-"))
            try:
                r = one_run(store)
            finally:
                if not keep:
                    shutil.rmtree(store, ignore_errors=True)
            results.append(r)
            print(json.dumps({"run": i + 1, **r}), flush=True)
    finally:
        if shared:
            shutil.rmtree(shared, ignore_errors=True)
    if runs > 1:
        summary = {}
        for key in ("ready", "cpuAtReady"):
            values = [r[key] for r in results if r[key] is not None]
            summary[key] = {"min": min(values), "median": statistics.median(values), "max": max(values)}
        print(json.dumps({"runs": runs, **summary}))


if __name__ == "__main__":
    main()
