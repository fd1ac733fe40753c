"""Reads of zaken, always scoped to who is asking.

- KCC-medewerker and teamleider: every zaak (they keep regie and answer questions).
- Backoffice-medewerker: zaken of their own afdelingen.
- An external organisation's system: its own organisation's zaken, never a hoofdzaak.
Anything outside the scope is "not found" (404), so nothing leaks that it exists.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from kcc.accounts import roles
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.keuzes import Bewaard
from kcc.core.sql import kolom, tabel
from kcc.normen.calendar import als_datum
from kcc.normen.models import Signalering
from klanten.models import DigitaalAdres, Klant
from productcatalogus.models import Afdeling, Organisatie, Product
from zaken.models import Aanvraag, Zaak, ZaakStatus
from zaken.principals import ExternSysteem

TAB_ONGECLAIMD = "ongeclaimd"
TAB_MIJN = "mijn"
TAB_OPEN = "open"
TAB_TE_LAAT = "te-laat"
TAB_SIGNALERINGEN = "signaleringen"
TABS = (
    (TAB_ONGECLAIMD, "Niet opgepakt"),
    (TAB_MIJN, "Mijn zaken"),
    (TAB_OPEN, "Alle open zaken"),
    (TAB_TE_LAAT, "Te laat"),
    (TAB_SIGNALERINGEN, "Signaleringen"),
)
WERKVOORRAAD_PER_PAGINA = 50
PRODUCTEN_PER_PAGINA = 25
CONCEPTEN_LIMIET = 20


# An id from a URL or query string: ASCII digits only ("²" and "٣" pass str.isdigit() but
# not int()), and short enough to fit a bigint column.
_ID = re.compile(r"[0-9]{1,18}")


def als_id(waarde) -> int | None:
    """The positive integer id in ``waarde`` (a str from the request), or None."""
    if isinstance(waarde, str) and _ID.fullmatch(waarde):
        return int(waarde)
    return None


def vandaag() -> date:
    from django.utils import timezone

    return als_datum(timezone.now())


def zaken_voor_gebruiker(*, user) -> QuerySet[Zaak]:
    """All zaken ``user`` may see (open and closed)."""
    if isinstance(user, ExternSysteem):
        return Zaak.objects.filter(organisatie_id=user.organisatie.pk).exclude(
            soort=Zaak.Soort.HOOFDZAAK
        )
    if user is None or not user.is_authenticated:
        return Zaak.objects.none()
    if user.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        return Zaak.objects.all()
    if user.has_role(roles.BACKOFFICE_MEDEWERKER):
        return Zaak.objects.filter(afdeling__in=medewerker_afdeling_ids(user))
    return Zaak.objects.none()


def _alle_afdelingen() -> dict[int, Afdeling]:
    return {a.pk: a for a in Afdeling.objects.select_related("organisatie")}


# Every afdeling with its organisation (a few dozen rows), kept until one changes.
_afdelingen = Bewaard("afdelingen", _alle_afdelingen, modellen=(Afdeling, Organisatie))


def medewerker_afdelingen(user) -> list[Afdeling]:
    """The afdelingen of a medewerker with their organisation, ordered as the model is
    (organisation, name): the ids come with the user, the rest from the kept list."""
    alle = _afdelingen()
    eigen = [alle[pk] for pk in medewerker_afdeling_ids(user) if pk in alle]
    return sorted(eigen, key=lambda a: (a.organisatie.naam, a.naam))


def medewerker_afdeling_ids(user) -> list[int]:
    """The ids of the medewerker's afdelingen (``User.afdeling_ids``: read with the user
    on PostgreSQL, else from the membership table)."""
    return user.afdeling_ids()


# What a zaak page shows of the zaak's relations, read with it in one query.
ALLE_RELATIES = (
    "product",
    "organisatie",
    "afdeling",
    "behandelaar",
    "aanspreekpunt",
    "status",
    "klant",
    "hoofdzaak",
    "aanvraag__levensgebeurtenis",
    "aanvraag__product",
)
# What the zaken API shows of each related object (ZaakOutputSerializer); the list reads
# them with five joins (see ``zaken_voor_api``), one zaak with ``api_relaties_laden``.
API_RELATIES = ("product", "organisatie", "afdeling", "status", "hoofdzaak")
API_VELDEN = {
    "hoofdzaak": ("identificatie",),
    "product": ("naam",),
    "organisatie": ("code",),
    "afdeling": ("code",),
    "behandelaar": ("username", "first_name", "last_name"),
    "aanspreekpunt": ("username", "first_name", "last_name"),
    "status": ("volgnummer", "naam", "publieke_tekst", "is_eindstatus"),
}


def api_relaties_laden(zaak: Zaak) -> Zaak:
    """Give ``zaak`` the related objects the zaken API shows, with the fields it shows
    (``API_VELDEN``), as they are in the database now (see ``relaties_laden``)."""
    relaties_laden([zaak], API_VELDEN)
    return zaak


def relaties_laden(zaken: list[Zaak], velden: dict[str, tuple[str, ...]]) -> None:
    """Give each of ``zaken`` its related objects named in ``velden``, with only those
    fields read (the others load when used).

    On PostgreSQL one statement, a scalar subquery by primary key per relation and zaak:
    a zaak read with five joins cost 2 ms to plan and twice that to compile, for a
    handful of values. Elsewhere a query per relation for all of them.
    """
    relaties = [(naam, Zaak._meta.get_field(naam), v) for naam, v in velden.items()]
    if not zaken or not relaties:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_relaties_sql(tuple(velden.items())), [[z.pk for z in zaken]])
            per_zaak = {pk: waarden for pk, *waarden in cursor.fetchall()}
    else:  # a query per relation, for all zaken at once
        gelezen = [
            {
                pk: waarden
                for pk, *waarden in veld.related_model._default_manager.filter(
                    pk__in={getattr(z, veld.attname) for z in zaken}
                ).values_list("pk", *namen)
            }
            for _naam, veld, namen in relaties
        ]
        per_zaak = {
            zaak.pk: [
                per_pk.get(getattr(zaak, veld.attname))
                for (_naam, veld, _namen), per_pk in zip(relaties, gelezen, strict=True)
            ]
            for zaak in zaken
        }
    for zaak in zaken:
        for (naam, veld, namen), waarden in zip(relaties, per_zaak[zaak.pk], strict=True):
            pk = getattr(zaak, veld.attname)
            if pk is None:
                setattr(zaak, naam, None)
            elif waarden is not None:  # (a row that is gone stays to be read when used)
                setattr(zaak, naam, _instantie(veld.related_model, namen, [pk, *waarden]))


def _per_sleutel(relatie: str, *velden: str, lijst: bool = False) -> str:
    """A scalar subquery of the zaak ``z``'s related row by primary key: one column, or
    (several, or ``lijst``) a JSON array of them."""
    model = Zaak._meta.get_field(relatie).related_model
    kolommen = [f"r.{kolom(model, v)}" for v in velden]
    waarde = kolommen[0]
    if lijst or len(kolommen) > 1:
        waarde = f"json_build_array({', '.join(kolommen)})"
    return (
        f"(SELECT {waarde} FROM {tabel(model)} r "  # noqa: S608 - names from the models
        f"WHERE r.{kolom(model, 'id')} = z.{kolom(Zaak, relatie)})"
    )


@cache
def _relaties_sql(velden: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    z = Zaak
    # Always an array, also for one field: the values are handed to from_db as a list.
    delen = [_per_sleutel(naam, *namen, lijst=True) for naam, namen in velden]
    return (
        f"SELECT z.{kolom(z, 'id')}, {', '.join(delen)} FROM {tabel(z)} z "  # noqa: S608 - names from the models
        f"WHERE z.{kolom(z, 'id')} = ANY(%s)"
    )


def _instantie(model, velden: tuple[str, ...], waarden: list):
    """A ``model`` instance with only ``id`` and ``velden`` read (the others deferred)."""
    per_veld = dict(zip(("id", *velden), waarden, strict=True))
    # from_db takes the values in the model's field order.
    namen = [f.attname for f in model._meta.concrete_fields if f.attname in per_veld]
    return model.from_db(connection.alias, namen, [per_veld[n] for n in namen])


def zaak_get_voor_gebruiker(
    *, user, id: str, for_update: bool = False, relaties: tuple[str, ...] = ALLE_RELATIES
) -> Zaak:
    """One zaak by identificatie (or numeric id) within the caller's scope, else Http404.

    ``relaties``: the related objects read with it (others load when used); none:
    the zaak's own row only.
    """
    qs = zaken_voor_gebruiker(user=user)
    if relaties:  # select_related() without names would follow every relation
        qs = qs.select_related(*relaties)
    identificatie = str(id).upper()
    filter_ = Q(identificatie=identificatie)
    pk = als_id(str(id))
    if pk is not None:
        filter_ |= Q(pk=pk)
    # Without ORDER BY (first() sorts by the model's ordering: compiling that beside the
    # related tables cost more than the query); an identificatie match before an id match.
    gevonden = list(qs.filter(filter_).order_by()[:2])
    if not gevonden:
        raise Http404("Zaak niet gevonden.")
    return next((z for z in gevonden if z.identificatie == identificatie), gevonden[0])


def zaken_voor_api(qs: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """``qs`` with the related objects the zaken API shows (see ``API_RELATIES``); the
    users of a page of zaken in one query each."""
    return qs.select_related(*API_RELATIES).prefetch_related("behandelaar", "aanspreekpunt")


def _gesignaleerd(*, afdeling_ids: list[int]) -> Q:
    """The zaak has a Signalering (the norm monitor wrote it).

    A semi-join on the open signals of ``afdeling_ids`` (a signal moves with its zaak),
    read from the index signalering_afdeling_open alone: a lookup per zaak of the
    afdeling in the million-row unique index cost 20 ms for 4,000 open zaken.
    """
    return Q(
        pk__in=Signalering.objects.filter(
            afdeling_id__in=afdeling_ids,
            content_type=ContentType.objects.get_for_model(Zaak),  # cached after the first
            object_open=True,
        ).values("object_id")
    )


def _te_laat(peildatum: date) -> Q:
    # A suspended zaak waits for the citizen: its clock stands still, it is not late.
    return Q(streefdatum__lt=peildatum, opgeschort_sinds__isnull=True)


def _open_werkvoorraad(medewerker) -> QuerySet[Zaak]:
    return Zaak.objects.filter(
        afdeling__in=medewerker_afdeling_ids(medewerker), afgesloten_op__isnull=True
    ).exclude(soort=Zaak.Soort.HOOFDZAAK)


def werkvoorraad(
    *,
    medewerker,
    tab: str = TAB_ONGECLAIMD,
    product_id: int | None = None,
    status_id: int | None = None,
) -> QuerySet[Zaak]:
    """Open zaken of the medewerker's own afdelingen (never hoofdzaken: those are KCC regie).

    Ordered by deadline, earliest first; zaken without a deadline last. The norm
    monitor's signals of the zaken shown come with ``werkvoorraad_pagina``.
    """
    afdelingen = medewerker_afdeling_ids(medewerker)
    qs = _open_werkvoorraad(medewerker)
    if tab == TAB_ONGECLAIMD:
        qs = qs.filter(behandelaar__isnull=True)
    elif tab == TAB_MIJN:
        qs = qs.filter(behandelaar=medewerker)
    elif tab == TAB_TE_LAAT:
        qs = qs.filter(_te_laat(vandaag()))
    elif tab == TAB_SIGNALERINGEN:
        qs = qs.filter(_gesignaleerd(afdeling_ids=afdelingen))
    if product_id:
        qs = qs.filter(product_id=product_id)
    if status_id:
        qs = qs.filter(status_id=status_id)
    return qs.order_by("streefdatum", "startdatum", "id")


@dataclass(frozen=True)
class WerkvoorraadRegel:
    """One row of the werkvoorraad: only what the list shows.

    Read with ``values()``, not as Zaak objects: 50 of those with five related objects
    each cost more than all the page's queries.
    """

    pk: int
    identificatie: str
    deelzaak: bool
    product: str
    klant_id: int
    klant: str
    status: str
    opgeschort: bool
    streefdatum: date | None
    te_laat: bool
    behandelaar_id: int | None
    behandelaar: str
    signaal: str  # the most serious Signalering.Soort of the zaak, or ""
    url: str
    claim_url: str


# The most serious first: a row shows one badge.
_SIGNAAL_VOLGORDE = (
    Signalering.Soort.OVERSCHRIJDING_WETTELIJK,
    Signalering.Soort.OVERSCHRIJDING,
    Signalering.Soort.WAARSCHUWING,
)
_REGEL_VELDEN = (
    "pk",
    "identificatie",
    "soort",
    "klant_id",
    "streefdatum",
    "opgeschort_sinds",
    "behandelaar_id",
    "product__naam",
    "status__naam",
    "behandelaar__first_name",
    "behandelaar__last_name",
    "behandelaar__username",
    *(f"klant__{veld}" for veld in Klant.NAAM_VELDEN),
)


def _werkvoorraad_regels(
    rijen: list[dict], signalen: dict[int, set[str]] | None = None
) -> list[WerkvoorraadRegel]:
    """Rows from ``values(*_REGEL_VELDEN)`` and the norm monitor's signals of these zaken
    (``signalen``, or one query by object id)."""
    from kcc.core.links import url_sjabloon

    if signalen is None:
        signalen = _signalen_per_zaak([r["pk"] for r in rijen])
    detail_url = url_sjabloon("backoffice:zaken:detail")
    claim_url = url_sjabloon("backoffice:zaken:claimen")
    peildatum = vandaag()
    regels = []
    for r in rijen:
        eigen = signalen.get(r["pk"], ())
        opgeschort = r["opgeschort_sinds"] is not None
        behandelaar = " ".join(
            n for n in (r["behandelaar__first_name"], r["behandelaar__last_name"]) if n
        )
        regels.append(
            WerkvoorraadRegel(
                pk=r["pk"],
                identificatie=r["identificatie"],
                deelzaak=r["soort"] == Zaak.Soort.DEELZAAK,
                product=r["product__naam"] or "",
                klant_id=r["klant_id"],
                klant=Klant.naam_uit(**{v: r[f"klant__{v}"] for v in Klant.NAAM_VELDEN}),
                status=r["status__naam"] or "",
                opgeschort=opgeschort,
                streefdatum=r["streefdatum"],
                te_laat=bool(r["streefdatum"] and r["streefdatum"] < peildatum and not opgeschort),
                behandelaar_id=r["behandelaar_id"],
                behandelaar=behandelaar or r["behandelaar__username"] or "",
                signaal=next((s for s in _SIGNAAL_VOLGORDE if s in eigen), ""),
                url=detail_url(r["identificatie"]),
                claim_url=claim_url(r["identificatie"]),
            )
        )
    return regels


def werkvoorraad_pagina(
    *, medewerker, pagina: str | int | None = None, aantal: int | None = None, **filters
) -> Page:
    """One page of the werkvoorraad as ``WerkvoorraadRegel`` rows; logs one Verwerking for
    the klanten shown (names).

    ``filters``: as ``werkvoorraad``. One INSERT for the whole page, whatever its size.
    ``aantal``: the number of zaken in the list when already known (the tab's count from
    ``werkvoorraad_aantallen``), which spares the paginator its COUNT.
    """
    # The page's ids in list order come from the index zaak_werkvoorraad_open by itself on
    # every tab (a tab that joins the signals read thousands of zaak rows from the table
    # to keep 50); only those 50 rows are then read with the names of their klant,
    # product, status and behandelaar (joins beside the list's filter and order took 5
    # ms to plan).
    ids = werkvoorraad(medewerker=medewerker, **filters).values_list("pk", flat=True)
    paginator = Paginator(ids, WERKVOORRAAD_PER_PAGINA)
    if aantal is not None:
        paginator.count = aantal  # a cached_property: this value is used instead
    page = paginator.get_page(pagina)
    if connection.vendor == "postgresql":
        rijen, signalen = _pagina_lezen(page.object_list)
    else:
        volgorde = list(page.object_list)
        per_id = {
            r["pk"]: r
            for r in Zaak.objects.filter(pk__in=volgorde).order_by().values(*_REGEL_VELDEN)
        }
        rijen, signalen = [per_id[pk] for pk in volgorde if pk in per_id], None
    page.object_list = _werkvoorraad_regels(rijen, signalen)
    verwerking_vastleggen(
        klant_ids=[regel.klant_id for regel in page.object_list],
        medewerker=medewerker,
        actie=Verwerking.Actie.GELEZEN,
        scherm="backoffice werkvoorraad",
    )
    return page


def _pagina_lezen(ids: QuerySet) -> tuple[list[dict], dict[int, set[str]]]:
    """The rows of one page (``ids``: the page's slice of the list, in order) and their
    signals, in one statement on PostgreSQL.

    The page's ids become an array in list order (ARRAY() keeps the ORDER BY of its
    query), unnested WITH ORDINALITY; each row's product, status, behandelaar and signals
    are scalar subqueries by key and only the klant is a join: the four-table join hashed
    every product and took longer to plan and run than the page's other queries.
    """
    try:
        ids_sql, ids_params = ids.query.sql_with_params()
    except EmptyResultSet:  # an empty page (ids[0:0]), or no afdelingen
        return [], {}
    with connection.cursor() as cursor:
        cursor.execute(
            _pagina_sql().replace("{ids}", ids_sql),
            [ContentType.objects.get_for_model(Zaak).pk, *ids_params],
        )
        gelezen = cursor.fetchall()
    rijen, signalen = [], {}
    for *waarden, gebruiker, soorten in gelezen:
        rij = dict(zip(_PAGINA_KOLOMMEN, waarden, strict=True))
        voornaam, achternaam, gebruikersnaam = gebruiker or ("", "", "")
        rij.update(
            behandelaar__first_name=voornaam,
            behandelaar__last_name=achternaam,
            behandelaar__username=gebruikersnaam,
        )
        rijen.append(rij)
        signalen[rij["pk"]] = set(soorten)
    return rijen, signalen


# The row columns of ``_pagina_sql`` before the behandelaar's names, which come as one array.
_PAGINA_KOLOMMEN = tuple(v for v in _REGEL_VELDEN if not v.startswith("behandelaar__"))


@cache
def _pagina_sql() -> str:
    """The statement of ``_pagina_lezen``, its columns as ``_PAGINA_KOLOMMEN`` and then the
    behandelaar's names and the signals; ``{ids}`` stands for the page's ids query."""
    z, k, g = Zaak, Klant, Signalering
    eigen = ", ".join(
        f"z.{kolom(z, veld)}"
        for veld in (
            "id",
            "identificatie",
            "soort",
            "klant",
            "streefdatum",
            "opgeschort_sinds",
            "behandelaar",
        )
    )
    klant = ", ".join(f"k.{kolom(k, veld)}" for veld in Klant.NAAM_VELDEN)
    product = _per_sleutel("product", "naam")
    status = _per_sleutel("status", "naam")
    behandelaar = _per_sleutel("behandelaar", "first_name", "last_name", "username")
    signalen = (
        f"ARRAY(SELECT g.{kolom(g, 'soort')} FROM {tabel(g)} g "  # noqa: S608 - names from the models
        f"WHERE g.{kolom(g, 'content_type')} = %s "
        f"AND g.{kolom(g, 'object_id')} = z.{kolom(z, 'id')})"
    )
    return (
        f"SELECT {eigen}, {product}, {status}, {klant}, {behandelaar}, {signalen} "  # noqa: S608 - names from the models
        "FROM unnest(ARRAY({ids})) WITH ORDINALITY AS pagina(id, nr) "
        f"JOIN {tabel(z)} z ON z.{kolom(z, 'id')} = pagina.id "
        f"JOIN {tabel(k)} k ON k.{kolom(k, 'id')} = z.{kolom(z, 'klant')} "
        "ORDER BY pagina.nr"
    )


def _signalen_per_zaak(zaak_ids: list[int]) -> dict[int, set[str]]:
    """The soorten of the norm monitor's signals per zaak: one query by object id, which
    stays fast with a million signals where a subquery per row of the list did not."""
    if not zaak_ids:
        return {}
    soorten: dict[int, set[str]] = defaultdict(set)
    for object_id, soort in Signalering.objects.filter(
        content_type=ContentType.objects.get_for_model(Zaak), object_id__in=zaak_ids
    ).values_list("object_id", "soort"):
        soorten[object_id].add(soort)
    return soorten


def werkvoorraad_aantallen(*, medewerker) -> dict[str, int]:
    """How many zaken each tab holds, in one query (from the index zaak_werkvoorraad_open
    and, for the signals, signalering_afdeling_open)."""
    afdelingen = medewerker_afdeling_ids(medewerker)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                _aantallen_sql(),
                {
                    "afdelingen": afdelingen,
                    "medewerker": medewerker.pk,
                    "peildatum": vandaag(),
                    "content_type": ContentType.objects.get_for_model(Zaak).pk,
                    "hoofdzaak": Zaak.Soort.HOOFDZAAK,
                },
            )
            return dict(zip((code for code, _naam in TABS), cursor.fetchone(), strict=True))
    return _open_werkvoorraad(medewerker).aggregate(
        **{
            TAB_ONGECLAIMD: Count("pk", filter=Q(behandelaar__isnull=True)),
            TAB_MIJN: Count("pk", filter=Q(behandelaar=medewerker)),
            TAB_OPEN: Count("pk"),
            TAB_TE_LAAT: Count("pk", filter=_te_laat(vandaag())),
            TAB_SIGNALERINGEN: Count("pk", filter=_gesignaleerd(afdeling_ids=afdelingen)),
        }
    )


@cache
def _aantallen_sql() -> str:
    """The tab counts of ``werkvoorraad_aantallen`` written out, in the order of TABS: the
    same filters as ``werkvoorraad`` (the ORM took 2 ms to compile them, more than
    PostgreSQL took to count 4,000 open zaken from the index)."""
    z, s = Zaak, Signalering
    gesignaleerd = (
        f"SELECT {kolom(s, 'object_id')} FROM {tabel(s)} "  # noqa: S608 - names from the models
        f"WHERE {kolom(s, 'afdeling')} = ANY(%(afdelingen)s) "
        f"AND {kolom(s, 'content_type')} = %(content_type)s AND {kolom(s, 'object_open')}"
    )
    tellingen = {
        TAB_ONGECLAIMD: f"{kolom(z, 'behandelaar')} IS NULL",
        TAB_MIJN: f"{kolom(z, 'behandelaar')} = %(medewerker)s",
        TAB_OPEN: "",
        TAB_TE_LAAT: f"{kolom(z, 'streefdatum')} < %(peildatum)s "
        f"AND {kolom(z, 'opgeschort_sinds')} IS NULL",
        TAB_SIGNALERINGEN: f"{kolom(z, 'id')} IN ({gesignaleerd})",
    }
    kolommen = ", ".join(
        f"COUNT(*) FILTER (WHERE {tellingen[code]})" if tellingen[code] else "COUNT(*)"
        for code, _naam in TABS
    )
    # The WHERE is the predicate of the partial index zaak_werkvoorraad_open, as written.
    return (
        f"SELECT {kolommen} FROM {tabel(z)} "  # noqa: S608 - names from the models
        f"WHERE {kolom(z, 'afdeling')} = ANY(%(afdelingen)s) "
        f"AND {kolom(z, 'afgesloten_op')} IS NULL AND NOT ({kolom(z, 'soort')} = %(hoofdzaak)s)"
    )


def zaak_historie(*, zaak: Zaak, alleen_publiek: bool = False) -> QuerySet[ZaakStatus]:
    qs = zaak.statussen.select_related("statustype").order_by("gezet_op", "id")
    return qs.filter(publiek=True) if alleen_publiek else qs


@dataclass
class Voortgang:
    afgerond: int
    totaal: int

    @property
    def tekst(self) -> str:
        return f"{self.afgerond} van {self.totaal} afgerond"

    @property
    def klaar(self) -> bool:
        return self.totaal > 0 and self.afgerond == self.totaal


def _voortgang_telling() -> dict:
    """The aggregates of a hoofdzaak's progress, over its deelzaken."""
    return {"totaal": Count("pk"), "afgerond": Count("pk", filter=Q(afgesloten_op__isnull=False))}


