"""Dutch error pages. The 500 page renders without context processors: nothing may fail."""

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None) -> HttpResponse:
    return render(request, "400.html", status=400)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: usually an expired session or a form open in an old tab."""
    return render(request, "403_csrf.html", status=403)


def permission_denied(request, exception=None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request) -> HttpResponse:
    return HttpResponseServerError(loader.get_template("500.html").render())
