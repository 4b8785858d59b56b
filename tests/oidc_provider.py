"""A real OpenID Connect provider for the tests, running in the test process on 127.0.0.1.

It has its own RSA key (joserfc), publishes discovery (/.well-known/openid-configuration) and its JWKS, and
implements the authorization-code flow with PKCE: /authorize hands out a one-time code bound to the client,
redirect URI, nonce and code challenge; /token checks client secret, redirect URI and code verifier and answers
with an ID token signed by its key. Tandem's client (mozilla-django-oidc) talks to it over HTTP, as it would to a
municipality's provider. A test chooses what the next ID token looks like: valid, expired, signed with a key that
is not in the JWKS, or for another audience.
"""
import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from joserfc import jwt
from joserfc.jwk import RSAKey

MODES = ("valid", "expired", "wrong_key", "wrong_audience")


def _rsa_key(kid: str) -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"}, private=True)


class Provider:
    """Start with `with Provider(client_id=..., client_secret=...) as provider:`; `provider.issuer` is its URL."""

    def __init__(self, *, client_id: str = "tandem", client_secret: str = "geheim-van-de-client"):
        self.client_id, self.client_secret = client_id, client_secret
        self.key = _rsa_key("sleutel-1")
        self.other_key = _rsa_key("sleutel-1")  # same kid, not published: a forged signature
        self.codes: dict[str, dict] = {}
        self.claims: dict = {}
        self.mode = "valid"
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def next_login(self, *, mode: str = "valid", **claims) -> None:
        """What the next ID token says (besides iss, aud, exp, iat, nonce and sub) and how it is made."""
        assert mode in MODES
        self.mode, self.claims = mode, claims

    # --- what the browser does: follow the authorization redirect to the provider and back ---

    def authorize(self, location: str) -> str:
        """GET the authorization URL Tandem redirected to; the provider's redirect back (path and query)."""
        assert location.startswith(self.issuer + "/authorize?"), location

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            opener.open(location, timeout=10)
        except urllib.error.HTTPError as exc:  # the 302 back to Tandem
            back = urllib.parse.urlparse(exc.headers["Location"])
            return f"{back.path}?{back.query}"
        raise AssertionError("the provider did not redirect back")

    # --- the provider's side ---

    def _id_token(self, entry: dict) -> str:
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": "persoon-1", "aud": self.client_id, "iat": now, "exp": now + 300,
                  "nonce": entry["nonce"], **self.claims}
        if self.mode == "expired":
            claims.update(iat=now - 3600, exp=now - 600)
        if self.mode == "wrong_audience":
            claims["aud"] = "een-andere-dienst"
        key = self.other_key if self.mode == "wrong_key" else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _json(self, status: int, body: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urllib.parse.urlparse(self.path)
                if url.path == "/.well-known/openid-configuration":
                    return self._json(200, {
                        "issuer": provider.issuer, "authorization_endpoint": provider.issuer + "/authorize",
                        "token_endpoint": provider.issuer + "/token", "jwks_uri": provider.issuer + "/jwks",
                        "response_types_supported": ["code"], "subject_types_supported": ["public"],
                        "id_token_signing_alg_values_supported": ["RS256"],
                        "code_challenge_methods_supported": ["S256"]})
                if url.path == "/jwks":
                    return self._json(200, {"keys": [provider.key.as_dict(private=False)]})
                if url.path == "/authorize":
                    return self._authorize(dict(urllib.parse.parse_qsl(url.query)))
                return self._json(404, {"error": "not_found"})

            def _authorize(self, query: dict):
                if (query.get("client_id") != provider.client_id or query.get("response_type") != "code"
                        or query.get("code_challenge_method") != "S256" or "openid" not in query.get("scope", "")):
                    return self._json(400, {"error": "invalid_request"})
                code = secrets.token_urlsafe(16)
                provider.codes[code] = {"redirect_uri": query["redirect_uri"], "nonce": query.get("nonce", ""),
                                        "challenge": query["code_challenge"]}
                back = query["redirect_uri"] + "?" + urllib.parse.urlencode({"code": code, "state": query["state"]})
                self.send_response(302)
                self.send_header("Location", back)
                self.end_headers()

            def do_POST(self):
                if urllib.parse.urlparse(self.path).path != "/token":
                    return self._json(404, {"error": "not_found"})
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                provider.token_requests.append(form)
                entry = provider.codes.pop(form.get("code", ""), None)  # a code works once
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                if (entry is None or form.get("grant_type") != "authorization_code"
                        or form.get("client_id") != provider.client_id
                        or form.get("client_secret") != provider.client_secret
                        or form.get("redirect_uri") != entry["redirect_uri"] or challenge != entry["challenge"]):
                    return self._json(400, {"error": "invalid_grant"})
                return self._json(200, {"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                                        "expires_in": 300, "id_token": provider._id_token(entry)})

        return Handler
