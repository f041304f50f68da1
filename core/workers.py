"""Work spread over the machine's cores in forked worker processes.

For the loader's big batches (parsing thousands of files, rendering thousands of texts).
Workers only compute: they never touch the database connection they inherit."""

from __future__ import annotations

import multiprocessing
import os
from contextlib import contextmanager


def cores() -> int:
    """How many worker processes to use (at most 4)."""
    return min(os.cpu_count() or 1, 4)


def pool():
    """A pool of forked workers, one per core."""
    return multiprocessing.get_context("fork").Pool(cores())


@contextmanager
def mapping(count: int, enough: int):
    """A `map(function, items)` for `count` items, giving results in order: in this process,
    or over forked workers when there are at least `enough` items and more than one core
    (below that, starting workers costs more than it saves)."""
    if count < enough or cores() < 2:
        yield map
        return
    chunk = max(20, count // (cores() * 8))
    with pool() as workers:
        yield lambda function, items: workers.imap(function, items, chunksize=chunk)
