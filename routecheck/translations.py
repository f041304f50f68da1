"""The route check in other languages: a translation's texts on a question and its answers,
and on a result, its deadline text, next steps and reminders (content/<language>/check-*/)."""

from core.loader.translating import translate_items, translate_record
from sources.references import translate_citations


def question_translator(spec: dict):
    def translate(obj, data: dict, language: str) -> list:
        return [
            *translate_record(spec)(obj, data, language),
            *translate_items(
                obj.options.all(), data["options"], language, label="label", hint="hint"
            ),
            *translate_citations(obj.citations.all(), data["citations"], language),
        ]

    return translate


def result_translator(spec: dict):
    def translate(obj, data: dict, language: str) -> list:
        changed = translate_record(spec)(obj, data, language)
        if data["deadline"]:
            obj.translations[language]["deadline_unknown"] = data["deadline"]["unknown"]
        return [
            *changed,
            *translate_items(obj.steps.all(), data["steps"], language, text="text"),
            *translate_items(
                obj.reminders.all(), data["reminders"], language, title="title", text="text"
            ),
            *translate_citations(obj.citations.all(), data["citations"], language),
        ]

    return translate
