"""What the root logger's handlers would write, for tests that read the log lines."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator


class EmittedLines(logging.Handler):
    """Every record formatted when it is emitted (traceback included), as a handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextlib.contextmanager
def emitted_lines(level: int, quiet: dict[str, int] | None = None) -> Iterator[EmittedLines]:
    """The lines logged at `level` and above while in the block; `quiet`: logger names raised to
    their own level meanwhile. The root logger and those loggers are put back after."""
    root = logging.getLogger()
    handler, root_level = EmittedLines(), root.level
    quieted = {name: logging.getLogger(name) for name in quiet or {}}
    levels = {name: logger.level for name, logger in quieted.items()}
    root.addHandler(handler)
    root.setLevel(level)
    for name, logger in quieted.items():
        logger.setLevel((quiet or {})[name])
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(root_level)
        for name, logger in quieted.items():
            logger.setLevel(levels[name])
