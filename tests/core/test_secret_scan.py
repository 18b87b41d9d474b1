"""No credential or real address in the recordings or the spec examples.

The scan covers every recording file and every spec file whole (examples included), and fails
on the first finding. The scanner itself is tested on planted secrets, so a scan that finds
nothing means something.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from scripts.core import recordings, specs
from scripts.core.paths import RECORDINGS_DIR, display
from scripts.core.secret_scan import scan

COMMITTED_FILES = sorted(RECORDINGS_DIR.rglob("*.yaml")) + specs.spec_paths()


def test_scan_covers_every_recording_and_spec() -> None:
    assert len([p for p in COMMITTED_FILES if p.is_relative_to(RECORDINGS_DIR)]) == len(recordings.load_all())
    assert {p.name for p in specs.spec_paths()} <= {p.name for p in COMMITTED_FILES}


@pytest.mark.parametrize("path", COMMITTED_FILES, ids=display)
def test_no_secret_in_committed_exchanges_and_specs(path: Path) -> None:
    finding = next(scan(path.read_text(encoding="utf-8"), display(path)), None)
    assert finding is None, f"secret found: {finding}"


def _fake_jwt() -> str:
    def part(payload: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256'})}.{part({'sub': 'someone'})}.c2lnbmF0dXJl"


PLANTED = {
    "bearer token": "curl -H 'Authorization: Bearer abcDEF123456789'",
    "JWT": f'    "session": "{_fake_jwt()}",',
    "useapi.net API token": 'curl -H "Authorization: user:12345-a1B2c3D4e5"',
    "refresh_token not REDACTED": '      "refresh_token": "1//0gHdQw-rT5",',
    "access_token not REDACTED": "                    access_token: ya29.a0AfH6SM",
    "email outside example.com": "  path: /v1/dreamina/accounts/US%3Ajane%40gmail.com",
}


@pytest.mark.parametrize("kind", PLANTED)
def test_scanner_finds_each_kind_of_secret(kind: str) -> None:
    findings = list(scan(f"first line\n{PLANTED[kind]}\n", "planted.yaml"))
    assert [(f.kind, f.line) for f in findings] == [(kind, 2)]
    assert str(findings[0]).startswith(f"planted.yaml:2: {kind}: ")


@pytest.mark.parametrize(
    "line",
    [
        '"access_token": "REDACTED",',
        "refresh_token: REDACTED",
        '"access_token_expires_at": "2026-06-01T13:00:00.000Z",',
        "description: '`Authorization: Bearer <API token>`.'",
        "Authorization: Bearer REDACTED",
        "email: jane@example.com  # also US%3Ajohn%40example.com and a@sub.example.com",
        '"tokens_remaining": 60000',
    ],
)
def test_scanner_passes_placeholders_and_example_addresses(line: str) -> None:
    assert list(scan(line, "clean.yaml")) == []
