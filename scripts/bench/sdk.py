"""Print what the generated SDKs cost at run time, as Markdown tables, for both async transports.

    python -m scripts.bench.sdk [--calls N] [--runs N] [--stock] [--fan-out-only | --layers-only]

1. cost per call: each operation through its SDK against the same call made with raw httpx +
   json.loads, against the replay server in its own process on 127.0.0.1: sync against
   httpx.Client; async on the default transport against httpx.AsyncClient as it comes; async on
   the aiohttp extra against httpx.AsyncClient over the same aiohttp transport (target: at most
   +10% on the default transport);
2. parsing the PixVerse features example: decoded JSON to model, and a whole httpx.Response
   to Response[PixverseFeatures] (reported, no target);
3. fan-out: Dreamina accounts checked over one async client with a semaphore (100 at 20, 1000
   at 100, 500 at 200, 2000 at 500) against scripts/fixtures/keepalive_server.py in a process of
   its own, answering after 50 ms at a few % of a core; on each transport (--stock: also the
   before, as SDK 3.1.0 had it: httpcore's own pool, httpx's default limits up to 100). Per case:
   the median wall time of --runs runs against the ideal of ceil(calls / concurrency) round trips
   (each run after a warm-up that opens the connections and a garbage collection, so that the run
   does not pay for collecting the warm-up's objects),
   the floor (calls x the client's measured CPU per call, when that is larger), connections opened
   after the warm-up, client CPU per call and the server's CPU share. Targets: the default
   transport at most 1.5x at 1000 at 100 with no reconnect, 2.5x at 500 at 200; the aiohttp extra
   at most 1.4x at 500 at 200. Past 100 concurrent calls the client's pool is raised to the
   concurrency (httpx_args limits), as the README advises;
4. layers: the client CPU per call as the SDK's layers are added one by one over bare httpx (sync,
   async httpx, async aiohttp), against the same raw keep-alive server answering at once: sync calls
   one after another, async ones LAYER_CONCURRENCY at a time; the best of --runs runs of --calls
   calls per layer, the layers interleaved within each run so drift hits them alike.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import gc
import json
import math
import socket
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Literal
from urllib.parse import quote

import aiohttp
import httpcore
import httpx
from useapi_client._aiohttp import AiohttpTransport

from scripts.core import recordings
from scripts.fixtures import keepalive_server
from scripts.fixtures.keepalive_server import ServerProcess
from scripts.fixtures.recorded_calls import CALLS, TOKEN, OperationCall

LATENCY_S = 0.05
FAN_OUTS = [(100, 20), (1000, 100), (500, 200), (2000, 500)]  # (calls, concurrency)
ROUNDS = 20
TRANSPORTS: list[Literal["httpx", "aiohttp"]] = ["httpx", "aiohttp"]
OVERHEAD_TARGET = 0.10
FAN_OUT_TARGETS = {("httpx", 1000, 100): 1.5, ("httpx", 500, 200): 2.5, ("aiohttp", 500, 200): 1.4}
NO_RECONNECTS = {("httpx", 1000, 100)}


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


Transport = Literal["httpx", "aiohttp", "before: httpcore's pool"]


@dataclasses.dataclass
class FanOutRun:
    wall_s: float
    client_cpu_s: float
    server_cpu_s: float
    connections: int  # opened during the measured run: every one is a reconnect after the warm-up


def fan_out(server: ServerProcess, transport: Transport, accounts: int, concurrency: int) -> FanOutRun:
    """One run: a warm-up of `concurrency` calls opens the connections, then `accounts` calls,
    `concurrency` at a time, over one SDK client (the pool raised to the concurrency past 100)."""
    from useapi_client import AuthenticatedClient
    from useapi_client.api.dreamina import get_dreamina_account

    pool = {"limits": httpx.Limits(max_connections=concurrency)} if concurrency > 100 else {}
    if transport == "before: httpcore's pool" and concurrency <= 100:  # SDK 3.1.0 kept httpx's default limits
        pool = {"limits": httpx.Limits(max_connections=100, max_keepalive_connections=20)}
    async_transport: Literal["httpx", "aiohttp"] = "aiohttp" if transport == "aiohttp" else "httpx"

    async def run() -> FanOutRun:
        limit = asyncio.Semaphore(concurrency)
        statuses: list[int] = []
        client = AuthenticatedClient(
            base_url=server.base_url, token=TOKEN, async_transport=async_transport, httpx_args=pool
        )
        if transport == "before: httpcore's pool":  # as SDK 3.1.0: the pool and network backend httpx ships with
            stock = _pool_of(client.get_async_httpx_client())
            stock.__class__ = httpcore.AsyncConnectionPool
            stock._network_backend = getattr(stock._network_backend, "_fallback", stock._network_backend)
        async with client:

            async def check(index: int) -> None:
                async with limit:
                    response = await get_dreamina_account.asyncio_detailed(f"US:user{index}@example.com", client=client)
                    statuses.append(response.status_code)

            await asyncio.gather(*(check(i) for i in range(concurrency)))  # warm-up: open the connections
            statuses.clear()
            gc.collect()  # the warm-up's objects (connections, sessions) are not the measured run's garbage
            before = await asyncio.to_thread(server.stats, True)
            start, cpu_start = time.perf_counter(), time.process_time()
            outcomes = await asyncio.gather(*(check(i) for i in range(accounts)), return_exceptions=True)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
            after = await asyncio.to_thread(server.stats)
        failures = [repr(outcome) for outcome in outcomes if outcome is not None]
        if failures:
            print(f"  ({transport}, {accounts} at {concurrency}: {len(failures)} calls failed, e.g. {failures[0]})")
        assert set(statuses) <= {200}, statuses
        return FanOutRun(elapsed, cpu, after["cpu_s"] - before["cpu_s"], int(after["connections"]))

    return asyncio.run(run())


def _pool_of(client: httpx.AsyncClient) -> Any:
    transport: Any = client._transport
    while not hasattr(transport, "_pool"):  # the retrying and attempt-counting transports wrap httpx's own
        transport = getattr(transport, "_transport", None) or transport._async_transport
    return transport._pool


def fan_out_table(runs: int, transports: list[Transport]) -> None:
    from useapi_client import _pool

    recording = next(r for r in recordings.load_all() if r.operation_id == "getDreaminaAccount" and r.status == 200)
    scaling = httpcore.__version__ in _pool.TESTED_HTTPCORE_VERSIONS
    pool = "the SDK's pool" if scaling else "httpcore's own pool: an untested httpcore"
    print("Fan-out over one async client, against a raw keep-alive server (a process of its own) answering after")
    print(f"{LATENCY_S * 1000:.0f} ms; medians of {runs} runs; httpcore {httpcore.__version__}, so {pool} on httpx.")
    print("Ideal: ceil(calls / concurrency) round trips; floor: the larger of the ideal and calls x the client's")
    print("CPU per call (on this machine's cores, the client cannot beat it); reconnects: connections opened after")
    print("the warm-up; CPU per call: the client process's, harness included; server: its CPU share of the run.\n")
    columns = ["ideal", "time", "x ideal", "floor", "reconnects", "client CPU/call", "server CPU"]
    print(f"| calls at concurrency | transport | {' | '.join(columns)} |\n|---|---|{'---|' * len(columns)}")
    misses = []
    with keepalive_server.in_process(LATENCY_S, recording.body_text.encode()) as server:
        for accounts, concurrency in FAN_OUTS:
            ideal = math.ceil(accounts / concurrency) * LATENCY_S
            for transport in transports:
                results = [fan_out(server, transport, accounts, concurrency) for _ in range(runs)]
                wall = statistics.median(r.wall_s for r in results)
                cpu_per_call = statistics.median(r.client_cpu_s for r in results) / accounts
                server_share = statistics.median(r.server_cpu_s / r.wall_s for r in results)
                reconnects = max(r.connections for r in results)
                floor = max(ideal, accounts * cpu_per_call)
                target = FAN_OUT_TARGETS.get((transport, accounts, concurrency))
                verdict = ""
                if target is not None:
                    verdict = f" (target ≤ {target}x)"
                    if wall / ideal > target:
                        misses.append(f"{transport} {accounts} at {concurrency}: {wall / ideal:.2f}x > {target}x")
                if (transport, accounts, concurrency) in NO_RECONNECTS and reconnects:
                    misses.append(f"{transport} {accounts} at {concurrency}: {reconnects} reconnects")
                print(
                    f"| {accounts} at {concurrency} | {transport} | {ideal * 1000:.0f} ms | {wall * 1000:.0f} ms "
                    f"| {wall / ideal:.2f}x{verdict} | {floor * 1000:.0f} ms ({floor / ideal:.2f}x) | {reconnects} "
                    f"| {cpu_per_call * 1e6:.0f} µs | {server_share:.0%} |"
                )
    print("\n" + ("targets missed: " + "; ".join(misses) if misses else "every fan-out target met"))


LAYER_CONCURRENCY = 20
LAYER_ACCOUNT = "US:user@example.com"
LAYER_PATH = "/v1/dreamina/accounts/" + quote(LAYER_ACCOUNT, safe="")
LayerMode = Literal["sync", "httpx", "aiohttp"]
LAYER_MODES: list[LayerMode] = ["sync", "httpx", "aiohttp"]
LAYER_NAMES = [
    "bare httpx + json.loads",
    "+ the SDK's pool",
    "+ the SDK's asyncio network backend",
    "+ retries (attempts counted, retry loop)",
    "+ deadline",
    "+ body reader (stream, size cap)",
    "whole call: SDK client + endpoint (parse)",
]
"""The layers as the SDK stacks them; on aiohttp, "bare" is httpx.AsyncClient over the SDK's
aiohttp transport, and the pool and the network are aiohttp's own (no rows); the network backend
is for async httpx only."""


def _layer_transport(mode: LayerMode, depth: int) -> Any:
    """The transport of layer `depth`: httpx's own (or the aiohttp one) under the SDK's wrappers."""
    from useapi_client import client as sdk
    from useapi_client._asyncio_network import asyncio_network_in
    from useapi_client._constants import DEFAULT_LIMITS
    from useapi_client._pool import scaling_pool_in

    transport: Any
    if mode == "aiohttp":
        transport = AiohttpTransport(limits=DEFAULT_LIMITS)
    else:
        transport = (
            httpx.HTTPTransport(limits=DEFAULT_LIMITS)
            if mode == "sync"
            else httpx.AsyncHTTPTransport(limits=DEFAULT_LIMITS)
        )
        if depth >= 1:
            transport = scaling_pool_in(transport)
        if depth >= 2 and mode == "httpx":
            transport = asyncio_network_in(transport)
        if depth >= 4 and mode == "sync":  # the deadline's cut of each socket timeout, as new_transport does
            transport._pool._network_backend = sdk._DeadlineBackend(transport._pool._network_backend)
    retry = sdk.default_retry()
    if depth >= 3:
        transport = sdk._RetryingTransport(transport, retry, [TOKEN])
    return transport


def _layer_sync_call(client: httpx.Client, depth: int, path: str) -> Callable[[], object]:
    from useapi_client import client as sdk
    from useapi_client._constants import DEFAULT_MAX_RESPONSE_BYTES
    from useapi_client.types import Unset

    def call() -> object:
        if depth < 4:
            return json.loads(client.get(path).content)
        started = sdk._CALL_ENDS.set(time.monotonic() + 90)
        try:
            if depth < 5:
                return json.loads(client.get(path).content)
            with client.stream("GET", path) as response:
                sdk._framing_error(response)
                limit = sdk._body_limit(response, DEFAULT_MAX_RESPONSE_BYTES, Unset())
                return json.loads(sdk._BodyReader(response, *limit).read())
        finally:
            sdk._CALL_ENDS.reset(started)

    return call


def _layer_async_call(client: httpx.AsyncClient, depth: int, path: str) -> Callable[[], Awaitable[object]]:
    from useapi_client import client as sdk
    from useapi_client._constants import DEFAULT_MAX_RESPONSE_BYTES
    from useapi_client.types import Unset

    async def call() -> object:
        if depth < 4:
            return json.loads((await client.get(path)).content)
        started = sdk._CALL_ENDS.set(time.monotonic() + 90)
        try:
            async with asyncio.timeout(90):
                if depth < 5:
                    return json.loads((await client.get(path)).content)
                async with client.stream("GET", path) as response:
                    sdk._framing_error(response)
                    limit = sdk._body_limit(response, DEFAULT_MAX_RESPONSE_BYTES, Unset())
                    return json.loads(await sdk._BodyReader(response, *limit).aread())
        finally:
            sdk._CALL_ENDS.reset(started)

    return call


def _layer_depths(mode: LayerMode) -> list[int]:
    skipped = {"sync": {2}, "httpx": set(), "aiohttp": {1, 2}}[mode]
    return [depth for depth in range(len(LAYER_NAMES)) if depth not in skipped]


def _sync_layer(base_url: str, depth: int) -> tuple[Callable[[], object], Callable[[], None]]:
    """One call through layer `depth`, and what closes its client."""
    from useapi_client import AuthenticatedClient
    from useapi_client.api.dreamina import get_dreamina_account

    if depth == len(LAYER_NAMES) - 1:
        sdk_client = AuthenticatedClient(base_url=base_url, token=TOKEN)

        def call() -> object:
            return get_dreamina_account.sync_detailed(LAYER_ACCOUNT, client=sdk_client)

        return call, sdk_client.get_httpx_client().close
    headers = {"Authorization": f"Bearer {TOKEN}"}
    client = httpx.Client(base_url=base_url, headers=headers, transport=_layer_transport("sync", depth))
    return _layer_sync_call(client, depth, LAYER_PATH), client.close


def _async_layer(
    base_url: str, mode: LayerMode, depth: int
) -> tuple[Callable[[], Awaitable[object]], Callable[[], Awaitable[None]]]:
    """One call through layer `depth` (-1: aiohttp alone), and what closes its client."""
    from useapi_client import AuthenticatedClient
    from useapi_client.api.dreamina import get_dreamina_account

    headers = {"Authorization": f"Bearer {TOKEN}"}
    if depth == -1:
        session = aiohttp.ClientSession(base_url)

        async def bare() -> object:
            async with session.get(LAYER_PATH, headers=headers) as answer:
                return json.loads(await answer.read())

        return bare, session.close
    if depth == len(LAYER_NAMES) - 1:
        sdk_client = AuthenticatedClient(base_url=base_url, token=TOKEN, async_transport=mode)  # type: ignore[arg-type]

        async def whole() -> object:
            return await get_dreamina_account.asyncio_detailed(LAYER_ACCOUNT, client=sdk_client)

        return whole, sdk_client.get_async_httpx_client().aclose
    client = httpx.AsyncClient(base_url=base_url, headers=headers, transport=_layer_transport(mode, depth))
    return _layer_async_call(client, depth, LAYER_PATH), client.aclose


def layer_cpu_sync(base_url: str, calls: int) -> dict[int, float]:
    """depth -> client CPU seconds per call, sync calls one after another."""
    cpu = {}
    for depth in _layer_depths("sync"):
        call, closing = _sync_layer(base_url, depth)
        for _ in range(10):  # warm-up: the connection and the imports
            call()
        start = time.process_time()
        for _ in range(calls):
            call()
        cpu[depth] = (time.process_time() - start) / calls
        closing()
    return cpu


async def _concurrently(call: Callable[[], Awaitable[object]], calls: int) -> None:
    turns = asyncio.Semaphore(LAYER_CONCURRENCY)

    async def limited() -> None:
        async with turns:
            await call()

    await asyncio.gather(*(limited() for _ in range(calls)))


async def layer_cpu_async(base_url: str, mode: LayerMode, calls: int) -> dict[int, float]:
    """depth -> client CPU seconds per call, LAYER_CONCURRENCY calls at a time over one client."""
    cpu = {}
    for depth in [*_layer_depths(mode), -1] if mode == "aiohttp" else _layer_depths(mode):
        call, closing = _async_layer(base_url, mode, depth)
        await _concurrently(call, LAYER_CONCURRENCY)  # warm-up: open the connections
        start = time.process_time()
        await _concurrently(call, calls)
        cpu[depth] = (time.process_time() - start) / calls
        await closing()
    return cpu


def layers_table(calls: int, runs: int) -> None:
    recording = next(r for r in recordings.load_all() if r.operation_id == "getDreaminaAccount" and r.status == 200)
    best: dict[LayerMode, dict[int, float]] = {mode: {} for mode in LAYER_MODES}
    with keepalive_server.in_process(0.0, recording.body_text.encode()) as server:
        for _ in range(runs):
            for mode in LAYER_MODES:
                if mode == "sync":
                    measured = layer_cpu_sync(server.base_url, calls)
                else:
                    measured = asyncio.run(layer_cpu_async(server.base_url, mode, calls))
                for depth, seconds in measured.items():
                    best[mode][depth] = min(seconds, best[mode].get(depth, math.inf))
    print(f"Client CPU per call, layer by layer (Dreamina account, {len(recording.body_text)} bytes of JSON, against")
    print("a raw keep-alive server in a process of its own answering at once; sync calls one after another, async")
    print(f"ones {LAYER_CONCURRENCY} at a time; best of {runs} runs of {calls} calls; in brackets: the layer's own):\n")
    print("| layer | sync | async, httpx | async, aiohttp |\n|---|---|---|---|")
    rows = [(depth, name) for depth, name in enumerate(LAYER_NAMES)] + [(-1, "aiohttp alone (reference)")]
    for depth, name in rows:
        cells = []
        for mode in LAYER_MODES:
            below = [best[mode][d] for d in range(depth - 1, -1, -1) if d in best[mode]][:1] if depth > 0 else []
            if depth not in best[mode]:
                cells.append("—")
            elif below:
                cells.append(f"{best[mode][depth] * 1e6:.0f} µs ({(best[mode][depth] - below[0]) * 1e6:+.0f})")
            else:
                cells.append(f"{best[mode][depth] * 1e6:.0f} µs")
        print(f"| {name} | {' | '.join(cells)} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=1000, help="calls per operation and mode (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="fan-out runs per case; the median is shown (default 3)")
    parser.add_argument(
        "--stock", action="store_true", help="also the before: httpcore's own pool, as in SDK 3.1.0 (slow)"
    )
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--fan-out-only", action="store_true", help="the fan-out figures alone")
    only.add_argument("--layers-only", action="store_true", help="the layer-by-layer CPU per call alone")
    args = parser.parse_args()

    if args.layers_only:
        layers_table(args.calls, args.runs)
        return

    if not args.fan_out_only:
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

        layers_table(args.calls, args.runs)

    transports: list[Transport] = ["httpx", "aiohttp"]
    fan_out_table(args.runs, [*transports, "before: httpcore's pool"] if args.stock else transports)


if __name__ == "__main__":
    main()
