"""gunicorn settings of the web process: production (Dockerfile, docker-compose.yml) and
``make bench`` load this same module (``gunicorn -c python:kcc.gunicorn_conf``).

Threaded workers keep a client's connection open between requests (the reverse proxy and
the bench's clients reuse it): measured with ``make bench``, a sync worker's new connection
for every request added 1 to 3 ms to each response on two cores. gunicorn's own thread
worker, though, leaves a kept-alive connection with whichever process accepted it, and
two busy connections often shared one process while another stood idle; our worker
(``kcc.core.gunicorn_worker``) spreads them: one connection per thread where there is
room. One thread per process: a Django request holds the interpreter lock for most of its
time, so a second thread in a process mostly waits; parallelism comes from the number of
workers, given on the command line (about 2 per core).
"""

worker_class = "kcc.core.gunicorn_worker.SpreidendeThreadWorker"
threads = 1
keepalive = 5  # seconds an idle connection stays open for the next request
