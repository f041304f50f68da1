"""Translations: `content/<language>/<kind>/<slug>.md` gives a record's texts in a language.

A translation file is a copy of the English file with its words translated (a kind may ask
for less: KNM themes give only what is not Dutch already, see `ContentKind.translation_spec`)
and one extra field, `translation_of`: the start of the SHA-256 of the English file it was
made from (`sha256sum content/guides/x.md | cut -c1-12`). When the English file changes,
the hashes no longer match: the translation is still shown, marked as behind the English,
and admin lists it under "Translations".

Everything that is not words people read (references, numbers, dates, addresses, choices,
the number and order of list items, a guide's sections) must be the same as in the English
file: a current translation that differs is a problem and nothing is loaded; a translation
that is behind and no longer fits the English is left out (the English is shown) with a
warning, so that changing the English never blocks a load.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .. import registry
from ..registry import ContentKind
from ..translation import languages
from .files import Problem, read_content_file
from .links import check_link, find_links
from .schema import Cleaner, Field, key_of

HASH_RE = re.compile(r"^[0-9a-f]{7,64}$")
HASH_LENGTH = 12


@dataclass
class Translated:
    """One translation file, read and checked."""

    kind: str
    slug: str
    language: str
    path: str
    data: dict
    translation_of: str
    english_hash: str

    @property
    def current(self) -> bool:
        return self.english_hash.startswith(self.translation_of)


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]


def differences(spec: dict[str, Field], data: dict, english: dict, where: str = "") -> list[str]:
    """What a translation changed that it must copy, as messages ([] when it fits)."""
    found = []
    for name, fspec in spec.items():
        key = key_of(name, fspec)
        mine, theirs = data.get(key), english.get(key)
        label = f"{where}{name}"
        if fspec.type in ("records", "record"):
            mine_items = mine if fspec.type == "records" else [mine]
            their_items = theirs if fspec.type == "records" else [theirs]
            if len(mine_items or []) != len(their_items or []):
                found.append(
                    f"'{label}' has {len(mine_items or [])} item(s), the English file "
                    f"{len(their_items or [])}: a translation keeps every item, in order"
                )
                continue
            for index, (a, b) in enumerate(zip(mine_items or [], their_items or [], strict=True)):
                inner = f"{label}[{index + 1}]." if fspec.type == "records" else f"{label}."
                found.extend(differences(fspec.fields, a or {}, b or {}, inner))
        elif fspec.translatable:
            continue  # words: translated
        elif mine != theirs:
            found.append(
                f"'{label}' must be the same as in the English file ({theirs!r}), not {mine!r}: "
                "only words are translated"
            )
    return found


def _structure(kind: ContentKind, data: dict, english: dict) -> list[str]:
    """Body structure a kind depends on (a guide's sections) that must match."""
    found = []
    for key in ("sections",):
        if key in english and len(data.get(key, [])) != len(english[key]):
            found.append(
                f"the body has {len(data.get(key, []))} '## ' section(s), the English file "
                f"{len(english[key])}: a translation keeps every section, in order"
            )
    return found


def read_translations(content_dir: Path, content, display_path) -> tuple[list, list, list]:
    """Every translation under `content_dir`: (translations, problems, warnings)."""
    kinds = {kind.name: kind for kind in registry.kinds()}
    translated, problems, warnings = [], [], []
    for language in languages():
        root = Path(content_dir) / language
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            relative = path.relative_to(root)
            shown = display_path(path)
            kind = kinds.get(relative.parts[0]) if len(relative.parts) == 2 else None
            if kind is None or kind.translate is None:
                choices = ", ".join(
                    f"content/{language}/{k.name}/" for k in kinds.values() if k.translate
                )
                problems.append(
                    Problem(shown, 1, f"unexpected place for a translation: put it in {choices}")
                )
                continue
            item, item_problems, item_warnings = _read_one(
                kind, language, path, shown, content, Path(content_dir)
            )
            problems.extend(item_problems)
            warnings.extend(item_warnings)
            if item is not None:
                translated.append(item)
    return translated, problems, warnings


def _read_one(kind: ContentKind, language, path: Path, shown: str, content, content_dir: Path):
    file, problems = read_content_file(path, shown, kind.name)
    if file is None:
        return None, problems, []
    english = content.of(kind.name).get(file.slug)
    if english is None:
        if content.has(kind.name, file.slug):
            return None, [], []  # the English file has a problem of its own
        return (
            None,
            [
                Problem(
                    shown,
                    1,
                    f"translates content/{kind.name}/{file.slug}.md, which does not exist: "
                    "remove the translation or add the English file",
                )
            ],
            [],
        )
    line = file.meta.line_of("translation_of")
    translation_of = file.meta.pop("translation_of", None)
    if isinstance(translation_of, int) and not isinstance(translation_of, bool):
        problems.append(
            Problem(
                shown,
                line,
                "'translation_of' is read as a number: put the hash in quotes "
                "(translation_of: '064234215978'), or its leading zeros are lost",
            )
        )
        return None, problems, []
    if not isinstance(translation_of, str) or not HASH_RE.match(translation_of):
        problems.append(
            Problem(
                shown,
                line,
                "'translation_of' must be the start of the SHA-256 of the English file it "
                f"translates (`sha256sum content/{kind.name}/{file.slug}.md | cut -c1-12`)",
            )
        )
        return None, problems, []
    cleaner = Cleaner(shown)
    spec = kind.translation_spec or kind.spec
    data = cleaner.clean(file.meta, spec)
    body = file.body.strip("\n")
    if kind.translation_spec is None:
        if kind.body_required and not body.strip():
            cleaner.problem(file.body_line, kind.body_required)
        if kind.parse_body:
            data.update(kind.parse_body(body, file.body_line, cleaner))
        else:
            data["body"] = body.strip()
    for target, link_line in find_links(file.body, file.body_line):
        message = check_link(target, content.has)
        if message:
            cleaner.problem(link_line, message)
    item = Translated(
        kind.name,
        file.slug,
        language,
        shown,
        data,
        translation_of,
        file_hash(content_dir / kind.name / f"{file.slug}.md"),
    )
    mismatches = [
        *differences(spec, data, english.data),
        *(_structure(kind, data, english.data) if kind.translation_spec is None else []),
        *(kind.check_translation(data, english.data) if kind.check_translation else []),
    ]
    problems = [*problems, *cleaner.problems]
    if not mismatches:
        return (item if not problems else None), problems, []
    if item.current:
        return None, [*problems, *(Problem(shown, 1, m) for m in mismatches)], []
    return (
        None,
        problems,
        [
            Problem(
                shown,
                1,
                f"warning: this translation is behind content/{kind.name}/{file.slug}.md and no "
                f"longer fits it ({mismatches[0]}); the English is shown until it is updated",
            )
        ],
    )
