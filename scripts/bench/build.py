"""Print the build and test figures the project holds itself to, as a Markdown table.

    python -m scripts.bench.build [--runs N] [--skip-fresh-clone]

1. regeneration: the two `python -m scripts.build.generate SPEC` runs that `make generate` makes,
   against the two bare `openapi-python-client generate` calls on the same specs (median of
   N runs each; target: at most 1.5x);
2. `make generate` with nothing changed (median and worst of N; target: at most 1.5 s, and
   it must regenerate nothing);
3. `make test` once (target: at most 45 s);
4. a fresh `git clone` of the committed HEAD to a green `make test`, with empty uv, pip and
   npm caches, so every package is downloaded as on a new machine (target: at most 2 min).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from scripts.core.paths import ROOT
from scripts.core.targets import targets


def timed(command: Sequence[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"`{' '.join(command)}` failed:\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout + result.stderr


def regeneration(runs: int) -> tuple[float, float]:
    python = str(Path(sys.executable))
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(runs):
            ours.append(sum(timed([python, "-m", "scripts.build.generate", t.name])[0] for t in targets()))
            bare.append(
                sum(
                    timed(
                        [
                            str(Path(sys.executable).parent / "openapi-python-client"),
                            "generate",
                            "--path",
                            str(t.spec_path),
                            "--config",
                            str(t.config_path),
                            "--meta",
                            "uv",
                            "--overwrite",
                            "--output-path",
                            str(Path(scratch) / t.project_name),
                        ],
                        env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"},
                    )[0]
                    for t in targets()
                )
            )
    return statistics.median(ours), statistics.median(bare)


def noop_generate(runs: int) -> tuple[float, float]:
    timed(["make", "generate"])  # bring every stamp up to date first
    times = []
    for _ in range(runs):
        elapsed, output = timed(["make", "generate"])
        if "scripts.build.generate" in output or "redocly" in output:
            sys.exit(f"`make generate` rebuilt something with nothing changed:\n{output}")
        times.append(elapsed)
    return statistics.median(times), max(times)


def fresh_clone_to_green() -> float:
    with tempfile.TemporaryDirectory(prefix="fresh-clone-") as scratch:
        clone = Path(scratch) / "repo"
        env = {
            **os.environ,
            "UV_CACHE_DIR": f"{scratch}/uv-cache",
            "PIP_NO_CACHE_DIR": "1",
            "npm_config_cache": f"{scratch}/npm-cache",
        }
        env.pop("VIRTUAL_ENV", None)
        start = time.perf_counter()
        timed(["git", "clone", "--quiet", str(ROOT), str(clone)], env=env)
        timed(["make", "test"], cwd=clone, env=env)
        return time.perf_counter() - start


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-fresh-clone", action="store_true")
    args = parser.parse_args(argv)

    print(f"Measuring on {os.cpu_count()} cores, {args.runs} runs where repeated …", file=sys.stderr)
    ours, bare = regeneration(args.runs)
    noop_median, noop_worst = noop_generate(max(args.runs, 5))
    test_time, _ = timed(["make", "test"])
    rows = [
        ("regeneration step of `make generate`", f"{ours:.2f} s vs bare generator {bare:.2f} s = {ours / bare:.2f}x",
         "<= 1.5x"),
        ("`make generate`, nothing changed", f"median {noop_median:.2f} s, worst {noop_worst:.2f} s, nothing rebuilt",
         "<= 1.5 s"),
        ("`make test`", f"{test_time:.1f} s", "<= 45 s"),
    ]  # fmt: skip
    if not args.skip_fresh_clone:
        rows.append(("fresh clone to green `make test` (empty caches)", f"{fresh_clone_to_green():.1f} s", "<= 120 s"))
    print("| measure | figure | target |\n|---|---|---|")
    for measure, figure, target in rows:
        print(f"| {measure} | {figure} | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
