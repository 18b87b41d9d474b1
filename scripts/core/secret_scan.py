"""Find credentials and real people's addresses in text meant to be committed.

Looks for: bearer tokens, JWTs, useapi.net API tokens, any `...token` field whose value is not
REDACTED (refresh and access tokens), and email addresses outside example.com. Percent-encoded
text (request paths) is decoded first.

`RunSecrets` finds and redacts a live run's own tokens in every form text can carry them.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, unquote_plus

from scripts.core.text import EMAIL

PLACEHOLDER = "REDACTED"
ALLOWED_EMAIL_DOMAIN = "example.com"

PATTERNS = {
    "bearer token": re.compile(r"\bBearer\s+(?!REDACTED\b)(?!<)[A-Za-z0-9\-._~+/]{8,}=*", re.IGNORECASE),
    "JWT": re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"),
    "useapi.net API token": re.compile(r"\buser:\d+-[A-Za-z0-9]{6,}"),
}
TOKEN_FIELD = re.compile(r"""["']?(\w*token)["']?\s*:\s*["']?([^"',\s}]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    source: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.kind}: {self.text}"


def scan(text: str, source: str) -> Iterator[Finding]:
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = unquote(raw_line)
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(line):
                yield Finding(source, number, kind, match.group(0))
        for match in TOKEN_FIELD.finditer(line):
            if match.group(2) not in (PLACEHOLDER, "null", '""'):
                yield Finding(source, number, f"{match.group(1)} not {PLACEHOLDER}", match.group(0))
        for match in EMAIL.finditer(line):
            domain = match["domain"].lower()
            if domain != ALLOWED_EMAIL_DOMAIN and not domain.endswith("." + ALLOWED_EMAIL_DOMAIN):
                yield Finding(source, number, f"email outside {ALLOWED_EMAIL_DOMAIN}", match.group(0))


def _percent_or_plain(secret: str) -> str:
    """A pattern for secret with any of its characters percent-encoded (`%3A` or `%3a`)."""
    parts = []
    for char in secret:
        encoded = "".join(f"%[{byte >> 4:x}{byte >> 4:X}][{byte & 15:x}{byte & 15:X}]" for byte in char.encode("utf-8"))
        parts.append(f"(?:{re.escape(char)}|{encoded})")
    return "".join(parts)


def _base64_cores(secret: str) -> set[str]:
    """The base64 characters that encode secret alone wherever it starts in the encoded bytes
    (three alignments), standard and URL-safe: what any base64 text holding secret contains."""
    raw = secret.encode("utf-8")
    cores = set()
    for offset in range(3):
        encoded = base64.b64encode(bytes(offset) + raw).decode("ascii")
        core = encoded[-(-8 * offset // 6) : 8 * (offset + len(raw)) // 6]
        cores |= {core, core.translate(str.maketrans("+/", "-_"))}
    return cores


class RunSecrets:
    """A live run's own tokens, found and redacted in every form text can carry them: as they
    are, in any letter case, percent-encoded (wholly or in part, once or twice), and
    base64-encoded (standard or URL-safe, at any alignment, so inside `Basic <base64>` too)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        longest_first = sorted({secret for secret in secrets if secret}, key=len, reverse=True)
        self._forms: list[tuple[str, re.Pattern[str]]] = []
        for secret in longest_first:
            self._forms.append(("", re.compile(_percent_or_plain(secret), re.IGNORECASE)))
        for secret in longest_first:
            cores = sorted(_base64_cores(secret), key=len, reverse=True)
            self._forms.append((" (base64-encoded)", re.compile("|".join(map(_percent_or_plain, cores)))))

    def redact(self, text: str) -> str:
        for _form, pattern in self._forms:
            text = pattern.sub(PLACEHOLDER, text)
        return text

    def found(self, text: str) -> str | None:
        """What form of a token of the run text holds ("" for none), decoded views included."""
        views = dict.fromkeys([text, unquote(text), unquote(unquote(text)), unquote_plus(text)])
        for view in views:
            for form, pattern in self._forms:
                if pattern.search(view):
                    return f"a token of this run{form}"
        return None