def hoofdzaak_voortgang(*, hoofdzaak: Zaak) -> Voortgang:
    """A hoofdzaak's progress, derived from its deelzaken ("2 van 4 afgerond")."""
    return Voortgang(**hoofdzaak.deelzaken.aggregate(**_voortgang_telling()))


def voortgang_per_hoofdzaak(hoofdzaak_ids: list[int]) -> dict[int, Voortgang]:
    """``hoofdzaak_voortgang`` of several hoofdzaken in one query."""
    if not hoofdzaak_ids:
        return {}
    rijen = (
        Zaak.objects.filter(hoofdzaak_id__in=hoofdzaak_ids)
        .values("hoofdzaak_id")
        .annotate(**_voortgang_telling())
        .order_by()
    )
    voortgang = {pk: Voortgang(afgerond=0, totaal=0) for pk in hoofdzaak_ids}
    for rij in rijen:
        voortgang[rij["hoofdzaak_id"]] = Voortgang(afgerond=rij["afgerond"], totaal=rij["totaal"])
    return voortgang


def hoofdzaak_deelzaken(*, hoofdzaak: Zaak) -> QuerySet[Zaak]:
    return hoofdzaak.deelzaken.select_related(
        "product", "organisatie", "afdeling", "behandelaar", "status"
    ).order_by("id")


