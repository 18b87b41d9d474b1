"""scripts.review.sdk_diff on two tiny package versions: griffe's breakages, changed types, additions."""

from __future__ import annotations

from pathlib import Path

from scripts.review import sdk_diff

BEFORE = """\
from typing import Literal

Tier = Literal["free", "paid"]


class Account:
    email: str
    credits: int | None


def get_account(account: str, *, client: object) -> Account: ...
"""

AFTER = """\
from typing import Literal

Tier = Literal["free", "plus"]


class Account:
    credits: int | None | str
    plan: str


def get_account(account_id: str, *, client: object) -> Account: ...
"""


def _package(root: Path, source: str) -> Path:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "api.py").write_text(source)
    return root


def test_breakages_types_and_additions(tmp_path: Path) -> None:
    diff = sdk_diff.compare("pkg-client", "pkg", _package(tmp_path / "a", BEFORE), _package(tmp_path / "b", AFTER))
    assert diff.state == "changed" and not diff.empty
    assert diff.breakages == [
        "`pkg.api.Account.email`: Public object was removed",
        "`pkg.api.get_account`: Parameter was added as required (`account_id`)",
        "`pkg.api.get_account`: Parameter was removed (`account`)",
    ]
    assert diff.retyped == [
        "`pkg.api.Account.credits`: `int | None` → `int | None | str`",
        "`pkg.api.Tier`: `Literal['free', 'paid']` → `Literal['free', 'plus']`",
        "`pkg.api.get_account`: `(account: str, client: object) -> Account` → "
        "`(account_id: str, client: object) -> Account`",
    ]
    assert diff.added == ["`pkg.api.Account.plan` (attribute)"]


def test_unchanged_added_and_removed_packages(tmp_path: Path) -> None:
    before = _package(tmp_path / "a", BEFORE)
    assert sdk_diff.compare("pkg-client", "pkg", before, before).empty
    assert sdk_diff.compare("pkg-client", "pkg", None, before).state == "added"
    removed = sdk_diff.compare("pkg-client", "pkg", before, None)
    assert removed.state == "removed" and removed.breakages == ["`pkg`: the whole package is removed"]
