"""`posttui serve`: the editor in a web browser, through textual-serve.

Every browser tab that opens the page gets an editor of its own on the plan, run as
`python -I -m posttui edit PLAN` (isolated: nothing in the working folder stands in
for posttui). An editor acts as the user, so the server lets in only who holds its
token, as Jupyter does: a random token per start, in the URL it prints, kept in an
HttpOnly SameSite=Strict cookie after the first visit. Every request must also name
the served address in `Host` (no DNS rebinding) and, from a browser, come from a
page of that address (`Origin`). At most `--max-editors` editors run at once, and a
served editor saves only beside its plan (`posttui.core.confine`). The page loads
nothing from outside this server. See "Threat model" in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import hmac
import ipaddress
import os
import secrets
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from collections.abc import Callable
    from sys import UnraisableHookArgs

from posttui.core.i18n import Catalog

WORDS = Catalog(
    "serve",
    en={
        "help": "open a plan in the editor in a web browser, served from this machine",
        "plan": "the plan file (NAME.post.toml); a missing file starts a new plan saved there",
        "port": "the port to listen on (default: 8000)",
        "host": (
            "the address to listen on (default: 127.0.0.1, this machine only; "
            "0.0.0.0 lets every machine that reaches this one ask for an editor, "
            "which the token in the URL lets in)"
        ),
        "max-editors": "how many editors may run at once (default: 4)",
        "token-file": (
            "read the token from FILE instead of making a random one "
            "(or set POSTTUI_TOKEN); for scripts"
        ),
        "serving": "posttui serve: {file} at {url} (Ctrl+C stops)",
        "open": (
            "posttui serve: listening on {host}: every machine that can reach this one on "
            "port {port} can ask for an editor; it gets one only with the token in the URL, "
            "but the token and the plan cross the network unencrypted (http), so anyone who "
            "can watch that network can take them. Use it only on a network you trust."
        ),
        "cannot-listen": "posttui serve: cannot listen on {host} port {port}: {reason}",
        "cannot-read-token": "posttui serve: cannot read the token from {file}: {reason}",
        "empty-token": "posttui serve: {file} holds no token",
        "stopped": "posttui serve: stopped",
        "not-a-port": "not a port (1 to 65535)",
        "not-a-count": "not a number of editors (1 or more)",
        "forbidden": (
            "posttui serve: not allowed. Open the URL posttui serve printed when it started: "
            "it holds the token."
        ),
        "busy": (
            (
                "posttui serve: {count} editor is open already, the most allowed "
                "(--max-editors). Close it, then reload."
            ),
            (
                "posttui serve: {count} editors are open already, the most allowed "
                "(--max-editors). Close one, then reload."
            ),
        ),
        "refused-host": "refused a request for host '{host}' from {peer} (not this server)",
        "refused-origin": "refused a request from a page of '{origin}' from {peer}",
        "refused-token": "refused a request without the token from {peer}",
        "refused-busy": (
            "refused an editor for {peer}: {count} is open (--max-editors)",
            "refused an editor for {peer}: {count} are open (--max-editors)",
        ),
        "ended": "The editor has ended.",
        "restart": "Start again",
    },
)
HELP = WORDS("help")

WILDCARDS = ("0.0.0.0", "::", "")
TOKEN_VARIABLE = "POSTTUI_TOKEN"
MAX_EDITORS = 4
PAGE = Path(__file__).with_name("serve_page.html")


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(WORDS("not-a-port"))
    return int(text)


def _count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(WORDS("not-a-count"))
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("--port", type=_port, default=8000, help=WORDS("port"))
    parser.add_argument("--host", default="127.0.0.1", help=WORDS("host"))
    parser.add_argument(
        "--max-editors", type=_count, default=MAX_EDITORS, metavar="N", help=WORDS("max-editors")
    )
    parser.add_argument("--token-file", metavar="FILE", help=WORDS("token-file"))


def loopback(host: str) -> bool:
    """`host` is this machine only: localhost or a loopback address."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language, loaded
    from posttui.core.catalog import os_reason
    from posttui.core.terminal import printable

    path = Path(options.plan).absolute()
    plans = []
    if path.exists():
        # Refuse a broken plan here, once, rather than in every browser tab.
        if (file := loaded(options, options.plan)) is None:
            return 2
        plans.append(file.plan)
    lang = language(options, *plans)
    host, port = options.host, options.port
    # Read (and drop) the token first: no editor inherits it.
    env_token = os.environ.pop(TOKEN_VARIABLE, "")
    if options.token_file is not None:
        try:
            with open(options.token_file, encoding="utf-8") as handle:
                token = handle.readline().strip()
        except (OSError, UnicodeDecodeError) as failure:
            why = failure if isinstance(failure, OSError) else OSError(0, str(failure))
            reason = printable(os_reason(why).text(lang))
            shown = printable(options.token_file)
            print(WORDS("cannot-read-token", lang, file=shown, reason=reason), file=sys.stderr)
            return 2
        if not token:
            print(WORDS("empty-token", lang, file=printable(options.token_file)), file=sys.stderr)
            return 2
    else:
        token = env_token.strip() or secrets.token_urlsafe(32)
    if error := _unavailable(host, port):
        reason = printable(os_reason(error).text(lang))
        print(WORDS("cannot-listen", lang, host=host, port=port, reason=reason), file=sys.stderr)
        return 2
    if not loopback(host):
        print(WORDS("open", lang, host=host, port=port), file=sys.stderr)
    url = f"{_url(host, port)}/?token={quote(token, safe='')}"
    banner = WORDS("serving", lang, file=printable(options.plan), url=url)
    sys.unraisablehook = _quiet_after_loop_closed(sys.unraisablehook)
    from posttui.core import confine

    os.environ[confine.VARIABLE] = str(path.parent)  # for the editors: save only there
    guard = Guard(host, port, token, lang)
    command = editor_command(path, options.lang)
    _server(command, host, guard, options.max_editors, banner).serve()
    print(WORDS("stopped", lang))
    return 0


