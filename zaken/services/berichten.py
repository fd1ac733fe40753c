"""What the outbox sends about a zaak: notifications to the customer, webhooks to systems."""

from __future__ import annotations

from django.urls import reverse

from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen
from klanten.models import DigitaalAdres, Klant
from productcatalogus.models import Organisatie
from zaken.models import OutboxBericht, Zaak
from zaken.selectors import zaak_antwoorden_per_code
from zaken.services.outbox import cloudevent, outbox_bericht_schrijven

EVENT_DOORGEZET = "nl.kcc.zaak.doorgezet"


def klant_voorkeur_email(klant: Klant) -> str:
    """The customer's preferred e-mail address, or another one, or ''.

    From the klant's digitale adressen when they were read with it (the console's klant,
    ordered by soort, voorkeur first, then id), else one query.
    """
    gelezen = getattr(klant, "_prefetched_objects_cache", {}).get("digitale_adressen")
    if gelezen is not None:
        emails = [a for a in gelezen if a.soort == DigitaalAdres.Soort.EMAIL]
        emails.sort(key=lambda a: (not a.voorkeur, a.pk))
        return emails[0].waarde if emails else ""
    adres = (
        DigitaalAdres.objects.filter(klant=klant, soort=DigitaalAdres.Soort.EMAIL)
        .order_by("-voorkeur", "id")
        .values_list("waarde", flat=True)
        .first()
    )
    return adres or ""


def zaak_klant_informeren(*, zaak: Zaak, onderwerp: str, tekst: str, sleutel: str) -> OutboxBericht:
    """Queue a message to the customer on their preferred channel (e-mail, else a letter).

    ``sleutel`` makes the message unique per event: retrying the same change never
    informs the customer twice.
    """
    klant = zaak.klant
    email = "" if klant.voorkeurskanaal == "post" else klant_voorkeur_email(klant)
    payload = {
        "klant_id": klant.pk,
        "zaak": zaak.identificatie,
        "product_id": zaak.product_id,
        "onderwerp": onderwerp,
        "tekst": f"Beste {klant.naam or 'klant'},\n\n{tekst}\n\nUw zaaknummer is "
        f"{zaak.identificatie}. Met vriendelijke groet,\n{zaak.organisatie.naam}",
    }
    if not email:
        payload["adres"] = klant.adresregel
        payload["postkamer"] = zaak.afdeling.email
    return outbox_bericht_schrijven(
        soort=OutboxBericht.Soort.NOTIFICATIE,
        dedup_sleutel=f"notificatie:{zaak.identificatie}:{sleutel}",
        doel=email or "post",
        payload=payload,
        zaak=zaak,
    )


def zaak_extern_doorzetten(*, zaak: Zaak, sleutel: str = "doorgezet") -> OutboxBericht | None:
    """Deliver a zaak routed to an external organisation as a signed CloudEvent."""
    organisatie = zaak.organisatie
    if organisatie.integratie_modus != Organisatie.IntegratieModus.EXTERN:
        return None
    klant = zaak.klant
    api = reverse("api:zaken:detail", kwargs={"id": zaak.identificatie})
    data = {
        "identificatie": zaak.identificatie,
        "hoofdzaak": zaak.hoofdzaak.identificatie if zaak.hoofdzaak_id else None,
        "product": {"naam": zaak.product.naam, "upl_uri": zaak.product.upl_uri},
        "afdeling": zaak.afdeling.code,
        "startdatum": zaak.startdatum.isoformat(),
        "streefdatum": zaak.streefdatum.isoformat() if zaak.streefdatum else None,
        "uiterlijke_einddatum": (
            zaak.uiterlijke_einddatum.isoformat() if zaak.uiterlijke_einddatum else None
        ),
        "klant": {
            "bsn": klant.bsn,
            "kvk_nummer": klant.kvk_nummer,
            "naam": klant.naam,
            "adres": klant.adresregel,
            "email": klant_voorkeur_email(klant),
        },
        # Only what this deelzaak's product asked: never the other organisations' answers.
        "antwoorden": zaak_antwoorden_per_code(zaak=zaak),
        "links": {
            "zaak": api,
            "status": reverse("api:zaken:status", kwargs={"id": zaak.identificatie}),
            "resolve": reverse("api:zaken:resolve", kwargs={"id": zaak.identificatie}),
        },
    }
    verwerking_vastleggen(
        klant_ids=[klant.pk],
        medewerker=None,
        actie=Verwerking.Actie.GELEZEN,
        scherm="webhook zaak doorgezet",
        toelichting=f"Gegevens gedeeld met {organisatie.naam} voor zaak {zaak.identificatie}",
    )
    return outbox_bericht_schrijven(
        soort=OutboxBericht.Soort.WEBHOOK,
        dedup_sleutel=f"webhook:{zaak.identificatie}:{organisatie.pk}:{sleutel}",
        doel=organisatie.webhook_url,
        payload=cloudevent(type=EVENT_DOORGEZET, subject=zaak.identificatie, data=data),
        zaak=zaak,
        organisatie=organisatie,
    )
