# Production image: gunicorn serving the portal; the same image runs the task worker.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production VAR_DIR=/var/lib/portal
# postgresql-client: pg_dump and pg_restore for `manage.py backup_portal` and `restore_portal`.
RUN apt-get update && apt-get install -y --no-install-recommends gettext postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /srv/portal portal
WORKDIR /srv/portal

COPY pyproject.toml constraints.txt README.md ./
COPY portal portal
COPY search search
COPY media media
RUN pip install -c constraints.txt .
COPY . .
RUN python manage.py compilemessages --ignore=.venv -v0 \
    && SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime ALLOWED_HOSTS=build \
       python manage.py collectstatic --noinput -v0 \
    && mkdir -p /var/lib/portal && chown portal /var/lib/portal

USER portal
EXPOSE 8000
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--timeout", "60", "--access-logfile", "-", "--no-control-socket"]
