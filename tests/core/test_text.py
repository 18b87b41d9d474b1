"""The shared text rules: the one email pattern, Markdown cells rendered as GitHub renders them
(markdown-it's GFM preset, bare links included), and text made safe for a terminal or XML."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from scripts.core.text import EMAIL, markdown_cell, terminal_text, xml_text

PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
# Text an upstream can send, weighted towards what Markdown, terminals and XML treat specially.
HOSTILE_TEXT = st.text(
    st.sampled_from(list("`*_[]()<>!|\\@&~:/.# \n\r\t\x1b\x00\x9b\u202e\ud800")) | st.characters(), max_size=40
) | st.sampled_from(
    [
        "[a](https://evil.example/x)",
        "![i](https://evil.example/i.png)",
        "<https://evil.example>",
        "https://evil.example/x",
        "www.evil.example",
        "0.AL",  # a bare domain markdown-it's linkify takes
        "_0_",
        "a__b_ _c",
        "www.1.example",
        "jane@gmail.com",
        "a `code` b",
        "<img src=x onerror=alert(1)>",
        "&#96;&lt;b&gt;",
        "\x1b[2J\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    ]
)

GFM = MarkdownIt("gfm-like")


def _cell_tokens(cell: str) -> list[Token]:
    """The inline tokens of the single body cell of a one-column table holding cell."""
    tokens = GFM.parse(f"| h |\n|---|\n| {cell} |\n")
    rows = [token for token in tokens if token.type == "tr_open"]
    cells = [token for token in tokens if token.type == "td_open"]
    assert len(rows) == 2 and len(cells) == 1, cell  # the header row and one body row of one cell
    inline = [token for token in tokens if token.type == "inline"]
    children = inline[-1].children
    assert children is not None
    return children


def _shown(text: str) -> str:
    """What a cell shows of text: one line, controls as escapes, outer spaces trimmed."""
    return terminal_text(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")).strip()


@PROPERTIES
@given(HOSTILE_TEXT)
def test_a_text_cell_shows_the_text_literally_with_no_link_image_code_or_html(text: str) -> None:
    children = _cell_tokens(markdown_cell(text, "text"))
    kinds = {child.type for child in children}
    assert kinds <= {"text", "softbreak"}, kinds
    shown = "".join(child.content for child in children if child.type == "text")
    assert shown == _shown(text).replace("  ", " ") or shown == _shown(text)


@PROPERTIES
@given(HOSTILE_TEXT)
def test_a_code_cell_is_one_code_span_holding_the_text(text: str) -> None:
    children = _cell_tokens(markdown_cell(text, "code"))
    assert [child.type for child in children] == ["code_inline"]
    assert children[0].content.strip() == _shown(text)


def test_markdown_cells_keep_our_own_markdown_and_escape_pipes() -> None:
    assert markdown_cell("`nullable-added` (breaking: major bump)") == "`nullable-added` (breaking: major bump)"
    assert markdown_cell("a | b\nc") == "a \\| b c"


@PROPERTIES
@given(HOSTILE_TEXT)
def test_terminal_text_holds_no_control_bidi_override_or_lone_surrogate(text: str) -> None:
    shown = terminal_text(text)
    assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in shown), repr(shown)
    assert not any(
        unicodedata.bidirectional(char) in ("LRO", "RLO", "LRE", "RLE", "PDF", "LRI", "RLI", "FSI", "PDI")
        for char in shown
    )
    shown.encode("utf-8")


def test_terminal_text_shows_escapes_and_cuts_long_text() -> None:
    assert terminal_text("\x1b[2Jplan\u202e\n") == "\\x1b[2Jplan\\u202e\\n"
    assert terminal_text("x" * 100, limit=10) == "x" * 9 + "…"
    assert terminal_text("jürgen — plus") == "jürgen — plus"


@PROPERTIES
@given(HOSTILE_TEXT)
def test_xml_text_always_makes_a_document_that_parses(text: str) -> None:
    element = ElementTree.Element("failure", message=xml_text(text))
    element.text = xml_text(text)
    parsed = ElementTree.fromstring(ElementTree.tostring(element, encoding="unicode").encode("utf-8"))
    assert parsed.text is not None or not text


@pytest.mark.parametrize(
    ("text", "address", "domain"),
    [
        ("an IDN: jürgen.müller@bücher-verlag.de.", "jürgen.müller@bücher-verlag.de", "bücher-verlag.de"),
        ("punycode x@xn--bcher-kva.de", "x@xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("atext: hey!you#1$%&'*+/=?^_`{|}~-x@mail.example.org", None, "mail.example.org"),
        ("bang!path@gmail.com", "bang!path@gmail.com", "gmail.com"),
        ("Cyrillic иван@почта.рф", "иван@почта.рф", "почта.рф"),
        ("US:dana@mail.example.net", "dana@mail.example.net", "mail.example.net"),
        ("quoted 'o'brien@corp.ie'", "'o'brien@corp.ie", "corp.ie"),
        ("a local part of 100: " + "x" * 100 + "@gmail.com", "x" * 64 + "@gmail.com", "gmail.com"),
    ],
)
def test_the_email_pattern_finds_international_and_rfc_5322_addresses(
    text: str, address: str | None, domain: str
) -> None:
    found = EMAIL.search(text)
    assert found is not None and found["domain"] == domain
    if address is not None:
        assert found.group(0) == address


@pytest.mark.parametrize("text", ["a@b.c1", "no address here", "user@localhost", "@gmail.com", "x@.com"])
def test_the_email_pattern_passes_what_is_no_address(text: str) -> None:
    assert EMAIL.search(text) is None
