"""WSGI config for oms_backend: gunicorn serves oms_backend.wsgi:application."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'oms_backend.settings')

application = get_wsgi_application()
