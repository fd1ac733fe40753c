"""Reads of the KCC inbox, scoped to the roles that work it."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from kanalen.codes import KanaalCode
from kanalen.inbox.models import Antwoord, Bijlage, InkomendBericht
from kanalen.inbox.services import INBOX_ROLLEN
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.core.paginering import Pagina, pagina_van
from kcc.core.permissions import GEEN_TOEGANG
from klanten.models import Klant

CHAT_GELEZEN_ONTHOUDEN = 24 * 60 * 60  # seconds; a chat never lasts that long


def _check(medewerker: User) -> None:
    if not medewerker.has_role(*INBOX_ROLLEN):
        raise PermissionDenied(GEEN_TOEGANG)


def inbox_open(
    *, medewerker: User, kanaal: str = "", status: str = "", alleen_eigen: bool = False
) -> QuerySet[InkomendBericht]:
    """Open items of every channel, earliest deadline first."""
    _check(medewerker)
    statussen = [status] if status in InkomendBericht.OPEN else list(InkomendBericht.OPEN)
    qs = InkomendBericht.objects.filter(is_vervolg=False, status__in=statussen)
    if kanaal:
        qs = qs.filter(kanaal=kanaal)
    if alleen_eigen:
        qs = qs.filter(behandelaar=medewerker)
    return qs.order_by("deadline", "id")


@dataclass(frozen=True)
class InboxRegel:
    """One row of the inbox list: only what it shows, read with ``values()``."""

    pk: int
    referentie: str
    onderwerp: str
    kanaal: str  # the label
    afzender: str  # the klant's name when known
    status: str  # the label
    deadline: object
    te_laat: bool
    behandelaar_id: int | None
    behandelaar: str
    url: str
    claim_url: str


_REGEL_VELDEN = (
    "pk",
    "referentie",
    "onderwerp",
    "kanaal",
    "status",
    "deadline",
    "behandelaar_id",
    "afzender_naam",
    "afzender_email",
    "afzender_telefoon",
    "klant_id",
    "behandelaar__first_name",
    "behandelaar__last_name",
    "behandelaar__username",
    *(f"klant__{veld}" for veld in Klant.NAAM_VELDEN),
)


def inbox_pagina(*, medewerker: User, pagina, per_pagina: int, **filters) -> Pagina:
    """One page of ``inbox_open`` as ``InboxRegel`` rows; the count stops at a thousand
    (``kcc.core.paginering``). Rows, not InkomendBericht objects: 50 items with their klant
    and behandelaar were 150 model instances a page view."""
    from kcc.core.links import url_sjabloon

    resultaat = pagina_van(
        inbox_open(medewerker=medewerker, **filters),
        pagina,
        per_pagina=per_pagina,
        velden=_REGEL_VELDEN,
    )
    kanalen = dict(KanaalCode.choices)
    statussen = dict(InkomendBericht.Status.choices)
    detail_url = url_sjabloon("console:inbox:detail")
    claim_url = url_sjabloon("console:inbox:claimen")
    nu = timezone.now()
    regels = []
    for r in resultaat.object_list:
        behandelaar = " ".join(
            n for n in (r["behandelaar__first_name"], r["behandelaar__last_name"]) if n
        )
        regels.append(
            InboxRegel(
                pk=r["pk"],
                referentie=r["referentie"],
                onderwerp=r["onderwerp"],
                kanaal=kanalen.get(r["kanaal"], r["kanaal"]),
                afzender=Klant.naam_uit(**{v: r[f"klant__{v}"] for v in Klant.NAAM_VELDEN})
                if r["klant_id"]
                else InkomendBericht.afzender_uit(
                    r["afzender_naam"], r["afzender_email"], r["afzender_telefoon"]
                ),
                status=statussen.get(r["status"], r["status"]),
                deadline=r["deadline"],
                te_laat=bool(r["deadline"] and r["deadline"] < nu),
                behandelaar_id=r["behandelaar_id"],
                behandelaar=behandelaar or r["behandelaar__username"] or "",
                url=detail_url(r["pk"]),
                claim_url=claim_url(r["pk"]),
            )
        )
    resultaat.object_list = regels
    return resultaat


def chat_get_for_medewerker(*, bericht_id: int, medewerker: User) -> InkomendBericht:
    """A chat item for the console's chat panel, which polls every 2 seconds.

    Reading the chat is logged once per medewerker and chat, not once per poll: a row
    every 2 seconds would bury the citizen's "wie bekeek mijn gegevens" in noise and
    fill the log. The cache spares the check on every poll; the database check keeps
    it once when the cache was emptied.
    """
    _check(medewerker)
    bericht = _item(bericht_id, kanaal=KanaalCode.CHAT)
    if bericht.klant_id and cache.add(
        f"inbox:chat-gelezen:{medewerker.pk}:{bericht.pk}", 1, timeout=CHAT_GELEZEN_ONTHOUDEN
    ):
        scherm = f"console/inbox/{bericht.pk}/chat"
        if not Verwerking.objects.filter(
            medewerker=medewerker, klant_id=bericht.klant_id, scherm_of_endpoint=scherm
        ).exists():
            verwerking_vastleggen(
                klant_ids=[bericht.klant_id],
                medewerker=medewerker,
                actie=Verwerking.Actie.GELEZEN,
                scherm=scherm,
                toelichting=f"Chat {bericht.referentie}",
            )
    return bericht


@dataclass
class Tijdlijnregel:
    soort: str  # "in" or "uit"
    moment: object
    object: object


def _item(bericht_id: int, **filters) -> InkomendBericht:
    bericht = (
        InkomendBericht.objects.select_related("klant", "behandelaar", "gesprek")
        .defer("ruw")
        .filter(pk=bericht_id, is_vervolg=False, **filters)
        .first()
    )
    if bericht is None:
        raise Http404("Bericht niet gevonden.")
    return bericht


def bericht_get_for_medewerker(*, bericht_id: int, medewerker: User) -> InkomendBericht:
    """An inbox item for a KCC-medewerker/teamleider; reading a klant's item is logged."""
    _check(medewerker)
    bericht = _item(bericht_id)
    if bericht.klant_id:
        verwerking_vastleggen(
            klant_ids=[bericht.klant_id],
            medewerker=medewerker,
            actie=Verwerking.Actie.GELEZEN,
            scherm="console/inbox",
        )
    return bericht


