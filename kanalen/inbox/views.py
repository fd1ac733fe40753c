"""Console pages of the KCC inbox (thin: validate, call a service or selector, render)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kanalen.inbox import overdracht, selectors, services
from kanalen.inbox.forms import (
    AntwoordForm,
    InboxFilterForm,
    KlantKoppelenForm,
    OverdragenForm,
    ZaakProductForm,
    intake_antwoorden,
    zaak_intake_form,
)
from kanalen.kennisbank import kennisbank_context
from kcc.core.jinja2 import rijen
from kcc.core.permissions import role_required

PER_PAGINA = 50


@role_required(*services.INBOX_ROLLEN)
def inbox(request: HttpRequest) -> HttpResponse:
    filters = InboxFilterForm(request.GET or None)
    keuze = filters.cleaned_data if filters.is_valid() else {}
    pagina = selectors.inbox_pagina(
        medewerker=request.user,
        pagina=request.GET.get("pagina"),
        per_pagina=PER_PAGINA,
        kanaal=keuze.get("kanaal", ""),
        status=keuze.get("status", ""),
        alleen_eigen=keuze.get("eigen", False),
    )
    context = {
        "filters": filters,
        "pagina": pagina,
        "rijen": rijen("console/inbox/lijst_rijen.html", items=pagina.object_list),
    }
    return render(request, "console/inbox/lijst.html", context)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def claimen(request: HttpRequest, bericht_id: int) -> HttpResponse:
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    try:
        services.bericht_claimen(bericht=bericht, medewerker=request.user)
    except services.ClaimVerloren as exc:
        messages.error(request, str(exc))
        return redirect("console:inbox:lijst")
    return redirect("console:inbox:detail", bericht_id=bericht.pk)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def vrijgeven(request: HttpRequest, bericht_id: int) -> HttpResponse:
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    services.bericht_vrijgeven(bericht=bericht, medewerker=request.user)
    messages.success(request, "Het bericht staat weer in de inbox voor iedereen.")
    return redirect("console:inbox:lijst")


def _detail(
    request,
    bericht,
    *,
    antwoord_form=None,
    overdragen_form=None,
    zaak_product=None,
    zaak_form=None,
    koppelen_form=None,
    status=200,
):
    kanalen = services.antwoordkanalen(bericht=bericht)
    producten = overdracht.zaak_producten(bericht=bericht)
    # 'Overdragen als zaak' in two steps without JavaScript: choose the product (GET),
    # then its intake questions appear.
    product_form = ZaakProductForm(
        request.GET if "zaak_product" in request.GET else None,
        producten=producten,
        initial={"zaak_product": zaak_product},
    )
    if zaak_product is None and product_form.is_bound and product_form.is_valid():
        zaak_product = product_form.cleaned_data["zaak_product"]
    if zaak_form is None and zaak_product is not None:
        zaak_form = zaak_intake_form(product=zaak_product, klant=bericht.klant)
    context = {
        "bericht": bericht,
        "tijdlijn": selectors.gesprek_tijdlijn(bericht=bericht),
        "antwoord_form": antwoord_form
        or AntwoordForm(
            initial={"kanaal": services.standaard_antwoordkanaal(bericht=bericht)},
            kanalen=kanalen,
        ),
        "overdragen_form": overdragen_form or OverdragenForm(),
        "koppelen_form": koppelen_form or KlantKoppelenForm(prefix="koppelen"),
        "zaak_product_form": product_form,
        "zaak_product": zaak_product,
        "zaak_form": zaak_form,
        "is_van_mij": bericht.behandelaar_id == request.user.pk,
        "is_open": bericht.status in bericht.OPEN,
        "nu": timezone.now(),
    }
    context.update(kennisbank_context(q=request.GET.get("kq", "").strip()[:200], doel="antwoord"))
    return render(request, "console/inbox/detail.html", context, status=status)


@role_required(*services.INBOX_ROLLEN)
def detail(request: HttpRequest, bericht_id: int) -> HttpResponse:
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    return _detail(request, bericht)


def _fouten(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for veld, fouten in exc.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, exc.messages)


MISLUKT = object()


def _uitvoeren(form, actie):
    """Run a service call when the form is valid and return its result. A refusal (a
    colleague claimed the item, a validation error, a zaak rule) becomes the form's error;
    then, and for an invalid form, MISLUKT is returned."""
    from zaken.errors import ZaakFout

    if not form.is_valid():
        return MISLUKT
    try:
        return actie()
    except services.ClaimVerloren as exc:
        form.add_error(None, str(exc))
    except ValidationError as exc:
        _fouten(form, exc)
    except ZaakFout as exc:
        form.add_error(None, exc.message)
    return MISLUKT


@role_required(*services.INBOX_ROLLEN)
@require_POST
def antwoorden(request: HttpRequest, bericht_id: int) -> HttpResponse:
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    form = AntwoordForm(request.POST, kanalen=services.antwoordkanalen(bericht=bericht))
    uitkomst = _uitvoeren(
        form,
        lambda: services.antwoord_versturen(
            bericht=bericht,
            medewerker=request.user,
            tekst=form.cleaned_data["tekst"],
            kanaal_code=form.cleaned_data["kanaal"],
            vac_id=form.cleaned_data["vac"],
        ),
    )
    if uitkomst is not MISLUKT:
        messages.success(request, f"Uw antwoord op {bericht.referentie} is vastgelegd.")
        return redirect("console:inbox:lijst")
    return _detail(request, bericht, antwoord_form=form, status=400)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def overdragen(request: HttpRequest, bericht_id: int) -> HttpResponse:
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    form = OverdragenForm(request.POST)
    uitkomst = _uitvoeren(
        form,
        lambda: overdracht.bericht_overdragen(
            bericht=bericht,
            medewerker=request.user,
            afdeling_id=form.cleaned_data["afdeling"].pk,
            vraag=form.cleaned_data["vraag"],
        ),
    )
    if uitkomst is not MISLUKT:
        afdeling = form.cleaned_data["afdeling"]
        messages.success(request, f"{bericht.referentie} is overgedragen aan {afdeling.naam}.")
        return redirect("console:inbox:lijst")
    return _detail(request, bericht, overdragen_form=form, status=400)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def klant_koppelen(request: HttpRequest, bericht_id: int) -> HttpResponse:
    """Link an item of an unrecognised sender to a Klant (BSN or KVK-nummer)."""
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    form = KlantKoppelenForm(request.POST, prefix="koppelen")
    klant = _uitvoeren(
        form,
        lambda: overdracht.bericht_klant_koppelen(
            bericht=bericht, medewerker=request.user, nummer=form.cleaned_data["nummer"]
        ),
    )
    if klant is not MISLUKT:
        messages.success(request, f"{bericht.referentie} hoort nu bij {klant.naam}.")
        return redirect("console:inbox:detail", bericht_id=bericht.pk)
    return _detail(request, bericht, koppelen_form=form, status=400)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def overdragen_zaak(request: HttpRequest, bericht_id: int) -> HttpResponse:
    """Hand the item over as an aanvraag for a product (step 2: the intake answers)."""
    bericht = selectors.bericht_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    product_id = request.POST.get("product", "")
    product = (
        overdracht.zaak_producten(bericht=bericht).filter(pk=product_id).first()
        if product_id.isascii() and product_id.isdigit() and len(product_id) < 10
        else None
    )
    form = zaak_intake_form(product=product, klant=bericht.klant, data=request.POST)
    aanvraag = _uitvoeren(
        form,
        lambda: overdracht.bericht_overdragen_zaak(
            bericht=bericht,
            medewerker=request.user,
            product_id=product.pk if product else None,
            antwoorden=intake_antwoorden(form),
        ),
    )
    if aanvraag is not MISLUKT:
        zaken = ", ".join(z.identificatie for z in aanvraag.nieuwe_zaken)
        messages.success(request, f"{bericht.referentie} is overgedragen als aanvraag ({zaken}).")
        return redirect("console:inbox:lijst")
    return _detail(request, bericht, zaak_product=product, zaak_form=form, status=400)


@role_required(*services.INBOX_ROLLEN)
def bijlage(request: HttpRequest, bijlage_id: int) -> FileResponse:
    gevonden = selectors.bijlage_get_for_medewerker(bijlage_id=bijlage_id, medewerker=request.user)
    # Always a download: a stored file is never rendered inline in our origin.
    return FileResponse(
        gevonden.bestand.open("rb"),
        as_attachment=True,
        filename=gevonden.naam,
        content_type=gevonden.content_type,
    )


@role_required(*services.INBOX_ROLLEN)
def chat(request: HttpRequest, bericht_id: int) -> HttpResponse:
    """The chat messages (polled by htmx); POST sends a message, the first one accepts."""
    from kanalen.inbox import chat as chat_services

    bericht = selectors.chat_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    fout = ""
    if request.method == "POST":
        try:
            chat_services.chat_bericht_medewerker(
                item=bericht, medewerker=request.user, tekst=request.POST.get("tekst", "")
            )
        except services.ClaimVerloren as exc:
            fout = str(exc)
        except ValidationError as exc:
            fout = " ".join(exc.messages)
        if not fout and not request.htmx:
            return redirect("console:inbox:detail", bericht_id=bericht.pk)
        bericht.refresh_from_db()
    regels = chat_services.chat_regels(item=bericht)
    versie = chat_services.chat_versie(item=bericht, regels=regels)
    open_ = bericht.status in bericht.OPEN
    if request.method == "GET" and open_ and request.GET.get("n") == versie:
        return HttpResponse(status=204)  # nothing new: htmx leaves the list (and focus) alone
    context = {"bericht": bericht, "regels": regels, "fout": fout, "versie": versie}
    status = 400 if fout else (200 if open_ else chat_services.POLLEN_STOPPEN)
    return render(request, "console/inbox/_chat.html", context, status=status)


@role_required(*services.INBOX_ROLLEN)
@require_POST
def chat_beeindigen(request: HttpRequest, bericht_id: int) -> HttpResponse:
    from kanalen.inbox import chat as chat_services

    bericht = selectors.chat_get_for_medewerker(bericht_id=bericht_id, medewerker=request.user)
    try:
        chat_services.chat_beeindigen(item=bericht, medewerker=request.user)
    except (services.ClaimVerloren, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("console:inbox:detail", bericht_id=bericht.pk)
    messages.success(request, "De chat is beëindigd en als contactmoment vastgelegd.")
    return redirect("console:inbox:lijst")


@role_required(*services.INBOX_ROLLEN)
def registreren(request: HttpRequest) -> HttpResponse:
    """Register a letter (with scan) or a social-media message by hand."""
    import datetime

    from kanalen.inbox.forms import HandmatigForm
    from kcc.normen.calendar import TIJDZONE

    status = 200
    if request.method == "POST":
        form = HandmatigForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            scan = None
            if d["scan"]:
                if d["scan"].size > services.BIJLAGE_MAX_BYTES:
                    form.add_error(
                        "scan", f"De scan is niet opgeslagen: {services.BIJLAGE_TE_GROOT}."
                    )
                else:
                    scan = services.BijlageInvoer(
                        naam=d["scan"].name,
                        content_type=d["scan"].content_type or "",
                        inhoud=d["scan"].read(),
                    )
            naam = d["afzender_naam"]
            if d["account"]:
                naam = f"{naam} ({d['account']})" if naam else d["account"]
            if not form.errors:
                vandaag = timezone.localdate()
                ontvangen_op = (
                    timezone.now()
                    if d["ontvangen_op"] == vandaag
                    else datetime.datetime.combine(
                        d["ontvangen_op"], datetime.time(9), tzinfo=TIJDZONE
                    )
                )
                try:
                    bericht = services.bericht_registreren(
                        medewerker=request.user,
                        kanaal_code=d["kanaal"],
                        ontvangen_op=ontvangen_op,
                        onderwerp=d["onderwerp"],
                        tekst=d["tekst"],
                        afzender_naam=naam,
                        afzender_email=d["afzender_email"],
                        afzender_telefoon=d["afzender_telefoon"],
                        scan=scan,
                    )
                except ValidationError as exc:
                    _fouten(form, exc)
                else:
                    messages.success(
                        request, f"Het bericht staat in de inbox als {bericht.referentie}."
                    )
                    return redirect("console:inbox:detail", bericht_id=bericht.pk)
        status = 400
    else:
        form = HandmatigForm(initial={"ontvangen_op": timezone.localdate()})
    return render(request, "console/inbox/registreren.html", {"form": form}, status=status)
