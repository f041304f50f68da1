from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Q
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.urls import path

from core.admin import ContentAdmin, RulesForm, TabularInline, rules_from

from .content import SPEC, missing_translations
from .item_analysis import MIN_ANSWERS, TOO_EASY, TOO_HARD, item_analysis
from .models import Option, Question, Theme

QUESTION = SPEC["questions"].fields


class OptionFormSet(BaseInlineFormSet):
    def clean(self):
        """The loader's rule: exactly one option is right."""
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        correct = sum(1 for option in kept if option.get("is_correct"))
        if len(kept) == 3 and correct != 1:
            raise ValidationError(
                f"a question must have exactly one correct option, it has {correct}"
            )


class OptionInline(TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 0
    max_num = 3
    fields = ["position", "text_nl", "text_en", "is_correct"]
    field_rules = rules_from(QUESTION["options"].fields, {"text_nl": "nl", "text_en": "en"})


class AnsweredFilter(admin.SimpleListFilter):
    title = "right-answer rate"
    parameter_name = "rate"

    def lookups(self, request, model_admin):
        return [("low", "Under 40% right (check wording)"), ("unanswered", "Never answered")]

    def queryset(self, request, queryset):
        if self.value() == "low":
            return queryset.filter(answer_count__gt=0, right_count__lt=F("answer_count") * 0.4)
        if self.value() == "unanswered":
            return queryset.filter(answer_count=0)
        return queryset


class QuestionForm(RulesForm):
    def clean(self):
        data = super().clean()
        qid = data.get("qid") or self.instance.qid
        for field, message in missing_translations(data, qid):
            self.add_error(field, message)
        return data


@admin.register(Question)
class QuestionAdmin(ContentAdmin):
    form = QuestionForm
    change_list_template = "admin/knm/question/change_list.html"
    list_display = ["qid", "question_en", "theme", "difficulty", "answer_count", "right_rate"]
    list_filter = ["theme", "difficulty", AnsweredFilter]
    list_select_related = ["theme"]
    search_fields = ["qid", "question_nl", "question_en", "situation_nl", "situation_en"]
    inlines = [OptionInline]
    # The loader's rules for a question, with the names of its fields in the theme file.
    field_rules = rules_from(QUESTION, {"qid": "id", "read_url": "read"})
    link_fields = ("read_url",)
    markdown_fields = ()
    fields = [
        "theme",
        "qid",
        "order",
        "difficulty",
        "situation_nl",
        "situation_en",
        "question_nl",
        "question_en",
        "explanation",
        "read_url",
        "read_label",
    ]

    def get_queryset(self, request):
        answered = Q(attempt_items__answered__isnull=False)
        return (
            super()
            .get_queryset(request)
            .annotate(
                answer_count=Count("attempt_items", filter=answered),
                right_count=Count(
                    "attempt_items", filter=answered & Q(attempt_items__correct=True)
                ),
            )
        )

    def get_urls(self):
        return [
            path(
                "item-analysis/",
                self.admin_site.admin_view(self.item_analysis_view),
                name="knm_question_item_analysis",
            ),
            *super().get_urls(),
        ]

    def item_analysis_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "admin/knm/item_analysis.html",
            {
                **self.admin_site.each_context(request),
                "title": "Item analysis",
                "opts": self.model._meta,
                "items": item_analysis(),
                "min_answers": MIN_ANSWERS,
                "too_easy": round(TOO_EASY * 100),
                "too_hard": round(TOO_HARD * 100),
            },
        )

    @admin.display(ordering="answer_count", description="answers")
    def answer_count(self, obj):
        return obj.answer_count

    @admin.display(description="answered right")
    def right_rate(self, obj):
        if not obj.answer_count:
            return "–"
        return f"{round(100 * obj.right_count / obj.answer_count)}% of {obj.answer_count}"


class QuestionInline(TabularInline):
    model = Question
    extra = 0
    fields = ["qid", "difficulty", "question_en"]
    readonly_fields = ["qid", "difficulty", "question_en"]
    show_change_link = True
    can_delete = False


@admin.register(Theme)
class ThemeAdmin(ContentAdmin):
    list_display = ["title", "dutch_title", "order", "question_count"]
    readonly_fields = ["source_path", "updated"]
    inlines = [QuestionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("questions"))

    @admin.display(ordering="n", description="questions")
    def question_count(self, obj):
        return obj.n
