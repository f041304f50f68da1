"""The content loader: `content/` (Markdown + YAML front matter) → the database.

read_content() parses and validates the whole set; sync_content() writes it in one
transaction. The `load_content` management command only parses arguments and prints.
"""

from .content import ContentSet, read_content
from .files import Problem
from .sync import LoadResult, sync_content

__all__ = ["ContentSet", "LoadResult", "Problem", "read_content", "sync_content"]
