"""The 织金党建论坛 forum engine."""
from flask import Flask

from config import ROOT, Config


def create_app(config=None):
    """Build the app; wiring only, in named steps."""
    from forum import safe_gc

    safe_gc.install()  # before any request: CPython 3.11's collector can crash a worker
    app = Flask(__name__, template_folder=str(ROOT / "templates"),
                static_folder=str(ROOT / "static"))
    configure_app(app, config)
    configure_extensions(app)
    configure_hooks(app)
    configure_packages(app)
    configure_page_cache(app)
    configure_templates(app)
    configure_cli(app)
    return app


def configure_app(app, config):
    from forum.inbound import Request
    from forum.session_cookies import CookieSessions
    from forum.templating import TemplateEnvironment
    from forum.urls import IdConverter

    app.config.from_object(config or Config())
    app.request_class = Request
    app.session_interface = CookieSessions()
    app.jinja_environment = TemplateEnvironment  # before anything asks for app.jinja_env
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.instance_path = app.config["INSTANCE_PATH"]
    if app.config["PROXIES"]:
        # Behind nginx: take the client's address from X-Forwarded-For, trusting as many
        # hops as there are proxies, so per-IP limits and IP bans see the real client.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXIES"],
                                x_proto=app.config["PROXIES"])


def configure_extensions(app):
    from forum import csrf_tokens
    from forum import ratelimit  # noqa: F401  (registers the forumdb:// limits storage)
    from forum.access import Guest
    from forum.extensions import csrf, db, limiter, login_manager, migrate
    from forum.i18n import configure_babel

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    csrf_tokens.register(app)
    login_manager.init_app(app)
    login_manager.anonymous_user = Guest
    limiter.init_app(app)
    configure_babel(app)
    from forum.mail import mail

    mail.init_app(app)


# The forum's packages, each registering its own routes, board types, validators and
# receivers (forum/hooks.py) in its init_app. The order is the order of their request
# hooks and validators: the ban guard before sessions, flood control and the word filter
# before mentions. A new board type is one more package here.
PACKAGES = ("moderation", "auth", "stats", "boards", "admin", "attachments", "letters",
            "notifications", "search", "messages", "profiles", "feeds", "training", "disclosure",
            "counsel", "fund", "branch", "receipts", "health", "petitions", "mine")


def configure_packages(app):
    from importlib import import_module

    from forum.i18n import bp as i18n_bp

    app.register_blueprint(i18n_bp)
    for name in PACKAGES:
        import_module(f"forum.{name}").init_app(app)


def configure_hooks(app):
    from forum import errors, inbound, security

    errors.register(app)
    security.register(app)
    inbound.register(app)


def configure_page_cache(app):
    from forum import pagecache

    pagecache.register(app)  # last: a guest served from cache is online and counted too


def configure_templates(app):
    from forum import hooks, holes, labels
    from forum.access import Access, can
    from forum.pages import page_links
    from forum.settings import site_footer, site_name

    app.jinja_env.globals.update(Access=Access, can=can, page_sections=hooks.sections,
                                 thread_badges=hooks.badges_of, action_label=labels.action_label,
                                 target_label=labels.target_label, role_label=labels.role_label,
                                 logged_text=labels.logged_text, page_links=page_links,
                                 site_name=site_name, site_footer=site_footer, hole=holes.hole)


def configure_cli(app):
    from forum.cli import forum_cli

    app.cli.add_command(forum_cli)
