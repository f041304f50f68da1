"""The loader's rules, applied to one value at a time: what admin checks on save.

Admin and `load_content` must accept and refuse the same things, so admin does not have
rules of its own: it passes each value through the loader's own `Cleaner` (types,
required fields, slugs, https addresses, choices) and `check_link`, and shows the
loader's message on the field. Only "does this record exist" is answered from the
database instead of from content/.
"""

from __future__ import annotations

from collections.abc import Callable

from . import registry
from .loader.files import LineDict, LineList
from .loader.links import check_link, find_links
from .loader.schema import Cleaner, Field

SLUG = Field("slug", required=True)


def record_exists(kind: str, slug: str) -> bool:
    """Whether the database has this record (published or not)."""
    return registry.get(kind).model.objects.filter(slug=slug).exists()


def value_problems(value, fspec: Field, name: str) -> list[str]:
    """What the loader would say about `value` for a field declared as `fspec`."""
    if fspec.type == "texts" and isinstance(value, str):
        value = LineList(line.strip() for line in value.splitlines() if line.strip())
    if isinstance(value, str):
        value = value.strip()
    cleaner = Cleaner("admin")
    mapping = LineDict() if value in (None, "") else LineDict({name: value})
    cleaner.clean(mapping, {name: fspec})
    return [problem.message for problem in cleaner.problems]


def link_problems(target: str) -> list[str]:
    message = check_link(target.strip(), record_exists)
    return [message] if message else []


def markdown_problems(text: str, check: Callable[[str, Cleaner], None] | None = None) -> list[str]:
    """Every link in a Markdown text checked, and the kind's own rules for its text
    (`check`, such as "every amount carries a reference"), as the loader checks a body."""
    problems = [m for target, _line in find_links(text, 1) for m in link_problems(target)]
    if check is not None:
        cleaner = Cleaner("admin")
        check(text, cleaner)
        problems.extend(problem.message for problem in cleaner.problems)
    return problems
