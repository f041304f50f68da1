"""Rewriting an existing content file with only the values that changed.

The front matter is read with ruamel.yaml in round-trip mode, which keeps key order,
quoting, comments, list style and line layout; the values that differ between what was
loaded and what is exported now are replaced in place, and everything else is written
back byte for byte. An unchanged body (or front matter) is not even re-parsed.
"""

from __future__ import annotations

import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

from .schema import Field

# The first block list under a key tells the file's list indentation ("- " at 0 or 2).
BLOCK_LIST_RE = re.compile(r"^[^\s#][^:\n]*:[ \t]*\n( *)- ", re.MULTILINE)


def update_file(text: str, spec: dict[str, Field], old: tuple, new: tuple) -> str:
    """`text` with the front matter and body changed from `old` to `new`, each a pair of
    (front matter as plain data, body text)."""
    (old_meta, old_body), (new_meta, new_body) = old, new
    lines = text.splitlines(keepends=True)
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    head, meta_text, close = lines[0], "".join(lines[1:end]), lines[end]
    body_text = "".join(lines[end + 1 :])
    if old_meta != new_meta:
        meta_text = _update_meta(meta_text, spec, old_meta, new_meta)
    if old_body != new_body:
        lead = body_text[: len(body_text) - len(body_text.lstrip("\n"))]
        body_text = f"{lead}{new_body}\n" if new_body else ""
    if not close.endswith("\n"):
        close += "\n"
    return head + meta_text + close + body_text


def _yaml(meta_text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never wrap a value that was on one line
    match = BLOCK_LIST_RE.search(meta_text)
    if match:
        offset = len(match.group(1))
        yaml.indent(mapping=2, sequence=offset + 2, offset=offset)
    return yaml


def _update_meta(meta_text: str, spec: dict[str, Field], old: dict, new: dict) -> str:
    yaml = _yaml(meta_text)
    doc = yaml.load(meta_text) or CommentedMap()
    _merge(doc, old, new, spec)
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue()


def _merge(node: CommentedMap, old: dict, new: dict, spec: dict[str, Field]) -> None:
    """Make the mapping `node` (read from a file whose data was `old`) say `new`."""
    for name, fspec in spec.items():
        was, now = old.get(name), new.get(name)
        if was == now:
            continue  # as the file has it, even if written differently
        if now is None:
            node.pop(name, None)
        elif name in node:
            node[name] = _value(node[name], was, now, fspec)
        else:
            before = [n for n in spec if n in node and list(spec).index(n) < list(spec).index(name)]
            position = list(node).index(before[-1]) + 1 if before else 0
            node.insert(position, name, _fresh(now))


def _value(current, was, now, fspec: Field):
    if fspec.type == "records" and isinstance(current, list) and isinstance(was, list):
        for index, item in enumerate(now):
            if index >= len(current):
                current.append(_fresh(item))
            elif index < len(was) and isinstance(current[index], dict):
                if was[index] != item:
                    _merge(current[index], was[index], item, fspec.fields)
            else:
                current[index] = _fresh(item)
        del current[len(now) :]
        return current
    if fspec.type == "record" and isinstance(current, dict) and isinstance(was, dict):
        _merge(current, was, now, fspec.fields)
        return current
    if isinstance(now, list):
        seq = CommentedSeq(_fresh(item) for item in now)
        if isinstance(current, CommentedSeq) and current.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(now, str):
        if isinstance(current, ScalarString):
            return type(current)(now)  # the same quoting or block style as before
        return _fresh(now)
    return now


def _fresh(value):
    """A value new to the file, in plain YAML (text with line breaks as a `|` block)."""
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    if isinstance(value, dict):
        return CommentedMap((k, _fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_fresh(v) for v in value)
    return value
