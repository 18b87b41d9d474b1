"""Text rules more than one stage needs, each in one place: what an email address looks like,
which media types carry JSON, how text goes into a Markdown table cell, onto a terminal, and into
XML or JSON that must stay valid."""

from __future__ import annotations

import re
from typing import Literal

# An email address; `domain` is the part after the @. The local part is RFC 5322 atext
# (letters, digits and !#$%&'*+/=?^_`{|}~-) and dots, with any Unicode letter or digit as RFC 6531
# allows; the domain may be internationalised (`bücher.de`, or its `xn--` form). Lengths are
# bounded as RFC 5321 bounds them, which also keeps a search linear on a long body.
# The recorder replaces these, the secret scan refuses those outside example.com, and the judges
# describe a value holding one by its kind.
_LABEL = r"[^\W_][\w-]{0,62}"
EMAIL = re.compile(
    r"[\w!#$%&'*+/=?^`{|}~.-]{1,64}"
    rf"@(?P<domain>{_LABEL}(?:\.{_LABEL}){{0,8}}\.(?:[^\W\d_]{{2,63}}|xn--[\w-]{{1,59}}))"
)


def is_json_media_type(content_type: str) -> bool:
    """application/json or any +json type (application/problem+json), parameters ignored."""
    media_type = content_type.partition(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


# Characters that would act on a terminal or reorder what is shown: C0/C1 controls and DEL, the
# bidirectional overrides and isolates, and the line and paragraph separators.
_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What XML 1.0 cannot hold at all, even escaped.
_NOT_IN_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def valid_unicode(text: str) -> str:
    """text with each lone surrogate (a JSON `\\ud800` decodes to one) as U+FFFD: encodable as UTF-8."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def terminal_text(text: str, limit: int | None = None) -> str:
    """text safe to print on a terminal, on one line: control characters (ESC, so no ANSI
    sequence), bidi overrides and line breaks shown as `\\x1b`-style escapes, lone surrogates as
    U+FFFD; longer than limit characters, cut with an ellipsis."""
    shown = _UNSAFE_ON_TERMINAL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
    shown = valid_unicode(shown)
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


def xml_text(text: str) -> str:
    """text an XML 1.0 document can hold: what it cannot (NUL, most controls, lone surrogates) as U+FFFD."""
    return _NOT_IN_XML.sub("\ufffd", text)


# In plain text, what could start a code span, a link or image, an autolink (an email's @ too) or
# raw HTML, an entity, emphasis or strikethrough, or escape the next character (our own pipe); a
# scheme's `://`, `www.` and a dot before a letter, which a renderer may link (the last for the bare
# domains markdown-it's linkify takes, such as `0.AL`); and runs of underscores.
_LITERAL = re.compile(r"(?i)[\\`*\[\]<>!|@&~]|(?<=[a-z0-9]):(?=//)|(?<=www)\.|\.(?=[^\W\d_])|_+")


def _escaped(match: re.Match[str]) -> str:
    found, text = match.group(), match.string
    if found.startswith("_"):
        # Underscores between letters or digits never emphasise: `snake_case` stays as it is.
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        return found if before.isalnum() and after.isalnum() else "\\_" * len(found)
    return "\\" + found


def markdown_cell(text: str, kind: Literal["markdown", "text", "code"] = "markdown") -> str:
    """Text safe inside a Markdown table cell, on one line (a pipe would end the cell, a newline
    the row; controls and lone surrogates are neutralised as for a terminal).

    kind: "markdown" keeps the text's own Markdown (our messages with `code` in them); "text"
    shows it literally, whatever it holds (no code span, link, image, autolink or HTML can start);
    "code" shows it as one code span, however many backticks it holds.
    """
    text = terminal_text(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    if kind == "text":
        return _LITERAL.sub(_escaped, text)
    if kind == "code":
        longest = max((len(run) for run in re.findall("`+", text)), default=0)
        fence = "`" * (longest + 1)
        padded = f" {text} " if text.startswith("`") or text.endswith("`") or not text.strip() else text
        return f"{fence}{padded}{fence}".replace("|", "\\|")
    return text.replace("|", "\\|")