# What a zaak in the klantbeeld shows of its relations (console/klanten/_zaak.html).
KLANTBEELD_VELDEN = {
    "product": ("naam",),
    "afdeling": ("naam",),
    "organisatie": ("naam", "is_eigen_organisatie"),
    "status": ("naam",),
}


def zaken_open_voor_klant(*, klant: Klant, medewerker) -> list[Zaak]:
    """Open zaken of a customer as the medewerker may see them (for the klantbeeld).

    Hoofdzaken carry ``voortgang`` ("2 van 4 afgerond"). One query for the zaken, one for
    the four relations a row shows (``relaties_laden``); only when there are hoofdzaken
    (or zaken without a product) one for their deelzaken counts and one for their
    aanvraag. A single GROUP BY over eight joined tables took PostgreSQL longer to plan
    than these to run.
    """
    zaken = list(
        zaken_voor_gebruiker(user=medewerker)
        .filter(klant=klant, afgesloten_op__isnull=True)
        .order_by("streefdatum", "id")
    )
    relaties_laden(zaken, KLANTBEELD_VELDEN)
    voortgang = voortgang_per_hoofdzaak([zaak.pk for zaak in zaken if zaak.is_hoofdzaak])
    zonder_product = [zaak for zaak in zaken if not zaak.product_id]
    if zonder_product:  # their omschrijving is their aanvraag's subject
        prefetch_related_objects(
            zonder_product,
            Prefetch(
                "aanvraag", queryset=Aanvraag.objects.select_related("product", "levensgebeurtenis")
            ),
        )
    for zaak in zaken:
        zaak.voortgang = voortgang.get(zaak.pk)
    return zaken


