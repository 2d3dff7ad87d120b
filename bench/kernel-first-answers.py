#!/usr/bin/python3
"""How soon a fresh gocause kernel answers, with no graph running: per run, a new kernel
answers `%cause ID` and another new kernel answers `%diagnose TEXT`; prints one JSON line per
run (seconds: kernel start -> ready, the first cell's own time, start -> first answer) and
the medians.

usage: bench/kernel-first-answers.py [RUNS]   (default 5; the kernelspec "gocause" must be
installed where Jupyter looks, e.g. JUPYTER_DATA_DIR=DIR ./gocause kernel install --user)
"""
import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELLS = {
    "cause": "%cause send-on-closed-channel",
    "diagnose": "%diagnose panic: send on closed channel",
}


def first_answer(code):
    km = KernelManager(kernel_name="gocause")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        t1 = time.monotonic()
        reply = kc.execute(code, reply=True, timeout=120)
        t2 = time.monotonic()
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"{code!r} failed: {reply['content']}")
        return {"ready": round(t1 - t0, 3), "cell": round(t2 - t1, 3), "startToAnswer": round(t2 - t0, 3)}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    results = {name: [] for name in CELLS}
    for i in range(runs):
        for name, code in CELLS.items():
            r = first_answer(code)
            results[name].append(r)
            print(json.dumps({"run": i + 1, "first": name, **r}), flush=True)
    for name, rs in results.items():
        summary = {k: {"min": min(r[k] for r in rs), "median": statistics.median(r[k] for r in rs),
                       "max": max(r[k] for r in rs)} for k in ("ready", "cell", "startToAnswer")}
        print(json.dumps({"first": name, "runs": runs, **summary}))


if __name__ == "__main__":
    main()
