"""Offline practice: the question bank as one versioned file for the device, and the answers
the device gives offline, recorded once each when it is online again.

The bank holds the practice questions of the published themes with their answers and
explanations: a device must score a round without the server. The timed exam is never
offered offline. Answers come back with ids the device made; an id is recorded once, so a
retried upload never counts twice, and the server scores every answer again itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.dateparse import parse_datetime

from core.cache import current_version

from .models import Card, Learner, OfflineAnswer, Option, Question, Theme
from .services import card_schedule

MAX_UPLOAD_BYTES = 64 * 1024
MAX_ANSWERS = 200
ANSWER_KEYS = {"id", "question", "option", "answered"}
# A device clock may be off; an answer is never scheduled later than it was received, and
# never earlier than this before it.
OLDEST_ANSWER = dt.timedelta(days=365)


# ---- the bank ------------------------------------------------------------------------


def _english(label) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(label())


def _question_data(question: Question) -> dict:
    document = None
    if question.document_html:
        document = {
            "kind": question.document_kind,
            # The bank is one file for every language (cached, versioned by its hash): the
            # label is English here, and the page gives knm-offline.js its own language's.
            "label": _english(question.get_document_kind_display),
            "title": question.document_title,
            "html": question.document_html,
            "text": question.document_text,
        }
    return {
        "id": question.qid,
        "theme": question.theme.slug,
        "situation_nl": question.situation_nl,
        "situation_en": question.situation_en,
        "question_nl": question.question_nl,
        "question_en": question.question_en,
        "options": [
            {"n": o.position, "nl": o.text_nl, "en": o.text_en, "correct": o.is_correct}
            for o in question.options.all()
        ],
        "explanation_html": question.explanation_html,
        "read_url": question.read_url,
        "read_label": question.read_label,
        "read_external": not question.is_internal_link,
        "document": document,
    }


def bank_build() -> dict:
    """The practice bank as plain data, with a version that changes exactly when the bank's
    content does (a hash of it)."""
    questions = (
        Question.objects.in_published_themes()
        .select_related("theme")
        .prefetch_related(Prefetch("options", Option.objects.order_by("position")))
        .order_by("theme__order", "order", "qid")
    )
    data = {
        "themes": [
            {"slug": t.slug, "title": t.title, "dutch_title": t.dutch_title, "order": t.order}
            for t in Theme.objects.published().order_by("order")
        ],
        "questions": [_question_data(q) for q in questions],
        "practice_length": settings.KNM_PRACTICE_LENGTH,
    }
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    return {"version": hashlib.sha256(canonical).hexdigest()[:16], **data}


def bank_file() -> tuple[str, bytes]:
    """(version, JSON bytes) of the bank, built once per content version."""
    key = f"knm-offline-bank:{current_version()[0]}"
    stored = cache.get(key)
    if stored is None:
        bank = bank_build()
        body = json.dumps(bank, ensure_ascii=False, separators=(",", ":")).encode()
        stored = (bank["version"], body)
        cache.set(key, stored, 24 * 3600)
    return stored


# ---- answers sent from the device ------------------------------------------------------


class UploadRefused(Exception):
    """An upload refused as a whole; nothing of it was recorded."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class SentAnswer:
    id: uuid.UUID
    qid: str
    option: int
    answered: dt.datetime


@dataclass
class UploadOutcome:
    recorded: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        """200 when anything new was recorded; 409 when everything had been received
        before (a replayed upload); 422 when nothing could be recorded."""
        if self.recorded:
            return 200
        return 409 if self.duplicate and not self.refused else 422

    def as_json(self) -> dict:
        results = {pk: "recorded" for pk in self.recorded}
        results.update({pk: "duplicate" for pk in self.duplicate})
        results.update({pk: f"refused: {reason}" for pk, reason in self.refused.items()})
        return {
            "recorded": len(self.recorded),
            "duplicate": len(self.duplicate),
            "refused": len(self.refused),
            "results": results,
        }


