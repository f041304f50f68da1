"""What every content admin shares.

- Text from forms is normalised as the loader reads files (LF line endings, no whitespace
  around it), so saving a form that changed only a title changes only the title.
- Every value is checked with the loader's own rules (`core.rules`) and the loader's
  message is shown on the field.
- History with revert (django-reversion), following the inlines; publishing, unpublishing
  and marking as reviewed are recorded in it too, with who and when.
- Unpublishing or deleting a record that published pages link to lists those pages and
  asks first (`core.linked`).
- The search index and page cache follow every save or delete.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from . import registry
from .cache import content_changed
from .history import record_action
from .linked import linking_to
from .loader.schema import SCALARS, Field, key_of
from .models import Translation
from .rules import SLUG, link_problems, markdown_problems, value_problems
from .text import normalise_text

Rules = dict[str, tuple[str, Field]]  # model field → (its name in the file, its rule)


class NormalisedTextField(forms.CharField):
    """A textarea's text as the loader would read it from a file."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_text(value) if isinstance(value, str) else value


TEXT_FIELDS = {models.TextField: {"form_class": NormalisedTextField}}


def rules_from(fields: dict[str, Field], names: dict[str, str] | None = None) -> Rules:
    """Rules for model fields from a spec's fields: `names` maps a model field to its name
    in the file where they differ ({"read_url": "read"}). References are choices in
    admin, so they always exist; lists and groups are inlines with rules of their own."""
    by_name = {name: field for field, name in (names or {}).items()}
    return {
        by_name.get(name, key_of(name, fspec)): (name, fspec)
        for name, fspec in fields.items()
        if fspec.type in SCALARS or fspec.type == "texts"
    }


class RulesForm(forms.ModelForm):
    """Checks each submitted value with the loader's rules (set up by `RulesMixin`)."""

    rules: Rules = {}
    link_fields: tuple[str, ...] = ()
    markdown_fields: tuple[str, ...] = ()
    text_check = None  # (POST data) → a kind's own check of its Markdown, or None
    unique: tuple[tuple[str, str], ...] = ()  # (field, what it is): unique within the kind

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, (name, fspec) in self.rules.items():
            if field in self.fields and fspec.required:
                # The loader's words, also where the model itself requires the value.
                self.fields[field].error_messages["required"] = f"missing required field '{name}'"

    def clean(self):
        data = super().clean()
        problems: list[tuple[str, str]] = []
        for field, (name, fspec) in self.rules.items():
            if field in self.fields and field in data:
                problems += [(field, m) for m in value_problems(data[field], fspec, name)]
        for field in self.link_fields:
            if data.get(field):
                problems += [(field, m) for m in link_problems(data[field])]
        check = self.text_check(self.data) if self.text_check else None
        for field in self.markdown_fields:
            if data.get(field):
                problems += [(field, m) for m in markdown_problems(data[field], check)]
        for field, what in self.unique:
            value = data.get(field)
            if value not in (None, ""):
                problems += [(field, m) for m in self.duplicate(field, what, value)]
        for field, message in problems:
            if field in self.fields and field not in self.errors.get(field, ()):
                self.add_error(field, message)
        return data

    def duplicate(self, field: str, what: str, value) -> list[str]:
        """The loader's rule that some values are unique within a kind (case-insensitive)."""
        lookup = f"{field}__iexact" if isinstance(value, str) else field
        others = type(self.instance).objects.filter(**{lookup: value}).exclude(pk=self.instance.pk)
        other = others.first()
        return [f"duplicate {what} '{value}' (also in “{other}”)"] if other else []


class RulesMixin:
    """Admin forms (and inline forms) that keep the loader's rules and normalise text."""

    formfield_overrides = TEXT_FIELDS
    field_rules: Rules = {}
    link_fields: tuple[str, ...] = ()
    markdown_fields: tuple[str, ...] = ()

    def text_check(self, data):
        """The kind's own rule for its Markdown (with the submitted form data), or None."""
        return None

    def rules(self) -> Rules:
        return self.field_rules

    def unique_fields(self) -> tuple[tuple[str, str], ...]:
        return ()

    def with_rules(self, form_class):
        admin_ = self
        return type(
            form_class.__name__,
            (RulesForm, form_class) if not issubclass(form_class, RulesForm) else (form_class,),
            {
                "rules": self.rules(),
                "link_fields": self.link_fields,
                "markdown_fields": self.markdown_fields,
                "text_check": staticmethod(lambda data: admin_.text_check(data)),
                "unique": self.unique_fields(),
            },
        )


class ContentInlineMixin(RulesMixin):
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"form": self.with_rules(formset.form)})


class TabularInline(ContentInlineMixin, admin.TabularInline):
    pass


class StackedInline(ContentInlineMixin, admin.StackedInline):
    pass


