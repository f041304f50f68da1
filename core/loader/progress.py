"""How far a load or export is, for the person waiting at a terminal.

The loader calls `progress(stage, kind, done, total)`; commands turn that into output with
`TerminalProgress`: one line rewritten in place on a terminal, a plain line per kind and
stage otherwise (a log, CI), and nothing at --verbosity 0.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Progress = Callable[[str, str, int, int], None]


def no_progress(stage: str, kind: str, done: int, total: int) -> None:
    """Say nothing (the default, for tests and code that loads quietly)."""


class TerminalProgress:
    """Progress for a management command's output stream."""

    INTERVAL = 0.1  # seconds between rewrites of the line on a terminal

    def __init__(self, stream, verbosity: int = 1):
        self.stream = stream
        self.verbosity = verbosity
        self.tty = _isatty(stream)
        self.started = time.perf_counter()
        self.shown = 0.0
        self.pending = ""

    def __call__(self, stage: str, kind: str, done: int, total: int) -> None:
        if self.verbosity < 1 or total == 0:
            return
        finished = done >= total
        text = f"{stage} {kind}: {done} of {total}"
        if self.tty:
            now = time.perf_counter()
            if finished or now - self.shown >= self.INTERVAL:
                self.stream.write(f"\r\x1b[2K{text}", ending="")
                self.stream.flush()
                self.shown = now
                self.pending = text
            if finished:
                self._end_line()
        elif finished:
            seconds = time.perf_counter() - self.started
            self.stream.write(f"{text} ({seconds:.1f} s)")

    def _end_line(self) -> None:
        if self.tty and self.pending:
            self.stream.write("")
            self.pending = ""

    def close(self) -> None:
        """Leave the terminal on a fresh line before the command's own output."""
        self._end_line()


def _isatty(stream) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
