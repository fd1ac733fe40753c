"""Reads for the portal, always scoped to the logged-in citizen's own BSN or KVK-nummer.

Nothing here takes a klant id from the request: the klanten come from the account's
PortaalIdentiteit. Objects asked for by id (a zaak, an informatieverzoek) are looked up
inside that scope, so another citizen's id gives a 404. Every read of personal data
writes a Verwerking with the citizen as the actor.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from kanalen.inbox.models import Antwoord, InkomendBericht
from kanalen.models import Contactmoment, ContactmomentVraag, Contactverzoek
from kcc.accounts.models import User
from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from kcc.portaal.models import PortaalIdentiteit
from klanten.models import Klant
from productcatalogus.models import Afdeling, Product
from productcatalogus.selectors import product_publiek_qs

SCHERM = "portaal"
CONTACT_MAX = 50
BERICHTEN_MAX = 50
INZAGE_MAX = 200


def portaal_identiteit(*, user: User) -> PortaalIdentiteit | None:
    try:
        return user.portaal_identiteit
    except PortaalIdentiteit.DoesNotExist:
        return None


def portaal_klanten_qs(*, user: User) -> QuerySet[Klant]:
    """The Klant records of this account: the person (BSN) or every vestiging (KVK)."""
    identiteit = portaal_identiteit(user=user)
    qs = Klant.objects.filter(samengevoegd_in__isnull=True)
    if identiteit is None:
        return qs.none()
    if identiteit.middel == PortaalIdentiteit.Middel.DIGID:
        return qs.filter(soort=Klant.Soort.PERSOON, bsn=identiteit.bsn)
    return qs.filter(soort=Klant.Soort.ORGANISATIE, kvk_nummer=identiteit.kvk_nummer)


# The catalogue products through which a customer asks to correct registered data: the
# BRP is corrected by Burgerzaken, the Handelsregister by the KVK (beheer sets who handles it).
CORRECTIE_PRODUCTEN = {
    Klant.Soort.PERSOON: "correctie-persoonsgegevens",
    Klant.Soort.ORGANISATIE: "wijziging-handelsregister",
}


def correctie_product(*, klant: Klant) -> Product | None:
    """The published correction product for this kind of customer, with who handles it."""
    return (
        product_publiek_qs()
        .select_related("afdeling__organisatie")
        .filter(slug=CORRECTIE_PRODUCTEN.get(klant.soort, ""))
        .first()
    )


def portaal_klant_ids(*, user: User) -> list[int]:
    return list(portaal_klanten_qs(user=user).order_by("id").values_list("pk", flat=True))


def portaal_gelezen(
    *, user: User, klant_ids: list[int], scherm: str, toelichting: str = ""
) -> None:
    """Log that the citizen read their own data on this portal page."""
    if klant_ids:
        verwerking_vastleggen(
            klant_ids=klant_ids,
            medewerker=user,
            actie=Verwerking.Actie.GELEZEN,
            scherm=f"{SCHERM}/{scherm}",
            toelichting=toelichting or "Ingezien door de klant zelf in het portaal",
        )


def contactmomenten_voor_portaal(*, klant_ids: list[int]) -> list[Contactmoment]:
    """Contacts on every channel, newest first, with the questions asked and answered."""
    return list(
        Contactmoment.objects.filter(klant_id__in=klant_ids)
        .select_related("kanaal")
        .prefetch_related(
            Prefetch("vragen", queryset=ContactmomentVraag.objects.order_by("volgnummer"))
        )
        .order_by("-gestart_op", "-id")[:CONTACT_MAX]
    )


def contactverzoeken_voor_portaal(*, klant_ids: list[int]) -> list[Contactverzoek]:
    return list(
        Contactverzoek.objects.filter(klant_id__in=klant_ids)
        .select_related("afdeling")
        .order_by("-aangemaakt_op", "-id")[:CONTACT_MAX]
    )


# An inbox item's status in the citizen's words (internal statuses are not shown as such).
BERICHT_STATUS = {
    InkomendBericht.Status.NIEUW: "Ontvangen. Wij hebben uw vraag nog niet gelezen.",
    InkomendBericht.Status.IN_BEHANDELING: "Een medewerker is met uw vraag bezig.",
    InkomendBericht.Status.BEANTWOORD: "Beantwoord.",
    InkomendBericht.Status.OVERGEDRAGEN: (
        "Doorgestuurd naar de afdeling die hierover gaat. Zij nemen contact met u op."
    ),
}


@dataclass
class BerichtRegel:
    van_ons: bool
    tekst: str
    moment: datetime.datetime


@dataclass
class PortaalBericht:
    """A question the citizen sent (web form, e-mail, chat, letter) with its answers."""

    referentie: str
    onderwerp: str
    kanaal: str
    ontvangen_op: datetime.datetime
    deadline: datetime.datetime | None
    status: str
    open: bool
    regels: list[BerichtRegel]

    @property
    def laatste_antwoord(self) -> BerichtRegel | None:
        antwoorden = [r for r in self.regels if r.van_ons]
        return antwoorden[-1] if antwoorden else None


def berichten_voor_portaal(
    *, klant_ids: list[int], maximaal: int = BERICHTEN_MAX
) -> list[PortaalBericht]:
    """The citizen's inbox items, newest first, with their own follow-ups and our answers.

    Answers are shown without the medewerker's name. Four queries whatever the number.
    """
    items = (
        InkomendBericht.objects.filter(klant_id__in=klant_ids, is_vervolg=False)
        .only(
            "referentie",
            "onderwerp",
            "tekst",
            "kanaal",
            "ontvangen_op",
            "deadline",
            "status",
            "gesprek_id",
        )
        .prefetch_related(
            Prefetch(
                "gesprek__berichten",
                queryset=InkomendBericht.objects.filter(is_vervolg=True)
                .only("gesprek_id", "tekst", "ontvangen_op")
                .order_by("ontvangen_op", "id"),
                to_attr="vervolgen",
            ),
            Prefetch(
                "gesprek__antwoorden",
                queryset=Antwoord.objects.only("gesprek_id", "tekst", "aangemaakt_op").order_by(
                    "aangemaakt_op", "id"
                ),
                to_attr="alle_antwoorden",
            ),
        )
        .order_by("-ontvangen_op", "-id")[:maximaal]
    )
    berichten = []
    for item in items:
        regels = [BerichtRegel(False, item.tekst, item.ontvangen_op)]
        regels += [BerichtRegel(False, v.tekst, v.ontvangen_op) for v in item.gesprek.vervolgen]
        regels += [
            BerichtRegel(True, a.tekst, a.aangemaakt_op) for a in item.gesprek.alle_antwoorden
        ]
        berichten.append(
            PortaalBericht(
                referentie=item.referentie or "",
                onderwerp=item.onderwerp or item.tekst[:80],
                kanaal=item.get_kanaal_display(),
                ontvangen_op=item.ontvangen_op,
                deadline=item.deadline,
                status=BERICHT_STATUS.get(item.status, ""),
                open=item.status in InkomendBericht.OPEN,
                regels=sorted(regels, key=lambda r: r.moment),
            )
        )
    return berichten


@dataclass
class InzageRegel:
    tijdstip: datetime.datetime
    wie: str
    afdeling: str
    actie: str
    toelichting: str


def verwerkingen_voor_portaal(*, user: User, klant_ids: list[int]) -> list[InzageRegel]:
    """ "Wie bekeek mijn gegevens": staff by function and afdeling, never by name.

    The citizen's own visits to the portal are left out.
    """
    verwerkingen = (
        Verwerking.objects.filter(klant_id__in=klant_ids)
        .exclude(medewerker=user)
        .select_related("medewerker")
        .prefetch_related(
            Prefetch(
                "medewerker__afdelingen",
                queryset=Afdeling.objects.select_related("organisatie").order_by("naam"),
            )
        )
        .order_by("-tijdstip", "-id")[:INZAGE_MAX]
    )
    rijen = []
    for v in verwerkingen:
        medewerker = v.medewerker
        afdeling = ""
        if medewerker is None:
            wie = "Automatisch proces"
        elif medewerker.soort != User.Soort.MEDEWERKER:
            wie = "Iemand van uw organisatie (eHerkenning)"
        else:
            wie = v.functie or "Medewerker"
            afdeling = ", ".join(
                f"{a.naam} ({a.organisatie.naam})" for a in medewerker.afdelingen.all()
            )
        rijen.append(
            InzageRegel(
                tijdstip=v.tijdstip,
                wie=wie,
                afdeling=afdeling or "Klantcontactcentrum",
                actie=v.get_actie_display(),
                toelichting=v.toelichting,
            )
        )
    return rijen


def get_or_404(qs: QuerySet, **lookup):
    obj = qs.filter(**lookup).first()
    if obj is None:
        raise Http404("Niet gevonden.")
    return obj
