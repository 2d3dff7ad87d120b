"""Protocol scenarios the conformance suite does not cover; prints one JSON line per check.

usage: kernel_protocol.py forged-signature | interrupt | limits | startup N | orphan | diagnose-code SOURCE_DIR DUMP_FILE
       | diagnose-text NAME=TEXT... | cells NAME=CELL...
"""
import json
import statistics
import os
import tempfile
import sys
import time

from jupyter_client.manager import KernelManager, start_new_kernel
from jupyter_client.session import Session


def drain(kc, msg_id, timeout=5):
    """iopub messages of one request until idle."""
    msgs = []
    end = time.time() + timeout
    while time.time() < end:
        try:
            m = kc.get_iopub_msg(timeout=max(0.1, end - time.time()))
        except Exception:
            break
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    return msgs


def plain_of(msgs):
    return "\n".join(m["content"]["data"].get("text/plain", "") for m in msgs
                     if m["msg_type"] in ("execute_result", "display_data"))


def forged_signature():
    km, kc = start_new_kernel(kernel_name="gocause", startup_timeout=60)
    try:
        kc.execute("%lang en", reply=True, timeout=30)
        # a message signed with the wrong key, asking to switch the language
        forger = Session(key=b"not-the-kernel-key", username="mallory")
        forged = forger.msg("execute_request", content={
            "code": "%lang zh", "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forger.send(kc.shell_channel.socket, forged)
        time.sleep(1.0)
        got_forged_reply = False
        try:
            while True:
                r = kc.get_shell_msg(timeout=0.5)
                if r["parent_header"].get("msg_id") == forged["header"]["msg_id"]:
                    got_forged_reply = True
        except Exception:
            pass
        t0 = time.time()
        msg_id = kc.execute("%lang")
        reply = kc.get_shell_msg(timeout=15)
        answered = time.time() - t0
        text = plain_of(drain(kc, msg_id))
        print(json.dumps({"check": "forged-signature", "forgedExecuted": got_forged_reply or "中文" in text,
                          "nextStatus": reply["content"]["status"], "nextText": text,
                          "answeredSeconds": round(answered, 3)}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def interrupt():
    km, kc = start_new_kernel(kernel_name="gocause", startup_timeout=60)
    try:
        warm = kc.execute("%cypher RETURN 1", reply=True, timeout=300)
        long_cell = "%cypher UNWIND range(1, 3000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)"
        msg_id = kc.execute(long_cell)
        time.sleep(3)
        t0 = time.time()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=30)
        stopped = time.time() - t0
        next_reply = kc.execute("%lang en", reply=True, timeout=30)
        again = kc.execute("%cypher RETURN 41 + 1 AS answer", reply=True, timeout=60)
        print(json.dumps({"check": "interrupt", "warm": warm["content"]["status"],
                          "interruptedStatus": reply["content"]["status"],
                          "interruptedName": reply["content"].get("ename"),
                          "sameRequest": reply["parent_header"].get("msg_id") == msg_id,
                          "stoppedSeconds": round(stopped, 3),
                          "nextStatus": next_reply["content"]["status"],
                          "graphAfterStatus": again["content"]["status"],
                          "alive": km.is_alive()}))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


UNBOUNDED_ALLOC = """%%go --schedules 2
package main

func main() {
	var keep [][]int
	for {
		keep = append(keep, make([]int, 1<<16))
	}
}
"""

UNBOUNDED_SPAWN = """%%go --schedules 2
package main

import "time"

func main() {
	for {
		go func() { time.Sleep(time.Hour) }()
	}
}
"""


def limits():
    """Two cells whose programs never stop growing: each must end in LIMIT, as text, with no Java exception."""
    km, kc = start_new_kernel(kernel_name="gocause", startup_timeout=60)
    try:
        out = {"check": "limits"}
        for name, cell in (("alloc", UNBOUNDED_ALLOC), ("spawn", UNBOUNDED_SPAWN)):
            msg_id = kc.execute(cell)
            reply = kc.get_shell_msg(timeout=300)
            msgs = drain(kc, msg_id, timeout=60)
            errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
            out[name] = {"status": reply["content"]["status"], "text": plain_of(msgs),
                         "errors": [e.get("ename", "") + ": " + e.get("evalue", "") + "\n".join(e.get("traceback", [])) for e in errors]}
        out["alive"] = km.is_alive()
        print(json.dumps(out))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


PASTED_DEADLOCK = """%%diagnose --simulation-budget 5000
my program never exits
```go
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			if n == 1 {
				return
			}
			wg.Done()
		}(i)
	}
	wg.Wait()
}
```
"""


def diagnose_code(source_dir, dump_file):
    """%%diagnose on pasted code that runs (simulated), and on a real dump with --source (the frames' file read)."""
    with open(dump_file, encoding="utf-8") as f:
        dump = f.read()
    print(json.dumps(run_cells("diagnose-code", (("pasted", PASTED_DEADLOCK),
                                                 ("source", "%%diagnose --source " + source_dir + "\n" + dump)))))


def diagnose_text(cells):
    """%%diagnose on written descriptions, one cell each (NAME=TEXT): the text and HTML the kernel shows."""
    named = [spec.split("=", 1) for spec in cells]
    print(json.dumps(run_cells("diagnose-text", [(name, "%%diagnose\n" + text) for name, text in named])))


def cells(specs):
    """Any cells, one each (NAME=CELL): the text, HTML, errors and traceback (with its hint) the kernel shows."""
    print(json.dumps(run_cells("cells", [spec.split("=", 1) for spec in specs])))


def run_cells(check, cells):
    """Runs (NAME, CELL) pairs in one new kernel: per name, the reply status, the text and HTML shown, the errors."""
    km, kc = start_new_kernel(kernel_name="gocause", startup_timeout=60)
    try:
        out = {"check": check}
        for name, cell in cells:
            msg_id = kc.execute(cell)
            reply = kc.get_shell_msg(timeout=300)
            msgs = drain(kc, msg_id, timeout=60)
            errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
            html = "\n".join(m["content"]["data"].get("text/html", "") for m in msgs
                             if m["msg_type"] in ("execute_result", "display_data"))
            out[name] = {"status": reply["content"]["status"], "text": plain_of(msgs), "html": html,
                         "errors": [e.get("ename", "") + ": " + e.get("evalue", "") for e in errors],
                         "traceback": "\n".join(line for e in errors for line in e.get("traceback", []))}
        return out
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def startup(n):
    times, jvm, cpu = [], [], []
    for _ in range(n):
        km = KernelManager(kernel_name="gocause")
        log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)
        t0 = time.time()
        km.start_kernel(stderr=log)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        times.append(time.time() - t0)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        with open(log.name, encoding="utf-8", errors="replace") as f:
            err = f.read()
        os.unlink(log.name)
        for line in err.splitlines():
            if line.startswith("gocause kernel ready in "):
                words = line.split()
                jvm.append(int(words[4]) / 1000.0)
                cpu.append(int(words[11]) / 1000.0)
    print(json.dumps({"check": "startup", "seconds": times, "median": statistics.median(times),
                      "jvmReadySeconds": jvm, "jvmCpuSeconds": cpu}))


def orphan():
    """Starts a kernel, prints its pid, then waits to be killed (the JUnit test kills us)."""
    km = KernelManager(kernel_name="gocause")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    print(json.dumps({"check": "orphan", "kernelPid": km.provisioner.process.pid}), flush=True)
    time.sleep(600)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "forged-signature":
        forged_signature()
    elif mode == "interrupt":
        interrupt()
    elif mode == "limits":
        limits()
    elif mode == "startup":
        startup(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    elif mode == "orphan":
        orphan()
    elif mode == "diagnose-code":
        diagnose_code(sys.argv[2], sys.argv[3])
    elif mode == "diagnose-text":
        diagnose_text(sys.argv[2:])
    elif mode == "cells":
        cells(sys.argv[2:])
    else:
        sys.exit("unknown mode " + mode)
