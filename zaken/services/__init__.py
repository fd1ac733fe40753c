"""Writes of the zaken app. Import from the modules: ``zaken.services.zaken`` etc."""
