"""Find credentials and real people's addresses in text meant to be committed.

Looks for: bearer tokens, JWTs, useapi.net API tokens, any `...token` field whose value is not
REDACTED (refresh and access tokens), and email addresses outside example.com. Percent-encoded
text (request paths) is decoded first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

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
