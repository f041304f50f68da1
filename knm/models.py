"""The KNM trainer: themes, questions and options (content), and per-browser learning state."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.markdown import render_markdown
from core.models import ContentQuerySet, ContentRecord, published_q
from core.translation import Translatable


class ThemeQuerySet(ContentQuerySet):
    def with_question_counts(self):
        """Annotate `question_count`: the questions in each theme."""
        return self.annotate(question_count=models.Count("questions"))


class Theme(ContentRecord):
    """One of the eight official KNM themes (eindtermen)."""

    dutch_title = models.CharField(max_length=200, help_text="The official Dutch name.")
    order = models.PositiveIntegerField(help_text="1–8, the order of the official list.")

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["order"]

    def get_absolute_url(self):
        return reverse("knm:theme", kwargs={"slug": self.slug})


class QuestionQuerySet(models.QuerySet):
    def in_published_themes(self):
        """Questions learners may be asked: those of published themes."""
        return self.filter(published_q("theme"))


class DocumentKind(models.TextChoices):
    LETTER = "letter", _("Letter")
    PAYSLIP = "payslip", _("Payslip")
    ADVERT = "advert", _("Advert")
    BILL = "bill", _("Bill")
    CARD = "card", _("Appointment card")
    LABEL = "label", _("Label")
    TIMETABLE = "timetable", _("Timetable")
    PASS = "pass", _("Pass")
    FORM = "form", _("Form")
    NOTICE = "notice", _("Notice")
    MESSAGE = "message", _("Message")


class Question(Translatable):
    class Difficulty(models.TextChoices):
        EASY = "easy", _("Easy")
        MEDIUM = "medium", _("Medium")
        HARD = "hard", _("Hard")

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    qid = models.SlugField(
        "id", max_length=60, unique=True, help_text="Stable id; learners' progress is stored by it."
    )
    order = models.PositiveIntegerField(default=0)
    difficulty = models.CharField(max_length=10, choices=Difficulty.choices)
    situation_nl = models.TextField("situation (Dutch)", blank=True)
    situation_en = models.TextField("situation (English)", blank=True)
    question_nl = models.TextField("question (Dutch)")
    question_en = models.TextField("question (English)")
    explanation = models.TextField(
        help_text="English: why the right answer is right and the tempting one wrong."
    )
    explanation_html = models.TextField(blank=True, editable=False)
    read_url = models.CharField(
        "read more link", max_length=500, help_text="A guide path (/guides/…/) or an https URL."
    )
    read_label = models.CharField("read more text", max_length=200)
    document_kind = models.CharField(
        "document kind", max_length=20, blank=True, choices=DocumentKind.choices
    )
    document_title = models.CharField(
        "document caption", max_length=200, blank=True, help_text="Dutch, e.g. 'Loonstrook'."
    )
    document_body = models.TextField(
        "document",
        blank=True,
        help_text="A realistic document the question is about, in Markdown (tables for "
        "payslips and bills). Fictional names and addresses only.",
    )
    document_html = models.TextField(blank=True, editable=False)
    document_text = models.TextField(
        "document as plain text",
        blank=True,
        help_text="Required with a document: everything it says, in plain Dutch sentences, "
        "for screen readers and for reading aloud.",
    )

    objects = QuestionQuerySet.as_manager()
    translated_fields = ("explanation", "explanation_html", "read_label", "read_url")

    class Meta:
        ordering = ["theme__order", "order"]

    def __str__(self):
        return f"{self.qid}: {self.question_en}"

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):  # the English columns
            self.explanation_html = render_markdown(self.explanation)
        self.document_html = render_markdown(self.document_body)
        super().save(*args, **kwargs)

    @property
    def is_internal_link(self):
        return self.read_url.startswith("/")


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(help_text="1 = A, 2 = B, 3 = C.")
    text_nl = models.CharField("answer (Dutch)", max_length=300)
    text_en = models.CharField("answer (English)", max_length=300)
    is_correct = models.BooleanField(default=False)

    class Meta:
        ordering = ["question", "position"]
        constraints = [
            models.UniqueConstraint(fields=["question", "position"], name="unique_option_position"),
        ]

    def __str__(self):
        return f"{self.letter}. {self.text_en}"

    @property
    def letter(self):
        return "ABC"[self.position - 1] if 1 <= self.position <= 3 else str(self.position)


class Learner(models.Model):
    """A browser that practises. No account, no personal data: just an id in its session."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Learner {str(self.id)[:8]}"


