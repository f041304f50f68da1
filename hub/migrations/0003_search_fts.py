"""The SQLite full-text index (FTS5). PostgreSQL searches hub_searchentry directly."""

from django.db import migrations

CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS hub_search_fts USING fts5(
    title, summary, body, keywords,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS hub_search_fts")


class Migration(migrations.Migration):
    dependencies = [("hub", "0002_search_entry")]
    operations = [migrations.RunPython(create, drop)]
