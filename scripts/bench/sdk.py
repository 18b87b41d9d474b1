"""Print what the generated SDKs cost at run time, as Markdown tables, for both async transports.

    python -m scripts.bench.sdk [--calls N] [--runs N]

1. cost per call: each operation through its SDK against the same call made with raw httpx +
   json.loads, against the replay server in its own process on 127.0.0.1: sync against
   httpx.Client; async on the default transport against httpx.AsyncClient as it comes; async on
   the aiohttp extra against httpx.AsyncClient over the same aiohttp transport (target: at most
   +10% on the default transport);
2. parsing the PixVerse features example: decoded JSON to model, and a whole httpx.Response
   to Response[PixverseFeatures] (reported, no target);
3. fan-out: Dreamina accounts checked over one async client with a semaphore, 100 at
   concurrency 20 and 500 at concurrency 200, with 50 ms of latency injected by the server, on
   each transport; wall time against the ideal of ceil(accounts / concurrency) round trips
   (targets at concurrency 20: at most 1.5x on the default transport, 1.25x on aiohttp). The
   client's pool is raised to the concurrency (httpx_args limits) when it passes httpx's 100.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import socket
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Awaitable, Callable, Iterator
from typing import Literal

import httpx
from useapi_client._aiohttp import AiohttpTransport

from scripts.core import recordings
from scripts.fixtures.recorded_calls import CALLS, TOKEN, OperationCall

LATENCY_S = 0.05
FAN_OUTS = [(100, 20), (500, 200)]  # (accounts, concurrency)
ROUNDS = 20
TRANSPORTS: list[Literal["httpx", "aiohttp"]] = ["httpx", "aiohttp"]
OVERHEAD_TARGET = 0.10
FAN_OUT_TARGETS = {("httpx", 20): 1.5, ("aiohttp", 20): 1.25}


@contextlib.contextmanager
def replay_server(latency_ms: float = 0.0, fake_upstream: bool = False) -> Iterator[str]:
    """The replay app (or the fake upstream) in a process of its own, so it does not share this one's GIL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    module = "scripts.fixtures.fake_upstream" if fake_upstream else "scripts.replay.serve"
    command = [sys.executable, "-m", module, "--port", str(port), "--latency-ms", str(latency_ms)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(base_url + "/", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the replay server did not start") from None
                time.sleep(0.05)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


Batch = Callable[[int], Awaitable[None]]


async def paired_rounds(raw: Batch, sdk: Batch, calls: int) -> tuple[float, float, float]:
    """Median seconds per call of raw and SDK, and the median of their per-round ratio.

    Rounds alternate which side goes first, so drift on this shared machine hits both alike.
    """
    batch = max(1, calls // ROUNDS)
    await raw(batch)  # warm-up: connections and imports
    await sdk(batch)
    raw_times, sdk_times, ratios = [], [], []
    for round_number in range(ROUNDS):
        timings = {}
        for name, side in (("raw", raw), ("sdk", sdk)) if round_number % 2 == 0 else (("sdk", sdk), ("raw", raw)):
            start = time.perf_counter()
            await side(batch)
            timings[name] = (time.perf_counter() - start) / batch
        raw_times.append(timings["raw"])
        sdk_times.append(timings["sdk"])
        ratios.append(timings["sdk"] / timings["raw"])
    return statistics.median(raw_times), statistics.median(sdk_times), statistics.median(ratios)


def overhead(call: OperationCall, base_url: str, calls: int) -> dict[str, tuple[float, float, float]]:
    """baseline name -> (raw s/call, SDK s/call, SDK/raw ratio)."""
    path, query = call.recording.path, call.recording.query
    headers = {"Authorization": f"Bearer {TOKEN}"}

    raw_client = httpx.Client(base_url=base_url, headers=headers)
    sdk_client = call.client(base_url=base_url)
    # What an application writes: the operation's functions, called with its arguments.
    module, arguments = call.operation.module(), call.operation.sdk_arguments(call.recording)

    async def raw_sync(n: int) -> None:
        for _ in range(n):
            json.loads(raw_client.get(path, params=query).content)

    async def sdk_sync(n: int) -> None:
        for _ in range(n):
            module.sync_detailed(client=sdk_client, **arguments)

    async def run_all() -> dict[str, tuple[float, float, float]]:
        results = {"sync": await paired_rounds(raw_sync, sdk_sync, calls)}
        for transport in TRANSPORTS:
            sdk_async = call.client(base_url=base_url, async_transport=transport)
            raw_transport = AiohttpTransport() if transport == "aiohttp" else None
            raw_async = httpx.AsyncClient(base_url=base_url, headers=headers, transport=raw_transport)

            async def raw_batch(n: int, client: httpx.AsyncClient = raw_async) -> None:
                for _ in range(n):
                    json.loads((await client.get(path, params=query)).content)

            async def sdk_batch(n: int, client: object = sdk_async) -> None:
                for _ in range(n):
                    await module.asyncio_detailed(client=client, **arguments)

            results[f"async, {transport}"] = await paired_rounds(raw_batch, sdk_batch, calls)
            await raw_async.aclose()
            await sdk_async.get_async_httpx_client().aclose()
        return results

    try:
        return asyncio.run(run_all())
    finally:
        raw_client.close()
        sdk_client.get_httpx_client().close()


def pixverse_parse() -> tuple[float, float]:
    """Seconds per parse: from decoded JSON, and from a whole httpx.Response."""
    from useapi_client.api.pixverse import get_pixverse_features
    from useapi_client.models import PixverseFeatures

    recording = next(r for r in recordings.load_all() if r.operation_id == "getPixverseFeatures" and r.status == 200)
    decoded = json.loads(recording.body_text)
    response = httpx.Response(200, headers={"content-type": "application/json"}, content=recording.body_text.encode())
    client = next(c for c in CALLS if c.recording.operation_id == "getPixverseFeatures").client()
    model_runs = min(timeit.repeat(lambda: PixverseFeatures.from_dict(decoded), number=2000, repeat=5)) / 2000
    whole = (
        min(
            timeit.repeat(
                lambda: get_pixverse_features._build_response(
                    client=client, response=response, content=response.content
                ),
                number=2000,
                repeat=5,
            )
        )
        / 2000
    )
    return model_runs, whole


Transport = Literal["httpx", "aiohttp"]


def fan_out(base_url: str, transport: Transport, accounts: int, concurrency: int, runs: int) -> list[float]:
    """Wall seconds of each run checking `accounts` accounts, `concurrency` at a time."""
    from useapi_client import AuthenticatedClient
    from useapi_client.api.dreamina import get_dreamina_account

    pool = {"limits": httpx.Limits(max_connections=concurrency)} if concurrency > 100 else {}

    async def run() -> float:
        limit = asyncio.Semaphore(concurrency)
        statuses: list[int] = []
        client = AuthenticatedClient(base_url=base_url, token=TOKEN, async_transport=transport, httpx_args=pool)
        async with client:

            async def check(index: int) -> None:
                async with limit:
                    response = await get_dreamina_account.asyncio_detailed(f"US:user{index}@example.com", client=client)
                    statuses.append(response.status_code)

            await asyncio.gather(*(check(i) for i in range(concurrency)))  # warm-up: open the connections
            statuses.clear()
            start = time.perf_counter()
            outcomes = await asyncio.gather(*(check(i) for i in range(accounts)), return_exceptions=True)
            elapsed = time.perf_counter() - start
        failures = [repr(outcome) for outcome in outcomes if outcome is not None]
        if failures:
            print(f"  ({transport}, {accounts} at {concurrency}: {len(failures)} calls failed, e.g. {failures[0]})")
        assert set(statuses) <= {200, 404}, statuses
        return elapsed

    return [asyncio.run(run()) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=1000, help="calls per operation and mode (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="fan-out runs per case; the median is shown (default 5)")
    args = parser.parse_args()

    modes = ["sync", *(f"async, {transport}" for transport in TRANSPORTS)]
    rows: list[str] = []
    worst = 0.0
    with replay_server() as base_url:
        for call in CALLS:
            cells = []
            for mode, (raw, sdk, ratio) in overhead(call, base_url, args.calls).items():
                if "aiohttp" not in mode:
                    worst = max(worst, ratio - 1)
                cells.append(f"{raw * 1e6:.0f} → {sdk * 1e6:.0f} µs ({ratio - 1:+.1%})")
            rows.append(f"| {call.id} | {' | '.join(cells)} |")
    print("SDK cost per call over raw httpx + json.loads on the same transport, same server on 127.0.0.1")
    print(f"(raw → SDK, medians of {ROUNDS} paired rounds of {args.calls // ROUNDS} calls):\n")
    print(f"| operation | {' | '.join(modes)} |\n|---|{'---|' * len(modes)}")
    print("\n".join(rows))
    print(f"\nworst added cost on the default transport: {worst:+.1%} (target: at most {OVERHEAD_TARGET:+.0%})\n")

    model, whole = pixverse_parse()
    print(f"PixVerse features example: {model * 1e6:.1f} µs from decoded JSON to model, ", end="")
    print(f"{whole * 1e6:.1f} µs from httpx.Response to Response[PixverseFeatures] (JSON decoding included)\n")

    print(f"Fan-out over one async client, {LATENCY_S * 1000:.0f} ms latency, median of {args.runs} runs ", end="")
    print("(ratio to the ideal of ceil(accounts / concurrency) round trips):\n")
    print(f"| accounts at concurrency | ideal | {' | '.join(TRANSPORTS)} |\n|---|---|{'---|' * len(TRANSPORTS)}")
    with replay_server(latency_ms=LATENCY_S * 1000) as base_url:
        for accounts, concurrency in FAN_OUTS:
            ideal = math.ceil(accounts / concurrency) * LATENCY_S
            cells = []
            for transport in TRANSPORTS:
                median = statistics.median(fan_out(base_url, transport, accounts, concurrency, args.runs))
                target = FAN_OUT_TARGETS.get((transport, concurrency))
                verdict = f" (target ≤ {target}x)" if target else ""
                cells.append(f"{median * 1000:.0f} ms, {median / ideal:.2f}x{verdict}")
            print(f"| {accounts} at {concurrency} | {ideal * 1000:.0f} ms | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
