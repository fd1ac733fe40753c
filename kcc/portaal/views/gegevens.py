"""Mijn gegevens: the record the organisation holds, contact details, consents, inzage."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kcc.portaal import selectors
from kcc.portaal.forms import EmailForm, TelefoonForm, ToestemmingForm, VoorkeurskanaalForm
from kcc.portaal.intake import correctie_form, intake_indienen
from kcc.portaal.permissions import portaal_login_required
from kcc.portaal.ratelimit import rate_limited
from kcc.portaal.services import gegevens as services
from klanten import brp, kvk
from klanten import services as klanten_services
from klanten.models import DigitaalAdres, Klant
from klanten.selectors import toestemming_historie, toestemmingen_actueel

SCHERM = services.SCHERM
OPGESLAGEN = "Uw wijziging is opgeslagen."
EMAIL_VERSTUURD = (
    "Wij hebben een e-mail gestuurd naar {adres}. Klik op de link in die e-mail om het adres "
    "te bevestigen."
)
EMAIL_BEVESTIGD = "Uw e-mailadres {adres} is bevestigd."
REGISTER_FOUT = "Wij konden uw gegevens nu niet ophalen. Probeer het later opnieuw."
CORRECTIE_NIET_ONLINE = (
    "Een correctie aanvragen kan nu niet via de website. Bel ons op 14 000, dan helpen wij u."
)


def _klant(request) -> Klant | None:
    return selectors.portaal_klanten_qs(user=request.user).order_by("id").first()


def _klant_of_ophalen(request) -> Klant:
    try:
        return services.portaal_klant_ophalen(user=request.user)
    except (ValidationError, brp.BrpFout, kvk.KvkFout, Klant.DoesNotExist):
        raise _RegisterFout() from None


class _RegisterFout(Exception):
    pass


def _render(request, klant, **forms) -> HttpResponse:
    context = {
        "klant": klant,
        "adressen": [],
        "toestemmingen": [],
        "historie": [],
        "email_form": forms.get("email_form") or EmailForm(),
        "telefoon_form": forms.get("telefoon_form") or TelefoonForm(),
        "voorkeur_form": forms.get("voorkeur_form")
        or VoorkeurskanaalForm(initial={"voorkeurskanaal": klant.voorkeurskanaal if klant else ""}),
        "toestemming_form": forms.get("toestemming_form") or ToestemmingForm(),
    }
    if klant is not None:
        correctie = selectors.correctie_product(klant=klant)
        context["correctie"] = correctie
        if correctie is not None:
            context["correctie_form"] = forms.get("correctie_form") or correctie_form(
                product=correctie, klant=klant
            )
        context["adressen"] = list(klant.digitale_adressen.order_by("soort", "-voorkeur", "id"))
        context["toestemmingen"] = toestemmingen_actueel(klant=klant)
        context["historie"] = list(toestemming_historie(klant=klant)[:50])
        selectors.portaal_gelezen(user=request.user, klant_ids=[klant.pk], scherm="gegevens")
    status = 400 if any(f is not None and f.errors for f in forms.values()) else 200
    return render(request, "portaal/gegevens/gegevens.html", context, status=status)


@portaal_login_required
def gegevens(request: HttpRequest) -> HttpResponse:
    return _render(request, _klant(request))


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def ophalen(request: HttpRequest) -> HttpResponse:
    try:
        _klant_of_ophalen(request)
    except _RegisterFout:
        messages.error(request, REGISTER_FOUT)
    return redirect("portaal:gegevens")


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def email_toevoegen(request: HttpRequest) -> HttpResponse:
    form = EmailForm(request.POST)
    if form.is_valid():
        try:
            klant = _klant_of_ophalen(request)
            adres = klanten_services.digitaal_adres_toevoegen(
                klant=klant,
                soort=DigitaalAdres.Soort.EMAIL,
                waarde=form.cleaned_data["email"],
                medewerker=request.user,
                scherm=SCHERM,
            )
        except _RegisterFout:
            messages.error(request, REGISTER_FOUT)
            return redirect("portaal:gegevens")
        except ValidationError as exc:
            for message in exc.message_dict.get("waarde", exc.messages):
                form.add_error("email", message)
        else:
            services.email_verificatie_versturen(
                user=request.user, adres=adres, basis_url=request.build_absolute_uri("/")
            )
            messages.success(request, EMAIL_VERSTUURD.format(adres=adres.waarde))
            return redirect("portaal:gegevens")
    return _render(request, _klant(request), email_form=form)


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def telefoon_toevoegen(request: HttpRequest) -> HttpResponse:
    form = TelefoonForm(request.POST)
    if form.is_valid():
        try:
            klant = _klant_of_ophalen(request)
            klanten_services.digitaal_adres_toevoegen(
                klant=klant,
                soort=DigitaalAdres.Soort.TELEFOON,
                waarde=form.cleaned_data["telefoon"],
                medewerker=request.user,
                scherm=SCHERM,
            )
        except _RegisterFout:
            messages.error(request, REGISTER_FOUT)
            return redirect("portaal:gegevens")
        except ValidationError as exc:
            for message in exc.message_dict.get("waarde", exc.messages):
                form.add_error("telefoon", message)
        else:
            messages.success(request, OPGESLAGEN)
            return redirect("portaal:gegevens")
    return _render(request, _klant(request), telefoon_form=form)


def _eigen_adres(request, pk: int) -> DigitaalAdres:
    adres = DigitaalAdres.objects.filter(
        pk=pk, klant_id__in=selectors.portaal_klant_ids(user=request.user)
    ).first()
    if adres is None:
        raise Http404("Adres niet gevonden.")
    return adres


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def adres_voorkeur(request: HttpRequest, pk: int) -> HttpResponse:
    adres = _eigen_adres(request, pk)
    klanten_services.digitaal_adres_voorkeur_zetten(
        adres=adres, medewerker=request.user, scherm=SCHERM
    )
    messages.success(request, OPGESLAGEN)
    return redirect("portaal:gegevens")


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def adres_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    adres = _eigen_adres(request, pk)
    klanten_services.digitaal_adres_verwijderen(adres=adres, medewerker=request.user, scherm=SCHERM)
    messages.success(request, OPGESLAGEN)
    return redirect("portaal:gegevens")


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def email_opnieuw(request: HttpRequest, pk: int) -> HttpResponse:
    adres = _eigen_adres(request, pk)
    if adres.soort != DigitaalAdres.Soort.EMAIL:
        raise Http404("Adres niet gevonden.")
    services.email_verificatie_versturen(
        user=request.user, adres=adres, basis_url=request.build_absolute_uri("/")
    )
    messages.success(request, EMAIL_VERSTUURD.format(adres=adres.waarde))
    return redirect("portaal:gegevens")


@portaal_login_required
@rate_limited("email-bevestigen", per_minuut=10)
def email_bevestigen(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links); POST confirms the address."""
    try:
        adres = services.email_verificatie_adres(user=request.user, token=token)
    except services.LinkOngeldig as exc:
        return render(
            request, "portaal/gegevens/email_bevestigen.html", {"fout": str(exc)}, status=400
        )
    if request.method == "POST":
        services.email_verifieren(user=request.user, token=token)
        messages.success(request, EMAIL_BEVESTIGD.format(adres=adres.waarde))
        return redirect("portaal:gegevens")
    return render(request, "portaal/gegevens/email_bevestigen.html", {"adres": adres})


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def voorkeur(request: HttpRequest) -> HttpResponse:
    form = VoorkeurskanaalForm(request.POST)
    if form.is_valid():
        try:
            klant = _klant_of_ophalen(request)
        except _RegisterFout:
            messages.error(request, REGISTER_FOUT)
            return redirect("portaal:gegevens")
        klanten_services.klant_voorkeuren_wijzigen(
            klant=klant,
            voorkeurskanaal=form.cleaned_data["voorkeurskanaal"],
            voorkeurstaal=klant.voorkeurstaal,
            medewerker=request.user,
            scherm=SCHERM,
        )
        messages.success(request, OPGESLAGEN)
        return redirect("portaal:gegevens")
    return _render(request, _klant(request), voorkeur_form=form)


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def toestemming(request: HttpRequest) -> HttpResponse:
    form = ToestemmingForm(request.POST)
    if form.is_valid():
        try:
            klant = _klant_of_ophalen(request)
            klanten_services.toestemming_vastleggen(
                klant=klant,
                soort=form.cleaned_data["soort"],
                verleend=form.cleaned_data["verleend"],
                derde_partij=form.cleaned_data["derde_partij"],
                medewerker=request.user,
                bron="portaal",
                scherm=SCHERM,
            )
        except _RegisterFout:
            messages.error(request, REGISTER_FOUT)
            return redirect("portaal:gegevens")
        except ValidationError as exc:
            for veld, fouten in exc.message_dict.items():
                for fout in fouten:
                    form.add_error(veld if veld in form.fields else None, fout)
        else:
            messages.success(request, OPGESLAGEN)
            return redirect("portaal:gegevens")
    return _render(request, _klant(request), toestemming_form=form)


