"""gunicorn settings of the web process: production (Dockerfile, docker-compose.yml) and
``make bench`` load this same module (``gunicorn -c python:kcc.gunicorn_conf``).

Threaded workers keep a client's connection open between requests (the reverse proxy and
the bench's clients reuse it): measured with ``make bench``, a sync worker's new connection
for every request added 1 to 3 ms to each response on two cores. Two threads per worker
let a request that waits for the database make room for another without a second
process; the number of workers is given on the command line (about 2 per core).
"""

worker_class = "gthread"
threads = 2
keepalive = 5  # seconds an idle connection stays open for the next request
