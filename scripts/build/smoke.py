"""Call every operation of both SDKs over real HTTP against the replay server on loopback, each
with its first success recording's request (tests/recordings/), as a user's code calls it.

Prints one line per call: the operation, the status and what the SDK parsed. Exits 1 if a
call fails or returns nothing parsed.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# httpx imports its optional command-line client (rich, click, pygments: ~0.3 s) whenever
# those are installed, and they are here only for the generator. The smoke run never uses it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _summary(parsed: Any) -> str:
    if hasattr(parsed, "payload"):  # a download: a File
        return f"{type(parsed).__name__}({len(parsed.payload.read())} bytes)"
    if not hasattr(parsed, "to_dict"):
        return repr(parsed)[:80]
    fields = parsed.to_dict()
    text = ", ".join(f"{k}={v!r}" for k, v in list(fields.items())[:4])
    return f"{type(parsed).__name__}({text}{', …' if len(fields) > 4 else ''})"


def main() -> int:
    from scripts.core.documents import DocumentError
    from scripts.replay.app import ReplayApp

    try:  # first, before the SDKs' imports: a broken spec or recording fails fast
        app = ReplayApp()
    except DocumentError as error:  # its located lines, no traceback
        print(error, file=sys.stderr)
        return 1

    from scripts.core import sdk_calls
    from scripts.replay.serve import serving

    failed = False
    with serving(app, wait_for_stop=False) as base_url:
        # Every operation, sent as its first authorized success recording (body included).
        for route in app.routes:
            label = f"{route.spec_name} {route.operation_id}"
            recording = next((r for r in route.exchanges if r.authorized and 200 <= r.status < 300), None)
            if recording is None:
                failed = True
                print(f"smoke FAIL {label:<28} no success recording in tests/recordings/ to send")
                continue
            operation = next(
                op for op in sdk_calls.operations(route.spec_name) if op.operation_id == route.operation_id
            )
            client_module = importlib.import_module(f"{sdk_calls.package_name(route.spec_name)}.client")
            with client_module.AuthenticatedClient(base_url=base_url, token="REDACTED") as client:
                response = operation.module().sync_detailed(client=client, **operation.sdk_arguments(recording))
            ok = response.status_code == recording.status and response.parsed is not None
            failed |= not ok
            status = f"{'ok  ' if ok else 'FAIL'} {label:<28} {int(response.status_code)}"
            print(f"smoke {status} {_summary(response.parsed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
