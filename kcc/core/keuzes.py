"""Select options over reference data, kept in the cache between requests.

The contact form on the klantbeeld offers every active kanaal, afdeling, other
organisation and terugbel-medewerker: four queries on every page a KCC-medewerker opens,
for lists that change a few times a year. ``BewaardeKeuzeVeld`` reads its options once
and keeps the (value, label) pairs in the cache until a row of one of the models they
come from is saved or deleted (the signals below), and at most ``BEWAREN`` seconds (the
backstop for a bulk ``update()``, which sends no signal, and for a per-process cache).
Validation still reads the database: a stale option may be shown, never accepted.
``Bewaard`` keeps any other value read from reference data the same way (the catalogue
search's synonyms, read on every search).

Each process also keeps what it read for ``LOKAAL`` seconds, so a page with five kept
lists does not ask Redis five times (each ask cost about as much as a query): a change
is seen at once by the process that made it (the signals empty its copies too) and
within ``LOKAAL`` seconds by the others.

A list may also be kept per value of what narrowed it (``BewaardeKeuzeVeld.per``: the
werkvoorraad's filter options per set of afdelingen): those lists are stored under a
generation read from the list's own cache key, so forgetting that one key forgets all
of them at once.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.forms.models import ModelChoiceField, ModelChoiceIterator

BEWAREN = 300
LOKAAL = 2.0
LOKAAL_MAX = 1000  # copies per process; lists of a generation gone elsewhere are not read again

_sleutels: set[str] = set()
# This process's copies: cache key -> (valid until, per time.monotonic(); value).
_lokaal: dict[str, tuple[float, Any]] = {}
_bewaakt: set[type] = set()


def _cache_sleutel(naam: str) -> str:
    # The database name keeps two databases that share one cache (tests, bench) apart.
    return f"kcc:keuzes:{connection.settings_dict['NAME']}:{naam}"


# Saves that change no option: a login writes last_login on every user, every day.
_ZONDER_GEVOLG = frozenset({"last_login"})


def lokaal_vergeten() -> None:
    """Forget this process's copies (the shared cache keeps its own)."""
    _lokaal.clear()


def keuzes_vergeten(*, update_fields=None, **_kwargs) -> None:
    """Forget every kept list; the next form reads them again. Connected to the signals."""
    if update_fields and set(update_fields) <= _ZONDER_GEVOLG:
        return
    lokaal_vergeten()
    if _sleutels:
        cache.delete_many([_cache_sleutel(naam) for naam in _sleutels])


def _bewaak(model: type) -> None:
    if model in _bewaakt:
        return
    _bewaakt.add(model)
    uid = f"kcc-keuzes-{model._meta.label_lower}"
    post_save.connect(keuzes_vergeten, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(keuzes_vergeten, sender=model, weak=False, dispatch_uid=uid)
    for veld in model._meta.local_many_to_many:
        m2m_changed.connect(
            keuzes_vergeten, sender=veld.remote_field.through, weak=False, dispatch_uid=uid
        )


def _lokaal_of(sleutel: str, ophalen: Callable[[], Any]) -> Any:
    """This process's copy of ``sleutel`` while it is fresh, else ``ophalen()`` kept."""
    nu = time.monotonic()
    kopie = _lokaal.get(sleutel)
    if kopie is not None and kopie[0] > nu:
        return kopie[1]
    waarde = ophalen()
    if len(_lokaal) >= LOKAAL_MAX:
        _lokaal.clear()
    _lokaal[sleutel] = (nu + LOKAAL, waarde)
    return waarde


def _generatie_ophalen(sleutel: str) -> str:
    generatie = cache.get(sleutel)
    if generatie is None:
        cache.add(sleutel, uuid.uuid4().hex, BEWAREN)
        generatie = cache.get(sleutel) or "zonder-cache"
    return generatie


def _generatie(naam: str) -> str:
    """The current generation of ``naam``'s per-sleutel values (made when missing)."""
    sleutel = _cache_sleutel(naam)
    return _lokaal_of(sleutel, lambda: _generatie_ophalen(sleutel))


def _ophalen(sleutel: str, lezen: Callable[[], Any]) -> Any:
    waarde = cache.get(sleutel)
    if waarde is None:
        waarde = lezen()
        cache.set(sleutel, waarde, BEWAREN)
    return waarde


def _bewaard_lezen(naam: str, lezen: Callable[[], Any], per: str | None = None) -> Any:
    sleutel = _cache_sleutel(naam)
    if per is not None:
        sleutel = f"{sleutel}:{_generatie(naam)}:{per}"
    return _lokaal_of(sleutel, lambda: _ophalen(sleutel, lezen))


class Bewaard:
    """A value read from reference data (``lezen()``), kept in the cache like the select
    options: until a row of one of ``modellen`` is saved or deleted, at most ``BEWAREN``
    seconds. Made once, at import, so every process watches the models from the start::

        synoniemen = Bewaard("synoniemen", lees_synoniemen, modellen=(Synoniem,))
        synoniemen()  # the kept value, or read and kept

    The value must be picklable (a shared cache stores it between processes).
    """

    def __init__(self, naam: str, lezen: Callable[[], Any], *, modellen: tuple[type, ...]):
        self.naam = naam
        self.lezen = lezen
        _sleutels.add(naam)
        for model in modellen:
            _bewaak(model)

    def __call__(self) -> Any:
        return _bewaard_lezen(self.naam, self.lezen)


class _BewaardeKeuzes(ModelChoiceIterator):
    _gelezen: list[tuple[str, str]] | None = None

    def _lijst(self) -> list[tuple[str, str]]:
        """The kept list, read from the cache once per iterator (len, bool, iter)."""
        if self._gelezen is None:
            self._gelezen = _bewaard_lezen(
                self.field.naam,
                lambda: [
                    (str(self.field.prepare_value(obj)), str(self.field.label_from_instance(obj)))
                    for obj in self.queryset
                ],
                self.field.per,
            )
        return self._gelezen

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self._lijst()

    def __len__(self) -> int:
        return len(self._lijst()) + (self.field.empty_label is not None)

    def __bool__(self) -> bool:
        return self.field.empty_label is not None or bool(self._lijst())


class BewaardeKeuzeVeld(ModelChoiceField):
    """A ModelChoiceField whose options come from the cache (see the module docstring).

    ``naam`` names the list (one per field definition); ``modellen`` are the models whose
    changes make it stale: the queryset's own model is always one of them. ``label`` (the
    row's text in the list, ``str`` when not given) must depend on the row alone. A form
    that narrows the queryset per user sets ``per`` to what it narrowed by (one kept list
    per value).
    """

    iterator = _BewaardeKeuzes
    per: str | None = None

    def __init__(
        self,
        queryset,
        *,
        naam: str,
        modellen: tuple[type, ...] = (),
        label_van: Callable[[Any], str] | None = None,
        **kwargs,
    ):
        super().__init__(queryset, **kwargs)
        self.naam = naam
        if label_van is not None:
            self.label_from_instance = label_van
        _sleutels.add(naam)
        for model in (queryset.model, *modellen):
            _bewaak(model)
