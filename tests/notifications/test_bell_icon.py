"""The bell and the site icon are drawn by the page itself, not by an emoji font that
Kylin, UOS and older Windows lack."""
import re


def test_the_bell_is_an_inline_svg_icon_not_an_emoji(member_client):
    page = member_client.get("/").get_data(as_text=True)
    bell = re.search(r'<a class="bell".*?</a>', page, re.S).group()
    assert "<svg" in bell and 'aria-hidden="true"' in bell
    assert not re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", page)


def test_every_page_names_a_site_icon_that_is_served(client):
    page = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="icon" href="([^"]+)"', page).group(1)
    icon = client.get(href)
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"
