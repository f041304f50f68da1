"""The SQLite full-text index gets the headings column; the index is rebuilt by the next
load_content (or any content change)."""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS hub_search_fts USING fts5(
    title, summary, body, keywords, headings,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
CREATE_OLD = """
CREATE VIRTUAL TABLE IF NOT EXISTS hub_search_fts USING fts5(
    title, summary, body, keywords,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
FILL = (
    "INSERT INTO hub_search_fts(rowid, title, summary, body, keywords, headings) "
    "SELECT id, title, summary, body, keywords, headings FROM hub_searchentry"
)


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS hub_search_fts")
        schema_editor.execute(CREATE)
        schema_editor.execute(FILL)


def back(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS hub_search_fts")
        schema_editor.execute(CREATE_OLD)


class Migration(migrations.Migration):
    dependencies = [("hub", "0008_search_headings")]
    operations = [migrations.RunPython(recreate, back)]
