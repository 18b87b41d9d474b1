"""Print how long the README's testing recipes take with the retry waits skipped and kept.

    python -m scripts.bench.recipes [--runs N]

Runs tests/sdk/test_sdk_testing_recipes.py in a fresh pytest process as it is (its client uses
`default_retry(wait=False)`: the retries happen, the waits are skipped), and a copy whose client
uses `default_retry()` (the same retries, waiting as in production: Retry-After, then backoff).
Both copies run from a temporary folder with this project's pytest configuration. The figures
are medians of N runs each: the time pytest reports for the tests, and the process's wall time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RECIPES = ROOT / "tests" / "sdk" / "test_sdk_testing_recipes.py"
SKIPPED = "default_retry(wait=False)"


def timed(module: Path) -> tuple[float, float]:
    """(the time pytest reports for the tests, the wall time of the pytest process)."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml")]
    result = subprocess.run(
        [*command, "--rootdir", str(module.parent), str(module)],
        cwd=module.parent,
        check=True,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    reported = re.search(r" in ([0-9.]+)s", result.stdout.splitlines()[-1])
    if reported is None:
        sys.exit(f"pytest printed no duration: {result.stdout[-300:]}")
    return float(reported.group(1)), wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each variant; the median is shown (default 3)")
    args = parser.parse_args()
    source = RECIPES.read_text(encoding="utf-8")
    if SKIPPED not in source:
        sys.exit(f"{RECIPES.relative_to(ROOT)}: no {SKIPPED} to compare against")
    variants = {
        "skipped: `default_retry(wait=False)`": source,
        "kept: `default_retry()`": source.replace(SKIPPED, "default_retry()"),
    }
    print(f"{RECIPES.relative_to(ROOT)}, median of {args.runs} runs:\n")
    print("| retry waits | the tests (pytest's figure) | the pytest process (start-up included) |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="bench-recipes-") as folder:
        for index, (label, text) in enumerate(variants.items()):
            module = Path(folder) / f"test_recipes_{index}.py"
            module.write_text(text, encoding="utf-8")
            runs = [timed(module) for _ in range(args.runs)]
            tests, wall = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            print(f"| {label} | {tests:.2f} s | {wall:.2f} s |")


if __name__ == "__main__":
    main()
