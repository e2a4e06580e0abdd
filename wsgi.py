"""The WSGI entry point: `gunicorn --config deploy/gunicorn.conf.py wsgi:app`,
`flask --app wsgi ...`."""
from forum import create_app
from forum.search.adapter import load_jieba

app = create_app()
# jieba's dictionary (~60 MB) is loaded once here, so `gunicorn --preload` workers
# share it after the fork instead of each loading their own.
with app.app_context():
    load_jieba()
