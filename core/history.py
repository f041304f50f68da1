"""History of what editors do outside the form: publishing, unpublishing, marking as
reviewed. Each is a revision in django-reversion (with who, when and what), so a record's
history in admin tells the whole story and any state can be restored."""

from __future__ import annotations

import reversion
from django.contrib.admin.models import CHANGE, LogEntry


def record_action(request, queryset, values: dict, comment: str) -> int:
    """Set `values` on every record in `queryset` that differs, one revision each, by
    `request.user`, with `comment` ("Published"). Returns how many records changed."""
    changed_count = 0
    for obj in queryset:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if not changed:
            continue
        for name in changed:
            setattr(obj, name, values[name])
        fields = {*changed, *(f.name for f in obj._meta.fields if f.name == "updated")}
        with reversion.create_revision():
            obj.save(update_fields=fields)
            reversion.add_to_revision(obj)
            reversion.set_user(request.user)
            reversion.set_comment(comment)
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[obj],
            action_flag=CHANGE,
            change_message=comment,
            single_object=True,
        )
        changed_count += 1
    return changed_count
