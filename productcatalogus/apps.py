from django.apps import AppConfig


class ProductcatalogusConfig(AppConfig):
    name = "productcatalogus"
    verbose_name = "Productcatalogus en kennisbank"
