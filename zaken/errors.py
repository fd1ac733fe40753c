"""Errors of the zaken services, with the Dutch messages that users (and tests) see."""

from __future__ import annotations

FOUT_AL_GECLAIMD = (
    "Deze zaak is net door een collega opgepakt. Kies een andere zaak uit de werkvoorraad."
)
FOUT_NIET_VAN_AFDELING = "U kunt alleen zaken van uw eigen afdeling oppakken."
FOUT_ZAAK_AFGESLOTEN = "Deze zaak is al afgesloten."
FOUT_HOOFDZAAK_NIET_CLAIMEN = (
    "Een hoofdzaak wordt door het KCC geregisseerd; u pakt alleen de deelzaken op."
)
FOUT_NIET_BEHANDELAAR = "Alleen de behandelaar kan dit doen. Pak de zaak eerst op."
FOUT_ZELFDE_AFDELING = "De zaak staat al bij deze afdeling."
FOUT_OVERDRAGEN_GECLAIMD = (
    "Een collega behandelt deze zaak. Alleen de behandelaar of een teamleider kan hem overdragen."
)
FOUT_REDEN_VERPLICHT = "Geef een reden op."
FOUT_STATUSTYPE_ANDER_PRODUCT = "Deze status hoort niet bij het product van de zaak."
FOUT_OPSCHORTING_NIET_TOEGESTAAN = "Bij dit product mag de termijn niet stilgezet worden."
FOUT_AL_OPGESCHORT = "Er staat al een vraag aan de klant open."
FOUT_AL_BEANTWOORD = "Deze vraag is al beantwoord."
FOUT_ANTWOORD_VERPLICHT = "Vul het antwoord van de klant in."
FOUT_VRAAG_VERPLICHT = "Schrijf de vraag aan de klant op."
FOUT_VERLENGING_NIET_TOEGESTAAN = "Bij dit product mag de termijn niet verlengd worden."
FOUT_AL_VERLENGD = "De termijn is al een keer verlengd; dat kan maar één keer."
FOUT_GEEN_WETTELIJKE_TERMIJN = "Dit product heeft geen wettelijke termijn om te verlengen."
FOUT_DEELZAKEN_OPEN = (
    "De hoofdzaak kan pas dicht als alle deelzaken klaar zijn. Nog open: {aantal}."
)
FOUT_RESULTAAT_VERPLICHT = "Vul het resultaat in."
FOUT_NOTITIE_LEEG = "De notitie is leeg."
FOUT_GEEN_REGIE_AFDELING = (
    "Er is geen KCC-afdeling (code '{code}') bij de eigen organisatie; vraag de functioneel "
    "beheerder die aan te maken."
)
FOUT_EXTERN_ALLEEN_EIGEN = "Uw organisatie kan alleen haar eigen deelzaken bijwerken."
FOUT_DOCUMENT_TE_GROOT = "Het bestand is groter dan 10 MB. Kies een kleiner bestand."
FOUT_DOCUMENT_TYPE = "Alleen PDF-, PNG- en JPEG-bestanden zijn toegestaan."
FOUT_DOCUMENT_LEEG = "Het bestand is leeg."
FOUT_AFDELING_INACTIEF = "Deze afdeling is niet actief."

FOUT_PRODUCT_OF_LEVENSGEBEURTENIS = "Kies een product of een levensgebeurtenis (één van beide)."
FOUT_PRODUCT_KEUZE = "Kies producten uit de lijst."
FOUT_TE_VEEL_PRODUCTEN = "Kies hoogstens 20 producten in één aanvraag."
FOUT_MEER_PRODUCTEN = "Kies minstens twee verschillende producten (of één product apart)."
FOUT_PRODUCT_NIET_ACTIEF = "Dit product kan niet meer worden aangevraagd."
FOUT_KANAAL_ONBEKEND = "Onbekend kanaal."
FOUT_GEEN_ONDERDEEL = (
    "Volgens de antwoorden is geen enkel onderdeel nodig. Controleer de antwoorden."
)
FOUT_AANVRAAG_AL_INGEDIEND = "Deze aanvraag is al ingediend."
FOUT_VERPLICHT = "Dit antwoord is verplicht."
FOUT_JA_NEE = "Kies ja of nee."
FOUT_DATUM = "Vul een geldige datum in (dd-mm-jjjj)."
FOUT_GETAL = "Vul een getal in."
FOUT_GETAL_TE_GROOT = "Dit getal is te groot. Vul een getal in van hoogstens 12 cijfers."
FOUT_GETAL_DECIMALEN = "Gebruik hoogstens 4 cijfers achter de komma."
FOUT_KEUZE = "Kies een van de mogelijkheden."
FOUT_TEKST_TE_LANG = "Het antwoord is te lang (hoogstens 2000 tekens)."


class ZaakFout(Exception):
    """A refused action on a zaak; ``status_code`` is what the API answers."""

    status_code = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ZaakAlGeclaimd(ZaakFout):
    status_code = 409

    def __init__(self, message: str = FOUT_AL_GECLAIMD) -> None:
        super().__init__(message)


class ZaakGeenToegang(ZaakFout):
    status_code = 403


FOUT_HOOFDZAAK_ALLEEN_DEELZAKEN = (
    "Een hoofdzaak blijft bij het KCC; dit kan alleen bij een deelzaak of losse zaak."
)
FOUT_HOOFDZAAK_ALLEEN_KCC = "Alleen het KCC kan een hoofdzaak afsluiten."
FOUT_AANSPREEKPUNT_ALLEEN_TEAMLEIDER = "Alleen een teamleider kan het aanspreekpunt wijzigen."
FOUT_AANSPREEKPUNT_ALLEEN_HOOFDZAAK = "Alleen een hoofdzaak heeft een aanspreekpunt."
FOUT_AANSPREEKPUNT_GEEN_KCC = "Het aanspreekpunt moet een actieve KCC-medewerker zijn."
