"""Search entries per language, and on SQLite a full-text table for the Dutch pages (their
words stemmed by Snowball before they are stored, see hub.search.stemming). The index is
rebuilt by the next load_content (or any content change)."""

from django.db import migrations, models

CREATE_NL = """
CREATE VIRTUAL TABLE IF NOT EXISTS hub_search_fts_nl USING fts5(
    title, summary, body, keywords, headings,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE_NL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS hub_search_fts_nl")


class Migration(migrations.Migration):
    dependencies = [("hub", "0009_search_fts_headings")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="language",
            field=models.CharField(
                db_index=True, default="en", help_text="The language of the page.", max_length=10
            ),
        ),
        migrations.RunPython(create, drop),
    ]
