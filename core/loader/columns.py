"""The plain fields of a record: read from and written to model attributes by the spec.

A kind's dump and write call these for everything that is a plain column (text, number,
true/false, date, a list kept one item per line) and the Markdown body, and add only what
needs the kind's own knowledge: references, child rows, tags.
"""

from __future__ import annotations

import datetime as dt

from .schema import Field, empty, key_of


def dump_columns(obj, spec: dict[str, Field], *, body: bool = True) -> dict:
    """The record's plain fields (and its Markdown body) as loader data."""
    data = {}
    for name, fspec in spec.items():
        if not fspec.column:
            continue
        key = key_of(name, fspec)
        value = getattr(obj, key)
        if fspec.type == "date" and isinstance(value, dt.date):
            value = value.isoformat()
        elif fspec.type == "texts":
            value = [line.strip() for line in value.splitlines() if line.strip()]
        data[key] = value
    if body:
        data["body"] = obj.body.strip()
    return data


def set_columns(obj, data: dict, spec: dict[str, Field], *, body: bool = True) -> None:
    """Set the record's plain fields (and its Markdown body) from loader data."""
    for name, fspec in spec.items():
        if not fspec.column:
            continue
        key = key_of(name, fspec)
        value = data.get(key, empty(fspec))  # a kind may leave an empty field out of its data
        if fspec.type == "date" and value is not None:
            value = dt.date.fromisoformat(value)
        elif fspec.type == "texts":
            value = "\n".join(value)
        setattr(obj, key, value)
    if body:
        obj.body = data["body"]


def sync_rows(queryset, wanted: list[dict], create, key="order") -> None:
    """Make a record's child rows equal `wanted`, updating rows in place by position."""
    current = {getattr(row, key): row for row in queryset}
    for values in wanted:
        row = current.pop(values[key], None)
        if row is None:
            create(values).save()
            continue
        changed = [name for name, value in values.items() if getattr(row, name) != value]
        if changed:
            for name in changed:
                setattr(row, name, values[name])
            row.save()
    for row in current.values():
        row.delete()


def replace_rows(current: list, wanted: list[dict], compare: tuple[str, ...], delete, create):
    """Rewrite a small ordered list of link rows when it differs (unique pairs may move)."""
    if [tuple(getattr(r, f) for f in compare) for r in current] == [
        tuple(w[f] for f in compare) for w in wanted
    ]:
        return
    delete()
    create(wanted)
