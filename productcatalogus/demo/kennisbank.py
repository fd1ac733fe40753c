"""Demo VACs: questions citizens really ask, answered in plain Dutch (B1).

Each entry: (slug, vraag, antwoord HTML, trefwoorden, product slugs, afdeling code,
openbaar). The afdeling belongs to Gemeente Voorbeeldstad unless "org:afdeling" is given.
"""

from __future__ import annotations

VACS: list[tuple[str, str, str, str, list[str], str, bool]] = [
    (
        "paspoort-verlopen-wat-nu",
        "Mijn paspoort is verlopen. Wat moet ik doen?",
        "<p>Vraag een nieuw paspoort aan bij de balie. Maak eerst een afspraak. Neem uw oude "
        "paspoort en een pasfoto mee.</p><p>Na 5 werkdagen kunt u het nieuwe paspoort "
        "ophalen.</p>",
        "verlopen, nieuw paspoort",
        ["paspoort"],
        "burgerzaken",
        True,
    ),
    (
        "hoe-lang-duurt-paspoort",
        "Hoe lang duurt het voordat mijn paspoort klaar is?",
        "<p>Meestal ligt uw paspoort na 5 werkdagen klaar. Heeft u haast? Vraag dan een "
        "spoedaanvraag aan. Dan is het paspoort de volgende werkdag klaar.</p>",
        "levertijd, spoed, klaar",
        ["paspoort", "identiteitskaart"],
        "burgerzaken",
        True,
    ),
    (
        "paspoort-kwijt",
        "Ik ben mijn paspoort kwijt. Wat nu?",
        "<p>Meld het verlies bij de gemeente. Dat kan tegelijk met de aanvraag van een nieuw "
        "paspoort. Is het paspoort gestolen? Doe dan eerst aangifte bij de politie.</p>",
        "verloren, gestolen, vermissing",
        ["paspoort"],
        "burgerzaken",
        True,
    ),
    (
        "id-kaart-kind",
        "Heeft mijn kind een eigen identiteitskaart nodig?",
        "<p>Ja. Elk kind heeft een eigen paspoort of identiteitskaart nodig om te reizen. "
        "Kinderen komen zelf mee naar de balie. Beide ouders moeten toestemming geven.</p>",
        "kind, kinderen, reizen",
        ["identiteitskaart", "paspoort"],
        "burgerzaken",
        True,
    ),
    (
        "pasfoto-eisen",
        "Aan welke eisen moet mijn pasfoto voldoen?",
        "<p>De foto is in kleur, niet ouder dan 6 maanden en u kijkt recht in de camera. Een "
        "fotograaf weet precies wat nodig is.</p>",
        "foto, pasfoto",
        ["paspoort", "identiteitskaart", "rijbewijs"],
        "burgerzaken",
        True,
    ),
    (
        "rijbewijs-verlengen",
        "Hoe verleng ik mijn rijbewijs?",
        "<p>U vraagt online met DigiD een nieuw rijbewijs aan. Na 5 werkdagen haalt u het op "
        "aan de balie. Bent u 75 jaar of ouder? Dan heeft u eerst een "
        "gezondheidsverklaring nodig.</p>",
        "verlengen, verlopen, 75 jaar",
        ["rijbewijs"],
        "burgerzaken",
        True,
    ),
    (
        "wanneer-verhuizing-doorgeven",
        "Wanneer moet ik mijn verhuizing doorgeven?",
        "<p>Geef uw verhuizing door vanaf 4 weken voor de verhuisdatum. Dat moet uiterlijk "
        "5 dagen na de verhuizing. U kunt dit online doen met DigiD.</p>",
        "verhuizen, adreswijziging, termijn",
        ["verhuizing-doorgeven"],
        "burgerzaken",
        True,
    ),
    (
        "verhuizing-andere-organisaties",
        "Moet ik mijn nieuwe adres ook aan de Belastingdienst doorgeven?",
        "<p>Nee. De Belastingdienst, de SVB en andere overheden krijgen uw nieuwe adres van de "
        "gemeente. Krijgt u toeslagen? Geef dan wel uw nieuwe huur door aan Dienst "
        "Toeslagen.</p>",
        "belastingdienst, adres, toeslagen",
        ["verhuizing-doorgeven", "wijziging-toeslagen"],
        "burgerzaken",
        True,
    ),
    (
        "verhuizing-kinderen",
        "Moet ik mijn kinderen apart inschrijven als we verhuizen?",
        "<p>Nee. U geeft de verhuizing door voor iedereen die met u meeverhuist. Kinderen "
        "jonger dan 16 jaar neemt u mee in uw melding.</p>",
        "gezin, meeverhuizen",
        ["verhuizing-doorgeven"],
        "burgerzaken",
        True,
    ),
    (
        "adresonderzoek-intern",
        "Wanneer start ik een adresonderzoek?",
        "<p>Intern: start een adresonderzoek als iemand meldt dat een persoon niet meer op "
        "het adres woont. Zet een contactverzoek door naar Burgerzaken met het adres en de "
        "naam van de melder.</p>",
        "adresonderzoek, onjuist adres, spookbewoner",
        ["verhuizing-doorgeven"],
        "burgerzaken",
        False,
    ),
    (
        "geboorteaangifte-wie",
        "Wie mag de geboorte van mijn kind aangeven?",
        "<p>Een van de ouders. Kan dat niet? Dan mag iemand die bij de geboorte was of de "
        "persoon in wiens huis het kind is geboren.</p>",
        "aangifte, ouder, baby",
        ["geboorteaangifte"],
        "burgerzaken",
        True,
    ),
    (
        "geboorte-weekend",
        "Mijn kind is in het weekend geboren. Hoeveel tijd heb ik voor de aangifte?",
        "<p>U heeft 3 dagen. Zaterdag en zondag tellen niet mee. Ook feestdagen tellen niet "
        "mee.</p>",
        "weekend, termijn, baby",
        ["geboorteaangifte"],
        "burgerzaken",
        True,
    ),
    (
        "erkennen-voor-geboorte",
        "Kan ik mijn kind al voor de geboorte erkennen?",
        "<p>Ja, dat kan vanaf het begin van de zwangerschap. Kom samen met de moeder naar de "
        "balie. Dit is gratis.</p>",
        "erkenning, zwanger, vader",
        ["erkenning-kind"],
        "burgerzaken",
        True,
    ),
    (
        "akte-overlijden-aanvragen",
        "Hoe krijg ik een akte van overlijden?",
        "<p>U vraagt een afschrift aan bij de gemeente waar de persoon is overleden. Een akte "
        "kost € 14,00.</p>",
        "akte, afschrift, overleden",
        ["overlijdensaangifte"],
        "burgerzaken",
        True,
    ),
    (
        "uittreksel-nodig-werkgever",
        "Mijn werkgever vraagt een uittreksel. Welk uittreksel heb ik nodig?",
        "<p>Meestal is een uittreksel met alleen uw huidige gegevens genoeg. Vraag het na bij "
        "uw werkgever als u twijfelt.</p>",
        "werkgever, bewijs, uittreksel",
        ["uittreksel-brp"],
        "burgerzaken",
        True,
    ),
    (
        "parkeervergunning-wachtlijst",
        "Is er een wachtlijst voor een parkeervergunning?",
        "<p>In sommige gebieden wel. U hoort na uw aanvraag hoe lang de wachttijd is. U "
        "betaalt pas als u de vergunning krijgt.</p>",
        "wachttijd, bewonersvergunning",
        ["parkeervergunning"],
        "vergunningen",
        True,
    ),
    (
        "parkeervergunning-ander-kenteken",
        "Ik heb een nieuwe auto. Hoe wijzig ik het kenteken op mijn parkeervergunning?",
        "<p>Geef het nieuwe kenteken online door. De wijziging gaat dezelfde dag in. Dit is "
        "gratis.</p>",
        "kenteken wijzigen, nieuwe auto",
        ["parkeervergunning"],
        "vergunningen",
        True,
    ),
    (
        "hondenbelasting-afmelden",
        "Mijn hond is overleden. Moet ik nog hondenbelasting betalen?",
        "<p>Nee. Meld uw hond af. U krijgt dan geld terug voor de maanden na de afmelding.</p>",
        "hond overleden, afmelden, geld terug",
        ["hondenbelasting"],
        "belastingen",
        True,
    ),
    (
        "hondenbelasting-hoeveel",
        "Hoeveel hondenbelasting betaal ik?",
        "<p>Voor de eerste hond betaalt u € 117,24 per jaar. Voor elke volgende hond € 175,80. "
        "Een hulphond is vrijgesteld.</p>",
        "tarief, kosten, hulphond",
        ["hondenbelasting"],
        "belastingen",
        True,
    ),
    (
        "kwijtschelding-intern",
        "Hoe beoordeel ik een verzoek om kwijtschelding bij de balie?",
        "<p>Intern: laat de klant het formulier kwijtschelding invullen. Controleer of de "
        "bankafschriften van 3 maanden erbij zitten. Zet het verzoek door naar Belastingen; "
        "beloof geen uitkomst.</p>",
        "kwijtschelding, betalingsregeling",
        ["hondenbelasting"],
        "belastingen",
        False,
    ),
    (
        "dakkapel-vergunning",
        "Heb ik een vergunning nodig voor een dakkapel?",
        "<p>Aan de achterkant van uw huis vaak niet. Aan de voorkant meestal wel. Doe de "
        "vergunningcheck in het Omgevingsloket, dan weet u het zeker.</p>",
        "dakkapel, verbouwen, bouwvergunning",
        ["omgevingsvergunning"],
        "vergunningen",
        True,
    ),
    (
        "boom-kappen",
        "Mag ik een boom in mijn tuin kappen?",
        "<p>Voor grote bomen heeft u soms een vergunning nodig. Is de stam dikker dan 30 cm "
        "op 1,30 meter hoogte? Vraag dan eerst een vergunning aan.</p>",
        "kapvergunning, boom, tuin",
        ["omgevingsvergunning"],
        "vergunningen",
        True,
    ),
    (
        "container-niet-geleegd",
        "Mijn container is niet geleegd. Wat moet ik doen?",
        "<p>Meld het dezelfde dag nog via het webformulier of bel 14 000. We komen binnen "
        "2 werkdagen terug om hem te legen.</p>",
        "niet geleegd, vuilnis, afval, kliko",
        ["afvalcontainer"],
        "openbare-ruimte",
        True,
    ),
    (
        "grofvuil-wat-mag",
        "Wat mag ik bij het grofvuil zetten?",
        "<p>Meubels, matrassen en grote spullen. Geen bouwafval, chemisch afval of "
        "elektrische apparaten. Die brengt u naar het afvalbrengstation.</p>",
        "grofvuil, meubels, afvalbrengstation",
        ["grofvuil-ophalen"],
        "openbare-ruimte",
        True,
    ),
    (
        "bijstand-hoe-lang",
        "Hoe lang duurt het voordat ik weet of ik bijstand krijg?",
        "<p>U krijgt binnen 8 weken een besluit. Heeft u geen geld voor eten of huur? Vraag "
        "dan een voorschot.</p>",
        "voorschot, besluit, wachten",
        ["bijstandsuitkering"],
        "sociaal-domein",
        True,
    ),
    (
        "bijstand-werken",
        "Mag ik werken als ik bijstand heb?",
        "<p>Ja. Geef uw inkomen altijd door. Het geld dat u verdient, gaat meestal van uw "
        "uitkering af. Soms mag u een deel houden.</p>",
        "werk, inkomen, bijverdienen",
        ["bijstandsuitkering"],
        "sociaal-domein",
        True,
    ),
    (
        "kinderbijslag-wanneer",
        "Wanneer krijg ik kinderbijslag?",
        "<p>De SVB betaalt elke 3 maanden. Na de geboorteaangifte krijgt u vanzelf een "
        "formulier van de SVB.</p>",
        "svb, betaling, geboorte",
        ["kinderbijslag"],
        "svb:kinderbijslag",
        True,
    ),
    (
        "toeslagen-verhuizing",
        "Ik ga verhuizen. Wat moet ik doorgeven voor mijn huurtoeslag?",
        "<p>Geef uw nieuwe huur en de verhuisdatum door aan Dienst Toeslagen. Dat kan met "
        "DigiD op Mijn toeslagen.</p>",
        "huurtoeslag, verhuizen, toeslag wijzigen",
        ["huurtoeslag", "wijziging-toeslagen"],
        "belastingdienst:toeslagen",
        True,
    ),
    (
        "kvk-inschrijven-kosten",
        "Wat kost inschrijven bij de KVK?",
        "<p>Inschrijven in het handelsregister kost € 82,25. U betaalt dit één keer.</p>",
        "kvk, kosten, inschrijven",
        ["inschrijving-handelsregister"],
        "kvk:inschrijvingen",
        True,
    ),
    (
        "waterschapsbelasting-betalen",
        "Waarom betaal ik waterschapsbelasting?",
        "<p>Het waterschap zorgt voor sterke dijken en schoon water. Iedereen die in het "
        "gebied woont, betaalt mee.</p>",
        "waterschap, aanslag, belasting",
        ["waterschapsbelasting"],
        "waterschap:heffingen",
        True,
    ),
    (
        "doorverbinden-svb-intern",
        "Wanneer verbind ik een beller door naar de SVB?",
        "<p>Intern: beantwoord algemene vragen over kinderbijslag en AOW zelf met de VAC's. "
        "Gaat het over een persoonlijke betaling of een besluit? Zet dan een contactverzoek "
        "door naar de SVB.</p>",
        "doorverbinden, svb, kinderbijslag, aow",
        ["kinderbijslag", "overlijdensuitkering-aow"],
        "kcc",
        False,
    ),
]
