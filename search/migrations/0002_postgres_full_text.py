"""On PostgreSQL, a weighted ``tsvector`` over the folded columns (title A, keywords B, summary
C, body D), kept by the database itself as a generated column, with a GIN index: the database
backend matches words with it instead of scanning with ``LIKE``. SQLite keeps the ``LIKE`` path."""

from django.db import migrations

COLUMN = """
ALTER TABLE search_indexentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', folded_title), 'A')
    || setweight(to_tsvector('simple', folded_keywords), 'B')
    || setweight(to_tsvector('simple', folded_summary), 'C')
    || setweight(to_tsvector('simple', folded_body), 'D')
) STORED;
CREATE INDEX search_indexentry_vector ON search_indexentry USING gin (search_vector);
"""
DROP = "DROP INDEX IF EXISTS search_indexentry_vector; ALTER TABLE search_indexentry DROP COLUMN search_vector;"


def add_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COLUMN)


def drop_vector(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_vector, drop_vector)]
