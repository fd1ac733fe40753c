"""No Docker engine runs here: check the compose file against the settings instead."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _settings_variables() -> set[str]:
    source = (ROOT / "kcc" / "settings.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|list|choice|parsed)\(\s*"([A-Z_]+)"', source))


def test_services_present_with_healthchecks_and_volumes():
    compose = _compose()
    services = compose["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert "healthcheck" in services[name], name
    assert services["web"]["healthcheck"]["test"][-3:] == ["manage.py", "health", "--web"]
    assert services["beat"]["healthcheck"]["test"][-3:] == ["manage.py", "health", "--beat"]
    assert {"pgdata", "redisdata"} <= set(compose["volumes"])


def test_commands_run_the_right_processes():
    services = _compose()["services"]
    assert services["web"]["command"][0] == "gunicorn"
    assert "kcc.wsgi:application" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "kcc", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "kcc", "beat"]


def test_web_runs_one_gunicorn_configuration_everywhere():
    """Production (compose and Dockerfile) and ``make bench`` load the same settings, so the
    benchmark measures what production runs."""
    import json

    from kcc import gunicorn_conf
    from kcc.bench.server import GunicornServer

    compose_web = _compose()["services"]["web"]["command"]
    cmd = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    )
    docker_web = json.loads(cmd.removeprefix("CMD").strip())
    bench_web = GunicornServer(workers=2).command()
    for command in (compose_web, docker_web, bench_web):
        assert command[command.index("-c") + 1] == "python:kcc.gunicorn_conf", command
    assert gunicorn_conf.worker_class == "kcc.core.gunicorn_worker.SpreidendeThreadWorker"
    assert gunicorn_conf.keepalive > 0


def test_environment_names_are_settings_variables():
    known = _settings_variables()
    services = _compose()["services"]
    for name in ("web", "worker", "beat"):
        env = services[name]["environment"]
        unknown = set(env) - known
        assert not unknown, f"{name}: onbekende variabelen {unknown}"
        assert env["KCC_ENV"] == "production"
        assert env["KCC_DIGID_SIMULATOR"] == "false"
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["CELERY_BROKER_URL"].startswith("redis://redis:")


def test_dockerfile_and_readme_agree_on_variables():
    readme = (ROOT / "README.md").read_text()
    for variable in _settings_variables():
        assert f"`{variable}`" in readme, f"{variable} ontbreekt in de configuratietabel van README"
