# KCC production image: gunicorn serves the web; the same image runs worker and beat.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 KCC_ENV=production KCC_VAR_DIR=/var/lib/kcc
WORKDIR /app
RUN useradd --system --home /app kcc && mkdir -p /var/lib/kcc && chown kcc /var/lib/kcc
COPY pyproject.toml requirements.lock README.md ./
COPY kcc ./kcc
COPY klanten ./klanten
COPY kanalen ./kanalen
COPY zaken ./zaken
COPY productcatalogus ./productcatalogus
RUN pip install --no-cache-dir -c requirements.lock .
COPY --from=assets /app/node_modules ./node_modules
COPY . .
# collectstatic needs settings that pass the production checks; nothing else uses these.
RUN SECRET_KEY=build-only-$(head -c 48 /dev/urandom | base64 | tr -d '/+=') \
    ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 CELERY_BROKER_URL=redis://build:6379/0 \
    python manage.py collectstatic --noinput --verbosity 0
USER kcc
EXPOSE 8000
CMD ["gunicorn", "-c", "python:kcc.gunicorn_conf", "kcc.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-"]
