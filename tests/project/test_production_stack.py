"""docker-compose.yml stays consistent with settings: every variable it gives the portal is one
the settings read, and every service the settings expect in production is there."""

import importlib

import yaml

from portal import env


def compose(project_root) -> dict:
    return yaml.safe_load((project_root / "docker-compose.yml").read_text())


def settings_variables() -> set[str]:
    for part in ("base", "caching", "security"):
        importlib.reload(importlib.import_module(f"portal.settings.{part}"))
    return set(env.READ)


def test_every_portal_variable_is_read_by_settings(project_root):
    services = compose(project_root)["services"]
    known = settings_variables()

    for name in ("web", "worker", "scheduler"):
        unknown = set(services[name]["environment"]) - known
        assert not unknown, f"{name} sets variables the settings never read: {sorted(unknown)}"


def test_production_services_and_profile(project_root):
    stack = compose(project_root)
    services = stack["services"]
    web_env = services["web"]["environment"]

    assert {"postgres", "elasticsearch", "minio", "createbucket", "web", "worker"} <= set(services)
    assert web_env["DJANGO_ENV"] == "production"
    assert web_env["DATABASE_URL"].startswith("postgres://")
    assert web_env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert web_env["TASKS_BACKEND"] == "database"
    assert services["elasticsearch"]["image"].split(":")[-1].startswith("8.")
    assert services["postgres"]["image"] == "postgres:15"  # pg_dump of the image is 15 (backups)
    assert "db_worker" in services["worker"]["command"]
    assert services["scheduler"]["command"] == ["python", "manage.py", "scheduler"]
    assert "setup_roles" in services["web"]["command"]
    assert "--no-control-socket" in services["web"]["command"]
    assert services["worker"]["environment"] == web_env


def test_gunicorn_is_reachable_only_through_the_proxy(project_root):
    services = compose(project_root)["services"]

    assert "ports" not in services["web"], "web must not publish gunicorn around the proxy"
    assert services["proxy"]["ports"] == ["80:80", "443:443"]
    caddyfile = (project_root / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy web:8000" in caddyfile
    assert services["web"]["environment"]["TRUSTED_PROXY_COUNT"].startswith("${TRUSTED_PROXY_COUNT:-1}")
