"""Call every operation of both SDKs over real HTTP against the replay server on loopback.

Prints one line per call: the operation, the status and what the SDK parsed. Exits 1 if a
call fails or returns nothing parsed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

# httpx imports its optional command-line client (rich, click, pygments: ~0.3 s) whenever
# those are installed, and they are here only for the generator. The smoke run never uses it.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _summary(parsed: Any) -> str:
    fields = parsed.to_dict() if hasattr(parsed, "to_dict") else parsed
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

    from imaginepro_client import AuthenticatedClient as ImagineProClient
    from imaginepro_client.api.account import get_account_info
    from useapi_client import AuthenticatedClient as UseapiClient
    from useapi_client.api.account import get_account
    from useapi_client.api.dreamina import get_dreamina_account
    from useapi_client.api.flowmusic import get_flow_music_account
    from useapi_client.api.pixverse import get_pixverse_features

    from scripts.replay.serve import serving

    failed = False
    with (
        serving(app, wait_for_stop=False) as base_url,
        UseapiClient(base_url=base_url, token="REDACTED") as useapi,
        ImagineProClient(base_url=base_url, token="REDACTED") as imaginepro,
    ):
        jane, dreamina_id = "jane@example.com", "US:jane@example.com"
        calls: list[tuple[str, Callable[[], Any]]] = [
            ("useapi getAccount", lambda: get_account.sync_detailed(client=useapi)),
            ("useapi getDreaminaAccount", lambda: get_dreamina_account.sync_detailed(dreamina_id, client=useapi)),
            ("useapi getPixverseFeatures", lambda: get_pixverse_features.sync_detailed(client=useapi, email=jane)),
            ("useapi getFlowMusicAccount", lambda: get_flow_music_account.sync_detailed(jane, client=useapi)),
            ("imaginepro getAccountInfo", lambda: get_account_info.sync_detailed(client=imaginepro)),
        ]
        for label, call in calls:
            response = call()
            ok = response.status_code == 200 and response.parsed is not None
            failed |= not ok
            status = f"{'ok  ' if ok else 'FAIL'} {label:<28} {int(response.status_code)}"
            print(f"smoke {status} {_summary(response.parsed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