class Guard:
    """Who may use the server: the Host and Origin it accepts, and the token.

    Modelled on Jupyter's checks. `Host` must name the served address (the bound
    name, or for loopback any loopback name; for a wildcard any IP address and this
    machine's names), so a page whose own name was rebound to this machine's address
    (DNS rebinding) is refused. A browser's `Origin` must be that same host and port.
    The token comes as `?token=` (then kept in a cookie), the cookie, or an
    `Authorization: token ...` header, and is compared in constant time.
    """

    def __init__(self, host: str, port: int, token: str, lang: str) -> None:
        self.port = port
        self.token = token.encode("utf-8")
        self.lang = lang
        self.cookie = f"posttui-token-{port}"  # cookies are shared by every port of a host
        self.any_address = host in WILDCARDS
        self.loopback = loopback(host)
        names = {host.lower().strip("[]")}
        if self.loopback or self.any_address:
            names |= {"localhost", "127.0.0.1", "::1"}
        if self.any_address:
            import socket

            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        self.names = names

    def matches(self, given: str | None) -> bool:
        """`given` is the token (compared in constant time)."""
        return given is not None and hmac.compare_digest(given.encode("utf-8"), self.token)

    def _name_and_port(self, netloc: str) -> tuple[str, int] | None:
        try:
            parts = urlsplit(f"//{netloc}")
            return (parts.hostname or "", parts.port or 80)
        except ValueError:
            return None

    def host_allowed(self, host: str | None) -> bool:
        """`host` (a Host header) names this server: its address and its port."""
        if not host or (named := self._name_and_port(host)) is None:
            return False
        name, port = named
        if port != self.port:
            return False
        if name in self.names:
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False  # a name that is not this server's: maybe rebound to it
        return address.is_loopback if self.loopback else self.any_address

    def origin_allowed(self, origin: str | None, host: str) -> bool:
        """A browser's `origin` is a page of this server, as the browser named it (`host`)."""
        if origin is None:
            return True  # not a browser (curl, a script): the token decides
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        if parts.scheme != "http" or parts.path or parts.username or parts.password:
            return False
        return self._name_and_port(parts.netloc) == self._name_and_port(host)

    def authorized(self, query: str | None, cookie: str | None, header: str | None) -> bool:
        scheme, _, credential = (header or "").partition(" ")
        from_header = credential.strip() if scheme.lower() == "token" else None
        return any(self.matches(given) for given in (query, cookie, from_header))


def _quiet_after_loop_closed(
    hook: Callable[[UnraisableHookArgs], object],
) -> Callable[[UnraisableHookArgs], object]:
    """Drop asyncio's complaint about an editor's pipe collected after the loop closed.

    textual-serve leaves each editor's subprocess transport to the garbage collector;
    when that runs after Ctrl+C has closed the loop, the editor is gone already, but
    asyncio would print a traceback.
    """

    def quiet(unraisable: UnraisableHookArgs) -> object:
        error = unraisable.exc_value
        if isinstance(error, RuntimeError) and str(error) == "Event loop is closed":
            return None
        return hook(unraisable)

    return quiet


def editor_command(path: Path, lang: str | None) -> str:
    """The shell command that runs one editor on the plan (textual-serve runs it in a shell),
    in isolated mode: a `posttui/` folder where the server runs is never imported."""
    from posttui.cli.interpreter import posttui_command

    words = [*posttui_command(), "edit", "--", str(path)]
    return shlex.join(words[:-2] + (["--lang", lang] if lang else []) + words[-2:])


