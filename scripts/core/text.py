"""Text rules more than one stage needs, each in one place: what an email address looks like,
which media types carry JSON, and how text goes into a Markdown table cell."""

from __future__ import annotations

import re

# An email address; `domain` is the part after the @. The recorder replaces these, the secret scan
# refuses those outside example.com, and the judges describe a value holding one by its kind.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})")


def is_json_media_type(content_type: str) -> bool:
    """application/json or any +json type (application/problem+json), parameters ignored."""
    media_type = content_type.partition(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def markdown_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: a pipe would end the cell, a newline the row."""
    return text.replace("|", "\\|").replace("\n", " ")
