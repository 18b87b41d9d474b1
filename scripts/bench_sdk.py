"""Print what the generated SDKs cost at run time, as a Markdown table.

    python -m scripts.bench_sdk [--calls N]

1. cost per call: each operation through its SDK against the same call made with raw
   httpx + json.loads, against the replay server in its own process on 127.0.0.1. Sync
   compares with httpx.Client; async with httpx.AsyncClient both as it comes (httpcore) and over
   the aiohttp transport the SDK uses, which is the like-for-like figure (target: at most 10%);
2. parsing the PixVerse features example: decoded JSON to model, and a whole httpx.Response
   to Response[PixverseFeatures] (reported, no target);
3. checking 100 Dreamina accounts, 20 at a time over one async client, with 50 ms of latency
   injected by the server: wall time against the ideal of 5 round trips (target: at most 1.3x).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Awaitable, Callable, Iterator

import httpx
from httpx_aiohttp import AiohttpTransport

from scripts import recordings
from scripts.sdk_calls import CALLS, TOKEN, OperationCall

LATENCY_S = 0.05
ACCOUNTS = 100
CONCURRENCY = 20
ROUNDS = 20


@contextlib.contextmanager
def replay_server(latency_ms: float = 0.0) -> Iterator[str]:
    """The replay app in a process of its own, so it does not share this one's GIL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "scripts.mock", "--port", str(port), "--latency-ms", str(latency_ms)]
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
        results = {"sync, raw httpx": await paired_rounds(raw_sync, sdk_sync, calls)}
        sdk_async = call.client(base_url=base_url)
        for label, transport in (("async, raw httpx", None), ("async, raw httpx over aiohttp", AiohttpTransport())):
            raw_async = httpx.AsyncClient(base_url=base_url, headers=headers, transport=transport)

            async def raw_batch(n: int, client: httpx.AsyncClient = raw_async) -> None:
                for _ in range(n):
                    json.loads((await client.get(path, params=query)).content)

            async def sdk_batch(n: int) -> None:
                for _ in range(n):
                    await module.asyncio_detailed(client=sdk_async, **arguments)

            results[label] = await paired_rounds(raw_batch, sdk_batch, calls)
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
                lambda: get_pixverse_features._build_response(client=client, response=response), number=2000, repeat=5
            )
        )
        / 2000
    )
    return model_runs, whole


def concurrent_accounts(base_url: str) -> list[float]:
    """Wall seconds of each run checking ACCOUNTS accounts, CONCURRENCY at a time."""
    from useapi_client import AuthenticatedClient
    from useapi_client.api.dreamina import get_dreamina_account

    async def run() -> float:
        limit = asyncio.Semaphore(CONCURRENCY)
        statuses: list[int] = []
        async with AuthenticatedClient(base_url=base_url, token=TOKEN) as client:

            async def check(index: int) -> None:
                async with limit:
                    response = await get_dreamina_account.asyncio_detailed(f"US:user{index}@example.com", client=client)
                    statuses.append(response.status_code)

            await asyncio.gather(*(check(i) for i in range(CONCURRENCY)))  # warm-up: open the connections
            statuses.clear()
            start = time.perf_counter()
            await asyncio.gather(*(check(i) for i in range(ACCOUNTS)))
            elapsed = time.perf_counter() - start
        assert len(statuses) == ACCOUNTS and set(statuses) <= {200, 404}, statuses
        return elapsed

    return [asyncio.run(run()) for _ in range(5)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=2000, help="calls per operation and mode (default 2000)")
    args = parser.parse_args()

    rows: list[str] = []
    worst = 0.0
    with replay_server() as base_url:
        for call in CALLS:
            for label, (raw, sdk, ratio) in overhead(call, base_url, args.calls).items():
                if "aiohttp" in label or label.startswith("sync"):  # like for like: the same transport
                    worst = max(worst, ratio - 1)
                rows.append(f"| {call.id} | {label} | {raw * 1e6:.0f} µs | {sdk * 1e6:.0f} µs | {ratio - 1:+.1%} |")
    print("SDK cost per call over raw httpx + json.loads, same server on 127.0.0.1 (medians of paired rounds):\n")
    print("| operation | mode and baseline | raw | SDK | added |\n|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nworst added cost against the same transport: {worst:+.1%} (target: at most +10%)\n")

    model, whole = pixverse_parse()
    print(f"PixVerse features example: {model * 1e6:.1f} µs from decoded JSON to model, ", end="")
    print(f"{whole * 1e6:.1f} µs from httpx.Response to Response[PixverseFeatures] (JSON decoding included)\n")

    with replay_server(latency_ms=LATENCY_S * 1000) as base_url:
        runs = concurrent_accounts(base_url)
    ideal = ACCOUNTS / CONCURRENCY * LATENCY_S
    median = statistics.median(runs)
    print(f"{ACCOUNTS} accounts, {CONCURRENCY} at a time, {LATENCY_S * 1000:.0f} ms latency: ", end="")
    print(f"median {median * 1000:.0f} ms (runs: {', '.join(f'{r * 1000:.0f}' for r in runs)} ms); ", end="")
    print(f"ideal {ideal * 1000:.0f} ms; ratio {median / ideal:.2f}x (target: at most 1.3x)")


if __name__ == "__main__":
    main()