def _url(host: str, port: int) -> str:
    """Where a browser finds the server: a wildcard address by this machine's name."""
    import socket

    name = host
    if host in WILDCARDS:  # this machine's name; "localhost" would send others to themselves
        name = socket.getfqdn()
        if loopback(name) or name.startswith("localhost."):
            name = socket.gethostname()
    return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"


def _unavailable(host: str, port: int) -> OSError | None:
    """What stops the server from listening on host:port, or None when nothing does."""
    import socket

    try:
        socket.getaddrinfo(host, port)  # a name that is not known, in the resolver's words
        with socket.create_server((host, port)):
            return None
    except socket.gaierror as error:
        return error
    except OSError as error:
        # create_server adds the address to the system's words: keep the words alone.
        return OSError(error.errno, os.strerror(error.errno)) if error.errno else error


def _server(command: str, host: str, guard: Guard, max_editors: int, banner: str) -> Any:
    import html
    import logging
    from string import Template

    from aiohttp import web
    from textual_serve.server import Server

    from posttui.core.terminal import preview, printable

    log = logging.getLogger("posttui.serve")
    lang = guard.lang
    page = Template(PAGE.read_text(encoding="utf-8"))

    class OneLine(logging.Formatter):
        """A log record as one line: its message, never a traceback."""

        def format(self, record: logging.LogRecord) -> str:
            return f"posttui serve: {record.getMessage()}"

    def peer(request: web.Request) -> str:
        return request.remote or "?"

    @web.middleware
    async def guarded(request: web.Request, handler: Any) -> web.StreamResponse:
        """Every request: the right Host, a page of this server, the token."""
        forbidden = web.HTTPForbidden(text=WORDS("forbidden", lang))
        host = request.headers.get("Host")
        if not guard.host_allowed(host):
            shown = printable(preview(str(host), 200))
            log.warning(WORDS("refused-host", lang, host=shown, peer=peer(request)))
            raise forbidden
        assert host is not None
        origin = request.headers.get("Origin")
        if not guard.origin_allowed(origin, host):
            shown = printable(preview(str(origin), 200))
            log.warning(WORDS("refused-origin", lang, origin=shown, peer=peer(request)))
            raise forbidden
        query = request.query.get("token")
        cookie = request.cookies.get(guard.cookie)
        if not guard.authorized(query, cookie, request.headers.get("Authorization")):
            log.warning(WORDS("refused-token", lang, peer=peer(request)))
            raise forbidden
        response: web.StreamResponse = await handler(request)
        if not response.prepared:
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["X-Content-Type-Options"] = "nosniff"
            if guard.matches(query) and not guard.matches(cookie):
                response.set_cookie(
                    guard.cookie, guard.token.decode(), httponly=True, samesite="Strict", path="/"
                )
        return response

    class PlanServer(Server):
        """textual-serve behind posttui's guard: the token, Host and Origin checked on
        every request, a cap on editors, a page of its own that loads nothing from
        elsewhere and connects back to the address the browser used."""

        editors = 0

        def initialize_logging(self) -> None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(OneLine())
            logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)

        async def _make_app(self) -> web.Application:
            app = web.Application(middlewares=[guarded])
            app.add_routes(
                [
                    web.get("/", self.handle_index, name="index"),
                    web.get("/ws", self.handle_websocket, name="websocket"),
                    web.get("/download/{key}", self.handle_download, name="download"),
                    web.static("/static", self.statics_path, name="static"),
                ]
            )
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.on_shutdown)
            return app

        async def on_startup(self, app: object) -> None:
            print(banner, flush=True)

        async def handle_index(self, request: web.Request) -> web.Response:
            nonce = secrets.token_urlsafe(16)
            font_size = request.query.get("fontsize", "16")
            size = int(font_size) if font_size.isascii() and font_size.isdigit() else 16
            websocket = f"ws://{request.host}/ws"  # the address the browser used
            text = page.substitute(
                nonce=nonce,
                websocket=html.escape(websocket),
                font_size=max(6, min(size, 64)),
                ended=html.escape(WORDS("ended", lang)),
                restart=html.escape(WORDS("restart", lang)),
            )
            policy = (
                "default-src 'none'; "
                f"script-src 'self' 'nonce-{nonce}'; "
                "style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; "
                f"connect-src 'self' {websocket}; "
                "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            )
            headers = {"Content-Security-Policy": policy, "Cache-Control": "no-store"}
            return web.Response(text=text, content_type="text/html", headers=headers)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.editors >= max_editors:
                log.warning(WORDS("refused-busy", lang, peer=peer(request), count=self.editors))
                raise web.HTTPServiceUnavailable(text=WORDS("busy", lang, count=self.editors))
            self.editors += 1
            try:
                return await super().handle_websocket(request)
            finally:
                self.editors -= 1

    return PlanServer(command, host=host, port=guard.port, title="posttui")