def submitted_rows(data, prefix: str, field: str) -> int:
    """How many rows of an inline (by prefix) the submitted form keeps with `field` set."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS") or 0)
    except ValueError:
        return 0
    return sum(
        1
        for i in range(min(total, 1000))
        if data.get(f"{prefix}-{i}-{field}") and not data.get(f"{prefix}-{i}-DELETE")
    )


class ConfirmUnpublishForm(RulesForm):
    """Unticking "published" on a page that published pages link to needs a second tick."""

    confirm_unpublish = forms.BooleanField(
        required=False,
        label="Unpublish anyway",
        help_text="Published pages link to this page; their links would become plain text.",
    )

    def clean(self):
        data = super().clean()
        unpublishing = self.initial.get("published") and data.get("published") is False
        if self.instance.pk and unpublishing and not data.get("confirm_unpublish"):
            links = linking_to([self.instance])
            if links:
                pages = "; ".join(f"{link.record_label} ({link.target})" for link in links)
                self.add_error(
                    "published",
                    f"Published pages link to this page: {pages}. Their links would become "
                    "plain text. Tick “Unpublish anyway” to go ahead, or keep it published.",
                )
        return data


class ContentAdmin(RulesMixin, VersionAdmin):
    """History (who, when, what changed) and revert for content records, and the loader's
    rules on every field. The rules come from the kind's spec; an admin of a child model
    (a KNM question, a citation) sets `field_rules` itself."""

    form = ConfirmUnpublishForm
    markdown_fields = ("body",)
    delete_confirmation_template = "admin/core/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/core/delete_selected_confirmation.html"

    def rules(self) -> Rules:
        kind = registry.for_model(self.model)
        rules: Rules = {"slug": ("slug", SLUG)} if kind else {}
        if kind:
            rules |= rules_from({n: f for n, f in kind.spec.items() if f.column})
        return rules | self.field_rules

    def unique_fields(self) -> tuple[tuple[str, str], ...]:
        kind = registry.for_model(self.model)
        return kind.unique if kind else ()

    # ---- the form ----------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        return self.with_rules(super().get_form(request, obj, change=change, **kwargs))

    def get_fieldsets(self, request, obj=None):
        """The "Unpublish anyway" box, after "published", while published pages link here."""
        show = obj is not None and getattr(obj, "published", False) and self.links(request, obj)
        out = []
        for name, opts in super().get_fieldsets(request, obj):
            fields = [f for f in opts["fields"] if f != "confirm_unpublish"]
            if show and "published" in fields:
                fields.insert(fields.index("published") + 1, "confirm_unpublish")
            out.append((name, {**opts, "fields": fields}))
        return out

    @staticmethod
    def links(request, obj):
        """The links on published pages to `obj`, worked out once per request."""
        cache = request.__dict__.setdefault("_linking_to", {})
        key = (type(obj), obj.pk)
        if key not in cache:
            cache[key] = linking_to([obj])
        return cache[key]

    def get_fields(self, request, obj=None):
        return [f for f in super().get_fields(request, obj) if f != "confirm_unpublish"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        content_changed()

    # ---- deleting ----------------------------------------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if isinstance(response, TemplateResponse):
            obj = self.get_object(request, object_id)
            response.context_data["linking_pages"] = linking_to([obj]) if obj else []
        return response

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        content_changed()

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _func, name, description = actions["delete_selected"]
            actions["delete_selected"] = (delete_selected, name, description)
        return actions


def delete_selected(modeladmin, request, queryset):
    """Django's "delete selected", whose confirmation also lists the pages linking here."""
    response = admin.actions.delete_selected(modeladmin, request, queryset)
    if isinstance(response, TemplateResponse):
        response.context_data["linking_pages"] = linking_to(list(queryset))
    return response


@admin.action(description="Publish selected records")
def publish(modeladmin, request, queryset):
    count = record_action(request, queryset, {"published": True}, "Published")
    content_changed()
    modeladmin.message_user(request, f"{count} published.", messages.SUCCESS)


@admin.action(description="Unpublish selected records (hide them from the public)")
def unpublish(modeladmin, request, queryset):
    records = list(queryset.filter(published=True))
    links = linking_to(records)
    if links and not request.POST.get("confirm"):
        return TemplateResponse(
            request,
            "admin/core/confirm_unpublish.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": "Unpublish pages that other pages link to?",
                "opts": modeladmin.model._meta,
                "records": records,
                "links": links,
                "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )
    count = record_action(request, queryset, {"published": False}, "Unpublished")
    content_changed()
    modeladmin.message_user(request, f"{count} unpublished.", messages.SUCCESS)
    return None


MARKDOWN_HELP = (
    "Markdown: a blank line starts a new paragraph; ## starts a numbered section (guides), "
    "### a sub-heading; - starts a list item; **bold**; [link text](/guides/slug/) links to "
    "this site, [text](https://…) to another."
)


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    """Every translation file as last loaded; the ones behind the English come first.
    Translations are edited in content/<language>/ (see docs/content-format.md), not here."""

    list_display = ["path", "language", "current", "english_record", "page"]
    list_filter = ["current", "language", "kind"]
    search_fields = ["slug", "path"]
    readonly_fields = [
        "kind",
        "slug",
        "language",
        "path",
        "translation_of",
        "english_hash",
        "current",
        "loaded",
    ]
    exclude = ["data_hash"]

    @staticmethod
    def _kind(obj):
        try:
            return registry.get(obj.kind)
        except KeyError:
            return None

    @admin.display(description="English record")
    def english_record(self, obj):
        kind = self._kind(obj)
        if kind is None:
            return obj.slug
        meta = kind.model._meta
        record = kind.model.objects.filter(slug=obj.slug).only("pk").first()
        if record is None:
            return obj.slug
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
        return format_html('<a href="{}">{}</a>', url, obj.slug)

    @admin.display(description="Page")
    def page(self, obj):
        kind = self._kind(obj)
        if kind is None or not kind.detail_view:
            return "–"
        with translation.override(obj.language):
            url = reverse(kind.detail_view, kwargs={"slug": obj.slug})
        return format_html('<a href="{}">{}</a>', url, url)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
