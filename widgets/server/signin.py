"""The sign-in page of a workshop with an access token (``make app TOKEN=...``).

Voila (0.5) shows Jupyter Server's own login page when a visitor arrives without the
token: "Jupyter Server", "Password or token", a form to set a new password, English
only, with no main landmark, no heading and no page language. voila.json names
:class:`GentleIdentityProvider` instead; it signs in exactly as Jupyter's does (the same
token check and cookie), but draws the page with the workbook's own template
(share/jupyter/voila/templates/gentle/signin.html), in every language of the workbook.
"""

from __future__ import annotations

from jupyter_server.auth.identity import PasswordIdentityProvider
from voila.voila_identity_provider import VoilaLoginHandler


class GentleLoginHandler(VoilaLoginHandler):
    """Jupyter's login form handler, with the workbook's page in place of login.html."""

    def get_template(self, name):
        if name == "login.html":
            return self.settings["voila_jinja2_env"].get_template("signin.html")
        return super().get_template(name)


class GentleIdentityProvider(PasswordIdentityProvider):
    """Jupyter's token sign-in, drawn by :class:`GentleLoginHandler`."""

    def __init__(self, **kwargs):
        # Voila passes its own handler class; ours extends it.
        kwargs["login_handler_class"] = GentleLoginHandler
        super().__init__(**kwargs)
