"""The recorder: what a live run writes holds none of the upstream's tokens, addresses, UUIDs or ids,
conforms to its operation, loads as a recording, passes the secret scan, and is byte-identical for
the same input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.core import conformance, recordings
from scripts.core.secret_scan import scan
from scripts.fixtures.fake_upstream import ACCOUNTS, FAITHFUL, TOKENS, FakeUpstream
from scripts.live import record as recorder
from scripts.live.record import Sanitizer
from tests.support.live_runs import LiveRun, run_live

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
