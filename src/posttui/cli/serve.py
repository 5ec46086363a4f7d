"""`posttui serve`: the editor in a web browser, through textual-serve.

Every browser tab that opens the page gets an editor of its own on the plan, run as
`python -m posttui edit PLAN`. The server listens on this machine only unless
`--host` says otherwise: whoever reaches it can edit the plan.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
            "0.0.0.0 lets every machine that reaches this one edit the plan)"
        ),
        "serving": "posttui serve: {file} at {url} (Ctrl+C stops)",
        "open": ("posttui serve: listening on {host}: anyone who can reach it can edit the plan"),
        "cannot-listen": "posttui serve: cannot listen on {host} port {port}: {reason}",
        "stopped": "posttui serve: stopped",
        "not-a-port": "not a port (1 to 65535)",
    },
    nb={
        "help": "åpne en plan i redigeringsprogrammet i en nettleser, servert fra denne maskinen",
        "plan": "planfilen (NAVN.post.toml); en fil som mangler, blir en ny plan",
        "port": "porten det lyttes på (standard: 8000)",
        "host": (
            "adressen det lyttes på (standard: 127.0.0.1, bare denne maskinen; "
            "0.0.0.0 lar alle maskiner som når denne, redigere planen)"
        ),
        "serving": "posttui serve: {file} på {url} (Ctrl+C stopper)",
        "open": "posttui serve: lytter på {host}: alle som kan nå den, kan redigere planen",
        "cannot-listen": "posttui serve: kan ikke lytte på {host} port {port}: {reason}",
        "stopped": "posttui serve: stoppet",
        "not-a-port": "ikke en port (1 til 65535)",
    },
)
HELP = WORDS("help")

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(WORDS("not-a-port"))
    return int(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", metavar="PLAN", help=WORDS("plan"))
    parser.add_argument("--port", type=_port, default=8000, help=WORDS("port"))
    parser.add_argument("--host", default="127.0.0.1", help=WORDS("host"))


def run(options: argparse.Namespace) -> int:
    from posttui.cli.output import language, loaded
    from posttui.core.messages import os_reason
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
    if error := _unavailable(host, port):
        reason = printable(os_reason(error).text(lang))
        print(WORDS("cannot-listen", lang, host=host, port=port, reason=reason), file=sys.stderr)
        return 2
    if host not in LOCAL_HOSTS:
        print(WORDS("open", lang, host=host), file=sys.stderr)
    url = _url(host, port)
    banner = WORDS("serving", lang, file=printable(options.plan), url=url)
    sys.unraisablehook = _quiet_after_loop_closed(sys.unraisablehook)
    _server(editor_command(path, options.lang), host, port, url, banner).serve()
    print(WORDS("stopped", lang))
    return 0


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
    """The shell command that runs one editor on the plan (textual-serve runs it in a shell)."""
    words = [sys.executable, "-m", "posttui", "edit", str(path)]
    return shlex.join(words + (["--lang", lang] if lang else []))


def _url(host: str, port: int) -> str:
    """Where a browser finds the server: a wildcard address by this machine's name."""
    import socket

    name = socket.getfqdn() if host in WILDCARDS else host
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


def _server(command: str, host: str, port: int, url: str, banner: str) -> Any:
    import logging

    from textual_serve.server import Server

    class OneLine(logging.Formatter):
        """A log record as one line: its message, never a traceback."""

        def format(self, record: logging.LogRecord) -> str:
            return f"posttui serve: {record.getMessage()}"

    class PlanServer(Server):
        """textual-serve with posttui's words: the URL on start, plain one-line logs."""

        def initialize_logging(self) -> None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(OneLine())
            logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)

        async def on_startup(self, app: object) -> None:
            print(banner, flush=True)

    return PlanServer(command, host=host, port=port, title="posttui", public_url=url)
