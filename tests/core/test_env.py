import pytest

from kcc.env import EnvError, env_bool, env_choice, env_int, env_list, env_str
from kcc.mailurl import parse_email_url


def test_bool_accepts_dutch_and_english(monkeypatch):
    monkeypatch.setenv("KCC_X", "ja")
    assert env_bool("KCC_X", False) is True
    monkeypatch.setenv("KCC_X", "off")
    assert env_bool("KCC_X", True) is False


def test_bad_bool_names_the_variable(monkeypatch):
    monkeypatch.setenv("KCC_X", "misschien")
    with pytest.raises(EnvError, match="KCC_X"):
        env_bool("KCC_X", False)


def test_bad_int_names_the_variable(monkeypatch):
    monkeypatch.setenv("KCC_N", "tien")
    with pytest.raises(EnvError, match="KCC_N.*geheel getal"):
        env_int("KCC_N", 1)


def test_choice_refuses_unknown(monkeypatch):
    monkeypatch.setenv("KCC_ENV_T", "staging")
    with pytest.raises(EnvError, match="KCC_ENV_T"):
        env_choice("KCC_ENV_T", "dev", ("dev", "production"))


def test_default_when_unset(monkeypatch):
    monkeypatch.delenv("KCC_UNSET", raising=False)
    assert env_str("KCC_UNSET", "x") == "x"
    assert env_list("KCC_UNSET", ["a"]) == ["a"]


def test_file_variant_is_read(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("geheim-uit-bestand\n")
    monkeypatch.setenv("KCC_SECRET_FILE", str(secret))
    assert env_str("KCC_SECRET", "default") == "geheim-uit-bestand"


def test_missing_file_names_the_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("KCC_SECRET_FILE", str(tmp_path / "bestaat-niet"))
    with pytest.raises(EnvError, match="KCC_SECRET_FILE"):
        env_str("KCC_SECRET", "default")


def test_list_splits_and_strips(monkeypatch):
    monkeypatch.setenv("KCC_HOSTS", " a.nl, b.nl ,,")
    assert env_list("KCC_HOSTS", []) == ["a.nl", "b.nl"]


def test_email_url_smtp_tls():
    config = parse_email_url("smtp+tls://gebruiker:ge%40heim@mail.example.nl:587")
    assert config["EMAIL_HOST"] == "mail.example.nl"
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_PASSWORD"] == "ge@heim"
    assert config["EMAIL_USE_TLS"] is True


def test_email_url_file():
    config = parse_email_url("file:///tmp/kcc-mail")
    assert config["EMAIL_FILE_PATH"] == "/tmp/kcc-mail"


def test_email_url_unknown_scheme():
    with pytest.raises(ValueError, match="onbekend schema"):
        parse_email_url("pigeon://duif")
