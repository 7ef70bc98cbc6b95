"""The database backend's index: one row per search document, one row per facet value.

Text columns hold folded words between single spaces (" hoc tap suot doi ") so a whole word is a
``LIKE '% word %'`` on SQLite; on PostgreSQL a generated, GIN-indexed ``search_vector`` over the
same columns (migration 0002) answers instead. Facet counts are aggregates over ``FacetValue``.
"""

from django.db import models


class IndexEntry(models.Model):
    doc_id = models.CharField(max_length=64, unique=True)
    family = models.CharField(max_length=40, db_index=True)
    locale = models.CharField(max_length=10, db_index=True)
    sites = models.CharField(
        max_length=40, default="", help_text="site languages, space-separated and padded"
    )
    title_sort = models.CharField(max_length=200, db_index=True)
    date = models.DateField(null=True, db_index=True)
    downloads = models.PositiveIntegerField(default=0, db_index=True)
    folded_title = models.TextField()
    folded_keywords = models.TextField(blank=True)
    folded_summary = models.TextField(blank=True)
    folded_body = models.TextField(blank=True)
    exact_text = models.TextField(blank=True, help_text="lower-cased words with diacritics")
    fingerprint = models.CharField(max_length=64)
    document = models.JSONField(help_text="the prepared document, returned as the hit")

    class Meta:
        verbose_name = "search index entry"
        verbose_name_plural = "search index entries"

    def __str__(self) -> str:
        return f"{self.family}:{self.doc_id}"


class FacetValue(models.Model):
    entry = models.ForeignKey(IndexEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=200)
    label = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="search_facet_value_once")
        ]
        indexes = [models.Index(fields=["facet", "value"])]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class Term(models.Model):
    """A folded word that occurs in the index: the vocabulary fuzzy matching corrects against."""

    term = models.CharField(max_length=60, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.term
