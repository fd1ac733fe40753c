"""Demo products of Gemeente Voorbeeldstad and the connected organisations.

Texts are written for this demo in plain Dutch (B1). Amounts and terms are realistic for
2026 but not official: the demo municipality sets its own prices.
"""

from __future__ import annotations

ALLE = ["telefoon", "balie", "email", "webformulier", "chat", "post", "sociale_media"]

# SDG informatiegebieden used by the demo (code -> informatiegebied).
SDG = {
    "A1": "Reizen binnen de Unie",
    "C2": "Voertuigen in de Unie",
    "D1": "Verblijf in een andere lidstaat",
    "D6": "Verblijf in een andere lidstaat",
    "G1": "Burger- en familierechten",
    "H3": "Consumentenrechten",
    "B9": "Werk en pensionering binnen de Unie",
    "J1": "Starten, exploiteren en sluiten van een bedrijf",
    "L5": "Belastingen",
    "N1": "Diensten",
}

UPL = "http://standaarden.overheid.nl/owms/terms/"

# Status type sets: (naam, publieke tekst, informeren)
STATUS_DOCUMENT = [
    ("Aanvraag ontvangen", "We hebben uw aanvraag ontvangen.", True),
    ("In productie", "Uw document wordt gemaakt.", False),
    ("Klaar om op te halen", "Uw document ligt klaar. U kunt het ophalen aan de balie.", True),
    ("Opgehaald", "U heeft uw document opgehaald.", False),
]
STATUS_MELDING = [
    ("Ontvangen", "We hebben uw melding ontvangen.", True),
    ("In behandeling", "Een medewerker verwerkt uw melding.", False),
    ("Verwerkt", "Uw melding is verwerkt.", True),
]
STATUS_BESLUIT = [
    ("Ontvangen", "We hebben uw aanvraag ontvangen.", True),
    ("In behandeling", "Een medewerker beoordeelt uw aanvraag.", False),
    ("Besluit genomen", "Er is een besluit genomen. U krijgt een brief.", True),
]
STATUS_UITVOERING = [
    ("Ontvangen", "We hebben uw aanvraag ontvangen.", True),
    ("Ingepland", "We hebben een datum gepland. U krijgt bericht.", True),
    ("Uitgevoerd", "We hebben uw aanvraag uitgevoerd.", True),
]

STATUS_CORRECTIE = [
    ("Verzoek ontvangen", "We hebben uw verzoek om correctie ontvangen.", True),
    ("In onderzoek", "We zoeken uit wat er niet klopt.", False),
    ("Afgehandeld", "Uw verzoek is afgehandeld. U krijgt een brief met de uitkomst.", True),
]


def _correctie_vragen(gegevens: list[str], bewijs: str) -> list[dict]:
    """The questions of a correction request: which data is wrong, and what it should be."""
    return [
        {
            "code": "gegeven",
            "vraag": "Welk gegeven klopt niet?",
            "type": "keuze",
            "verplicht": True,
            "keuzes": gegevens + ["Iets anders"],
        },
        {
            "code": "nu",
            "vraag": "Wat staat er nu?",
            "type": "tekst",
            "verplicht": False,
            "uitleg": "Neem over wat u bij 'Wat wij van u weten' ziet.",
        },
        {
            "code": "juist",
            "vraag": "Wat moet het zijn?",
            "type": "tekst",
            "verplicht": True,
            "uitleg": f"Heeft u een bewijs, zoals {bewijs}? Voeg het toe als bijlage.",
        },
    ]


BRP_NAAM = {
    "code": "naam",
    "vraag": "Wat is uw naam?",
    "type": "tekst",
    "verplicht": True,
    "brp_veld": "naam.volledigeNaam",
}
BRP_GEBOORTEDATUM = {
    "code": "geboortedatum",
    "vraag": "Wat is uw geboortedatum?",
    "type": "datum",
    "verplicht": True,
    "brp_veld": "geboorte.datum.datum",
}
BRP_ADRES = {
    "code": "huidig_adres",
    "vraag": "Wat is uw huidige adres?",
    "type": "tekst",
    "verplicht": True,
    "brp_veld": "verblijfplaats.verblijfadres",
}

