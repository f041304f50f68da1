"""The route check as records: its questions (with their answers) and its results (with the
rules that lead to them, the next steps, calendar reminders and references).

Editors change a rule by editing a result's rules; `routecheck.rules` applies them.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import ContentRecord
from core.translation import Translatable
from sources.models import Reference
from sources.references import link_references

from . import rules


class CheckQuestion(ContentRecord):
    """One screen of the check: the question (`title`), a hint (`summary`) and why we ask
    (`body`, Markdown with [n] references)."""

    class Kind(models.TextChoices):
        CHOICE = rules.CHOICE, "Choose one answer"
        DATE = rules.DATE, "A date"

    order = models.PositiveIntegerField(
        unique=True, help_text="Questions are asked in this order, when a rule needs them."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CHOICE)
    earliest = models.DateField(
        null=True, blank=True, help_text="A date question: earlier dates are refused."
    )
    not_before = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A date question: the answer cannot be before the answer to this question.",
    )
    unknown_label = models.CharField(
        max_length=200,
        blank=True,
        help_text="A date question: the answer for people who do not know the date (empty: "
        "the date is required).",
    )
    translated_fields = (*ContentRecord.translated_fields, "unknown_label")

    class Meta:
        ordering = ["order"]

    def get_absolute_url(self):
        return reverse("routecheck:start")

    @property
    def why_html(self) -> str:
        return link_references(self.body_html, self.citations.all(), prefix=f"{self.slug}-")


class Option(Translatable):
    question = models.ForeignKey(CheckQuestion, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveIntegerField(default=0)
    value = models.SlugField(max_length=60, help_text="The word rules use: 'eu', 'asylum'.")
    label = models.CharField(max_length=200, help_text="The answer as people read it.")
    hint = models.CharField(max_length=300, blank=True)
    translated_fields = ("label", "hint")

    class Meta:
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_option_value")
        ]

    def __str__(self):
        return self.label


class QuestionCitation(Reference):
    question = models.ForeignKey(CheckQuestion, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(
        "sources.Source", on_delete=models.PROTECT, related_name="check_question_citations"
    )

    class Meta:
        ordering = ["question", "order"]

    def __str__(self):
        return f"{self.question} cites {self.source}"


class CheckResult(ContentRecord):
    """A verdict (`title` is its headline), why (`body`), and what to do next."""

    class Verdict(models.TextChoices):
        MUST = "must", _("You must integrate")
        PROBABLY_NOT = "probably-not", _("You probably do not have to integrate")
        NOT = "not", _("You do not have to integrate")
        ASK = "ask", _("We cannot tell: ask DUO")

    class Act(models.TextChoices):
        NONE = "", _("No act")
        ACT_2013 = "2013", _("Civic Integration Act 2013")
        ACT_2021 = "2021", _("Civic Integration Act 2021")

    order = models.PositiveIntegerField(
        unique=True, help_text="Results are tried in this order: the first whose rule holds."
    )
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    act = models.CharField(max_length=4, choices=Act.choices, blank=True)
    deadline_from = models.ForeignKey(
        CheckQuestion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The date question the 3 years are counted from (empty: no deadline).",
    )
    deadline_days_after = models.PositiveIntegerField(
        default=0, help_text="The period starts this many days after that date."
    )
    deadline_years = models.PositiveIntegerField(default=0, help_text="How long the period is.")
    deadline_unknown = models.TextField(
        blank=True, help_text="Shown instead of a deadline when the person does not know the date."
    )
    translated_fields = (*ContentRecord.translated_fields, "deadline_unknown")

    class Meta:
        ordering = ["order"]

    def get_absolute_url(self):
        return reverse("routecheck:start")

    @property
    def explanation_html(self) -> str:
        return link_references(self.body_html, self.citations.all(), prefix="result-")


class ResultRule(models.Model):
    result = models.ForeignKey(CheckResult, on_delete=models.CASCADE, related_name="rules")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(
        max_length=500,
        help_text="When this result applies, e.g. 'nationality is eu or dutch' or "
        "'nationality is turkish and start-date before 2022-01-01'.",
    )

    class Meta:
        ordering = ["result", "order"]

    def __str__(self):
        return self.text


class ResultStep(Translatable):
    result = models.ForeignKey(CheckResult, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=500)
    guide = models.ForeignKey("guides.Guide", on_delete=models.PROTECT, related_name="check_steps")
    translated_fields = ("text",)

    class Meta:
        ordering = ["result", "order"]

    def __str__(self):
        return self.text


class ResultReminder(Translatable):
    result = models.ForeignKey(CheckResult, on_delete=models.CASCADE, related_name="reminders")
    order = models.PositiveIntegerField(default=0)
    weeks_before = models.PositiveIntegerField(help_text="Weeks before the deadline.")
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="With [n] references to the result's citations.")
    translated_fields = ("title", "text")

    class Meta:
        ordering = ["result", "order"]

    def __str__(self):
        return self.title


class ResultCitation(Reference):
    result = models.ForeignKey(CheckResult, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(
        "sources.Source", on_delete=models.PROTECT, related_name="check_result_citations"
    )

    class Meta:
        ordering = ["result", "order"]

    def __str__(self):
        return f"{self.result} cites {self.source}"
