"""Read the whole content folder and validate it as one set, before anything is written."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from .. import registry, workers
from ..registry import ContentKind
from ..translation import in_default_language, languages
from .files import ContentFile, Problem, read_content_file
from .links import check_link, find_links
from .progress import Progress, no_progress
from .readcache import ReadCache
from .schema import Cleaner, Ref, key_of
from .translations import Translated, read_translations


@dataclass
class Record:
    kind: str
    slug: str
    path: str  # as shown in messages
    data: dict
    refs: list[Ref] = field(default_factory=list)  # references to other records, with lines
    links: list[tuple[str, int]] = field(default_factory=list)  # link targets, with lines
    item_lines: list[int] = field(default_factory=list)  # the line of each item of a list
    title_line: int = 1


@dataclass
class ContentSet:
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    # Files that are there but could not be read (their own problem is reported): links
    # and references to them are not reported again as "does not exist".
    unreadable: dict[str, set[str]] = field(default_factory=dict)
    # What is allowed but probably a mistake (two guides with one title), as problems.
    warnings: list[Problem] = field(default_factory=list)
    # The files in content/<language>/, read and checked against their English records.
    translations: list[Translated] = field(default_factory=list)

    def of(self, kind: str) -> dict[str, Record]:
        return self.records.setdefault(kind, {})

    def has(self, kind: str, slug: str) -> bool:
        """Whether content/ has a file for this record (readable or not)."""
        return slug in self.of(kind) or slug in self.unreadable.get(kind, ())

    def count(self) -> int:
        return sum(len(r) for r in self.records.values())


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


@in_default_language
def read_content(
    content_dir: Path, progress: Progress = no_progress
) -> tuple[ContentSet, list[Problem]]:
    """Parse and validate every file under `content_dir`. Returns the set and all problems.
    `progress("reading", kind, done, total)` hears how far the reading is."""
    content_dir = Path(content_dir)
    kinds = {kind.name: kind for kind in registry.kinds()}
    problems: list[Problem] = []
    content = ContentSet({name: {} for name in kinds})
    if not content_dir.is_dir():
        return content, [Problem(display_path(content_dir), 0, "the content folder does not exist")]

    translation_folders = set(languages())
    # Paths as strings: pathlib's parsing and comparing cost more than the rest of a
    # reload when thousands of files are unchanged.
    root = str(content_dir)
    relatives = sorted(str(p)[len(root) + 1 :] for p in content_dir.rglob("*.md"))
    shown_root = display_path(content_dir)  # resolved once, not once per file
    jobs: list[tuple[ContentKind, Path, str]] = []
    for relative in relatives:
        parts = relative.split(os.sep)
        if len(parts) == 1:
            continue  # notes for editors at the top of content/ are not records
        if parts[0] in translation_folders:
            continue  # translations: read below, once the English records are known
        shown = os.path.join(shown_root, relative)
        path = Path(root, relative)
        kind = kinds.get(parts[0])
        if kind is None or len(parts) != 2:
            problems.append(
                Problem(
                    shown,
                    1,
                    f"unexpected place for a content file: put it in one of "
                    f"{', '.join(f'content/{k}/' for k in kinds)}",
                )
            )
            continue
        jobs.append((kind, path, shown))
    cache = ReadCache(content_dir)
    results = _read_files(jobs, cache, progress)
    cache.save()
    for (kind, path, _shown), (record, file_problems) in zip(jobs, results, strict=True):
        problems.extend(file_problems)
        if record is None:
            content.unreadable.setdefault(kind.name, set()).add(path.stem)
            continue
        content.of(kind.name)[record.slug] = record

    for kind in kinds.values():
        problems.extend(_check_unique(content, kind))
        if kind.check_set:
            problems.extend(kind.check_set(content))
    problems.extend(_check_references(content, kinds))
    problems.extend(_check_links(content))
    content.translations, translation_problems, translation_warnings = read_translations(
        content_dir, content, display_path
    )
    problems.extend(translation_problems)
    content.warnings = sorted(
        [
            *(w for kind in kinds.values() for w in _same_titles(content, kind)),
            *translation_warnings,
        ]
    )
    return content, sorted(set(problems))


def markdown_body(body: str, first_line: int, cleaner: Cleaner) -> dict:
    return {"body": body.strip()}


# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 400


def _read_files(
    jobs: list[tuple[ContentKind, Path, str]], cache: ReadCache, progress: Progress
) -> list[tuple[Record | None, list[Problem]]]:
    """Each file's record (None if it cannot be read) and problems, in the order of `jobs`:
    from the cache when a file's bytes are the same as at a load before, else parsed and
    checked (over the machine's cores when there are many: reading is pure)."""
    results: list = [None] * len(jobs)
    totals = Counter(kind.name for kind, _, _ in jobs)
    done: Counter = Counter()

    def finish(index: int, result) -> None:
        results[index] = result
        name = jobs[index][0].name
        done[name] += 1
        progress("reading", name, done[name], totals[name])

    misses = []
    for index, (kind, path, shown) in enumerate(jobs):
        try:
            data = path.read_bytes()
        except OSError as exc:
            finish(index, (None, [Problem(shown, 1, f"the file cannot be read ({exc.strerror})")]))
            continue
        key = cache.key(shown, data)
        found = cache.get(key)
        if found is not None:
            finish(index, found)
        else:
            misses.append((index, key, (kind.name, path, shown, data)))
    work = [job for _, _, job in misses]
    with workers.mapping(len(work), PARALLEL_FROM) as map_:
        for (index, key, _), result in zip(misses, map_(_parse_file, work), strict=True):
            cache.put(key, result)
            finish(index, result)
    return results


def _parse_file(job: tuple[str, Path, str, bytes]) -> tuple[Record | None, list[Problem]]:
    """Parse and check one file (in a worker process, for many: it never touches the
    database, and its result depends on the file's bytes and the code alone)."""
    kind_name, path, shown, data = job
    kind = registry.get(kind_name)
    file, problems = read_content_file(path, shown, kind_name, data)
    if file is None:
        return None, problems
    return _clean_file(kind, file)


def _clean_file(kind: ContentKind, file: ContentFile) -> tuple[Record, list[Problem]]:
    cleaner = Cleaner(file.display)
    data = cleaner.clean(file.meta, kind.spec)
    body = file.body.strip("\n")
    if kind.body_required and not body.strip():
        cleaner.problem(file.body_line, kind.body_required)
    data.update((kind.parse_body or markdown_body)(body, file.body_line, cleaner))
    record = Record(kind.name, file.slug, file.display, data)
    title = next((n for n, f in kind.spec.items() if key_of(n, f) == "title"), "title")
    record.title_line = file.meta.line_of(title)
    record.links = list(find_links(file.body, file.body_line))
    if kind.check_file:
        kind.check_file(file, record, cleaner)
    record.refs = cleaner.refs
    return record, cleaner.problems


def _check_references(content: ContentSet, kinds: dict[str, ContentKind]) -> list[Problem]:
    problems = []
    for records in content.records.values():
        for record in records.values():
            for ref in record.refs:
                if ref.slug and not content.has(ref.kind, ref.slug):
                    label = kinds[ref.kind].label if ref.kind in kinds else ref.kind
                    problems.append(
                        Problem(
                            ref.path,
                            ref.line,
                            f"unknown {label} "
                            f"'{ref.slug}': there is no content/{ref.kind}/{ref.slug}.md",
                        )
                    )
    return problems


def _check_links(content: ContentSet) -> list[Problem]:
    problems = []
    for records in content.records.values():
        for record in records.values():
            for target, line in record.links:
                message = check_link(target, content.has)
                if message:
                    problems.append(Problem(record.path, line, message))
    return problems


def _check_unique(content: ContentSet, kind: ContentKind) -> list[Problem]:
    problems = []
    for key, what in kind.unique:
        seen: dict = {}
        for record in content.of(kind.name).values():
            value = record.data.get(key)
            folded = value.lower() if isinstance(value, str) else value
            if folded in seen:
                problems.append(
                    Problem(record.path, 1, f"duplicate {what} '{value}' (also in {seen[folded]})")
                )
            else:
                seen[folded] = record.path
    return problems


def _same_titles(content: ContentSet, kind: ContentKind) -> list[Problem]:
    """Two records of one kind with the same title: readers cannot tell them apart."""
    if any(key == "title" for key, _ in kind.unique):
        return []  # already a problem, not a warning
    if not (kind.detail_view or kind.search):
        return []  # no page of its own in lists or search (a check result, a synonym)
    warnings = []
    seen: dict[str, Record] = {}
    for record in content.of(kind.name).values():
        title = record.data.get("title")
        if not isinstance(title, str) or not title:
            continue
        first = seen.setdefault(" ".join(title.casefold().split()), record)
        if first is not record:
            warnings.append(
                Problem(
                    record.path,
                    record.title_line,
                    f"warning: {first.path} has the same title '{title}': readers cannot tell "
                    f"the two {kind.label}s apart in lists and search results",
                )
            )
    return warnings
