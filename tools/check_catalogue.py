"""Check that the Dutch catalogue translates every interface text (`make lint` runs this).

The source is read again the way `manage.py makemessages` reads it, in a temporary copy of
the project, and merged with the committed `locale/<lang>/LC_MESSAGES/django.po`. Any text
that the merged catalogue has no translation for (a new `{% translate %}`, a changed
sentence) or marks fuzzy is listed, with where it is used, and the check fails. Texts that
are in the catalogue but no longer in the source are listed too, so they can be removed.

    python tools/check_catalogue.py          # every language in settings.LANGUAGES but "en"
    python tools/check_catalogue.py nl

To fix: `python manage.py makemessages -l nl --no-wrap --add-location file` (the options
below), translate the empty `msgstr`, and remove `#, fuzzy` once a translation is checked.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What makemessages should not read: tests, tools, content and generated files.
IGNORE = ["tests", "bench", "tools", "docs", "content", "staticfiles", "locale"]
MAKEMESSAGES_OPTIONS = ["--no-wrap", "--add-location", "file", "--no-obsolete"]
COPY_IGNORE = shutil.ignore_patterns(
    ".*", "__pycache__", "*.sqlite3*", "content", "staticfiles", "docs", "*.png", "*.mo"
)


@dataclass
class Entry:
    msgid: str
    context: str = ""
    plural: str = ""
    strings: list[str] = field(default_factory=list)  # msgstr, or msgstr[0], msgstr[1] …
    flags: set[str] = field(default_factory=set)
    places: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.msgid

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings)


def _unquote(text: str) -> str:
    return ast.literal_eval(text)  # a PO string is a C string; these escapes match Python's


def parse(path: Path) -> list[Entry]:
    """The entries of a PO file (the header, msgid "", is left out)."""
    entries: list[Entry] = []
    current: Entry | None = None
    last: str | None = None  # the keyword a continuation line belongs to

    def finish():
        if current is not None and current.msgid:
            entries.append(current)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if last not in (None, "comment"):
                finish()
                current, last = None, None
            if current is None:
                current = Entry(msgid="")
            if line.startswith("#,"):
                current.flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#:"):
                current.places += line[2:].split()
            last = "comment"
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = _unquote(line)
            if last == "msgctxt":
                current.context += value
            elif last == "msgid":
                current.msgid += value
            elif last == "msgid_plural":
                current.plural += value
            elif last == "msgstr":
                current.strings[-1] += value
            continue
        if keyword in ("msgctxt", "msgid") and last not in (None, "comment", "msgctxt"):
            finish()
            current = None
        if current is None:
            current = Entry(msgid="")
        if keyword == "msgctxt":
            current.context = _unquote(rest)
            last = "msgctxt"
        elif keyword == "msgid":
            current.msgid = _unquote(rest)
            last = "msgid"
        elif keyword == "msgid_plural":
            current.plural = _unquote(rest)
            last = "msgid_plural"
        elif keyword.startswith("msgstr"):
            current.strings.append(_unquote(rest))
            last = "msgstr"
    finish()
    return entries


def extract(language: str) -> list[Entry]:
    """The catalogue as makemessages makes it now: the source's texts, merged with the
    committed translations. Made in a temporary copy, so the committed file is untouched."""
    committed = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    with tempfile.TemporaryDirectory(prefix="catalogue-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
        shutil.rmtree(copy / "locale", ignore_errors=True)
        target = copy / "locale" / language / "LC_MESSAGES"
        target.mkdir(parents=True)
        if committed.exists():
            shutil.copy(committed, target / "django.po")
        ignores = [arg for name in IGNORE if name != "locale" for arg in ("-i", name)]
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", language, "-v", "0"]
            + MAKEMESSAGES_OPTIONS
            + ignores,
            cwd=copy,
            check=True,
        )
        return parse(target / "django.po")


def problems(language: str) -> tuple[list[str], list[str]]:
    committed_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    committed = {e.key: e for e in parse(committed_path)} if committed_path.exists() else {}
    merged = extract(language)
    failures = []
    for entry in merged:
        where = ", ".join(entry.places) or "?"
        label = f"{entry.msgid!r}" + (f" (context {entry.context!r})" if entry.context else "")
        old = committed.get(entry.key)
        if old is None:
            failures.append(f"missing from the catalogue: {label} — used in {where}")
        elif "fuzzy" in old.flags or "fuzzy" in entry.flags:
            failures.append(f"fuzzy (check the translation, then remove the flag): {label}")
        elif not old.translated:
            failures.append(f"not translated: {label} — used in {where}")
    used = {e.key for e in merged}
    stale = [f"{key[1]!r}" for key in committed if key not in used]
    return failures, stale


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wegwijs.settings")
    import django
    from django.conf import settings

    django.setup()
    languages = argv or [code for code, _name in settings.LANGUAGES if code != "en"]
    status = 0
    for language in languages:
        failures, stale = problems(language)
        for line in failures:
            print(f"locale/{language}: {line}")
        for text in stale:
            print(f"locale/{language}: no longer used (remove it): {text}")
        if failures or stale:
            status = 1
        else:
            print(f"locale/{language}: every interface text is translated.")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
