#!/usr/bin/env python3
"""Writes a seed-data folder N times the size of the real one, for load benchmarks (not shipped data).

    bench/scale-seed.py 26 /tmp/seed-20x      # ~20x the nodes; then: ./gocause load --seed-data /tmp/seed-20x

Every entry but the sections and the knowledge header is repeated N times; copy k > 0 renames
every id of the copied entries with the suffix "-xK" and every reference to them, so each copy
is a consistent graph of its own (sharing the sections, which are referenced by number).
"""
import shutil
import sys
from pathlib import Path

import yaml

SHARED = {"sections.yaml", "knowledge.yaml"}


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: scale-seed.py N OUT_DIR  (N >= 1 copies of seed-data/)")
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    src = Path(__file__).resolve().parent.parent / "seed-data"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(src, out)
    files = sorted(p for p in out.glob("*.yaml") if p.name not in SHARED)
    docs = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in files}
    ids = {e["id"] for d in docs.values() for entries in d.values() if isinstance(entries, list)
           for e in entries if isinstance(e, dict) and "id" in e}

    def renamed(value, k):
        if isinstance(value, str):
            return value + "-x%d" % k if value in ids else value
        if isinstance(value, list):
            return [renamed(v, k) for v in value]
        if isinstance(value, dict):
            return {key: renamed(v, k) for key, v in value.items()}
        return value

    for p, d in docs.items():
        for key, entries in d.items():
            if isinstance(entries, list):
                d[key] = entries + [renamed(e, k) for k in range(1, n) for e in entries]
        p.write_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    print("wrote %s: %d copies of %d entries" % (out, n, len(ids)))


if __name__ == "__main__":
    main()
