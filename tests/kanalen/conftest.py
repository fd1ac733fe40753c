# The same fixtures as the klanten tests: channels and the registries.
from tests.klanten.conftest import brp_plat, kanalen, registers  # noqa: F401