def _parse_one(item, index: int) -> SentAnswer:
    where = f"Answer {index + 1}"
    if not isinstance(item, dict) or set(item) != ANSWER_KEYS:
        raise UploadRefused(f"{where} must have exactly: id, question, option, answered.")
    try:
        answer_id = uuid.UUID(str(item["id"]))
    except ValueError:
        raise UploadRefused(f"{where}: the id is not a valid UUID.") from None
    qid = item["question"]
    if not isinstance(qid, str) or not 0 < len(qid) <= 60:
        raise UploadRefused(f"{where}: the question id must be a short text.")
    option = item["option"]
    if isinstance(option, bool) or not isinstance(option, int) or not 1 <= option <= 9:
        raise UploadRefused(f"{where}: the option must be a whole number from 1 to 9.")
    answered = parse_datetime(item["answered"]) if isinstance(item["answered"], str) else None
    if answered is None or answered.tzinfo is None:
        raise UploadRefused(f"{where}: the time must be an ISO 8601 date and time with a zone.")
    return SentAnswer(answer_id, qid, option, answered)


def upload_parse(body: bytes) -> list[SentAnswer]:
    """Check the shape of an upload; refuse it whole if anything is malformed."""
    if len(body) > MAX_UPLOAD_BYTES:
        raise UploadRefused("The upload is too large. Send at most 200 answers at a time.", 413)
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise UploadRefused("The upload is not valid JSON.") from None
    answers = data.get("answers") if isinstance(data, dict) else None
    if not isinstance(answers, list) or not answers:
        raise UploadRefused('Send a JSON object with a non-empty list "answers".')
    if len(answers) > MAX_ANSWERS:
        raise UploadRefused(f"Send at most {MAX_ANSWERS} answers at a time.", 413)
    parsed = [_parse_one(item, n) for n, item in enumerate(answers)]
    if len({a.id for a in parsed}) != len(parsed):
        raise UploadRefused("The same answer id appears twice in this upload.")
    return parsed


def _card_answer(cards: dict, learner, question, correct: bool, answered, now) -> None:
    """Schedule one answer on the learner's card. The time is the device's, but never in the
    future, never long ago, and never before the answer the card already holds (a card's
    time only moves forward)."""
    when = min(max(answered, now - OLDEST_ANSWER), now)
    card = cards.get(question.pk)
    if card is None:
        card = Card(learner=learner, question=question, box=0, due=when, last_answered=when)
        cards[question.pk] = card
    card_schedule(card, correct, max(when, card.last_answered))
    card.save()


def offline_answers_record(
    learner: Learner, answers: list[SentAnswer], now: dt.datetime
) -> UploadOutcome:
    """Record the answers this learner gave offline, each once, scored here. They change
    only this learner's cards; an id seen before is a duplicate (the same answer again) or
    refused (an id reused for another answer, or by another browser)."""
    outcome = UploadOutcome()
    existing = {
        a.pk: a
        for a in OfflineAnswer.objects.filter(pk__in=[s.id for s in answers]).select_related(
            "question", "option"
        )
    }
    questions = {
        q.qid: q
        for q in Question.objects.in_published_themes()
        .filter(qid__in={s.qid for s in answers})
        .prefetch_related("options")
    }
    cards = {
        c.question_id: c
        for c in Card.objects.filter(learner=learner, question__in=questions.values())
    }
    for sent in sorted(answers, key=lambda s: s.answered):
        key = str(sent.id)
        known = existing.get(sent.id)
        if known is not None:
            if _same_answer(known, learner, sent):
                outcome.duplicate.append(key)
            else:
                outcome.refused[key] = "this answer id was already used for another answer"
            continue
        question = questions.get(sent.qid)
        if question is None:
            outcome.refused[key] = "this question is no longer in the practice bank"
            continue
        option = next((o for o in question.options.all() if o.position == sent.option), None)
        if option is None:
            outcome.refused[key] = "that option is not an answer to this question"
            continue
        try:
            with transaction.atomic():
                OfflineAnswer.objects.create(
                    id=sent.id,
                    learner=learner,
                    question=question,
                    option=option,
                    correct=option.is_correct,
                    answered=min(sent.answered, now),
                    received=now,
                )
                _card_answer(cards, learner, question, option.is_correct, sent.answered, now)
        except IntegrityError:
            # The same upload, sent twice at the same moment: the other one recorded it.
            outcome.duplicate.append(key)
            continue
        outcome.recorded.append(key)
    return outcome


def _same_answer(known: OfflineAnswer, learner: Learner, sent: SentAnswer) -> bool:
    return (
        known.learner_id == learner.pk
        and known.question.qid == sent.qid
        and known.option.position == sent.option
    )