@dataclass
class KlantVoorZaak:
    """The customer data the work on a zaak needs: a name and how to reach them."""

    naam: str
    email: str
    telefoon: str
    voorkeurskanaal: str


def klant_voor_zaak(*, zaak: Zaak, medewerker, scherm: str) -> KlantVoorZaak:
    """Read the customer's name and contact details for a zaak, and log the Verwerking.

    The caller fetched ``zaak`` through ``zaak_get_voor_gebruiker`` (scope checked).
    """
    klant = zaak.klant
    adressen = dict(
        DigitaalAdres.objects.filter(klant=klant)
        .order_by("soort", "voorkeur", "-id")
        .values_list("soort", "waarde")
    )
    verwerking_vastleggen(
        klant_ids=[klant.pk],
        medewerker=medewerker,
        actie=Verwerking.Actie.GELEZEN,
        scherm=scherm,
        toelichting=f"Zaak {zaak.identificatie}",
    )
    telefoon = adressen.get(DigitaalAdres.Soort.TELEFOON, "")
    if telefoon:
        from klanten.validators import toon_telefoon

        telefoon = toon_telefoon(telefoon)
    return KlantVoorZaak(
        naam=klant.naam,
        email=adressen.get(DigitaalAdres.Soort.EMAIL, ""),
        telefoon=telefoon,
        voorkeurskanaal=klant.get_voorkeurskanaal_display(),
    )


