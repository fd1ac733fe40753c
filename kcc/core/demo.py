"""Shared machinery of ``manage.py demo_data``: idempotent upserts with counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import models


@dataclass
class DemoReport:
    """Counts what a demo step created, changed or left alone."""

    counts: Counter = field(default_factory=Counter)

    def upsert(self, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
        """Create the row, or update only the fields that differ: a re-run changes nothing."""
        obj = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model.objects.create(**lookup, **values)
            self.counts[(label, "aangemaakt")] += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.save(update_fields=changed)
            self.counts[(label, "bijgewerkt")] += 1
        else:
            self.counts[(label, "ongewijzigd")] += 1
        return obj

    def lines(self) -> list[str]:
        by_label: dict[str, dict[str, int]] = {}
        for (label, what), n in self.counts.items():
            by_label.setdefault(label, {})[what] = n
        return [
            f"  {label}: " + ", ".join(f"{n} {what}" for what, n in sorted(parts.items()))
            for label, parts in by_label.items()
        ]
