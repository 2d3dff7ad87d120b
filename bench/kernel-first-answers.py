#!/usr/bin/python3
"""How soon a fresh gocause kernel answers, with no graph running (issue 16's targets: kernel
start -> first `%cause` answer <= 0.5 s, kernel start -> first `%diagnose` answer <= 2 s).

Per run, a new kernel answers `%cause ID` and another new kernel answers `%diagnose TEXT`. The
clock starts when the kernel process is launched and stops when the client holds the answer:
the cell's output on IOPub and its execute_reply. By default the client sends `kernel_info`
right after connecting (ZeroMQ queues it until the kernel binds) and the cell as soon as IOPub
has carried a message (the kernel's status around that kernel_info, usually there with its reply),
as Jupyter's server holds a frontend's first cell until then; `ready` is when the first
kernel_info_reply arrived. With --after-ready the client first runs jupyter_client's
wait_for_ready (as nbclient does: it also waits for 0.2 s of IOPub silence), then sends the cell.

Prints one JSON line per run (seconds: start -> kernel_info_reply, start -> answer, and the
kernel JVM's CPU seconds, all threads, at the answer) and then min/median/max per figure.

usage: bench/kernel-first-answers.py [RUNS] [--after-ready] [--kernel NAME]
  RUNS defaults to 5; the kernelspec NAME (default "gocause") must be installed where Jupyter
  looks, e.g. JUPYTER_DATA_DIR=DIR ./gocause kernel install --user, with the same
  JUPYTER_DATA_DIR when this runs. The install's warm-up kernel leaves the compiled seed-data
  in GOCAUSE_CACHE; with another GOCAUSE_CACHE the first run writes it: run once before counting.
  Refuses to run while a graph answers on 127.0.0.1:7687 or NEO4J_URI is set (the kernel would
  use that graph).
"""
import argparse
import json
import os
import queue
import socket
import statistics
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

CELLS = {
    "cause": "%cause send-on-closed-channel",
    "diagnose": "%diagnose panic: send on closed channel",
}
TIMEOUT_S = 120
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of every thread of the process so far."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def first_answer(code, kernel, after_ready):
    km = KernelManager(kernel_name=kernel)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        pid = km.provisioner.pid
        ready = None
        if after_ready:
            kc.wait_for_ready(timeout=60)
            ready = time.monotonic() - t0
        else:
            kc.kernel_info()
            # the cell goes once IOPub has carried a message, as Jupyter's server holds a frontend's
            # first cell until then: sent at once, its output could be published before the
            # subscription reached the kernel, and was lost. Asked again only after a reply, so no
            # kernel_info piles up in front of the cell while the kernel starts.
            subscribed = False
            while not subscribed:
                if time.monotonic() > t0 + TIMEOUT_S:
                    raise SystemExit(f"no IOPub message within {TIMEOUT_S} s")
                if not km.is_alive():
                    raise SystemExit(f"{code!r}: the kernel died")
                try:
                    kc.get_iopub_msg(timeout=0.002)
                    subscribed = True
                except queue.Empty:
                    pass
                try:
                    msg = kc.get_shell_msg(timeout=0.002)
                    if msg["msg_type"] == "kernel_info_reply":
                        ready = ready or time.monotonic() - t0
                        if not subscribed:
                            kc.kernel_info()
                except queue.Empty:
                    pass
        exec_id = kc.execute(code)
        reply = output = None
        deadline = t0 + TIMEOUT_S
        while reply is None or output is None:
            if time.monotonic() > deadline:
                raise SystemExit(f"{code!r}: no answer within {TIMEOUT_S} s (reply {reply}, output {output})")
            if not km.is_alive():
                raise SystemExit(f"{code!r}: the kernel died")
            for receive in (kc.get_shell_msg, kc.get_iopub_msg):
                try:
                    msg = receive(timeout=0.005)
                except queue.Empty:
                    continue
                now = time.monotonic() - t0
                parent = msg["parent_header"].get("msg_id")
                kind = msg["msg_type"]
                if kind == "kernel_info_reply" and not after_ready and ready is None:
                    ready = now
                elif kind == "execute_reply" and parent == exec_id:
                    if msg["content"]["status"] != "ok":
                        raise SystemExit(f"{code!r} failed: {msg['content']}")
                    reply = now
                elif kind in ("display_data", "execute_result") and parent == exec_id:
                    output = now
        cpu = cpu_seconds(pid)
        return {"ready": round(ready, 3), "startToAnswer": round(max(reply, output), 3), "cpu": round(cpu, 2)}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def graph_running():
    """What the kernel would connect to instead of answering from seed-data, if anything."""
    if os.environ.get("NEO4J_URI"):
        return "NEO4J_URI is set"
    try:
        socket.create_connection(("127.0.0.1", 7687), timeout=0.5).close()
        return "something listens on 127.0.0.1:7687 (a `gocause up`?)"
    except OSError:
        return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("runs", nargs="?", type=int, default=5)
    p.add_argument("--after-ready", action="store_true", help="send the cell after wait_for_ready (nbclient's way)")
    p.add_argument("--kernel", default="gocause", help="kernelspec name (default gocause)")
    a = p.parse_args()
    busy = graph_running()
    if busy:
        raise SystemExit(f"not measuring: {busy}; these figures are for a kernel with no graph running")
    # jupyter_client's first kernelspec look-up in a process imports a few hundred modules
    # (about 0.3 s before the JVM is launched); a frontend has done that long before it starts
    # a kernel, so it is done here before any clock runs (it also checks the name)
    KernelSpecManager().get_kernel_spec(a.kernel)
    results = {name: [] for name in CELLS}
    for i in range(a.runs):
        for name, code in CELLS.items():
            r = first_answer(code, a.kernel, a.after_ready)
            results[name].append(r)
            print(json.dumps({"run": i + 1, "first": name, **r}), flush=True)
    load = os.getloadavg()[0]
    for name, rs in results.items():
        summary = {k: {"min": min(r[k] for r in rs), "median": statistics.median(r[k] for r in rs),
                       "max": max(r[k] for r in rs)} for k in ("ready", "startToAnswer", "cpu")}
        print(json.dumps({"first": name, "runs": a.runs, "kernel": a.kernel, "afterReady": a.after_ready,
                          "load1": round(load, 1), **summary}))


if __name__ == "__main__":
    main()