@dataclass
class ProductKeuze:
    gekozen: list[Product]
    pagina: Page


def producten_kiezen(
    *, zoekterm: str = "", gekozen_ids: list[int] | None = None, pagina=None
) -> ProductKeuze:
    """Active products to choose from: the chosen ones, and one page of the others.

    Three queries whatever the size of the catalogue (the chosen, the count, the page).
    """
    qs = Product.objects.filter(actief=True).select_related("organisatie")
    gekozen = list(qs.filter(pk__in=gekozen_ids or []).order_by("naam", "pk"))
    overige = qs.exclude(pk__in=[p.pk for p in gekozen])
    if zoekterm:
        overige = overige.filter(Q(naam__icontains=zoekterm) | Q(upl_naam__icontains=zoekterm))
    page = Paginator(overige.order_by("naam", "pk"), PRODUCTEN_PER_PAGINA).get_page(pagina)
    page.object_list = list(page.object_list)
    return ProductKeuze(gekozen=gekozen, pagina=page)


def aanvraag_concepten(*, klant: Klant) -> list[Aanvraag]:
    """The klant's saved, unsubmitted aanvragen, newest first (the caller checked scope)."""
    return list(
        Aanvraag.objects.filter(klant=klant, status=Aanvraag.Status.CONCEPT)
        .select_related("product", "levensgebeurtenis")
        .order_by("-gewijzigd_op", "-id")[:CONCEPTEN_LIMIET]
    )