def gesprek_tijdlijn(*, bericht: InkomendBericht) -> list[Tijdlijnregel]:
    """Every message and answer of the item's conversation, oldest first (3 queries)."""
    berichten = (
        InkomendBericht.objects.filter(gesprek_id=bericht.gesprek_id)
        .defer("ruw")
        .prefetch_related(Prefetch("bijlagen", queryset=Bijlage.objects.order_by("id")))
    )
    antwoorden = Antwoord.objects.filter(gesprek_id=bericht.gesprek_id).select_related("medewerker")
    regels = [Tijdlijnregel("in", b.ontvangen_op, b) for b in berichten]
    regels += [Tijdlijnregel("uit", a.aangemaakt_op, a) for a in antwoorden]
    return sorted(regels, key=lambda r: r.moment)


def bijlage_get_for_medewerker(*, bijlage_id: int, medewerker: User) -> Bijlage:
    _check(medewerker)
    bijlage = Bijlage.objects.select_related("bericht").filter(pk=bijlage_id).first()
    if bijlage is None:
        raise Http404("Bijlage niet gevonden.")
    if bijlage.bericht.klant_id:
        verwerking_vastleggen(
            klant_ids=[bijlage.bericht.klant_id],
            medewerker=medewerker,
            actie=Verwerking.Actie.GELEZEN,
            scherm="console/inbox/bijlage",
        )
    return bijlage
