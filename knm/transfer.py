"""Continue on another device: a short one-time code that lets a second browser carry on
with a learner's practice history. No account and no personal data: the code stands for
the learner's random id for 15 minutes, once.

Only a keyed hash of each code is stored. Wrong codes are counted per visitor (a hash of
the address and browser, kept in the cache only), and a visitor who tries too many is
asked to wait.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Attempt, Card, Learner, OfflineAnswer, TransferCode

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: easy to read aloud and type
CODE_LENGTH = 8
LIFETIME = dt.timedelta(minutes=15)
MAX_FAILED_TRIES = 5  # per visitor, per LIFETIME
MAX_CODES = 10  # codes one learner may make per LIFETIME


class TransferRefused(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def code_normalise(text: str) -> str:
    """What a person typed, as a code: upper case, without spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:40]


def code_display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _hash(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def _window(now: dt.datetime) -> str:
    return str(int(now.timestamp() // LIFETIME.total_seconds()))


def transfer_code_make(learner: Learner, now: dt.datetime) -> tuple[str, TransferCode]:
    """A fresh code for this learner; earlier unused codes stop working."""
    key = f"transfer-make:{learner.pk}:{_window(now)}"
    made = cache.get_or_set(key, 0, timeout=int(LIFETIME.total_seconds()))
    if made >= MAX_CODES:
        raise TransferRefused(
            _("You have made many codes in a short time. Use the last one, or wait 15 minutes."),
            429,
        )
    cache.incr(key)
    with transaction.atomic():
        TransferCode.objects.filter(learner=learner, used__isnull=True, expires__gt=now).update(
            expires=now
        )
        code = "".join(secrets.choice(ALPHABET) for _position in range(CODE_LENGTH))
        record = TransferCode.objects.create(
            code_hash=_hash(code), learner=learner, created=now, expires=now + LIFETIME
        )
    return code, record


def _failed_tries_key(visitor: str, now: dt.datetime) -> str:
    return f"transfer-tries:{visitor}:{_window(now)}"


def transfer_code_redeem(
    text: str, visitor: str, now: dt.datetime, here: Learner | None
) -> Learner:
    """The learner whose history this browser continues with, or a refusal. `visitor` is a
    hash that identifies the browser for the rate limit; `here` is the learner this browser
    already is, whose own answers are merged in, so nothing is lost."""
    key = _failed_tries_key(visitor, now)
    if cache.get(key, 0) >= MAX_FAILED_TRIES:
        raise TransferRefused(
            _("Too many wrong codes. Wait 15 minutes, then make a new code on your other device."),
            429,
        )
    code = code_normalise(text)
    found = None
    if len(code) == CODE_LENGTH:
        found = TransferCode.objects.select_related("learner").filter(code_hash=_hash(code)).first()
    if found is None or found.used is not None or found.expires <= now:
        cache.add(key, 0, timeout=int(LIFETIME.total_seconds()))
        cache.incr(key)
        if found is not None and found.used is not None:
            raise TransferRefused(_("This code has already been used. Make a new one."), 410)
        if found is not None:
            raise TransferRefused(
                _("This code has expired: codes work for 15 minutes. Make a new one."), 410
            )
        raise TransferRefused(
            _("That code is not right. Check it: it has %(length)s letters and digits.")
            % {"length": CODE_LENGTH}
        )
    with transaction.atomic():
        if not TransferCode.objects.filter(pk=found.pk, used__isnull=True).update(used=now):
            raise TransferRefused(_("This code has already been used. Make a new one."), 410)
        if here is not None and here.pk != found.learner_id:
            learner_merge(here, into=found.learner)
    return found.learner


def learner_merge(source: Learner, into: Learner) -> None:
    """Move everything `source` practised to `into`, then delete `source`. Where both have
    a card for the same question, the counts are added and the later state is kept."""
    Attempt.objects.filter(learner=source).update(learner=into)
    OfflineAnswer.objects.filter(learner=source).update(learner=into)
    theirs = {c.question_id: c for c in Card.objects.filter(learner=into)}
    for card in Card.objects.filter(learner=source):
        other = theirs.get(card.question_id)
        if other is None:
            card.learner = into
            card.save(update_fields=["learner"])
            continue
        later = card if card.last_answered > other.last_answered else other
        other.box, other.due, other.previous_right, other.mastered, other.last_answered = (
            later.box,
            later.due,
            later.previous_right,
            later.mastered,
            later.last_answered,
        )
        other.times_right += card.times_right
        other.times_wrong += card.times_wrong
        other.save()
    source.delete()
