"""Console pages for the customer record: search, klantbeeld, contact details, merge."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from kanalen import selectors as kanalen_selectors
from kanalen.forms import nieuw_formulier
from kanalen.kennisbank import gekozen_onderwerpen, kennisbank_context
from kcc.accounts import roles
from kcc.core.jinja2 import rijen
from kcc.core.permissions import role_required
from klanten import brp, kvk, selectors, services, validators
from klanten.forms import (
    DigitaalAdresForm,
    DigitaalAdresWijzigForm,
    SamenvoegenForm,
    ToestemmingForm,
    VoorkeurenForm,
    ZoekForm,
)
from klanten.models import Klant

TIJDLIJN_PER_PAGINA = 10
CONSOLE = (roles.KCC_MEDEWERKER, roles.TEAMLEIDER)


@role_required(*CONSOLE)
def zoeken(request: HttpRequest) -> HttpResponse:
    form = ZoekForm(request.GET or None)
    uitkomst = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        uitkomst = selectors.klant_zoeken(q=form.cleaned_data["q"], medewerker=request.user)
        if uitkomst.vraag.fout:
            form.add_error("q", uitkomst.vraag.fout)
    rijen = [
        {
            "klant": k,
            "adres": k.adresregel
            if selectors.klant_adres_zichtbaar(klant=k, medewerker=request.user)
            else "",
        }
        for k in (uitkomst.klanten if uitkomst else [])
    ]
    context = {"form": form, "uitkomst": uitkomst, "rijen": rijen}
    if request.htmx and not request.htmx.boosted:
        return render(request, "console/klanten/_zoekresultaten.html", context)
    return render(request, "console/klanten/zoeken.html", context)


@role_required(*CONSOLE)
@require_POST
def uit_register(request: HttpRequest) -> HttpResponse:
    """Create the Klant from the BRP (bsn) or KVK (kvk number) and open the klantbeeld."""
    bron, sleutel = request.POST.get("bron"), request.POST.get("sleutel", "")
    try:
        if bron == "brp":
            klant = services.klant_create_from_brp(
                bsn=sleutel, medewerker=request.user, scherm="console/zoeken"
            )
        elif bron == "kvk":
            klant = services.klant_create_from_kvk(
                kvk_nummer=sleutel, medewerker=request.user, scherm="console/zoeken"
            )
        else:
            raise Http404("Onbekende bron.")
    except (brp.BrpFout, kvk.KvkFout) as exc:
        messages.error(request, str(exc))
        return redirect(_zoeken_url(sleutel))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_zoeken_url(sleutel))
    return redirect("console:klanten:klantbeeld", klant_id=klant.pk)


def _zoeken_url(q: str) -> str:
    return reverse("console:klanten:zoeken") + "?" + urlencode({"q": q[:200]})


def klantbeeld_context(request: HttpRequest, klant: Klant, *, form=None, vragen=None) -> dict:
    """Everything on the one screen. Constant number of queries whatever the history."""
    kanaal_code = request.GET.get("kanaal", "")
    paginator = Paginator(
        kanalen_selectors.tijdlijn_voor_klant(klant=klant, kanaal_code=kanaal_code),
        TIJDLIJN_PER_PAGINA,
    )
    # A cached_property: counted without the columns' joins.
    paginator.count = kanalen_selectors.tijdlijn_aantal(klant=klant, kanaal_code=kanaal_code)
    tijdlijn = paginator.get_page(request.GET.get("pagina"))
    if form is None:
        form, vragen = nieuw_formulier(
            klant=klant,
            kanaal_code=request.GET.get("kanaal_contact", "telefoon"),
            aanvraag_id=validators.als_id(request.GET.get("aanvraag")),
            telefoongesprek_id=validators.als_id(request.GET.get("telefoongesprek")),
        )
    gekozen_onderwerpen(vragen)
    kennisbank = kennisbank_context(
        q=request.GET.get("kq", "").strip()[:200], doel=f"vragen-{len(vragen.forms) - 1}"
    )
    return {
        **kennisbank,
        "klant": klant,
        "adres_zichtbaar": selectors.klant_adres_zichtbaar(klant=klant, medewerker=request.user),
        "adres_afgeschermd": selectors.ADRES_AFGESCHERMD,
        "toestemmingen": selectors.toestemmingen_actueel(klant=klant),
        "contactverzoeken": list(kanalen_selectors.contactverzoeken_open_voor_klant(klant=klant)),
        "zaken": selectors.zaken_voor_klantbeeld(klant=klant, medewerker=request.user),
        "mag_aanvraag_starten": request.user.has_role(roles.KCC_MEDEWERKER),
        "tijdlijn": tijdlijn,
        "tijdlijn_rijen": rijen(
            "console/klanten/tijdlijn_rijen.html",
            contactmomenten=kanalen_selectors.tijdlijn_regels(tijdlijn.object_list),
        ),
        "kanalen": kanalen_selectors.kanalen_op_volgorde(),
        "kanaal_filter": kanaal_code,
        "form": form,
        "vragen": vragen,
        "mag_samenvoegen": request.user.has_role(roles.TEAMLEIDER),
    }


@role_required(*CONSOLE)
def klantbeeld(request: HttpRequest, klant_id: int) -> HttpResponse:
    klant = selectors.klant_get_for_medewerker(
        klant_id=klant_id, medewerker=request.user, scherm="console/klantbeeld"
    )
    if klant.samengevoegd_in_id:
        messages.info(
            request, "Deze klant is samengevoegd. U ziet nu de klant waarin alles is opgegaan."
        )
        return redirect("console:klanten:klantbeeld", klant_id=klant.samengevoegd_in_id)
    context = klantbeeld_context(request, klant)
    if request.htmx and request.GET.get("deel") == "tijdlijn":
        return render(request, "console/klanten/_tijdlijn.html", context)
    return render(request, "console/klanten/klantbeeld.html", context)


@role_required(*CONSOLE)
def gegevens(request: HttpRequest, klant_id: int) -> HttpResponse:
    """Contact details, preferences and consents: view, change, with their history."""
    klant = selectors.klant_get_for_medewerker(
        klant_id=klant_id, medewerker=request.user, scherm="console/klantgegevens"
    )
    forms = {
        "adres_form": DigitaalAdresForm(prefix="adres"),
        "voorkeuren_form": VoorkeurenForm(
            prefix="voorkeur",
            initial={
                "voorkeurskanaal": klant.voorkeurskanaal,
                "voorkeurstaal": klant.voorkeurstaal,
            },
        ),
        "toestemming_form": ToestemmingForm(prefix="toestemming"),
        "wijzig_form": DigitaalAdresWijzigForm(prefix="wijzig"),
        "wijzig_adres_id": None,
    }
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        try:
            klaar = _gegevens_actie(request, klant, actie, forms)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            klaar = False
        if klaar:
            return redirect("console:klanten:gegevens", klant_id=klant.pk)
    context = {
        "klant": klant,
        **forms,
        "toestemmingen": selectors.toestemmingen_actueel(klant=klant),
        "toestemming_historie": list(selectors.toestemming_historie(klant=klant)[:50]),
        "adres_historie": list(selectors.digitaal_adres_historie(klant=klant)[:50]),
        "voorkeur_historie": list(selectors.voorkeur_historie(klant=klant)[:50]),
    }
    return render(request, "console/klanten/gegevens.html", context)


def _veldfouten(form, exc: ValidationError) -> None:
    for veld, berichten in exc.message_dict.items():
        for bericht in berichten:
            form.add_error(veld if veld in form.fields else None, bericht)


def _gegevens_actie(request: HttpRequest, klant: Klant, actie: str, forms: dict) -> bool:
    user = request.user
    scherm = "console/klantgegevens"
    if actie == "adres_toevoegen":
        form = forms["adres_form"] = DigitaalAdresForm(request.POST, prefix="adres")
        if not form.is_valid():
            return False
        try:
            services.digitaal_adres_toevoegen(
                klant=klant, medewerker=user, scherm=scherm, **form.cleaned_data
            )
        except ValidationError as exc:
            _veldfouten(form, exc)
            return False
        messages.success(request, "Het adres of nummer is toegevoegd.")
        return True
    if actie in ("adres_wijzigen", "adres_voorkeur", "adres_verifieren", "adres_verwijderen"):
        try:
            adres_id = int(request.POST.get("adres", ""))
        except ValueError:
            raise Http404("Adres niet gevonden.") from None
        adres = selectors.digitaal_adres_get(klant=klant, adres_id=adres_id)
        if actie == "adres_wijzigen":
            # The error shows at the input of this one address (see gegevens.html).
            form = forms["wijzig_form"] = DigitaalAdresWijzigForm(request.POST, prefix="wijzig")
            forms["wijzig_adres_id"] = adres.pk
            if not form.is_valid():
                return False
            try:
                services.digitaal_adres_wijzigen(
                    adres=adres, waarde=form.cleaned_data["waarde"], medewerker=user, scherm=scherm
                )
            except ValidationError as exc:
                _veldfouten(form, exc)
                return False
        elif actie == "adres_voorkeur":
            services.digitaal_adres_voorkeur_zetten(adres=adres, medewerker=user, scherm=scherm)
        elif actie == "adres_verifieren":
            services.digitaal_adres_verifieren(adres=adres, medewerker=user, scherm=scherm)
        else:
            services.digitaal_adres_verwijderen(adres=adres, medewerker=user, scherm=scherm)
        messages.success(request, "De contactgegevens zijn bijgewerkt.")
        return True
    if actie == "voorkeuren":
        form = forms["voorkeuren_form"] = VoorkeurenForm(request.POST, prefix="voorkeur")
        if not form.is_valid():
            return False
        services.klant_voorkeuren_wijzigen(
            klant=klant, medewerker=user, scherm=scherm, **form.cleaned_data
        )
        messages.success(request, "De voorkeuren zijn opgeslagen.")
        return True
    if actie == "toestemming":
        form = forms["toestemming_form"] = ToestemmingForm(request.POST, prefix="toestemming")
        if not form.is_valid():
            return False
        try:
            services.toestemming_vastleggen(
                klant=klant, medewerker=user, scherm=scherm, bron="console", **form.cleaned_data
            )
        except ValidationError as exc:
            _veldfouten(form, exc)
            return False
        messages.success(request, "De toestemming is vastgelegd.")
        return True
    raise Http404("Onbekende actie.")


@role_required(roles.TEAMLEIDER)
def samenvoegen(request: HttpRequest, klant_id: int) -> HttpResponse:
    """Teamleider: merge a duplicate into this klant (confirm first, then POST)."""
    behouden = selectors.klant_get_for_medewerker(
        klant_id=klant_id, medewerker=request.user, scherm="console/samenvoegen"
    )
    form = SamenvoegenForm(request.POST or request.GET or None)
    opheffen = None
    if form.is_bound and form.is_valid():
        try:
            opheffen = selectors.klant_get_for_medewerker(
                klant_id=form.cleaned_data["opheffen"],
                medewerker=request.user,
                scherm="console/samenvoegen",
            )
        except Http404:
            form.add_error("opheffen", "Er is geen klant met dit klantnummer.")
    if request.method == "POST" and opheffen is not None and request.POST.get("bevestigd") == "ja":
        try:
            services.klant_samenvoegen(
                behouden=behouden, opheffen=opheffen, medewerker=request.user
            )
        except ValidationError as exc:
            form.add_error("opheffen", " ".join(exc.messages))
        else:
            messages.success(request, f"Klant {opheffen.pk} is samengevoegd met deze klant.")
            return redirect("console:klanten:klantbeeld", klant_id=behouden.pk)
    return render(
        request,
        "console/klanten/samenvoegen.html",
        {"behouden": behouden, "opheffen": opheffen, "form": form},
    )
