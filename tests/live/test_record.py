"""The recorder: what a live run writes holds none of the upstream's tokens, addresses, UUIDs or ids,
conforms to its operation, loads as a recording, passes the secret scan, and is byte-identical for
the same input."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from scripts.core import conformance, recordings
from scripts.core.secret_scan import scan
from scripts.fixtures.fake_upstream import ACCOUNTS, FAITHFUL, TOKENS, FakeUpstream
from scripts.live import record as recorder
from scripts.live.record import Sanitizer
from tests.support.live_runs import TODAY, LiveRun, run_live

Fake = tuple[FakeUpstream, str]


@pytest.fixture(scope="module")
def faithful_run(fake_upstream: Fake, tmp_path_factory: pytest.TempPathFactory) -> LiveRun:
    return run_live(fake_upstream, "faithful", tmp_path_factory.mktemp("live"), run="recorder")


def _upstream_values() -> list[str]:
    """Every token, address, UUID and id the fake upstream hands out."""
    values = [*TOKENS.values(), *ACCOUNTS.values(), *(a.rpartition(":")[2] for a in ACCOUNTS.values())]
    return values + [str(value) for _recording, replaced in FAITHFUL.values() for value in replaced.values()]


def test_recordings_hold_none_of_the_upstreams_secrets_or_ids(faithful_run: LiveRun) -> None:
    written = {name: text for name, text in faithful_run.files().items() if name.startswith("recordings/")}
    assert len(written) == 13
    for name, text in written.items():
        for value in _upstream_values():
            assert value not in text, f"{name} holds {value!r}"
        assert "mailbox.example.net" not in text and "pixverse.ai" not in text
        assert next(scan(text, name), None) is None


def test_recordings_load_and_conform(faithful_run: LiveRun) -> None:
    loaded = recordings.load_all(faithful_run.out / "recordings")
    assert len(loaded) == 13
    assert {(r.spec_name, r.operation_id, r.status) for r in loaded} >= {
        ("useapi", "getDreaminaAccount", 200),
        ("useapi", "getDreaminaAccount", 401),
        ("useapi", "getDreaminaAccount", 404),
        ("useapi", "getPixverseFeatures", 400),
        ("imaginepro", "getAccountInfo", 200),
    }
    for recording in loaded:
        assert conformance.conformance_problems(recording) == [], recording.name
        assert recording.revised == "2026-01-02"
        assert recording.basis.startswith("Recorded live from http://127.0.0.1:")
        assert recording.authorized == (recording.status != 401)
        assert recording.file.name.startswith(f"{recording.status}-live-2026-01-02")


def test_the_same_address_gets_the_same_fake_in_body_and_path(faithful_run: LiveRun) -> None:
    recording = recordings.load(faithful_run.out / "recordings/useapi/getDreaminaAccount/200-live-2026-01-02.yaml")
    assert recording.path == "/v1/dreamina/accounts/US%3Auser1%40example.com"
    assert (recording.body["account"], recording.body["email"]) == ("US:user1@example.com", "user1@example.com")
    flow = recordings.load(faithful_run.out / "recordings/useapi/getFlowMusicAccount/200-live-2026-01-02.yaml")
    assert flow.path == "/v1/flowmusic/accounts/user2%40example.com" and flow.body["email"] == "user2@example.com"
    assert flow.body["access_token"] == flow.body["refresh_token"] == "REDACTED"
    assert flow.body["user_id"] == "00000000-0000-4000-8000-000000000001"
    missing = recordings.load(faithful_run.out / "recordings/useapi/getFlowMusicAccount/404-live-2026-01-02.yaml")
    assert missing.path == "/v1/flowmusic/accounts/user4%40example.com"  # the example.invalid account
    assert missing.body["error"] == "Unable to find configuration for account user4@example.com"


def test_the_same_input_gives_byte_identical_recordings(
    faithful_run: LiveRun, fake_upstream: Fake, tmp_path: Path
) -> None:
    again = run_live(fake_upstream, "faithful", tmp_path, run="recorder")
    assert again.files() == faithful_run.files()


def test_a_later_run_replaces_its_recordings(faithful_run: LiveRun, fake_upstream: Fake, tmp_path: Path) -> None:
    stale = tmp_path / "recordings/useapi/getAccount/200-live-2025-12-31.yaml"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    kept = tmp_path / "recordings/useapi/getAccount/notes.txt"
    kept.write_text("mine")
    run_live(fake_upstream, "faithful", tmp_path, run="recorder")
    assert not stale.exists() and kept.exists()


def test_a_body_served_as_json_that_is_not_json_is_not_recorded() -> None:
    answer = conformance.Answer("useapi", "getAccount", "GET", "/v2/account", {}, 200, "application/json", b"{oops")
    assert not recorder.replayable(answer)
    assert recorder.replayable(answer.__class__(**{**answer.__dict__, "content_type": "text/html"}))


# --- the sanitizer, value by value ----------------------------------------------------------


def test_token_fields_are_redacted_at_any_depth() -> None:
    sanitizer = Sanitizer()
    body = {
        "access_token": "ya29.secret",
        "nested": [{"refresh_token": "1//x"}, {"idToken": "e"}],
        "tokens_remaining": 6,
    }
    assert sanitizer.value(body) == {
        "access_token": "REDACTED",
        "nested": [{"refresh_token": "REDACTED"}, {"idToken": "REDACTED"}],
        "tokens_remaining": 6,
    }


def test_tokens_inside_text_and_the_runs_own_tokens_are_redacted() -> None:
    sanitizer = Sanitizer(secrets=["s3cr3t-run-token"])
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
    text = f"echo: Authorization: Bearer abcDEF123456789 and {jwt}, key user:12345-AbCdEf99, raw s3cr3t-run-token"
    assert sanitizer.text(text) == ("echo: Authorization: Bearer REDACTED and REDACTED, key REDACTED, raw REDACTED")


def test_emails_map_to_stable_example_com_fakes_configured_ones_first() -> None:
    sanitizer = Sanitizer(known_emails=["US:Dana@Mail.Example.net", "pat@example.net"])
    body = {"account": "US:dana@mail.example.net", "email": "dana@mail.example.net", "other": "x carol@corp.test y"}
    assert sanitizer.value(body) == {
        "account": "US:user1@example.com",
        "email": "user1@example.com",
        "other": "x user3@example.com y",
    }
    assert sanitizer.path("/v1/dreamina/accounts/US%3Adana%40mail.example.net") == (
        "/v1/dreamina/accounts/US%3Auser1%40example.com"
    )
    assert sanitizer.text("pat@example.net") == "user2@example.com"


def test_uuids_and_ids_get_fakes_of_the_same_type_and_shape() -> None:
    sanitizer = Sanitizer()
    real_uuid = "5f0c2b1e-8d3a-4c47-9e61-2b7d9a0c4e18"
    body = {
        "user_id": real_uuid,
        "session_id": "sess_Ab12Cd",
        "member_id": 9182736450,
        "id": 7,
        "memberId": "M-0042",
        "product_id": 9988776655,
        "again": f"see {real_uuid}",
    }
    fake = sanitizer.value(body)
    assert fake["user_id"] == "00000000-0000-4000-8000-000000000001" and fake["again"] == f"see {fake['user_id']}"
    assert (
        re.fullmatch(r"[a-z]{4}_[A-Z][a-z]\d\d[A-Z][a-z]", fake["session_id"]) and fake["session_id"] != "sess_Ab12Cd"
    )
    assert fake["member_id"] == 1000000001 and len(str(fake["member_id"])) == 10
    assert fake["id"] != 7 and 1 <= fake["id"] <= 9
    assert re.fullmatch(r"[A-Z]-\d{4}", fake["memberId"]) and fake["memberId"] != "M-0042"
    assert fake["product_id"] == 9988776655  # not an id of a person or a session
    assert sanitizer.value({"member_id": 9182736450}) == {"member_id": 1000000001}  # stable within the run


def test_billing_urls_and_names_are_replaced() -> None:
    sanitizer = Sanitizer()
    body = {
        "invoice_url": "https://stripe.pay.pixverse.ai/invoice/in_1",
        "stripe_bill_url": "https://billing.stripe.com/p/x",
        "replyUrl": "https://hooks.example.org/h?sig=1",
        "name": "Dana Reyes",
        "plan_name": "Premium - Monthly",
    }
    assert sanitizer.value(body) == {
        "invoice_url": "https://example.com/invoice_url/1",
        "stripe_bill_url": "https://example.com/stripe_bill_url/2",
        "replyUrl": "https://example.com/replyUrl/3",
        "name": "Person 1",
        "plan_name": "Premium - Monthly",
    }


def test_the_live_readme_documents_every_replacement() -> None:
    readme = (Path(__file__).parents[2] / "scripts" / "live" / "README.md").read_text(encoding="utf-8")
    for replacement in recorder.REPLACEMENTS:
        assert f"| {replacement.what} | {replacement.becomes} | {replacement.why} |" in readme, replacement.what


def test_international_and_atext_addresses_get_fakes_in_body_and_path() -> None:
    sanitizer = Sanitizer(known_emails=["jürgen.müller@bücher-verlag.de"])
    body = {
        "email": "Jürgen.Müller@Bücher-Verlag.de",
        "note": "cc bang!path@gmail.com and 'o'brien+x@corp.ie', or иван@почта.рф",
    }
    assert sanitizer.value(body) == {
        "email": "user1@example.com",
        "note": "cc user2@example.com and 'user3@example.com', or user4@example.com",
    }
    assert sanitizer.path("/v1/flowmusic/accounts/j%C3%BCrgen.m%C3%BCller%40b%C3%BCcher-verlag.de") == (
        "/v1/flowmusic/accounts/user1%40example.com"
    )


def test_the_runs_token_is_redacted_in_every_encoding() -> None:
    token = TOKENS["useapi"]
    sanitizer = Sanitizer(secrets=[token])
    encoded = [
        token.upper(),
        quote(token, safe=""),
        base64.b64encode(token.encode()).decode(),
        "Basic " + base64.b64encode(f"me:{token}".encode()).decode(),
    ]
    for text in encoded:
        redacted = sanitizer.text(f"echo {text} end")
        assert "REDACTED" in redacted and sanitizer.secrets.found(redacted) is None, text


# --- bodies: what an opted-in call sends, and answers that are not JSON -----------------------

RUN_TOKEN = "s3cr3t-run-token-7781"


def _recorded(
    answer: conformance.Answer, tmp_path: Path, sanitizer: Sanitizer | None = None
) -> tuple[str, recordings.Recording]:
    text = recorder.recording_text(
        answer, sanitizer or Sanitizer([RUN_TOKEN]), authorized=True, basis="b", page="", date=TODAY
    )
    file = tmp_path / "useapi" / answer.operation_id / "200-live.yaml"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return text, recordings.load(file)


def _posted(
    content_type: str, body: bytes, response_type: str = "application/json", answer: bytes = b"{}"
) -> conformance.Answer:
    return conformance.Answer(
        "useapi", "createNote", "POST", "/v2/notes", {}, 200, response_type, answer, content_type, body
    )


def test_a_json_request_body_is_sanitized_like_a_response(tmp_path: Path) -> None:
    sent = json.dumps({"text": f"from carol@corp.test, key {RUN_TOKEN}", "session_token": "abc", "id": 4821})
    text, recording = _recorded(_posted("application/json", sent.encode()), tmp_path)
    assert recording.request_body is not None and recording.request_body.json() == {
        "text": "from user1@example.com, key REDACTED",
        "session_token": "REDACTED",
        "id": 1001,
    }
    assert list(scan(text, "recording")) == []


def test_form_fields_and_file_names_are_sanitized_and_files_kept_as_sent(tmp_path: Path) -> None:
    upload = recordings.RequestBody(
        "multipart/form-data",
        fields=(
            ("image", recordings.FilePart(b"\x89PNG\x00\xff", "carol@corp.test", "image/png")),
            ("prompt", f"a cat for carol@corp.test, Bearer {RUN_TOKEN}"),
            ("tags", "a"),
            ("tags", "b"),
        ),
    )
    text, recording = _recorded(_posted(*upload.encoded()), tmp_path)
    assert recording.request_body == recordings.RequestBody(
        "multipart/form-data",
        fields=(
            ("image", recordings.FilePart(b"\x89PNG\x00\xff", "user1@example.com", "image/png")),
            ("prompt", "a cat for user1@example.com, Bearer REDACTED"),
            ("tags", "a"),
            ("tags", "b"),
        ),
    )
    form = recordings.RequestBody("application/x-www-form-urlencoded", fields=(("email", "carol@corp.test"),))
    _text, recording = _recorded(_posted(*form.encoded()), tmp_path)
    assert recording.request_body == recordings.RequestBody(
        "application/x-www-form-urlencoded", fields=(("email", "user1@example.com"),)
    )
    assert list(scan(text, "recording")) == []


def test_a_binary_answer_is_kept_as_base64_and_one_holding_the_runs_token_is_caught(tmp_path: Path) -> None:
    video = bytes(range(256))
    text, recording = _recorded(_posted("", b"", "application/octet-stream", video), tmp_path)
    assert "body_base64:" in text and recording.content == video and recording.request_body is None
    leaked = b"\x00\x01" + RUN_TOKEN.encode() + b"\xff"
    text, _recording = _recorded(_posted("", b"", "application/octet-stream", leaked), tmp_path)
    assert Sanitizer([RUN_TOKEN]).secrets.found(text) == "a token of this run (base64-encoded)"


@pytest.mark.parametrize(
    ("content_type", "answer", "form"),
    [("text/csv", b"id,email\n1,carol@corp.test\n", "body"), ("application/octet-stream", b"plain words", "body")],
)
def test_a_text_answer_is_kept_as_sanitized_text(tmp_path: Path, content_type: str, answer: bytes, form: str) -> None:
    text, recording = _recorded(_posted("", b"", content_type, answer), tmp_path)
    assert f"\n  {form}:" in text and "carol@corp.test" not in recording.body_text
