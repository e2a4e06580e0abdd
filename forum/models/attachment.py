"""Files attached to posts, and members' avatars' storage version."""
from forum.extensions import db
from forum.models.base import utcnow


class Attachment(db.Model):
    """An uploaded file; pending (no post) until the post that uses it is saved.

    `token` is the only name the file has on the web: random, 192 bits, never derived
    from the id, the uploader or the file name. A letter's files have no uploader: the
    Letter row holds the only link to its writer (sealed in the whistleblower box).
    """

    __table_args__ = (db.Index("ix_attachment_uploader_created", "uploader_id", "created_at"),)

    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(40), nullable=False, unique=True)
    post_id = db.Column(db.ForeignKey("post.id"), nullable=True, index=True)
    uploader_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    kind = db.Column(db.String(5), nullable=False)  # image or file
    mime = db.Column(db.String(100), nullable=False)
    ext = db.Column(db.String(5), nullable=False)
    filename = db.Column(db.String(200), nullable=False)  # as the uploader named it, cleaned
    size = db.Column(db.Integer, nullable=False)
    width = db.Column(db.Integer, nullable=True)
    height = db.Column(db.Integer, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # A feature that keeps a file outside any post (a receipt's 已落实 file) names itself
    # here: the file is never pruned as pending, and the feature says who reads it
    # (forum.hooks.file_keeper).
    kept_by = db.Column(db.String(20), nullable=True)

    post = db.relationship("Post", backref=db.backref("attachments", order_by="Attachment.id"))

    @property
    def is_image(self):
        return self.kind == "image"

    def __repr__(self):
        return f"<Attachment {self.id} {self.filename!r}>"
