"""Opening a page makes no request to another site (issue 12, item 6), in Chromium.

A handler's answer with an invisible remote image told a tracker when the writer read it.
Every request the page makes is recorded; none may leave the forum's own origin, neither
for a post written now (the sanitiser makes the image a link) nor for one stored before
(the CSP's img-src 'self' stops the browser).
"""
from urllib.parse import urlsplit

from forum.extensions import db
from forum.models import Post
from tests.factories import make_thread

TRACKER = "https://tracker.example/pixel.gif"  # https: the CSP before the fix allowed it


def requests_made(page, live_server, path):
    """Every URL the page sends a request to while loading `path`; other origins are refused.

    Recorded where requests reach the network: one the CSP blocks never gets there.
    """
    seen = []

    def record(route):
        seen.append(route.request.url)
        if urlsplit(route.request.url).netloc == urlsplit(live_server).netloc:
            route.continue_()
        else:
            route.abort()

    page.route("**/*", record)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    return seen


def other_origins(urls, live_server):
    return [url for url in urls if urlsplit(url).netloc != urlsplit(live_server).netloc]


def test_a_post_with_remote_images_makes_no_request_to_another_site(page, live_server):
    thread = make_thread(body=f"![看不见]({TRACKER})\n\n<img src=\"{TRACKER}?raw\" width=\"1\">")
    urls = requests_made(page, live_server, f"/t/{thread.id}")
    assert other_origins(urls, live_server) == []
    assert page.locator(f"a[href='{TRACKER}']").count() == 1


def test_a_remote_image_stored_before_the_fix_is_stopped_by_the_csp(page, live_server):
    thread = make_thread()
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
    post.body_html = f'<p><img src="{TRACKER}" alt=""></p>'
    db.session.commit()
    urls = requests_made(page, live_server, f"/t/{thread.id}")
    assert other_origins(urls, live_server) == []
