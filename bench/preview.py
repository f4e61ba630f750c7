#!/usr/bin/env python3
"""Times `reap preview`: how long after a save the served page shows it.

Starts the preview (the java the launcher picks, with the launcher's JVM flags, on
target/reap.jar) on a copy of plans/, then RUNS times: changes a milestone's note in
plans/sacramento-score/milestones.yaml and waits for the timeline page to show the new text;
puts in a mistake and waits for the page of errors; fixes it and waits for the timeline again.
Polls the page every 20 ms (over HTTP, as the browser's reload would fetch it). Prints the
median, min and max of each, and the first build. Figures go in docs/performance.md.

    python3 bench/preview.py [--runs 10] [--full-jit]   (--full-jit: without the launcher's C1-only flag)
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode("utf-8")


def wait_for(url, text, timeout=30.0, unless=None):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        body = fetch(url)
        if text in body and (unless is None or unless not in body):
            return
        time.sleep(0.02)
    raise SystemExit(f"bench: {url} did not show {text!r} within {timeout} s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--full-jit", action="store_true", help="leave out the launcher's -XX:TieredStopAtLevel=1")
    a = ap.parse_args()
    java = subprocess.run([os.path.join(ROOT, "reap")], env=dict(os.environ, REAP_PRINT_JAVA="1"), capture_output=True, text=True, check=True).stdout.strip()
    jar = os.path.join(ROOT, "target", "reap.jar")
    if not os.path.isfile(jar):
        raise SystemExit("bench: build target/reap.jar first (./reap --version)")
    work = tempfile.mkdtemp(prefix="reap-bench-preview-")
    try:
        shutil.copytree(os.path.join(ROOT, "plans"), os.path.join(work, "plans"))
        flags = ["-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"] + ([] if a.full_jit else ["-XX:TieredStopAtLevel=1"])
        p = subprocess.Popen([java] + flags + ["-jar", jar, "preview", "--as-of", "2024-10-29"], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            first = p.stdout.readline()
            url = re.search(r"http://127\.0\.0\.1:\d+/", first).group(0)
            ready = p.stdout.readline().strip()
            yaml = os.path.join(work, "plans", "sacramento-score", "milestones.yaml")
            page = url + "score-2024-timeline.html"
            original = open(yaml, encoding="utf-8").read()
            m = re.search(r"^(\s+)status: (planned|done|in-progress)$", original, re.M)
            if not m or not re.search(r"score-2024-timeline", fetch(url)):
                raise SystemExit("bench: plans/ changed; update bench/preview.py")
            change, error, fix = [], [], []
            for i in range(a.runs):
                note = f"Bench note {i}."
                edited = original[: m.end()] + f"\n{m.group(1)}notes: {note}" + original[m.end():]
                t0 = time.monotonic(); open(yaml, "w", encoding="utf-8").write(edited); wait_for(page, note, unless="problem to fix"); change.append(time.monotonic() - t0)
                broken = edited[: m.start()] + f"{m.group(1)}status: finished" + edited[m.end():]
                t0 = time.monotonic(); open(yaml, "w", encoding="utf-8").write(broken); wait_for(page, "problem to fix"); error.append(time.monotonic() - t0)
                t0 = time.monotonic(); open(yaml, "w", encoding="utf-8").write(edited); wait_for(page, note, unless="problem to fix"); fix.append(time.monotonic() - t0)
            print(f"{ready}  [{'full JIT' if a.full_jit else 'C1 only, as the launcher runs it'}, {a.runs} runs, load {os.getloadavg()[0]:.1f}]")
            for name, xs in (("edit -> page", change), ("mistake -> errors", error), ("fix -> page", fix)):
                print(f"  {name:18} median {statistics.median(xs):.2f} s  min {min(xs):.2f}  max {max(xs):.2f}")
        finally:
            p.terminate()
            p.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
