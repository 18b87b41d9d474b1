"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define, field


class Unset:
    """The type of UNSET: an optional field the body did not have. Falsy, like 0 and "", so test
    ``value is UNSET`` (or ``isinstance(value, Unset)``), never ``if value``."""

    _instance: "Unset | None" = None

    def __new__(cls) -> "Unset":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """What the ``*_detailed`` calls return, whatever the status.

    ``parsed`` is the body read into its model for a status the spec documents, and None for any
    other status and for a documented error status whose body is not the documented one.
    ``sync()`` and ``asyncio()`` return the success model alone and raise an
    ``errors.APIStatusError`` subclass for every other status, documented or not.
    """

    status_code: int
    content: bytes = field(repr=False)
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
