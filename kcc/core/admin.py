"""Admin machinery shared by the apps' beheer modules."""

from __future__ import annotations

from kcc.audit.models import Verwerking
from kcc.audit.services import verwerking_vastleggen


class VerwerkingAdminMixin:
    """Opening a record with a Klant's personal data in beheer is logged as a Verwerking.

    The citizen sees in the portal who looked at their data; a functioneel beheerder who
    opens an inbox item, aanvraag, zaak or afspraak is one of those. Lists show no more
    than the selectors of the console do and are not logged; the detail page is.
    ``verwerking_klant_veld`` names the model's foreign key to the Klant.
    """

    verwerking_klant_veld = "klant_id"

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        klant_id = getattr(obj, self.verwerking_klant_veld, None) if obj is not None else None
        if klant_id is not None:
            verwerking_vastleggen(
                klant_ids=[klant_id],
                medewerker=request.user,
                actie=Verwerking.Actie.GELEZEN,
                scherm=f"beheer/{obj._meta.app_label}/{obj._meta.model_name}",
                toelichting=f"{obj._meta.verbose_name} {obj.pk}",
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