def aanvraag_get_voor_medewerker(
    *, medewerker, aanvraag_id: int, scherm: str
) -> tuple[Aanvraag, list[Zaak]]:
    """A submitted aanvraag with its zaken, if the medewerker may see all of them.

    Http404 otherwise (KCC-medewerkers and teamleiders see every zaak; a backoffice
    medewerker never sees a whole aanvraag). Logs the Verwerking of the klant's name.
    """
    zichtbaar = zaken_voor_gebruiker(user=medewerker)
    aanvraag = (
        Aanvraag.objects.select_related("klant", "product", "levensgebeurtenis")
        .filter(pk=aanvraag_id, status=Aanvraag.Status.INGEDIEND)
        .first()
    )
    if aanvraag is None or not medewerker.has_role(roles.KCC_MEDEWERKER, roles.TEAMLEIDER):
        raise Http404("Aanvraag niet gevonden.")
    zaken = list(
        zichtbaar.filter(aanvraag=aanvraag)
        .select_related("product", "organisatie", "afdeling", "aanspreekpunt")
        .order_by("id")
    )
    verwerking_vastleggen(
        klant_ids=[aanvraag.klant_id],
        medewerker=medewerker,
        actie=Verwerking.Actie.GELEZEN,
        scherm=scherm,
        toelichting=f"Aanvraag {aanvraag.pk}",
    )
    return aanvraag, zaken


@dataclass
class Antwoord:
    vraag: str
    waarde: object


def zaak_antwoorden_per_code(*, zaak: Zaak) -> dict:
    """The intake answers the work on this zaak needs: its own product's questions only.

    A deelzaak of a life event or multi-product aanvraag does not see what was asked for
    the other products. Person data from the BRP counts when the product's intake asks
    for it (a question with ``brp_veld``). A hoofdzaak has no product: nothing.
    """
    if not zaak.product_id:
        return {}
    antwoorden = zaak.aanvraag.antwoorden or {}
    codes = [d.get("code") for d in zaak.product.intake or []]
    return {code: antwoorden[code] for code in codes if code in antwoorden}


def zaak_antwoorden(*, zaak: Zaak) -> list[Antwoord]:
    """As zaak_antwoorden_per_code, with the question text (for the zaak page)."""
    per_code = zaak_antwoorden_per_code(zaak=zaak)
    if not per_code:
        return []
    vragen = {d.get("code"): d.get("vraag") for d in zaak.product.intake or []}
    return [Antwoord(vraag=vragen.get(code) or code, waarde=w) for code, w in per_code.items()]