# Each product: organisatie code, afdeling code, and the Product fields. "sdg" lists codes,
# "status" a status set. Slugs are fixed so public links stay stable.
PRODUCTEN: list[dict] = [
    {
        "slug": "paspoort",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Paspoort",
        "upl_naam": "paspoort",
        "upl_uri": UPL + "paspoort",
        "samenvatting": "Een paspoort is een reisdocument. U vraagt het aan bij de balie van "
        "het stadskantoor.",
        "tekst": "Met een paspoort kunt u reizen in en buiten Europa. Het paspoort is 10 jaar "
        "geldig, voor kinderen jonger dan 18 jaar 5 jaar.\n\nIs uw paspoort verlopen of "
        "verloopt het binnenkort? Vraag dan op tijd een nieuw paspoort aan. Maak hiervoor een "
        "afspraak. U moet zelf naar de balie komen, ook kinderen.",
        "trefwoorden": "paspoort verlopen, reisdocument, nieuw paspoort, paspoort aanvragen",
        "soort": "aanvraag",
        "kosten": "€ 84,30 voor 18 jaar en ouder. € 66,20 voor kinderen jonger dan 18 jaar.",
        "voorwaarden": "U staat ingeschreven in Voorbeeldstad en u heeft de Nederlandse "
        "nationaliteit.",
        "meenemen": "Uw oude paspoort of identiteitskaart en één pasfoto van minder dan "
        "6 maanden oud.",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 5,
        "opschorting_toegestaan": False,
        "kanalen": ["balie"],
        "sdg": ["A1"],
        "status": STATUS_DOCUMENT,
        "intake": [
            BRP_NAAM,
            BRP_GEBOORTEDATUM,
            {
                "code": "reden",
                "vraag": "Waarom vraagt u een nieuw paspoort aan?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": ["Verlopen", "Vol", "Kwijt of gestolen", "Beschadigd", "Eerste keer"],
            },
            {
                "code": "spoed",
                "vraag": "Heeft u het paspoort binnen 2 werkdagen nodig?",
                "type": "ja_nee",
                "verplicht": True,
                "uitleg": "Met spoed kost het € 58,10 extra.",
            },
        ],
    },
    {
        "slug": "identiteitskaart",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Identiteitskaart",
        "upl_naam": "identiteitskaart",
        "upl_uri": UPL + "identiteitskaart",
        "samenvatting": "Met een identiteitskaart laat u zien wie u bent. U kunt er ook mee "
        "reizen in Europa.",
        "tekst": "Een identiteitskaart (ID-kaart) is 10 jaar geldig, voor kinderen 5 jaar. U "
        "vraagt hem aan bij de balie. Maak eerst een afspraak.",
        "trefwoorden": "id-kaart, idkaart, legitimatie, identiteitsbewijs",
        "soort": "aanvraag",
        "kosten": "€ 77,85 voor 18 jaar en ouder. € 43,25 voor kinderen jonger dan 18 jaar.",
        "voorwaarden": "U staat ingeschreven in Voorbeeldstad en u heeft de Nederlandse "
        "nationaliteit.",
        "meenemen": "Uw oude identiteitskaart of paspoort en één pasfoto.",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 5,
        "opschorting_toegestaan": False,
        "kanalen": ["balie"],
        "sdg": ["A1"],
        "status": STATUS_DOCUMENT,
        "intake": [BRP_NAAM, BRP_GEBOORTEDATUM],
    },
    {
        "slug": "rijbewijs",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Rijbewijs",
        "upl_naam": "rijbewijs",
        "upl_uri": UPL + "rijbewijs",
        "samenvatting": "U vraagt een nieuw of eerste rijbewijs aan bij de gemeente waar u woont.",
        "tekst": "Bent u geslaagd voor uw rijexamen, of is uw rijbewijs bijna verlopen? Vraag "
        "dan een rijbewijs aan. Dat kan online met DigiD of aan de balie.",
        "trefwoorden": "rijbewijs verlengen, rijbewijs verlopen, rijexamen",
        "soort": "aanvraag",
        "kosten": "€ 52,20",
        "voorwaarden": "U woont in Voorbeeldstad en u bent geslaagd voor het examen of heeft "
        "een geldig rijbewijs.",
        "meenemen": "Uw oude rijbewijs en één pasfoto.",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 5,
        "opschorting_toegestaan": False,
        "kanalen": ["balie", "webformulier"],
        "sdg": ["C2"],
        "status": STATUS_DOCUMENT,
        "intake": [
            BRP_NAAM,
            BRP_GEBOORTEDATUM,
            {
                "code": "eerste_rijbewijs",
                "vraag": "Is dit uw eerste rijbewijs?",
                "type": "ja_nee",
                "verplicht": True,
            },
        ],
    },
    {
        "slug": "verhuizing-doorgeven",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Verhuizing doorgeven",
        "upl_naam": "verhuismelding",
        "upl_uri": UPL + "verhuismelding",
        "samenvatting": "Gaat u verhuizen binnen, naar of in Voorbeeldstad? Geef uw nieuwe adres "
        "door. Dat kan 4 weken voor tot 5 dagen na de verhuizing.",
        "tekst": "Geef uw verhuizing op tijd door. Dan kloppen uw gegevens bij de gemeente en "
        "bij andere organisaties, zoals de Belastingdienst. U doet dit voor uzelf en voor de "
        "mensen die met u meeverhuizen.",
        "trefwoorden": "verhuizen, adreswijziging, nieuw adres, verhuismelding, "
        "verhuizing doorgeven",
        "soort": "melding",
        "kosten": "Gratis",
        "voorwaarden": "U geeft de verhuizing door tussen 4 weken voor en 5 dagen na de "
        "verhuisdatum.",
        "meenemen": "Een huurcontract of koopakte. Woont u in bij iemand? Dan een "
        "toestemmingsverklaring van de hoofdbewoner.",
        "doorlooptijd_werkdagen": 20,
        "servicenorm_werkdagen": 5,
        "kanalen": ["balie", "webformulier", "post", "telefoon"],
        "sdg": ["D1"],
        "status": STATUS_MELDING,
        "intake": [
            BRP_NAAM,
            BRP_GEBOORTEDATUM,
            BRP_ADRES,
            {
                "code": "nieuwe_postcode",
                "vraag": "Wat is de postcode van uw nieuwe adres?",
                "type": "tekst",
                "verplicht": True,
            },
            {
                "code": "nieuw_huisnummer",
                "vraag": "Wat is het huisnummer?",
                "type": "tekst",
                "verplicht": True,
                "uitleg": "Met huisletter of toevoeging, bijvoorbeeld 12A.",
            },
            {
                "code": "verhuisdatum",
                "vraag": "Op welke datum verhuist u?",
                "type": "datum",
                "verplicht": True,
            },
            {
                "code": "aantal_meeverhuizers",
                "vraag": "Hoeveel mensen verhuizen met u mee?",
                "type": "getal",
                "verplicht": True,
            },
            {
                "code": "woonsituatie",
                "vraag": "Hoe woont u op het nieuwe adres?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": ["Huurwoning", "Koopwoning", "Inwonend bij iemand anders"],
            },
        ],
    },
    {
        "slug": "geboorteaangifte",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Geboorteaangifte",
        "upl_naam": "geboorteaangifte",
        "upl_uri": UPL + "geboorteaangifte",
        "samenvatting": "Is uw kind geboren? Doe binnen 3 dagen aangifte bij de gemeente waar "
        "uw kind is geboren.",
        "tekst": "Na de aangifte staat uw kind ingeschreven en krijgt het een "
        "burgerservicenummer (BSN). De aangifte kan door een ouder of iemand die bij de "
        "geboorte was.",
        "trefwoorden": "baby, kind geboren, geboorte aangeven, aangifte geboorte",
        "soort": "aangifte",
        "kosten": "Gratis",
        "voorwaarden": "Aangifte binnen 3 dagen na de geboorte.",
        "meenemen": "Uw identiteitsbewijs. Bent u niet getrouwd? Dan ook de akte van erkenning.",
        "doorlooptijd_werkdagen": 3,
        "servicenorm_werkdagen": 1,
        "opschorting_toegestaan": False,
        "kanalen": ["balie", "webformulier"],
        "sdg": ["G1"],
        "status": STATUS_MELDING,
        "intake": [
            BRP_NAAM,
            {
                "code": "naam_kind",
                "vraag": "Welke voornamen krijgt uw kind?",
                "type": "tekst",
                "verplicht": True,
            },
            {
                "code": "geboortedatum_kind",
                "vraag": "Wanneer is uw kind geboren?",
                "type": "datum",
                "verplicht": True,
            },
            {
                "code": "getrouwd",
                "vraag": "Bent u getrouwd of heeft u een geregistreerd partnerschap met de "
                "andere ouder?",
                "type": "ja_nee",
                "verplicht": True,
            },
        ],
    },
    {
        "slug": "erkenning-kind",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Erkenning van een kind",
        "upl_naam": "erkenning kind",
        "upl_uri": UPL + "erkenning_kind",
        "samenvatting": "Bent u niet getrouwd met de moeder? Erken dan uw kind. Dan bent u "
        "ook juridisch ouder.",
        "tekst": "Erkennen kan voor of na de geboorte. Doe het het liefst voor de geboorte. "
        "De moeder moet toestemming geven.",
        "trefwoorden": "kind erkennen, vaderschap, ouderschap",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "U bent 16 jaar of ouder en de moeder geeft toestemming.",
        "meenemen": "Uw identiteitsbewijs en dat van de moeder.",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 5,
        "kanalen": ["balie"],
        "sdg": ["G1"],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "overlijdensaangifte",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Overlijdensaangifte",
        "upl_naam": "overlijdensaangifte",
        "upl_uri": UPL + "overlijdensaangifte",
        "samenvatting": "Is iemand overleden? Dan moet dat worden aangegeven bij de gemeente. "
        "Meestal doet de uitvaartondernemer dit.",
        "tekst": "De aangifte moet binnen 6 werkdagen na het overlijden. Na de aangifte "
        "maken we een akte van overlijden. Daarna mag de begrafenis of crematie plaatsvinden.",
        "trefwoorden": "overleden, overlijden aangeven, akte van overlijden, uitvaart",
        "soort": "aangifte",
        "kosten": "Gratis. Een extra akte kost € 14,00.",
        "voorwaarden": "Aangifte binnen 6 werkdagen, met de verklaring van de arts.",
        "meenemen": "De verklaring van overlijden van de arts.",
        "doorlooptijd_werkdagen": 6,
        "servicenorm_werkdagen": 1,
        "opschorting_toegestaan": False,
        "kanalen": ["balie", "email", "post"],
        "sdg": ["D6"],
        "status": STATUS_MELDING,
    },
    {
        "slug": "uittreksel-brp",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Uittreksel BRP",
        "upl_naam": "brp-uittreksel",
        "upl_uri": UPL + "brpUittr",
        "samenvatting": "Een uittreksel is een officieel bewijs van uw gegevens in de "
        "Basisregistratie Personen (BRP), zoals uw adres.",
        "tekst": "U heeft een uittreksel soms nodig voor een nieuwe baan, een huurwoning of "
        "een buitenlandse instantie. U vraagt het online aan met DigiD. U krijgt het binnen "
        "3 werkdagen thuis.",
        "trefwoorden": "uittreksel, bewijs van inschrijving, gba uittreksel, "
        "basisregistratie personen",
        "soort": "aanvraag",
        "kosten": "€ 15,40",
        "voorwaarden": "U staat ingeschreven in Voorbeeldstad.",
        "meenemen": "Aan de balie: uw identiteitsbewijs.",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 3,
        "kanalen": ["balie", "webformulier", "post"],
        "sdg": ["D1"],
        "status": STATUS_UITVOERING,
        "intake": [
            BRP_NAAM,
            BRP_GEBOORTEDATUM,
            BRP_ADRES,
            {
                "code": "soort_uittreksel",
                "vraag": "Welk uittreksel heeft u nodig?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": ["Alleen huidige gegevens", "Met adreshistorie", "Internationaal"],
            },
        ],
    },
    {
        "slug": "correctie-persoonsgegevens",
        "org": "voorbeeldstad",
        "afd": "burgerzaken",
        "naam": "Correctie persoonsgegevens",
        "upl_naam": "brp-wijzigingsverzoek",
        "upl_uri": UPL + "brpWijzVzk",
        "samenvatting": "Klopt uw naam, geboortedatum of adres niet in de Basisregistratie "
        "Personen (BRP)? Vraag dan een correctie aan.",
        "tekst": "De gemeente houdt uw gegevens bij in de BRP. Andere organisaties gebruiken "
        "die gegevens ook. Staat er iets verkeerd? Laat het ons weten. De afdeling "
        "Burgerzaken zoekt het uit en past de BRP aan als dat nodig is. U krijgt een brief "
        "met de uitkomst.",
        "trefwoorden": "gegevens verkeerd, fout in brp, naam verkeerd, correctie, wijzigen, gba",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "Het gaat om uw eigen gegevens, of die van uw kind jonger dan 16 jaar.",
        "meenemen": "Een bewijs als u dat heeft, zoals een akte of uw paspoort.",
        "doorlooptijd_werkdagen": 20,
        "servicenorm_werkdagen": 10,
        "kanalen": ["webformulier", "balie", "post"],
        "sdg": ["G1"],
        "status": STATUS_CORRECTIE,
        "intake": _correctie_vragen(
            ["Naam", "Geboortedatum", "Adres", "Nationaliteit", "Burgerlijke staat"],
            "een akte of uw paspoort",
        ),
    },
    {
        "slug": "parkeervergunning",
        "org": "voorbeeldstad",
        "afd": "vergunningen",
        "naam": "Parkeervergunning",
        "upl_naam": "parkeervergunning",
        "upl_uri": UPL + "parkeervergunning",
        "samenvatting": "Woont u in het centrum en heeft u een auto? Met een "
        "parkeervergunning parkeert u in uw eigen buurt.",
        "tekst": "Een bewonersvergunning geldt voor één auto en één vergunninggebied. Er is "
        "soms een wachtlijst. Verhuist u? Dan vraagt u een nieuwe vergunning aan.",
        "trefwoorden": "parkeren, bewonersvergunning, parkeerkaart, auto",
        "soort": "aanvraag",
        "kosten": "€ 120,00 per jaar voor de eerste auto.",
        "voorwaarden": "U woont in een vergunninggebied en de auto staat op uw naam of u "
        "rijdt in een auto van de zaak.",
        "meenemen": "Het kenteken van uw auto.",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 10,
        "verlenging_toegestaan": True,
        "kanalen": ["webformulier", "balie", "post"],
        "sdg": ["D1"],
        "status": STATUS_BESLUIT,
        "intake": [
            BRP_NAAM,
            BRP_ADRES,
            {
                "code": "kenteken",
                "vraag": "Wat is het kenteken van uw auto?",
                "type": "tekst",
                "verplicht": True,
                "uitleg": "Bijvoorbeeld AB-123-C.",
            },
            {
                "code": "ingangsdatum",
                "vraag": "Vanaf welke datum heeft u de vergunning nodig?",
                "type": "datum",
                "verplicht": True,
            },
        ],
    },
    {
        "slug": "hondenbelasting",
        "org": "voorbeeldstad",
        "afd": "belastingen",
        "naam": "Hondenbelasting",
        "upl_naam": "hondenbelasting",
        "upl_uri": UPL + "hondenbelasting",
        "samenvatting": "Heeft u een hond? Dan betaalt u hondenbelasting. Meld uw hond aan "
        "binnen 2 weken nadat hij bij u woont.",
        "tekst": "U meldt uw hond aan en af bij de afdeling Belastingen. Heeft u geen hond "
        "meer? Meld hem dan af, dan krijgt u geld terug over de rest van het jaar.",
        "trefwoorden": "hond aanmelden, hond afmelden, honden, hondenbelasting betalen",
        "soort": "verplichting",
        "kosten": "€ 117,24 per jaar voor de eerste hond, € 175,80 voor elke volgende hond.",
        "voorwaarden": "Iedereen die een hond houdt in Voorbeeldstad.",
        "meenemen": "",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 10,
        "kanalen": ALLE,
        "sdg": ["L5"],
        "status": STATUS_MELDING,
        "intake": [
            BRP_NAAM,
            BRP_ADRES,
            {
                "code": "aan_of_af",
                "vraag": "Wilt u een hond aanmelden of afmelden?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": ["Aanmelden", "Afmelden"],
            },
            {
                "code": "aantal_honden",
                "vraag": "Om hoeveel honden gaat het?",
                "type": "getal",
                "verplicht": True,
            },
            {
                "code": "datum",
                "vraag": "Sinds wanneer heeft u de hond, of tot wanneer?",
                "type": "datum",
                "verplicht": True,
            },
        ],
    },
    {
        "slug": "omgevingsvergunning",
        "org": "voorbeeldstad",
        "afd": "vergunningen",
        "naam": "Omgevingsvergunning",
        "upl_naam": "omgevingsvergunning",
        "upl_uri": UPL + "omgevingsvergunning",
        "samenvatting": "Wilt u bouwen, verbouwen, slopen of een boom kappen? Misschien heeft "
        "u een omgevingsvergunning nodig.",
        "tekst": "Doe eerst de vergunningcheck in het Omgevingsloket. Dan weet u of u een "
        "vergunning nodig heeft. U vraagt de vergunning ook aan via het Omgevingsloket.",
        "trefwoorden": "bouwvergunning, verbouwen, dakkapel, kapvergunning, slopen, uitbouw",
        "soort": "aanvraag",
        "kosten": "Afhankelijk van de bouwkosten. Kijk in de legesverordening.",
        "voorwaarden": "Uw plan past in het omgevingsplan, of de gemeente wil ervan afwijken.",
        "meenemen": "Tekeningen en een beschrijving van uw plan.",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 30,
        "verlenging_toegestaan": True,
        "voor_bedrijf": True,
        "kanalen": ["webformulier", "post"],
        "sdg": ["N1"],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "afvalcontainer",
        "org": "voorbeeldstad",
        "afd": "openbare-ruimte",
        "naam": "Afvalcontainer aanvragen of wijzigen",
        "upl_naam": "afvalcontainer",
        "upl_uri": UPL + "afvalcontainer",
        "samenvatting": "Vraag een container aan voor restafval, gft of papier. Of geef door "
        "dat uw container kapot of weg is.",
        "tekst": "Nieuwe bewoners krijgen containers bij de woning. Is er geen container, of "
        "is hij kapot? Vraag dan een nieuwe aan. We brengen hem binnen 10 werkdagen.",
        "trefwoorden": "kliko, vuilnisbak, minicontainer, gft-bak, container kapot",
        "soort": "aanvraag",
        "kosten": "Gratis bij verhuizing of schade. Een extra container kost € 45,00.",
        "voorwaarden": "U woont in Voorbeeldstad in een woning met eigen containers.",
        "meenemen": "",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 10,
        "kanalen": ["telefoon", "webformulier", "chat", "email"],
        "sdg": ["H3"],
        "status": STATUS_UITVOERING,
        "intake": [
            BRP_ADRES,
            {
                "code": "soort_container",
                "vraag": "Welke container heeft u nodig?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": ["Restafval", "Gft", "Papier"],
            },
        ],
    },
    {
        "slug": "grofvuil-ophalen",
        "org": "voorbeeldstad",
        "afd": "openbare-ruimte",
        "naam": "Grofvuil laten ophalen",
        "upl_naam": "afvalinzameling grofvuil",
        "upl_uri": UPL + "afvalinzameling_grofvuil",
        "samenvatting": "Grote spullen zoals een bank of een kast laat u ophalen. Maak een "
        "afspraak.",
        "tekst": "We halen grofvuil op afspraak op. Zet het op de dag van de afspraak voor "
        "7.30 uur aan de straat.",
        "trefwoorden": "grof afval, bank weggooien, kast, matras",
        "soort": "aanvraag",
        "kosten": "Gratis tot 2 m³ per keer.",
        "voorwaarden": "U woont in Voorbeeldstad.",
        "meenemen": "",
        "servicenorm_werkdagen": 10,
        "kanalen": ["telefoon", "webformulier", "chat"],
        "sdg": ["H3"],
        "status": STATUS_UITVOERING,
    },
    {
        "slug": "bijstandsuitkering",
        "org": "voorbeeldstad",
        "afd": "sociaal-domein",
        "naam": "Bijstandsuitkering",
        "upl_naam": "bijstand",
        "upl_uri": UPL + "bijstand",
        "samenvatting": "Heeft u niet genoeg geld om van te leven? Dan kunt u misschien een "
        "bijstandsuitkering krijgen.",
        "tekst": "Bijstand is voor mensen die niet genoeg inkomen of vermogen hebben. We kijken "
        "naar uw hele situatie. Na de aanvraag krijgt u een gesprek.",
        "trefwoorden": "bijstand, uitkering, geen inkomen, participatiewet",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "U woont in Nederland, u bent 18 jaar of ouder en u heeft te weinig "
        "inkomen en vermogen.",
        "meenemen": "Bankafschriften van de laatste 3 maanden en uw huurcontract.",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 20,
        "verlenging_toegestaan": True,
        "kanalen": ["webformulier", "balie", "post"],
        "sdg": ["B9"],
        "status": [
            ("Ontvangen", "We hebben uw aanvraag ontvangen.", True),
            ("Gesprek gepland", "We hebben een gesprek met u gepland.", True),
            ("Wacht op gegevens", "We wachten op gegevens van u.", True),
            ("Besluit genomen", "Er is een besluit genomen. U krijgt een brief.", True),
        ],
        "intake": [
            BRP_NAAM,
            BRP_GEBOORTEDATUM,
            BRP_ADRES,
            {
                "code": "leefsituatie",
                "vraag": "Hoe woont u?",
                "type": "keuze",
                "verplicht": True,
                "keuzes": [
                    "Alleen",
                    "Met partner",
                    "Alleen met kinderen",
                    "Met partner en kinderen",
                ],
            },
            {
                "code": "inkomen",
                "vraag": "Hoeveel inkomen heeft u per maand (netto, in euro)?",
                "type": "getal",
                "verplicht": True,
            },
        ],
    },
    {
        "slug": "bedrijf-aan-huis",
        "org": "voorbeeldstad",
        "afd": "vergunningen",
        "naam": "Bedrijf aan huis melden",
        "upl_naam": "bedrijf aan huis melding",
        "upl_uri": UPL + "bedrijf_aan_huis_melding",
        "samenvatting": "Start u een bedrijf in uw woning? Soms moet u dat melden bij de gemeente.",
        "tekst": "Een kantoor aan huis mag meestal zonder melding. Komen er klanten of "
        "gebruikt u machines? Meld het dan.",
        "trefwoorden": "werken aan huis, kantoor aan huis, praktijk aan huis",
        "soort": "melding",
        "kosten": "Gratis",
        "voorwaarden": "Het bedrijf past bij een woonwijk.",
        "meenemen": "",
        "servicenorm_werkdagen": 10,
        "voor_burger": False,
        "voor_bedrijf": True,
        "kanalen": ["webformulier", "email", "post"],
        "sdg": ["N1"],
        "status": STATUS_MELDING,
    },
    # Connected organisations
    {
        "slug": "kinderbijslag",
        "org": "svb",
        "afd": "kinderbijslag",
        "naam": "Kinderbijslag",
        "upl_naam": "kinderbijslag",
        "upl_uri": UPL + "kinderbijslag",
        "samenvatting": "Kinderbijslag is een bijdrage van de overheid voor de kosten van uw "
        "kind. U krijgt het van de SVB.",
        "tekst": "Na de geboorteaangifte stuurt de SVB u een formulier. U krijgt "
        "kinderbijslag tot uw kind 18 jaar is. Het KCC kan uw vraag doorzetten naar de SVB.",
        "trefwoorden": "kinderbijslag aanvragen, svb, geld voor kinderen",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "Uw kind is jonger dan 18 jaar en u woont of werkt in Nederland.",
        "meenemen": "",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 20,
        "kanalen": ["webformulier", "telefoon", "post"],
        "sdg": ["G1"],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "overlijdensuitkering-aow",
        "org": "svb",
        "afd": "aow",
        "naam": "Overlijdensuitkering AOW",
        "upl_naam": "overlijdensuitkering aow",
        "upl_uri": UPL + "overlUitkAow",
        "samenvatting": "Kreeg uw partner AOW en is hij of zij overleden? Dan krijgt u "
        "misschien een eenmalige uitkering van de SVB.",
        "tekst": "De SVB betaalt de AOW van de maand van overlijden nog uit. Soms komt daar "
        "een overlijdensuitkering bij.",
        "trefwoorden": "aow overleden, partner overleden, svb",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "De overledene kreeg AOW.",
        "meenemen": "",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 20,
        "kanalen": ["webformulier", "telefoon", "post"],
        "sdg": ["D6"],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "huurtoeslag",
        "org": "belastingdienst",
        "afd": "toeslagen",
        "naam": "Huurtoeslag",
        "upl_naam": "huurtoeslag",
        "upl_uri": UPL + "huurtoeslag",
        "samenvatting": "Huurtoeslag is een bijdrage in de huur. U vraagt het aan bij "
        "Dienst Toeslagen van de Belastingdienst.",
        "tekst": "Of u huurtoeslag krijgt, hangt af van uw huur, uw inkomen en uw vermogen. "
        "Doe eerst een proefberekening.",
        "trefwoorden": "toeslag huur, belastingdienst, toeslagen",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "U huurt een zelfstandige woning en uw inkomen is niet te hoog.",
        "meenemen": "",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 20,
        "kanalen": ["webformulier", "telefoon", "post"],
        "sdg": ["D1"],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "wijziging-toeslagen",
        "org": "belastingdienst",
        "afd": "toeslagen",
        "naam": "Wijziging doorgeven voor toeslagen",
        "upl_naam": "",
        "upl_uri": "",
        "samenvatting": "Krijgt u toeslagen en verandert uw situatie? Geef de wijziging binnen "
        "4 weken door aan Dienst Toeslagen.",
        "tekst": "Denk aan een verhuizing, een nieuwe huur, een ander inkomen of een partner "
        "die bij u komt wonen. Dan voorkomt u dat u moet terugbetalen.",
        "trefwoorden": "toeslag wijzigen, zorgtoeslag, huurtoeslag, kinderopvangtoeslag",
        "soort": "melding",
        "kosten": "Gratis",
        "voorwaarden": "U krijgt een of meer toeslagen.",
        "meenemen": "",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 10,
        "kanalen": ["webformulier", "telefoon", "post"],
        "sdg": [],
        "status": STATUS_MELDING,
    },
    {
        "slug": "kinderopvangtoeslag",
        "org": "belastingdienst",
        "afd": "toeslagen",
        "naam": "Kinderopvangtoeslag",
        "upl_naam": "kinderopvangtoeslag",
        "upl_uri": UPL + "kinderopvangtoeslag",
        "samenvatting": "Gaat uw kind naar de kinderopvang? Dan krijgt u misschien "
        "kinderopvangtoeslag van Dienst Toeslagen.",
        "tekst": "U vraagt de toeslag aan binnen 3 maanden na de eerste opvangdag.",
        "trefwoorden": "opvang, kinderdagverblijf, bso, toeslagen",
        "soort": "aanvraag",
        "kosten": "Gratis",
        "voorwaarden": "U werkt of studeert en de opvang is geregistreerd.",
        "meenemen": "",
        "doorlooptijd_werkdagen": 40,
        "servicenorm_werkdagen": 20,
        "kanalen": ["webformulier", "telefoon"],
        "sdg": [],
        "status": STATUS_BESLUIT,
    },
    {
        "slug": "inschrijving-handelsregister",
        "org": "kvk",
        "afd": "inschrijvingen",
        "naam": "Inschrijving handelsregister",
        "upl_naam": "handelsregister inschrijving",
        "upl_uri": UPL + "handRegInschr",
        "samenvatting": "Start u een bedrijf? Schrijf het dan in bij de Kamer van Koophandel "
        "(KVK). U krijgt een KVK-nummer.",
        "tekst": "U maakt online een afspraak bij de KVK en neemt uw identiteitsbewijs mee. "
        "De KVK geeft uw gegevens door aan de Belastingdienst.",
        "trefwoorden": "kvk, kamer van koophandel, bedrijf inschrijven, kvk-nummer, eenmanszaak",
        "soort": "aanvraag",
        "kosten": "€ 82,25",
        "voorwaarden": "U start een onderneming in Nederland.",
        "meenemen": "Uw identiteitsbewijs.",
        "doorlooptijd_werkdagen": 5,
        "servicenorm_werkdagen": 3,
        "voor_burger": False,
        "voor_bedrijf": True,
        "kanalen": ["balie", "webformulier"],
        "sdg": ["J1"],
        "status": STATUS_UITVOERING,
    },
    {
        "slug": "wijziging-handelsregister",
        "org": "kvk",
        "afd": "inschrijvingen",
        "naam": "Wijziging handelsregister",
        "samenvatting": "Klopt er iets niet in de gegevens van uw bedrijf in het "
        "Handelsregister? Geef de wijziging door aan de KVK.",
        "tekst": "De KVK houdt het Handelsregister bij. Gemeenten en andere organisaties "
        "gebruiken die gegevens. Staat er iets verkeerd? De KVK past het aan.",
        "trefwoorden": "kvk, handelsregister, bedrijfsgegevens, adres bedrijf, wijzigen",
        "soort": "melding",
        "kosten": "Gratis",
        "voorwaarden": "U mag namens het bedrijf handelen.",
        "meenemen": "",
        "doorlooptijd_werkdagen": 5,
        "servicenorm_werkdagen": 3,
        "voor_burger": False,
        "voor_bedrijf": True,
        "kanalen": ["webformulier", "balie"],
        "sdg": ["J1"],
        "status": STATUS_CORRECTIE,
        "intake": _correctie_vragen(
            ["Bedrijfsnaam", "Adres", "Activiteiten", "Bestuurders"],
            "een uittreksel of een brief van de notaris",
        ),
    },
    {
        "slug": "waterschapsbelasting",
        "org": "waterschap",
        "afd": "heffingen",
        "naam": "Waterschapsbelasting",
        "upl_naam": "watersysteemheffing",
        "upl_uri": UPL + "watersysteemheffing",
        "samenvatting": "Het waterschap zorgt voor droge voeten en schoon water. Daarvoor "
        "betaalt u waterschapsbelasting.",
        "tekst": "U krijgt één aanslag voor de watersysteemheffing en de zuiveringsheffing. "
        "Heeft u weinig inkomen? Vraag dan kwijtschelding aan.",
        "trefwoorden": "waterschap, aanslag, zuiveringsheffing, kwijtschelding",
        "soort": "verplichting",
        "kosten": "Afhankelijk van uw woning en huishouden.",
        "voorwaarden": "U woont of heeft een gebouw in het gebied van het waterschap.",
        "meenemen": "",
        "doorlooptijd_werkdagen": None,
        "servicenorm_werkdagen": 10,
        "voor_bedrijf": True,
        "kanalen": ["telefoon", "webformulier", "post", "email"],
        "sdg": ["L5"],
        "status": STATUS_MELDING,
    },
]