@portaal_login_required
@require_POST
@rate_limited("gegevens", per_minuut=10)
def correctie(request: HttpRequest) -> HttpResponse:
    """Request a correction of registered data: a zaak for the afdeling that keeps it."""
    klant = _klant(request)
    product = selectors.correctie_product(klant=klant) if klant is not None else None
    if product is None:
        messages.error(request, CORRECTIE_NIET_ONLINE)
        return redirect("portaal:gegevens")
    form = correctie_form(product=product, klant=klant, data=request.POST, files=request.FILES)
    if form.is_valid():
        aanvraag = intake_indienen(form, user=request.user, klant=klant, product=product)
        if aanvraag is not None:
            return redirect("portaal:aanvraag-ontvangen", pk=aanvraag.pk)
    return _render(request, klant, correctie_form=form)


@portaal_login_required
def inzage(request: HttpRequest) -> HttpResponse:
    """Who looked at my data: by function and afdeling, never by personal name."""
    klant_ids = selectors.portaal_klant_ids(user=request.user)
    rijen = selectors.verwerkingen_voor_portaal(user=request.user, klant_ids=klant_ids)
    selectors.portaal_gelezen(user=request.user, klant_ids=klant_ids, scherm="gegevens/inzage")
    return render(
        request, "portaal/gegevens/inzage.html", {"rijen": rijen, "bekend": bool(klant_ids)}
    )
