"""Which requests the studio answers.

The studio can change the workshop's files, so it answers only this computer's own
browser:

- it listens on 127.0.0.1 only (:mod:`.server`), so no other computer can reach it;
- a request whose Host is not a loopback name is refused: a web page elsewhere cannot
  point its own name at 127.0.0.1 ("DNS rebinding") and read or change the studio;
- a request whose Origin is another site is refused: a page on another site cannot post
  a form, or open the studio's websocket, from the facilitator's browser.

Voila's own server answers every Host (it sets ``allow_remote_access``), and its static
files and websockets do not all check Origin, so the studio puts this check in front of
every handler (:func:`guard_application`).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}

REFUSED = (
    "The studio answers only this computer's own browser, at http://127.0.0.1 or "
    "http://localhost. This request came from somewhere else, so it was refused."
)


def _split_host(host: str) -> tuple[str, int | None]:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8867
        name, _, rest = host[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port = host.partition(":") if host.count(":") <= 1 else (host, "", "")
    try:
        return name, int(port) if port else None
    except ValueError:
        return name, -1


def is_loopback(name: str) -> bool:
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def allowed(host: str | None, origin: str | None, port: int) -> tuple[bool, str]:
    """(answer it?, why not) for a request's Host and Origin headers."""
    if not host:
        return False, "no Host"
    name, host_port = _split_host(host)
    if not is_loopback(name):
        return False, f"Host {host!r} is not this computer"
    if host_port not in (None, port):
        return False, f"Host {host!r} names another port"
    if origin is None:
        return True, ""
    if origin == "null":
        return False, "Origin null"
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False, f"Origin {origin!r} is not a web page of the studio"
    origin_port = parts.port or (443 if parts.scheme == "https" else 80)
    if not is_loopback(parts.hostname) or origin_port != port:
        return False, f"Origin {origin!r} is another site"
    return True, ""


def guard_application(app, port: int, log=None) -> None:
    """Put :func:`allowed` in front of every handler of a tornado Application."""
    import tornado.web

    class Refused(tornado.web.RequestHandler):
        def prepare(self):
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.finish(REFUSED + "\n")

    find = app.find_handler

    def find_handler(request, **kwargs):
        ok, why = allowed(request.headers.get("Host"), request.headers.get("Origin"), port)
        if not ok:
            if log is not None:
                log.warning("Studio refused %s %s: %s", request.method, request.path, why)
            return app.get_handler_delegate(request, Refused)
        return find(request, **kwargs)

    app.find_handler = find_handler
