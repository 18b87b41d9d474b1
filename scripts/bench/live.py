"""Print what the rate limit costs a live run: `make contract-live`'s wall time against the fake
upstream at LIVE_RATE=1 and with no limit, and the share of it that is the limit.

    python -m scripts.bench.live [--runs N] [--latency-ms MS]

The fake upstream runs in a process of its own on 127.0.0.1 (python -m scripts.fixtures.fake_upstream), and
answers as the pages say; the run is scripts.live.run.run, the entry point's own, writing its outputs
into a temporary folder. Each figure is the median of N runs (default 3). The share is measured two
ways: the time the limiter made requests wait, over the run's wall time; and the difference between
the two runs' wall times, over the limited one's.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import io
import statistics
import tempfile
import time
from pathlib import Path

from scripts.bench.sdk import replay_server
from scripts.fixtures.fake_upstream import environment
from scripts.live import config as live_config
from scripts.live import run as live


def timed_runs(base_url: str, rate: float | None, runs: int) -> list[tuple[float, live.Outcome]]:
    timings = []
    for number in range(runs):
        with tempfile.TemporaryDirectory() as out:
            environ = environment(base_url, "faithful", f"bench-{rate}-{number}") | {"LIVE_OUT": out}
            config = dataclasses.replace(live_config.read(environ), rate=rate, out=Path(out))
            start = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                outcome = live.run(config, dt.date.today())
            timings.append((time.perf_counter() - start, outcome))
            if outcome.exit_code != 0:
                raise SystemExit(f"the live run against the fake upstream failed:\n{outcome.report}")
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="the fake upstream's latency (default 0)")
    args = parser.parse_args()
    with replay_server(args.latency_ms, fake_upstream=True) as base_url:
        timed_runs(base_url, None, 1)  # warm-up: imports, the schemas, the first connections
        figures = {rate: timed_runs(base_url, rate, args.runs) for rate in (1.0, None)}
    walls = {rate: statistics.median(wall for wall, _ in runs) for rate, runs in figures.items()}
    print(f"Live run against the fake upstream (latency {args.latency_ms:g} ms), median of {args.runs} runs\n")
    print("| LIVE_RATE | requests | wall time | waiting on the limit | share of the wall time |")
    print("|---|---|---|---|---|")
    for rate, runs in figures.items():
        waited = statistics.median(outcome.waited for _, outcome in runs)
        sent = runs[0][1].sent
        shown = "1" if rate else "no limit"
        print(f"| {shown} | {sent} | {walls[rate]:.2f} s | {waited:.2f} s | {waited / walls[rate]:.1%} |")
    difference = walls[1.0] - walls[None]
    print(
        f"\nThe limit's share by difference: ({walls[1.0]:.2f} - {walls[None]:.2f}) / {walls[1.0]:.2f} s = "
        f"{difference / walls[1.0]:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
