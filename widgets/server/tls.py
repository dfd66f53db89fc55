"""``make app CERT=cert.pem KEY=key.pem``: the workbook over HTTPS.

On a workshop Wi-Fi, what participants type travels from their device to this
computer's workbook server while a page is open. Over plain http, others on the same
network could read it on the way; over https it is encrypted. Voila has no option for a
certificate, so this starts the very same Voila (same arguments, same voila.json) with
tornado's ``ssl_options`` on its listening socket.

    python -m widgets.server.tls --certfile=cert.pem --keyfile=key.pem notebooks/ --port=8866 ...
"""

from __future__ import annotations

import argparse
import ssl
import sys


def ssl_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    return context


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.server.tls", add_help=False)
    parser.add_argument("--certfile", required=True)
    parser.add_argument("--keyfile", required=True)
    args, voila_args = parser.parse_known_args(argv)
    try:
        context = ssl_context(args.certfile, args.keyfile)
    except (OSError, ssl.SSLError) as exc:
        print(
            f"  The workbook did not start: the certificate ({args.certfile}) or key "
            f"({args.keyfile}) could not be read: {exc}",
            file=sys.stderr,
        )
        return 1

    from voila.app import Voila

    class HttpsVoila(Voila):
        def listen(self):
            plain_listen = self.app.listen

            def listen(port, address=None, **kwargs):
                return plain_listen(port, address, ssl_options=context, **kwargs)

            self.app.listen = listen
            super().listen()

        def _url(self, ip):
            return super()._url(ip).replace("http://", "https://", 1)

    HttpsVoila.launch_instance(argv=voila_args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
