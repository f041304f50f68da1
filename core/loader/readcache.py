"""What reading and checking each content file gave, kept between loads.

Reading a file (YAML front matter, the kind's checks) is a pure function of its bytes,
its path and the code that reads it. A load keeps each file's result, keyed by its path
and the hash of its bytes, in one file under `settings.CONTENT_READ_CACHE_DIR`; the next
load reuses the result of every file whose bytes are the same, so a reload of thousands of
unchanged files does not parse them again. The checks across files (references, links,
titles, translations) still run on the whole set every time.

The whole cache is dropped when the code could read differently: its fingerprint covers
every Python file of the project, the Python and PyYAML versions and the site's languages.
Writing it is best effort: a read-only disk only means the next load reads everything.
The file is written and read by this program only (pickle), in its own folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from . import collector

logger = logging.getLogger(__name__)

SKIPPED_FOLDERS = {".venv", "venv", "node_modules", "tests", "staticfiles", ".git"}


@cache
def code_fingerprint() -> str:
    """A hash of everything reading depends on besides the files themselves."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{yaml.__version__}|{settings.LANGUAGES}".encode())
    base = Path(settings.BASE_DIR)
    for root, folders, files in os.walk(base):
        folders[:] = sorted(f for f in folders if f not in SKIPPED_FOLDERS)
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(root, name)
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


class ReadCache:
    """Results of reading files, by (path as shown, hash of the bytes)."""

    def __init__(self, content_dir: Path):
        folder = getattr(settings, "CONTENT_READ_CACHE_DIR", None)
        self.path = None
        self.old: dict = {}
        self.new: dict = {}
        if not folder:
            return
        name = hashlib.sha256(str(Path(content_dir).resolve()).encode()).hexdigest()[:16]
        self.path = Path(folder) / f"content-read-{name}.pickle"
        try:
            with open(self.path, "rb") as stream, collector.paused():
                fingerprint, entries = pickle.load(stream)  # noqa: S301 (our own file)
        except FileNotFoundError:
            return
        except Exception as exc:  # a damaged or old cache is read again, never trusted
            logger.warning("content read cache %s not used: %s", self.path, exc)
            return
        if fingerprint == code_fingerprint():
            self.old = entries

    @staticmethod
    def key(shown: str, data: bytes) -> tuple[str, bytes]:
        return shown, hashlib.sha256(data).digest()

    def get(self, key):
        found = self.old.get(key)
        if found is not None:
            self.new[key] = found
        return found

    def put(self, key, result) -> None:
        self.new[key] = result

    def save(self) -> None:
        """Keep the results of this read (only those: removed files drop out)."""
        if self.path is None or self.new.keys() == self.old.keys():
            return
        written = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.path.parent, delete=False) as stream:
                written = stream.name
                pickle.dump((code_fingerprint(), self.new), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(written, self.path)  # whole or not at all, for a load running alongside
        except OSError as exc:
            logger.warning("content read cache %s not written: %s", self.path, exc)
            if written:
                Path(written).unlink(missing_ok=True)
