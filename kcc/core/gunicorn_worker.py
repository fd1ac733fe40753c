"""A gunicorn thread worker that spreads kept-alive connections over the processes.

gunicorn's ``gthread`` worker accepts connections while it has any room
(``worker_connections``, 1000 by default), even while all its threads are busy, and a
kept-alive connection stays with the process that accepted it. Two busy clients (or two
upstream connections of a reverse proxy) then often end up in one process, where their
requests wait for each other or share one interpreter lock while another process, and
a core, stay idle: measured with ``make bench`` on two cores, 7 of 20 pairs of
connections landed in the same one of four workers.

This worker

- accepts a new connection only while one of its threads is free, so a busy process
  leaves it to an idle one;
- keeps a connection alive only while the process holds no more connections than it
  has threads; one that holds more answers with ``Connection: close``, and the client's
  next connection goes to whichever process is free then.

Connections spread out after a few requests, keep-alive stays on where there is room,
and more clients than threads in all are still served (they reconnect more often).
"""

from __future__ import annotations

from gunicorn.workers.gthread import ThreadWorker


class SpreidendeThreadWorker(ThreadWorker):
    def _bezig(self) -> int:
        """Connections with a request in a thread (or queued for one)."""
        return self.nr_conns - len(self.keepalived_conns) - len(self.pending_conns)

    @property
    def worker_connections(self) -> int:
        """The run loop accepts while ``nr_conns`` is below this."""
        if self._bezig() >= self.cfg.threads:
            return self.nr_conns  # every thread busy: not now
        return self._worker_connections

    @worker_connections.setter
    def worker_connections(self, waarde: int) -> None:  # set by ThreadWorker.__init__
        self._worker_connections = waarde

    @property
    def max_keepalived(self) -> int:
        """A response closes its connection when the number of idle kept-alive
        connections is at least this (read in the request's thread)."""
        if self.nr_conns > self.cfg.threads:
            return 0  # more connections than threads here: let this one go elsewhere
        return self._max_keepalived

    @max_keepalived.setter
    def max_keepalived(self, waarde: int) -> None:  # set by ThreadWorker.__init__
        self._max_keepalived = waarde