LEVENSGEBEURTENISSEN: list[dict] = [
    {
        "slug": "verhuizen",
        "naam": "Verhuizen",
        "samenvatting": "U gaat verhuizen. Regel alles in één keer: uw adres, uw "
        "parkeervergunning, uw toeslagen en uw afvalcontainers.",
        "tekst": "Beantwoord een paar vragen. Dan ziet u wat u moet regelen. Wij zetten de "
        "aanvragen door naar de juiste afdeling of organisatie.",
        "trefwoorden": "verhuizing, verhuizen, nieuw adres, adreswijziging",
        "componenten": [
            ("verhuizing-doorgeven", "", ""),
            ("parkeervergunning", "Heeft u een auto?", "heeft_auto"),
            ("wijziging-toeslagen", "Krijgt u toeslagen?", "heeft_toeslagen"),
            ("afvalcontainer", "", ""),
        ],
    },
    {
        "slug": "geboorte",
        "naam": "Geboorte",
        "samenvatting": "Uw kind is geboren, gefeliciteerd! Doe aangifte en regel de "
        "kinderbijslag en toeslagen.",
        "tekst": "De geboorteaangifte doet u binnen 3 dagen. Daarna hoort u van de SVB over "
        "de kinderbijslag.",
        "trefwoorden": "baby, bevalling, kind geboren",
        "componenten": [
            (
                "erkenning-kind",
                "Bent u niet getrouwd met de moeder en heeft u het kind nog niet erkend?",
                "erkenning_nodig",
            ),
            ("geboorteaangifte", "", ""),
            ("kinderbijslag", "", ""),
            ("kinderopvangtoeslag", "Gaat uw kind naar de kinderopvang?", "kinderopvang"),
        ],
    },
    {
        "slug": "overlijden",
        "naam": "Overlijden",
        "samenvatting": "Iemand is overleden. Wij helpen u met wat u moet regelen bij de "
        "gemeente en andere organisaties.",
        "tekst": "Gecondoleerd. Vaak regelt de uitvaartondernemer de aangifte. Hieronder "
        "ziet u wat u verder moet doen.",
        "trefwoorden": "overleden, dood, uitvaart, begrafenis",
        "componenten": [
            ("overlijdensaangifte", "", ""),
            ("overlijdensuitkering-aow", "Kreeg de overledene AOW?", "had_aow"),
            ("wijziging-toeslagen", "Kreeg de overledene of u toeslagen?", "heeft_toeslagen"),
            ("hondenbelasting", "Had de overledene een hond?", "had_hond"),
        ],
    },
    {
        "slug": "bedrijf-starten",
        "naam": "Bedrijf starten",
        "samenvatting": "U start een eigen bedrijf. Schrijf het in bij de KVK en regel wat "
        "nodig is bij de gemeente.",
        "tekst": "Met uw inschrijving bij de KVK krijgt u ook een btw-nummer van de "
        "Belastingdienst.",
        "trefwoorden": "ondernemen, eigen bedrijf, zzp, starter",
        "voor_burger": False,
        "voor_bedrijf": True,
        "componenten": [
            ("inschrijving-handelsregister", "", ""),
            ("bedrijf-aan-huis", "Werkt u vanuit uw woning?", "aan_huis"),
            ("omgevingsvergunning", "Gaat u een pand bouwen of verbouwen?", "verbouwen"),
        ],
    },
]

SYNONIEMEN = {
    "id": ["identiteitskaart", "id-kaart", "legitimatie"],
    "verhuizen": ["verhuizing", "adreswijziging", "verhuismelding", "nieuw adres"],
    "hond": ["hondenbelasting", "honden"],
    "kliko": ["afvalcontainer", "vuilnisbak", "container"],
    "bijstand": ["bijstandsuitkering", "uitkering", "participatiewet"],
    "bouwvergunning": ["omgevingsvergunning", "verbouwen"],
    "kvk": ["kamer van koophandel", "handelsregister"],
    "baby": ["geboorte", "geboorteaangifte"],
    "aanmelden": ["aangeven", "melden", "inschrijven"],
    "gba": ["brp", "basisregistratie personen"],
}
