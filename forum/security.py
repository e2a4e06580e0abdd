"""Response headers that every page carries, and the one for pages no cache may keep."""
from flask import current_app

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def register(app):
    app.after_request(add_security_headers)


def add_security_headers(response):
    """CSP without inline script, no sniffing, no framing, no referrer leaks."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    return response


def no_store(body):
    """A response that no browser or proxy keeps: a query code, a private letter."""
    response = current_app.make_response(body)
    response.headers["Cache-Control"] = "no-store"
    return response
