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

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from kcc.accounts import roles
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.normen.calendar import als_datum
from kcc.normen.models import Signalering
from klanten.models import DigitaalAdres, Klant
from productcatalogus.models import Product
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


def medewerker_afdelingen(user) -> list:
    """The afdelingen of a medewerker with their organisation, read once per request."""
    cached = getattr(user, "_kcc_afdelingen", None)
    if cached is None:
        cached = list(user.afdelingen.select_related("organisatie"))
        user._kcc_afdelingen = cached
    return cached


def medewerker_afdeling_ids(user) -> list[int]:
    """The ids of the medewerker's afdelingen: from the afdelingen when read already, else
    from the membership table alone (no join; a claim needs no more)."""
    afdelingen = getattr(user, "_kcc_afdelingen", None)
    if afdelingen is not None:
        return [afdeling.pk for afdeling in afdelingen]
    ids = getattr(user, "_kcc_afdeling_ids", None)
    if ids is None:
        ids = list(
            user.afdelingen.through.objects.filter(user_id=user.pk)
            .order_by("afdeling_id")
            .values_list("afdeling_id", flat=True)
        )
        user._kcc_afdeling_ids = ids
    return ids


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
# What the zaken API shows, in at most five joins: with ten, PostgreSQL took 8 ms to plan
# the query for one zaak (its join-order search grows with every table), five take about
# 1 ms. The users are loaded when shown (none when empty, as for most zaken).
API_RELATIES = ("product", "organisatie", "afdeling", "status", "hoofdzaak")


def zaak_get_voor_gebruiker(
    *, user, id: str, for_update: bool = False, relaties: tuple[str, ...] = ALLE_RELATIES
) -> Zaak:
    """One zaak by identificatie (or numeric id) within the caller's scope, else Http404.

    ``relaties``: the related objects read with it (others load when used).
    """
    qs = zaken_voor_gebruiker(user=user).select_related(*relaties)
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


def _gesignaleerd(*soorten: str, afdeling_ids: list[int]) -> Q:
    """The zaak has a Signalering of one of ``soorten`` (the norm monitor wrote it).

    A semi-join on the signals of ``afdeling_ids`` (a signal moves with its zaak), read
    from the index signalering_afdeling alone: a lookup per zaak of the afdeling in the
    million-row unique index cost 20 ms for 4,000 open zaken.
    """
    return Q(
        pk__in=Signalering.objects.filter(
            afdeling_id__in=afdeling_ids,
            content_type=ContentType.objects.get_for_model(Zaak),  # cached after the first
            soort__in=soorten,
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
    soort = Signalering.Soort
    afdelingen = medewerker_afdeling_ids(medewerker)
    qs = _open_werkvoorraad(medewerker)
    if tab == TAB_ONGECLAIMD:
        qs = qs.filter(behandelaar__isnull=True)
    elif tab == TAB_MIJN:
        qs = qs.filter(behandelaar=medewerker)
    elif tab == TAB_TE_LAAT:
        qs = qs.filter(_te_laat(vandaag()))
    elif tab == TAB_SIGNALERINGEN:
        qs = qs.filter(_gesignaleerd(*soort.values, afdeling_ids=afdelingen))
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


def _werkvoorraad_regels(rijen: list[dict]) -> list[WerkvoorraadRegel]:
    """Rows from ``values(*_REGEL_VELDEN)`` and the norm monitor's signals of these zaken
    (one query by object id)."""
    from kcc.core.links import url_sjabloon

    signalen = _signalen_per_zaak([r["pk"] for r in rijen])
    detail_url = url_sjabloon("backoffice:zaken:detail")
    claim_url = url_sjabloon("backoffice:zaken:claimen")
    peildatum = vandaag()
    regels = []
    for r in rijen:
        eigen = signalen.get(r["pk"], set())
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
    # First the page's ids in list order, which the index zaak_werkvoorraad_open answers
    # by itself on every tab (a tab that joins the signals read thousands of zaak rows
    # from the table to keep 50), then those 50 rows by primary key with the names of
    # their klant, product, status and behandelaar (joins on 50 keys plan in well under
    # a millisecond; the same joins beside the list's filter and order took 5).
    ids = werkvoorraad(medewerker=medewerker, **filters).values_list("pk", flat=True)
    paginator = Paginator(ids, WERKVOORRAAD_PER_PAGINA)
    if aantal is not None:
        paginator.count = aantal  # a cached_property: this value is used instead
    page = paginator.get_page(pagina)
    volgorde = list(page.object_list)
    per_id = {r["pk"]: r for r in Zaak.objects.filter(pk__in=volgorde).values(*_REGEL_VELDEN)}
    page.object_list = _werkvoorraad_regels([per_id[pk] for pk in volgorde if pk in per_id])
    verwerking_vastleggen(
        klant_ids=[regel.klant_id for regel in page.object_list],
        medewerker=medewerker,
        actie=Verwerking.Actie.GELEZEN,
        scherm="backoffice werkvoorraad",
    )
    return page


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
    """How many zaken each tab holds, in one query."""
    afdelingen = medewerker_afdeling_ids(medewerker)
    return _open_werkvoorraad(medewerker).aggregate(
        **{
            TAB_ONGECLAIMD: Count("pk", filter=Q(behandelaar__isnull=True)),
            TAB_MIJN: Count("pk", filter=Q(behandelaar=medewerker)),
            TAB_OPEN: Count("pk"),
            TAB_TE_LAAT: Count("pk", filter=_te_laat(vandaag())),
            TAB_SIGNALERINGEN: Count(
                "pk", filter=_gesignaleerd(*Signalering.Soort.values, afdeling_ids=afdelingen)
            ),
        }
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


def zaken_open_voor_klant(*, klant: Klant, medewerker) -> list[Zaak]:
    """Open zaken of a customer as the medewerker may see them (for the klantbeeld).

    Hoofdzaken carry ``voortgang`` ("2 van 4 afgerond"). One query with the four relations
    a row shows; only when there are hoofdzaken (or zaken without a product) one for their
    deelzaken counts and one for their aanvraag. A single GROUP BY over eight joined
    tables took PostgreSQL longer to plan than these three to run.
    """
    zaken = list(
        zaken_voor_gebruiker(user=medewerker)
        .filter(klant=klant, afgesloten_op__isnull=True)
        .select_related("product", "afdeling", "organisatie", "status")
        .order_by("streefdatum", "id")
    )
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
