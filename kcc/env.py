"""Small typed readers for settings from the environment.

Every reader fails loudly with the name of the variable when a value is invalid, and
accepts ``NAME_FILE`` (a path) instead of ``NAME`` so secrets can come from mounted files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


class EnvError(ImproperlyConfigured):
    """An environment variable is missing or has an invalid value."""


def _raw(name: str) -> str | None:
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise EnvError(f"{name}_FILE: kan bestand {file_name!r} niet lezen ({exc})") from exc
    return os.environ.get(name)


def _read(name: str, default: T, parse: Callable[[str], T], expected: str) -> T:
    raw = _raw(name)
    if raw is None:
        return default
    try:
        return parse(raw)
    except (ValueError, TypeError) as exc:
        raise EnvError(f"{name}: ongeldige waarde {raw!r}; verwacht {expected}") from exc


def env_str(name: str, default: str) -> str:
    return _read(name, default, str, "tekst")


def env_int(name: str, default: int) -> int:
    return _read(name, default, int, "een geheel getal")


def env_int_range(name: str, default: int, laagste: int, hoogste: int) -> int:
    """An integer from ``laagste`` to ``hoogste`` inclusive; anything else names the variable."""

    def parse(raw: str) -> int:
        waarde = int(raw)
        if not laagste <= waarde <= hoogste:
            raise ValueError(raw)
        return waarde

    return env_parsed(
        name, str(default), parse, f"een geheel getal van {laagste} tot en met {hoogste}"
    )


def _parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(raw)


def env_bool(name: str, default: bool) -> bool:
    return _read(name, default, _parse_bool, "true of false")


def env_list(name: str, default: list[str]) -> list[str]:
    return _read(
        name,
        default,
        lambda raw: [item.strip() for item in raw.split(",") if item.strip()],
        "een lijst gescheiden door komma's",
    )


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    def parse(raw: str) -> str:
        if raw not in choices:
            raise ValueError(raw)
        return raw

    return _read(name, default, parse, "een van " + ", ".join(choices))


def env_parsed(name: str, default: str, parse: Callable[[str], T], expected: str) -> T:
    """Read a structured value (a URL, say) with ``parse``; its errors name the variable."""
    raw = _raw(name)
    value = default if raw is None else raw
    try:
        return parse(value)
    except (ValueError, TypeError, KeyError) as exc:
        raise EnvError(f"{name}: ongeldige waarde {value!r}; verwacht {expected}") from exc
