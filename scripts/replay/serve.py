"""Serve the replay app for both hosts over real HTTP on 127.0.0.1.

    python -m scripts.replay.serve --port 8080 [--latency-ms 50]

Point either SDK at http://127.0.0.1:PORT with any bearer token: the useapi.net and the
ImaginePro paths do not overlap, so one server answers for both hosts. The live run's stand-in
for the real hosts is served the same way by `python -m scripts.fixtures.fake_upstream`.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
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


def main(
    argv: Sequence[str] | None = None,
    make_app: Callable[[float], ReplayApp] = ReplayApp,
    what: str = "tests/recordings/",
) -> int:
    """Serve `make_app(latency_seconds)` until Ctrl-C; a broken spec or recording is one located line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (default 8080)")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="wait before each answer (default 0)")
    args = parser.parse_args(argv)
    try:
        app = make_app(args.latency_ms / 1000)
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Replaying {what} for useapi.net and ImaginePro on http://127.0.0.1:{args.port} (Ctrl-C stops)")
    _server(app, args.port).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
