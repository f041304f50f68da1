"""The content loader core: `content/` (Markdown + YAML front matter) → the database.

It knows no kind of record by name: each kind registers itself (`core.registry`).
read_content() parses and validates the whole set; sync_content() writes it in one
transaction; export_content() writes the database back. The `load_content` and
`export_content` management commands only parse arguments and print.
"""

from .export import export_content
from .files import Problem
from .read import ContentSet, read_content
from .sync import LoadResult, sync_content

__all__ = [
    "ContentSet",
    "LoadResult",
    "Problem",
    "export_content",
    "read_content",
    "sync_content",
]
