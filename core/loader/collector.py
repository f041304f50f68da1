"""Python's cyclic garbage collector, paused while the loader makes many lasting objects.

A load of thousands of records makes hundreds of thousands of objects (records, rows,
parsed files) that all live until it ends. Each time enough new objects pile up, the
collector runs and walks them, again and again, finding nothing to free: a tenth of a
5,000-guide load, and more than half of reading the read cache. Paused, such a run is
that much quicker; the cost is memory, as cycles made on the way wait until the end
(about a fifth more at the peak of a 5,000-guide load, measured with bench/scale.py).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No automatic collection inside; on again after, if it was on (the next automatic
    collection frees what is garbage: a forced one here would walk a test run's whole heap
    after each of its hundreds of loads)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
