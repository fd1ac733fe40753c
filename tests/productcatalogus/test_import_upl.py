"""import_upl: the real list, idempotency, progress, and refusing a malformed file."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from productcatalogus.models import SdgInformatiegebied, UplTerm
from productcatalogus.services import UplImportFout, upl_importeren
from productcatalogus.services.upl import REDEN_URI, REDEN_VLAG, UPL_KOLOMMEN

pytestmark = pytest.mark.django_db

ECHT = Path("/work/shared/data/upl")
KOP = ",".join(UPL_KOLOMMEN)


def _rij(naam, uri, *, gemeente="X", burger="X", grondslag=""):
    velden = dict.fromkeys(UPL_KOLOMMEN, "")
    velden.update(
        UniformeProductnaam=naam,
        URI=uri,
        Gemeente=gemeente,
        Burger=burger,
        Aanvraag="X",
        Grondslag=grondslag,
        Grondslaglabel=grondslag and f"Artikel {grondslag[-1]}",
    )
    return ",".join(velden[k] for k in UPL_KOLOMMEN)


def _bestand(tmp_path, *regels, naam="upl.csv"):
    pad = tmp_path / naam
    pad.write_text("\n".join([KOP, *regels]) + "\n", encoding="utf-8")
    return pad


def _run(*args) -> str:
    out = StringIO()
    call_command("import_upl", *map(str, args), stdout=out)
    return out.getvalue()


def test_import_creates_terms_and_merges_legal_bases(tmp_path):
    pad = _bestand(
        tmp_path,
        _rij("paspoort", "http://example.org/paspoort", grondslag="http://example.org/w1"),
        _rij("paspoort", "http://example.org/paspoort", grondslag="http://example.org/w2"),
        _rij("hondenbelasting", "http://example.org/hond", burger=""),
    )
    resultaat = upl_importeren(pad=pad)
    assert (resultaat.regels, resultaat.aangemaakt) == (3, 2)
    paspoort = UplTerm.objects.get(uri="http://example.org/paspoort")
    assert paspoort.gemeente and paspoort.burger and paspoort.aanvraag and not paspoort.rijk
    assert [g["uri"] for g in paspoort.grondslagen] == [
        "http://example.org/w1",
        "http://example.org/w2",
    ]
    assert not UplTerm.objects.get(uri="http://example.org/hond").burger


def test_second_run_creates_nothing_and_reports_updates(tmp_path):
    pad = _bestand(tmp_path, _rij("paspoort", "http://example.org/paspoort"))
    assert "1 aangemaakt" in _run(pad)
    assert "0 aangemaakt, 0 bijgewerkt, 1 ongewijzigd" in _run(pad)
    gewijzigd = _bestand(tmp_path, _rij("paspoort", "http://example.org/paspoort", burger=""))
    assert "0 aangemaakt, 1 bijgewerkt" in _run(gewijzigd)
    assert UplTerm.objects.count() == 1


@pytest.mark.parametrize(
    ("regel", "reden"),
    [
        (_rij("fout", "ftp://example.org/x"), REDEN_URI.format(uri="ftp://example.org/x")),
        (
            _rij("fout", "http://example.org/x", gemeente="ja"),
            REDEN_VLAG.format(kolom="Gemeente", waarde="ja"),
        ),
        ("te,weinig,velden", "3 velden in plaats van 20"),
        (_rij("", "http://example.org/x"), "UniformeProductnaam is leeg"),
    ],
)
def test_malformed_file_is_refused_with_line_and_nothing_changes(tmp_path, regel, reden):
    UplTerm.objects.create(naam="bestaand", uri="http://example.org/bestaand")
    pad = _bestand(
        tmp_path,
        _rij("nieuw", "http://example.org/nieuw"),
        _rij("bestaand", "http://example.org/bestaand", burger=""),
        regel,
    )
    with pytest.raises(CommandError) as exc:
        _run(pad)
    assert f"upl.csv, regel 4: {reden}" in str(exc.value)
    assert list(UplTerm.objects.values_list("naam", "burger")) == [("bestaand", False)]


def test_missing_columns_refused_on_line_1(tmp_path):
    pad = tmp_path / "upl.csv"
    pad.write_text("naam,uri\npaspoort,http://example.org/p\n", encoding="utf-8")
    with pytest.raises(UplImportFout, match="regel 1: kolommen ontbreken: UniformeProductnaam"):
        upl_importeren(pad=pad)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        _run(tmp_path / "bestaat-niet.csv")


def test_real_upl_with_sdg_mapping():
    uitvoer = _run(ECHT / "UPL-actueel.csv", "--sdg", ECHT / "UPL-SDG-Informatiegebied.csv")
    assert "1121 regels gelezen" in uitvoer
    assert "/1017 UPL-termen verwerkt" in uitvoer  # progress
    # 1121 rows: one per legal basis, 1017 distinct terms.
    assert UplTerm.objects.count() == 1017
    assert sum(max(1, len(t.grondslagen)) for t in UplTerm.objects.all()) >= 1017
    paspoort = UplTerm.objects.get(naam="paspoort")
    assert paspoort.gemeente and paspoort.rijk and paspoort.burger
    assert paspoort.sdg_informatiegebieden.get().code == "A1"
    assert SdgInformatiegebied.objects.count() > 40
    tweede = _run(ECHT / "UPL-actueel.csv", "--sdg", ECHT / "UPL-SDG-Informatiegebied.csv")
    assert "0 aangemaakt, 0 bijgewerkt, 1017 ongewijzigd" in tweede
    assert "0 koppelingen toegevoegd" in tweede
