"""Editors change the check here: questions with their answers, and results with the rules
that lead to them. A rule is checked as it is typed, with the same reader the loader uses."""

from django import forms
from django.contrib import admin

from core.admin import ContentAdmin, publish, unpublish

from . import rules
from .models import (
    CheckQuestion,
    CheckResult,
    Option,
    QuestionCitation,
    ResultCitation,
    ResultReminder,
    ResultRule,
    ResultStep,
)


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ["order", "value", "label", "hint"]


class QuestionCitationInline(admin.TabularInline):
    model = QuestionCitation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url", "checked", "page_date"]


@admin.register(CheckQuestion)
class CheckQuestionAdmin(ContentAdmin):
    inlines = [OptionInline, QuestionCitationInline]
    actions = [publish, unpublish]
    list_display = ["order", "title", "kind", "published"]
    list_display_links = ["title"]
    search_fields = ["title", "body"]
    readonly_fields = ["source_path", "updated"]
    fields = [
        "title",
        "slug",
        "order",
        "kind",
        "summary",
        "body",
        "earliest",
        "not_before",
        "unknown_label",
        "published",
        "source_path",
        "updated",
    ]


class RuleForm(forms.ModelForm):
    class Meta:
        model = ResultRule
        fields = ["order", "text"]

    def clean_text(self):
        text = self.cleaned_data["text"]
        try:
            conditions = rules.parse_rule(text)
        except rules.RuleError as error:
            raise forms.ValidationError(str(error)) from None
        known = {q.slug: q for q in CheckQuestion.objects.prefetch_related("options")}
        for condition in conditions:
            question = known.get(condition.question)
            if question is None:
                raise forms.ValidationError(f"There is no question '{condition.question}'.")
            values = {o.value for o in question.options.all()} | (
                {rules.UNKNOWN} if question.unknown_label else set()
            )
            if condition.op == "is" and not set(condition.values) <= values:
                raise forms.ValidationError(
                    f"'{condition.question}' has these answers: {', '.join(sorted(values))}."
                )
            if condition.op != "is" and question.kind != rules.DATE:
                raise forms.ValidationError(f"'{condition.question}' is not a date question.")
        return text


class RuleInline(admin.TabularInline):
    model = ResultRule
    form = RuleForm
    extra = 0


class StepInline(admin.TabularInline):
    model = ResultStep
    extra = 0
    autocomplete_fields = ["guide"]
    fields = ["order", "text", "guide"]


class ReminderInline(admin.TabularInline):
    model = ResultReminder
    extra = 0
    fields = ["order", "weeks_before", "title", "text"]


class ResultCitationInline(admin.TabularInline):
    model = ResultCitation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["order", "source", "note", "url", "checked", "page_date"]


@admin.register(CheckResult)
class CheckResultAdmin(ContentAdmin):
    inlines = [RuleInline, StepInline, ReminderInline, ResultCitationInline]
    actions = [publish, unpublish]
    list_display = ["order", "title", "verdict", "act", "published"]
    list_display_links = ["title"]
    list_filter = ["verdict", "act", "published"]
    search_fields = ["title", "body"]
    readonly_fields = ["source_path", "updated"]
    fields = [
        "title",
        "slug",
        "order",
        "verdict",
        "act",
        "summary",
        "body",
        "deadline_from",
        "deadline_days_after",
        "deadline_years",
        "deadline_unknown",
        "published",
        "source_path",
        "updated",
    ]
