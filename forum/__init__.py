"""The 织金党建论坛 forum engine."""
from flask import Flask

from config import ROOT, Config


def create_app(config=None):
    """Build the app; wiring only, in named steps."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"),
                static_folder=str(ROOT / "static"))
    configure_app(app, config)
    configure_extensions(app)
    configure_blueprints(app)
    configure_hooks(app)
    configure_templates(app)
    configure_cli(app)
    return app


def configure_app(app, config):
    from forum.inbound import Request
    from forum.urls import IdConverter

    app.config.from_object(config or Config())
    app.request_class = Request
    app.url_map.converters["int"] = IdConverter  # before any route is added
    app.instance_path = app.config["INSTANCE_PATH"]
    if app.config["PROXIES"]:
        # Behind nginx: take the client's address from X-Forwarded-For, trusting as many
        # hops as there are proxies, so per-IP limits and IP bans see the real client.
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXIES"],
                                x_proto=app.config["PROXIES"])


def configure_extensions(app):
    from forum import ratelimit  # noqa: F401  (registers the forumdb:// limits storage)
    from forum.extensions import csrf, db, limiter, login_manager, migrate
    from forum.i18n import configure_babel

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    configure_babel(app)
    from forum.mail import mail

    mail.init_app(app)


def configure_blueprints(app):
    # Views are imported here, not by their packages, so that a service can import
    # another package's modules without pulling in every view (and import cycles).
    from forum.admin import accounts as _admin_accounts, views as _admin_views  # noqa: F401
    from forum.attachments import admin_views as _upload_admin, views as _attachment_views  # noqa: F401
    from forum.auth import account_views, profile, reset_views  # noqa: F401
    from forum.auth import views as _auth_views  # noqa: F401
    from forum.boards import manage as _manage_views, views as _board_views  # noqa: F401
    from forum.boards import reading_views as _reading_views  # noqa: F401
    from forum.letters import views as _letter_views  # noqa: F401
    from forum.moderation import views as _mod_views  # noqa: F401
    from forum.notifications import views as _notification_views  # noqa: F401
    from forum.search import views as _search_views  # noqa: F401
    from forum.messages import review as _message_review, views as _message_views  # noqa: F401
    from forum.profiles import views as _profile_views  # noqa: F401
    from forum.feeds import views as _feed_views  # noqa: F401
    from forum.training import campaign_views, views as _training_views  # noqa: F401
    from forum.auth import bp as auth_bp
    from forum.boards import bp as boards_bp
    from forum.admin import bp as admin_bp
    from forum.attachments import bp as attachments_bp
    from forum.i18n import bp as i18n_bp
    from forum.letters import bp as letters_bp
    from forum.moderation import bp as mod_bp
    from forum.notifications import bp as notifications_bp
    from forum.search import bp as search_bp
    from forum.messages import bp as messages_bp
    from forum.profiles import bp as profiles_bp
    from forum.feeds import bp as feeds_bp
    from forum.training import bp as training_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(boards_bp)
    app.register_blueprint(mod_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(i18n_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(attachments_bp)
    app.register_blueprint(letters_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(messages_bp)
    app.register_blueprint(profiles_bp)
    app.register_blueprint(feeds_bp)
    app.register_blueprint(training_bp)


def configure_hooks(app):
    from forum import errors, inbound, pagecache, security
    from forum.auth import sessions
    from forum.moderation import guard
    from forum.search import changes  # noqa: F401  (indexes what each commit touched)
    from forum.stats import online, view_counts

    errors.register(app)
    security.register(app)
    inbound.register(app)
    guard.register(app)
    sessions.register(app)
    view_counts.register(app)
    online.register(app)  # before the page cache: a guest served from cache is online too
    pagecache.register(app)


def configure_templates(app):
    from forum import labels
    from forum.boards.registry import get_type
    from forum.moderation.guard import ban_message
    from forum.notifications.service import unread_count
    from forum.permissions import Access, can, is_moderator, marks_talent, reads_talent_list

    app.jinja_env.globals.update(Access=Access, can=can, is_moderator=is_moderator,
                                 ban_message=ban_message, get_type=get_type,
                                 unread_notifications=unread_count,
                                 action_label=labels.action_label,
                                 target_label=labels.target_label, role_label=labels.role_label)
    from forum.attachments.editor import editor_uploads, file_size

    app.jinja_env.globals.update(editor_uploads=editor_uploads, file_size=file_size)
    app.jinja_env.globals.update(marks_talent=marks_talent, reads_talent_list=reads_talent_list)


def configure_cli(app):
    from forum.cli import forum_cli

    app.cli.add_command(forum_cli)
