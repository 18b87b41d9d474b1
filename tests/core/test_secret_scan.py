"""No credential or real address in the recordings or the spec examples.

The scan covers every recording file and every spec file whole (examples included), and fails
on the first finding. The scanner itself is tested on planted secrets, so a scan that finds
nothing means something.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.core import recordings, specs
from scripts.core.paths import RECORDINGS_DIR, display
from scripts.core.secret_scan import RunSecrets, scan

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
# Addresses the scan must refuse: internationalised ones, and local parts of RFC 5322 atext.
FOREIGN_ADDRESSES = [
    '"email": "jürgen.müller@bücher-verlag.de"',
    "path: /v1/flowmusic/accounts/j%C3%BCrgen%40b%C3%BCcher-verlag.de",
    "owner: bang!path@gmail.com",
    "contact: o'brien+tag@corp.ie",
    "from: {braces}=x?@mail.example.org",
    "user: иван@почта.рф",
    "user: x@xn--bcher-kva.de",
]


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


@pytest.mark.parametrize("line", FOREIGN_ADDRESSES)
def test_scanner_finds_international_and_atext_addresses(line: str) -> None:
    assert [finding.kind for finding in scan(line, "planted.yaml")] == ["email outside example.com"]


TOKEN = "user:7301-q9ZfakeUpstreamToken"
# Each way a run's token can reach text: (name, encode).
ENCODINGS: dict[str, Callable[[str], str]] = {
    "as is": lambda token: token,
    "upper-cased": str.upper,
    "lower-cased": str.lower,
    "percent-encoded": lambda token: quote(token, safe=""),
    "percent-encoded, lower-case hex": lambda token: quote(token, safe="").lower(),
    "percent-encoded twice": lambda token: quote(quote(token, safe=""), safe=""),
    "form-encoded": quote_plus,
    "base64": lambda token: base64.b64encode(token.encode()).decode(),
    "base64 in basic auth": lambda token: "Basic " + base64.b64encode(f"me:{token}".encode()).decode(),
    "base64 URL-safe, offset 2": lambda token: base64.urlsafe_b64encode(b"ab" + token.encode()).decode(),
    "base64, percent-encoded": lambda token: quote(base64.b64encode(b"x" + token.encode()).decode(), safe=""),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_runs_token_is_found_in_every_encoding(encoding: str) -> None:
    secrets = RunSecrets([TOKEN])
    text = f"echo: {ENCODINGS[encoding](TOKEN)} end"
    assert secrets.found(text) is not None
    if encoding != "percent-encoded twice":  # found, not redacted: the recorder refuses to write it
        assert secrets.found(secrets.redact(text)) is None, secrets.redact(text)
    assert secrets.found("echo: nothing of the run's here, user:7301-other end") is None


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    token=st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=12, max_size=40),
    encoding=st.sampled_from(sorted(ENCODINGS)),
    before=st.text(max_size=20),
    after=st.text(max_size=20),
)
def test_any_token_in_any_encoding_anywhere_is_found_and_redacted(
    token: str, encoding: str, before: str, after: str
) -> None:
    secrets = RunSecrets([token])
    text = before + ENCODINGS[encoding](token) + after
    assert secrets.found(text) is not None
    if encoding != "percent-encoded twice":
        assert secrets.found(secrets.redact(text)) is None
