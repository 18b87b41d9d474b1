"""Print how fast, and in how much memory, each entry point refuses each hostile input.

    python -m scripts.bench.hostile      (make bench-hostile)

Runs the real commands, `make lint`, `make generate`, `make check-generated`, `make diff`,
`make mock` and the smoke run, in a committed copy of the repository with one input of
scripts/fixtures/hostile.py planted at a time, and prints per command: wall seconds, peak memory,
exit status and the first line it printed. Target: every one under a second, non-zero, with
one located line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.fixtures import hostile

SPEC_COMMANDS = [
    "make lint",
    "make generate",
    "make check-generated",
    "make diff BASE=main",
    "make mock PORT=0",
    "smoke",
]
RECORDING_COMMANDS = ["make mock PORT=0", "smoke"]


def run(command: str, root: Path) -> tuple[float, int, str]:
    """(wall seconds, exit status, first line of stderr but make's own) of one command."""
    if command == "smoke":
        argv = [sys.executable, "-m", "scripts.build.smoke"]
    else:
        argv = ["make", "-o", ".build/venv.stamp", "-o", ".build/node.stamp", f"PYTHON={sys.executable}"]
        argv += command.split()[1:]
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    first = next((line for line in stderr.splitlines() if not line.startswith("make")), "")
    return elapsed, process.returncode, first


def measured(command: str, root: Path) -> tuple[float, float, int, str]:
    """(wall seconds, peak RSS in MB, exit status, first line): run() in a process of its own,
    so that its RUSAGE_CHILDREN peak is this command's alone, not the worst of every run."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the command, report, exit
        os.close(read)
        import resource

        elapsed, status, first = run(command, root)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        os.write(write, f"{elapsed}\t{peak_mb}\t{status}\t{first}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        elapsed_text, peak_text, status_text, first = pipe.read().split("\t", 3)
    os.waitpid(pid, 0)
    return float(elapsed_text), float(peak_text), int(status_text), first


def main() -> int:
    rows, worst, failures = [], 0.0, []
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as scratch:
        root = hostile.sandbox(Path(scratch) / "repo")
        git = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
        for step in (
            ["init", "--quiet", "--initial-branch=main"],
            ["add", "--all"],
            ["commit", "--quiet", "-m", "base"],
        ):
            subprocess.run([*git, *step], cwd=root, check=True)
        cases = [(case, SPEC_COMMANDS) for case in hostile.SPEC_INPUTS]
        cases += [(case, RECORDING_COMMANDS) for case in hostile.RECORDING_INPUTS]
        for case, commands in cases:
            hostile.plant(case, root)
            for command in commands:
                elapsed, peak, status, first = measured(command, root)
                worst = max(worst, elapsed)
                if status == 0 or not first or "Traceback" in first:
                    failures.append(f"{case.name}: {command}")
                shown = first if len(first) <= 90 else first[:87] + "..."
                rows.append(f"| {case.name} | `{command}` | {elapsed:.2f} s | {peak:.0f} MB | {status} | `{shown}` |")
            subprocess.run(["git", "checkout", "--quiet", "--", "."], cwd=root, check=True)
    print("| input | command | wall | peak RSS | exit | first line |\n|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nslowest: {worst:.2f} s (target: under 1 s); runs that failed to refuse cleanly: {len(failures)}")
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
