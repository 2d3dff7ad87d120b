"""Executes notebooks with nbclient on the gocause kernel and writes the executed copies.

usage: run_notebooks.py OUT_DIR NOTEBOOK...
Exit status 0 when every notebook ran; the JUnit test then checks the outputs' content.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for path in sys.argv[2:]:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name="gocause", timeout=300, startup_timeout=60,
                                allow_errors=True, resources={"metadata": {"path": os.path.dirname(path)}})
        started = time.time()
        try:
            client.execute()
        except Exception as e:  # a kernel that died or timed out
            print("FAILED %s: %s" % (path, str(e).splitlines()[0] if str(e) else type(e).__name__))
            failed += 1
        out = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(nb, out)
        print("executed %s in %.1fs -> %s" % (path, time.time() - started, out))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
