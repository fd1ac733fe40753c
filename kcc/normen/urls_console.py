"""Console pages of normen under /console/regie/signaleringen/ (the dashboard is console:regie)."""

from django.urls import path

from kcc.normen import views

app_name = "normen"

urlpatterns = [
    path("<int:pk>/gezien/", views.signalering_gezien, name="gezien"),
]
