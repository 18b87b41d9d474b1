"""Serve the replay app for both hosts over real HTTP on 127.0.0.1.

    python -m scripts.replay.serve --port 8080 [--latency-ms 50] [--fake-upstream]

Point either SDK at http://127.0.0.1:PORT with any bearer token: the useapi.net and the
ImaginePro paths do not overlap, so one server answers for both hosts. `--fake-upstream` serves
scripts/fixtures/fake_upstream.py instead, the live run's stand-in for the real hosts.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import Any

import uvicorn

from scripts.core.documents import DocumentError
from scripts.replay.app import ReplayApp


def _server(app: Any, port: int) -> uvicorn.Server:
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    return uvicorn.Server(config)


@contextlib.contextmanager
def serving(app: Any | None = None, port: int = 0, wait_for_stop: bool = True) -> Iterator[str]:
    """Run the replay app on loopback in a background thread; yield its base URL; stop it after.

    uvicorn takes a fixed ~0.2 s to wind down; a caller about to exit may skip waiting for it
    (`wait_for_stop=False`): the server thread is a daemon and stops on its own.
    """
    server = _server(app or ReplayApp(), port)
    thread = threading.Thread(target=server.run, name="replay-server", daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError(f"the replay server could not start on 127.0.0.1:{port}")
        threading.Event().wait(0.005)
    bound_port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{bound_port}"
    finally:
        server.should_exit = True
        if wait_for_stop:
            thread.join(timeout=5)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (default 8080)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="wait before each answer (default 0)")
    parser.add_argument(
        "--fake-upstream", action="store_true", help="serve the fake upstream (scripts/fixtures/fake_upstream.py)"
    )
    args = parser.parse_args()
    try:
        if args.fake_upstream:
            from scripts.fixtures.fake_upstream import FakeUpstream

            app: ReplayApp = FakeUpstream(latency=args.latency_ms / 1000)
        else:
            app = ReplayApp(latency=args.latency_ms / 1000)
    except DocumentError as error:  # a broken spec or recording: its located lines, no traceback
        print(error, file=sys.stderr)
        return 1
    what = "the fake upstream" if args.fake_upstream else "tests/recordings/"
    print(f"Replaying {what} for useapi.net and ImaginePro on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    _server(app, args.port).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
