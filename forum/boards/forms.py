"""Thread and post forms: validate, never save."""
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, MultipleFileField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, ValidationError

from forum.boards.queries import ThreadOrder


def _strip(value):
    """Trim, and count a line break as one character whatever the browser sent."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _max_length(key, message):
    def check(form, field):
        limit = current_app.config[key]
        if len(field.data or "") > limit:
            raise ValidationError(message % {"n": limit})
    return check


TITLE = dict(filters=[_strip], validators=[
    DataRequired(_l("Enter a title.")),
    _max_length("TITLE_MAX", _l("A title has at most %(n)d characters."))])
BODY = dict(filters=[_strip], validators=[
    DataRequired(_l("Write something first.")),
    _max_length("BODY_MAX", _l("A post has at most %(n)d characters."))])


class PostForm(FlaskForm):
    """A reply: the body, and a button that previews instead of saving."""

    body = TextAreaField(_l("Content (Markdown)"), **BODY)
    files = MultipleFileField(_l("Attach files"))  # checked by forum.attachments, not here
    preview = SubmitField(_l("Preview"))
    submit = SubmitField(_l("Post reply"))

    @property
    def wants_preview(self):
        return bool(self.preview.data)


class PreviewForm(FlaskForm):
    """The text the editor's live preview sends (static/live-preview.js)."""

    body = TextAreaField(_l("Content (Markdown)"), **BODY)


class ThreadForm(PostForm):
    """A new thread: a title, then the first post."""

    title = StringField(_l("Title"), **TITLE)
    submit = SubmitField(_l("Start thread"))


class EditForm(PostForm):
    """Edit a post; the title too when it is a thread's first post; a moderator editing
    someone else's post says why."""

    title = StringField(_l("Title"), filters=[_strip])
    reason = StringField(_l("Reason for the edit (shown with the post)"), filters=[_strip])
    submit = SubmitField(_l("Save changes"))

    def __init__(self, *args, edits_title=False, needs_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.edits_title = edits_title
        self.needs_reason = needs_reason

    def validate_reason(self, field):
        if self.needs_reason and not field.data:
            raise ValidationError(_l("Give a reason for editing someone else's post."))
        if len(field.data or "") > 200:
            raise ValidationError(_l("A reason has at most 200 characters."))

    def validate_title(self, field):
        if self.edits_title:
            for check in TITLE["validators"]:
                check(self, field)


class ListingForm(FlaskForm):
    """A board page's sort and filters (a GET form, no CSRF): a bad value is shown beside
    its field and the board lists as it does by default. The 精华 filter only where the
    board type features threads."""

    class Meta:
        csrf = False

    order = SelectField(_l("Sort by"), choices=[SelectChoice(o.value, o.label) for o in ThreadOrder],
                        default=ThreadOrder.LAST_REPLY.value, validators=[Optional()])
    unanswered = BooleanField(_l("Unanswered only"))
    featured = BooleanField(_l("Featured only"))

    def __init__(self, *args, featuring=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not featuring:
            del self.featured

    def listing(self):
        """{"order": ThreadOrder, "unanswered": bool, "featured": bool} as asked, valid or
        by default."""
        order = self.order.data if self.validate() and self.order.data else ThreadOrder.LAST_REPLY
        return {"order": ThreadOrder(order), "unanswered": bool(self.unanswered.data),
                "featured": "featured" in self and bool(self.featured.data)}

    def query_args(self):
        """The URL arguments that keep this listing across pages (none by default)."""
        listing = self.listing()
        args = {"order": listing["order"].value} if listing["order"] != ThreadOrder.LAST_REPLY else {}
        return args | {name: "1" for name in ("unanswered", "featured") if listing[name]}
