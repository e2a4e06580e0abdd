"""The WSGI entry point: `gunicorn --preload wsgi:app`, `flask --app wsgi ...`."""
from forum import create_app

app = create_app()
