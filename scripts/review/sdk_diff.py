"""Compare the public API of two versions of a generated SDK package with griffe.

Both versions are read statically from source (griffe never imports them), so a base
version can come straight out of `git archive`. Three lists per package:
  breakages   what griffe 2.4.1's `find_breaking_changes` reports: a public object removed,
              a parameter removed, added as required, made required, moved, or its default
              changed, a class losing a base...
  retyped     public attributes, parameters and return values whose annotation changed:
              griffe does not judge annotations, and for a typed client they are the API
              (`str | Unset` becoming `str`); listed for the reviewer, judged by the spec rules
  added       public objects that are new
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import griffe


@dataclass
class PackageDiff:
    project: str  # useapi-client
    package: str  # useapi_client
    state: str  # "changed", "added" or "removed"
    breakages: list[str] = field(default_factory=list)
    retyped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.state == "changed" and not (self.breakages or self.retyped or self.added)


def load(package: str, project_dir: Path) -> griffe.Object:
    loaded = griffe.load(package, search_paths=[project_dir], allow_inspection=False, resolve_aliases=False)
    assert isinstance(loaded, griffe.Object), package
    return loaded


def _public(obj: griffe.Object) -> Iterator[griffe.Object]:
    """Every public module, class, function and attribute under obj (imported names excluded)."""
    for member in obj.members.values():
        if member.is_alias or not member.is_public:
            continue
        assert isinstance(member, griffe.Object)
        yield member
        if member.is_module or member.is_class:
            yield from _public(member)


def _signature(obj: griffe.Object) -> str:
    if isinstance(obj, griffe.Function):
        parameters = ", ".join(
            f"{p.name}: {p.annotation}" if p.annotation is not None else p.name for p in obj.parameters
        )
        return f"({parameters}) -> {obj.returns}"
    if isinstance(obj, griffe.Attribute):
        # The value matters too: a literal enum is a module-level `Name = Literal[...]`.
        parts = (obj.annotation, obj.value)
        return " = ".join(str(part) for part in parts if part is not None)
    return obj.kind.value


def _describe(breakage: griffe.Breakage) -> str:
    details = [str(getattr(v, "name", v)) for v in (breakage.old_value, breakage.new_value) if v is not None]
    shown = f" (`{'` → `'.join(details)}`)" if details and breakage.kind != griffe.BreakageKind.OBJECT_REMOVED else ""
    return f"`{breakage.obj.path}`: {breakage.kind.value}{shown}"


def compare(project: str, package: str, base_dir: Path | None, head_dir: Path | None) -> PackageDiff:
    """base_dir/head_dir: the project folders (generated/<project>) or None when absent."""
    has_base = base_dir is not None and (base_dir / package).is_dir()
    has_head = head_dir is not None and (head_dir / package).is_dir()
    if not has_base and not has_head:
        return PackageDiff(project, package, "changed")
    if not has_base:
        return PackageDiff(project, package, "added")
    if not has_head:
        return PackageDiff(project, package, "removed", breakages=[f"`{package}`: the whole package is removed"])
    assert base_dir is not None and head_dir is not None
    old, new = load(package, base_dir), load(package, head_dir)
    diff = PackageDiff(project, package, "changed")
    diff.breakages = sorted({_describe(b) for b in griffe.find_breaking_changes(old, new)})
    old_objects = {o.path: o for o in _public(old)}
    new_objects = {o.path: o for o in _public(new)}
    for path in sorted(new_objects.keys() - old_objects.keys()):
        diff.added.append(f"`{path}` ({new_objects[path].kind.value})")
    for path in sorted(old_objects.keys() & new_objects.keys()):
        before, after = _signature(old_objects[path]), _signature(new_objects[path])
        if before != after and old_objects[path].kind == new_objects[path].kind:
            diff.retyped.append(f"`{path}`: `{before}` → `{after}`")
    return diff
