"""The search result labels the content kinds give (their `SearchSpec` labels, in English),
marked here for the translation catalogue. Templates and views translate the label they get
(`{% translate result.kind_label %}`), so a label without a translation shows as it is."""

from django.utils.translation import gettext_noop

KIND_LABELS = (
    gettext_noop("Guide"),
    gettext_noop("Topic"),
    gettext_noop("Source"),
    gettext_noop("Quick answer"),
    gettext_noop("Glossary"),
)
