"""A login's device in words ("Chrome 131 · Windows 10") from the user agent it stored,
as the recent-logins table shows it; ua-parser's rules know the browsers of the day."""
from ua_parser import parse


def _named(part):
    return " ".join(str(bit) for bit in (part.family, part.major) if bit) if part else ""


def device_name(user_agent):
    """The browser and system of a user agent string; the string itself when neither is known."""
    if not user_agent:
        return ""
    found = parse(user_agent)
    named = [_named(part) for part in (found.user_agent, found.os) if part and part.family != "Other"]
    return " · ".join(named) or user_agent
