"""Turn a live exchange into a recording in the format of tests/recordings/, with no secret left.

Sanitizing works on the decoded body (every string and key, at any depth), and on the request
path and query, before anything is written. The same real value gets the same fake everywhere
within a run, so the recording stays consistent with itself and with its request path: Dreamina's
`account` (`US:<email>`) and `email` keep naming the same fake address. Each fake has the type and
shape of what it replaces, so a sanitized recording still conforms to its operation.

What is replaced, and why, is REPLACEMENTS: scripts/live/README.md's table follows it (a test keeps
them in step). A request's body (an opted-in call sends one) is sanitized like a response's: JSON
by value, form fields and file names as text. A body that is not text (a download, an uploaded
file) is written as base64 as it came: nothing in it can be replaced, so the run's secret scan,
which finds the run's tokens base64-encoded too, decides whether it may be written.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote

import yaml

from scripts.core import conformance, recordings, secret_scan
from scripts.core.text import EMAIL, is_json_media_type, valid_unicode


@dataclass(frozen=True)
class Replacement:
    what: str
    becomes: str
    why: str


REPLACEMENTS = [
    Replacement(
        "the run's own tokens, anywhere: in any letter case, percent-encoded, base64-encoded",
        "`REDACTED`",
        "they are the credentials of the run; one found but not replaceable (percent-encoded twice) "
        "stops the recording",
    ),
    Replacement(
        "every field whose name ends in `token` (Flow Music's `access_token`, `refresh_token`)",
        "`REDACTED`",
        "upstream session tokens: useapi.net passes some through",
    ),
    Replacement(
        "bearer tokens, JWTs and useapi.net API tokens inside any text",
        "`REDACTED`",
        "an error message can echo a credential",
    ),
    Replacement(
        "every email address, inside any text too, internationalised ones (`jürgen@bücher.de`) and any "
        "RFC 5322 local part (`o'brien!x@…`) included",
        "`user1@example.com`, `user2@example.com`, ... (configured accounts first)",
        "they name real people; the same address maps to the same fake within a run, so "
        "Dreamina's `account` (`US:<email>`), `email` and the request path stay consistent",
    ),
    Replacement(
        "every UUID (Flow Music's `user_id` and `session_id`)",
        "`00000000-0000-4000-8000-000000000001`, ... (a valid UUID)",
        "they identify accounts and sessions",
    ),
    Replacement(
        "ids: fields named `id`, `uid`, `user_id`, `member_id`, `session_id`, `account_id`, "
        "`customer_id` (or camelCase)",
        "a number with as many digits, or a string of the same shape (digits for digits, letters for letters)",
        "they identify the account upstream",
    ),
    Replacement(
        "invoice, billing, payment, receipt, portal, reply, callback and webhook URLs "
        "(`invoice_url`, `stripe_bill_url`, `replyUrl`)",
        "`https://example.com/<field>/1`",
        "they open the account's bills or carry a signed link",
    ),
    Replacement(
        "people's names: fields named `name`, `username`, `first_name`, `last_name`, `full_name`, `nickname`",
        "`Person 1`, ...",
        "they name real people",
    ),
    Replacement("response headers", "dropped, except the content type", "cookies, request ids and rate-limit keys"),
]

_TOKEN_FIELD = re.compile(r"token$", re.IGNORECASE)
_ID_FIELD = re.compile(r"(id|uid|(user|member|session|account|customer)_?id)", re.IGNORECASE)
_URL_FIELD = re.compile(r"\w*(invoice|bill|billing|payment|receipt|portal|reply|callback|webhook)_?url", re.IGNORECASE)
_NAME_FIELD = re.compile(r"name|username|nickname|(first|last|full)_?name", re.IGNORECASE)
_UUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")
_BEARER = re.compile(r"\b(Bearer\s+)(?!REDACTED\b)[A-Za-z0-9\-._~+/]{8,}=*", re.IGNORECASE)


class Sanitizer:
    """Replaces secrets and personal values with stable fakes; one per run."""

    def __init__(self, secrets: Iterable[str] = (), known_emails: Iterable[str] = ()) -> None:
        self.secrets = secret_scan.RunSecrets(secrets)
        self._fakes: dict[tuple[str, str], Any] = {}  # (kind, real value) -> fake
        for text in known_emails:  # seeded in a fixed order: a fake does not depend on call order
            for match in EMAIL.finditer(text):
                self._email(match)

    def _fake(self, kind: str, real: str, make: Any = None) -> Any:
        key = (kind, real)
        if key not in self._fakes:
            number = 1 + sum(1 for known in self._fakes if known[0] == kind)
            self._fakes[key] = make(number) if make else _FAKES[kind](number)
        return self._fakes[key]

    def _email(self, match: re.Match[str]) -> str:
        """The fake for an address; punctuation the pattern took in ahead of it (a quote, a
        slash: atext) stays, so `'jane@…` and `jane@…` get the same fake."""
        found = match.group(0)
        start = next((i for i, char in enumerate(found) if char.isalnum()), 0)
        return found[:start] + str(self._fake("email", found[start:].lower()))

    def text(self, text: str) -> str:
        text = self.secrets.redact(text)
        text = _BEARER.sub(lambda m: m.group(1) + secret_scan.PLACEHOLDER, text)
        for kind, pattern in secret_scan.PATTERNS.items():
            if kind != "bearer token":
                text = pattern.sub(secret_scan.PLACEHOLDER, text)
        text = EMAIL.sub(self._email, text)
        return _UUID.sub(lambda m: self._fake("uuid", m.group(0).lower()), text)

    def value(self, value: Any, key: str = "") -> Any:
        """A decoded JSON value sanitized; key: the field it sits in."""
        if isinstance(value, dict):
            return {self.text(k): self.value(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(item, key) for item in value]
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, str):
            return self._string(value, key)
        if isinstance(value, int) and _ID_FIELD.fullmatch(key):
            return self._fake("int-id", str(value), lambda n: _same_digits(value, n))
        return value

    def _string(self, text: str, key: str) -> str:
        if _TOKEN_FIELD.search(key):
            return secret_scan.PLACEHOLDER
        if _URL_FIELD.fullmatch(key) and text:
            return str(self._fake("url", text, lambda n: f"https://example.com/{key}/{n}"))
        if _NAME_FIELD.fullmatch(key) and text:
            return str(self._fake("name", text, lambda n: f"Person {n}"))
        if _ID_FIELD.fullmatch(key) and text and not _UUID.fullmatch(text):
            return str(self._fake("string-id", text, lambda n: _same_shape(text, n)))
        return self.text(text)

    def path(self, raw_path: str) -> str:
        """A percent-encoded request path, each segment sanitized and encoded again."""
        return "/".join(quote(self.text(unquote(segment)), safe="") for segment in raw_path.split("/"))


_FAKES = {
    "email": lambda n: f"user{n}@example.com",
    "uuid": lambda n: f"00000000-0000-4000-8000-{n:012x}",
}


def _same_digits(value: int, number: int) -> int:
    digits = len(str(abs(value)))
    fake = 10 ** (digits - 1) + number if digits > 1 else number % 9 + 1
    return -fake if value < 0 else fake


def _same_shape(text: str, number: int) -> str:
    draw = random.Random(number)
    shaped = []
    for char in text:
        if char.isdigit():
            shaped.append(draw.choice("0123456789"))
        elif char.isupper():
            shaped.append(draw.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif char.isalpha():
            shaped.append(draw.choice("abcdefghijklmnopqrstuvwxyz"))
        else:
            shaped.append(char)
    return "".join(shaped)


def replayable(answer: conformance.Answer) -> bool:
    """Whether a recording can hold the answer: tests/recordings/ loads a body served as JSON only
    when it is JSON."""
    if not is_json_media_type(answer.content_type):
        return True
    try:
        json.loads(answer.body)
    except (ValueError, RecursionError):
        return False
    return True


def body_text(answer: conformance.Answer, sanitizer: Sanitizer) -> str:
    """The sanitized response body as a recording keeps it as text: JSON indented by two, or the
    text as it came."""
    return _sanitized_text(answer.content_type, answer.body, sanitizer)


def _sanitized_text(content_type: str, body: bytes, sanitizer: Sanitizer) -> str:
    text = body.decode("utf-8", "replace")
    if is_json_media_type(content_type):
        try:
            decoded = json.loads(text)
        except (ValueError, RecursionError):
            pass
        else:
            sanitized = json.dumps(sanitizer.value(decoded), indent=2, ensure_ascii=False)
            if sanitized != valid_unicode(sanitized):  # a lone surrogate (`"\ud800"`): kept as its escape
                sanitized = json.dumps(sanitizer.value(decoded), indent=2)
            return sanitized + "\n"
    return sanitizer.text(text)


# What a YAML text can hold as it is: anything but control characters other than tab and newlines.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _is_text(content_type: str, body: bytes) -> bool:
    """Whether a body is written as text (`body`) rather than base64 (`body_base64`): a JSON or
    text/* body, or one of another type whose bytes are UTF-8 text."""
    if recordings.is_text_media_type(content_type):
        return True
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not _NOT_TEXT.search(text)


def _body_fields(content_type: str, body: bytes, sanitizer: Sanitizer) -> dict[str, str]:
    """A body in a recording's form: `body` (sanitized text) or `body_base64` (as it came)."""
    if _is_text(content_type, body):
        return {"body": _sanitized_text(content_type, body, sanitizer)}
    return {"body_base64": base64.b64encode(body).decode("ascii")}


def _request_body(answer: conformance.Answer, sanitizer: Sanitizer) -> dict[str, Any]:
    """A recording's request.content_type and body, for a request that sent one."""
    if not answer.request_content_type:
        return {}
    if not recordings.is_form_media_type(answer.request_content_type):
        media = recordings.media_type(answer.request_content_type)
        return {"content_type": media, **_body_fields(media, answer.request_body, sanitizer)}
    fields: dict[str, Any] = {}
    for name, value in recordings.parse_form(answer.request_content_type, answer.request_body):
        if isinstance(value, recordings.FilePart):
            part: Any = {"base64": base64.b64encode(value.content).decode("ascii")}
            if value.file_name is not None:
                part["file_name"] = sanitizer.text(value.file_name)
            if value.content_type is not None:
                part["content_type"] = value.content_type
        else:
            part = sanitizer.text(value)
        key = sanitizer.text(name)
        if key in fields:
            fields[key] = [*fields[key], part] if isinstance(fields[key], list) else [fields[key], part]
        else:
            fields[key] = part
    return {"content_type": recordings.media_type(answer.request_content_type), "fields": fields}


class _Dumper(yaml.CSafeDumper):
    pass


def _string(dumper: yaml.CSafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _string)


def recording_text(
    answer: conformance.Answer, sanitizer: Sanitizer, *, authorized: bool, basis: str, page: str, date: dt.date
) -> str:
    """The YAML of a recording of answer: byte-identical for the same answer, sanitizer state and date."""
    data = {
        "source": {"basis": sanitizer.text(basis), "page": page, "revised": date.isoformat()},
        "request": {
            "method": answer.method,
            "path": sanitizer.path(answer.path),
            "query": {sanitizer.text(k): sanitizer.text(v) for k, v in sorted(answer.query.items())},
            "authorized": authorized,
            **_request_body(answer, sanitizer),
        },
        "response": {
            "status": answer.status,
            "content_type": answer.content_type,
            **_body_fields(answer.content_type, answer.body, sanitizer),
        },
    }
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