class Attempt(models.Model):
    """A practice round, a review round or a timed exam."""

    class Mode(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        REVIEW = "review", _("Review of mistakes")
        EXAM = "exam", _("Practice exam")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="attempts")
    mode = models.CharField(max_length=10, choices=Mode.choices)
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started"]

    def __str__(self):
        return f"{self.get_mode_display()} {str(self.id)[:8]}"

    def get_absolute_url(self):
        return reverse("knm:attempt", kwargs={"attempt_id": self.id})

    def is_expired(self, now):
        return self.deadline is not None and now >= self.deadline


class AttemptItemQuerySet(models.QuerySet):
    def with_question(self):
        """Items with their question, theme, chosen option and options in order: what the
        question and result pages show."""
        return self.select_related("question__theme", "chosen").prefetch_related(
            models.Prefetch("question__options", Option.objects.order_by("position"))
        )


class AttemptItem(models.Model):
    """One question of an attempt, and the learner's answer once given."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attempt_items")
    chosen = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    correct = models.BooleanField(null=True)
    answered = models.DateTimeField(null=True, blank=True)
    marked = models.BooleanField(
        default=False, help_text="In an exam: the learner wants to come back to this question."
    )
    option_order = models.CharField(
        max_length=100,
        blank=True,
        help_text="The options' ids in the order this attempt shows them (shuffled per attempt).",
    )

    objects = AttemptItemQuerySet.as_manager()

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="unique_attempt_position"),
        ]

    def __str__(self):
        return f"{self.attempt} #{self.position}"

    def shown_options(self) -> list[Option]:
        """The question's options in the order this attempt shows them, each with the
        letter it is shown under (`shown_letter`): A, B, C follow the order on screen."""
        options = list(self.question.options.all())
        order = [int(pk) for pk in self.option_order.split(",") if pk.isdigit()]
        if sorted(order) == sorted(o.pk for o in options):
            by_pk = {o.pk: o for o in options}
            options = [by_pk[pk] for pk in order]
        for index, option in enumerate(options):
            option.shown_letter = "ABCDEFG"[index]
        return options


class CardQuerySet(models.QuerySet):
    def due_for_review(self, learner, now):
        """Questions this learner got wrong at some time that are due again, in published
        themes: what a review round asks, and what "N to review" counts."""
        return self.filter(
            published_q("question__theme"), learner=learner, times_wrong__gt=0, due__lte=now
        )


class Card(models.Model):
    """Spaced-repetition state of one question for one learner (Leitner boxes)."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="cards")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="cards")
    box = models.PositiveSmallIntegerField(default=1)
    due = models.DateTimeField()
    times_right = models.PositiveIntegerField(default=0)
    times_wrong = models.PositiveIntegerField(default=0)
    last_answered = models.DateTimeField()
    previous_right = models.DateTimeField(
        null=True, blank=True, help_text="When the last answer was given, if it was right."
    )
    mastered = models.BooleanField(
        default=False, help_text="Answered right twice in a row, a day or more apart."
    )

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["due"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "question"], name="unique_card"),
        ]

    def __str__(self):
        return f"{self.question.qid} in box {self.box}"


class OfflineAnswer(models.Model):
    """An answer given in offline practice on a device and sent later. Its id is made by the
    device, so a retry of the same upload is recognised and never counts twice."""

    id = models.UUIDField(primary_key=True, editable=False, help_text="Made by the device.")
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="offline_answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="+")
    correct = models.BooleanField()
    answered = models.DateTimeField(help_text="When the device says it was answered.")
    received = models.DateTimeField()

    class Meta:
        ordering = ["answered"]

    def __str__(self):
        return f"Offline answer {str(self.id)[:8]} to {self.question_id}"


class TransferCode(models.Model):
    """A short one-time code that lets another browser continue a learner's history. Only a
    keyed hash of the code is stored; it expires after a few minutes and works once."""

    code_hash = models.CharField(max_length=64, unique=True)
    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="transfer_codes")
    created = models.DateTimeField()
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Transfer code for {self.learner} until {self.expires:%H:%M}"
