"""`posttui serve`: the editor in a browser, as a user starts, opens and stops it."""

from __future__ import annotations

import asyncio
import errno
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
from playwright.sync_api import Request, Route, sync_playwright

from posttui.cli import parser
from posttui.cli.serve import editor_command
from support.browser import chromium, colours, pixels
from support.plans import SAMPLES
from support.served import POSTTUI, Served, editor_output, free_port, get, websocket_status

TITLE = "Nordlys Analytics \u2013 social media plan 2027"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    server = Served(plan, "--lang", "en")
    try:
        server.wait_until_listening()
        yield server
    finally:
        server.kill()


def test_the_browser_shows_the_plan_and_ctrl_c_stops_everything(served: Served) -> None:
    received: list[str] = []
    elsewhere: list[str] = []

    def local_only(route: Route) -> None:
        """Whatever the page asks for from outside this server is noted, and never sent."""
        if route.request.url.startswith(f"{served.origin}/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    requested: list[Request] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 800})
            page = context.new_page()
            page.route("**/*", local_only)
            page.on("request", lambda request: requested.append(request))
            page.on(
                "websocket",
                lambda socket: socket.on(
                    "framereceived",
                    lambda frame: received.append(
                        frame.decode("utf-8", "replace") if isinstance(frame, bytes) else frame
                    ),
                ),
            )
            page.goto(served.url)
            # textual.js marks the page once the editor's first screen arrived.
            page.wait_for_selector("body.-first-byte", timeout=30_000)
            # The title first, then the findings panel once the plan is read and checked.
            for text in (TITLE, "Findings ("):
                deadline = time.monotonic() + 30
                while text not in "".join(received) and time.monotonic() < deadline:
                    page.wait_for_timeout(100)
                assert text in "".join(received), f"the editor never drew {text!r}"
            page.wait_for_timeout(500)
            shot = page.screenshot()
            cookies = context.cookies()
            page.goto(served.origin + "/")  # the cookie alone lets the page in again
            page.wait_for_selector("body.-first-byte", timeout=30_000)
            code, out, err = served.interrupt()  # with the editor open in the page
        finally:
            browser.close()
    assert elsewhere == [], "the page loads things from outside this machine"
    assert {r.url.split("?")[0] for r in requested} >= {
        f"{served.origin}/static/js/textual.js",
        f"{served.origin}/static/fonts/RobotoMono-VariableFont_wght.ttf",
    }
    assert [(c["name"], c["value"], c["httpOnly"], c["sameSite"]) for c in cookies] == [
        (f"posttui-token-{served.port}", served.token, True, "Strict")
    ]
    width, height, _ = pixels(shot)
    bright = sum(n for (r, g, b), n in colours(shot).items() if r + g + b > 400)
    assert bright > width * height // 100, "the terminal in the page is (nearly) empty"
    assert code == 0, err
    assert out.splitlines()[0] == (
        f"posttui serve: {served.process.args[2]} at "
        f"http://127.0.0.1:{served.port}/?token={served.token} (Ctrl+C stops)"
    )
    assert len(served.token) >= 40  # 32 random bytes
    assert out.splitlines()[-1] == "posttui serve: stopped"
    assert "Traceback" not in out + err
    time.sleep(0.5)
    assert not served.group_alive(), "an editor outlived the server"


def test_it_listens_on_this_machine_only_by_default(served: Served) -> None:
    options = parser().parse_args(["serve", "plan.post.toml"])
    assert (options.host, options.port) == ("127.0.0.1", 8000)
    socket.create_connection(("127.0.0.1", served.port), timeout=5).close()
    # Another address of this machine (all of 127/8 is loopback on Linux) is refused:
    # the server is bound to 127.0.0.1, not to every address.
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.2", served.port), timeout=5)


def test_the_editor_command_survives_the_shell(tmp_path: Path) -> None:
    plan = tmp_path / 'it\'s a "plan" $(touch pwned) `x`.post.toml'
    words = shlex.split(editor_command(plan, "nb"))
    assert words == [sys.executable, "-I", "-m", "posttui", "edit", "--lang", "nb", "--", str(plan)]
    assert shlex.split(editor_command(plan, None))[-2:] == ["--", str(plan)]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_unloadable_plan_exits_2_before_serving(tmp_path: Path, lang: str) -> None:
    plan = tmp_path / "broken.post.toml"
    plan.write_text("format = 1\n[plan]\n")
    result = subprocess.run(
        [str(POSTTUI), "serve", str(plan), "--port", str(free_port()), "--lang", lang],
        capture_output=True,
        text=True,
        timeout=30,
    )
    check = subprocess.run(
        [str(POSTTUI), "check", str(plan), "--lang", lang], capture_output=True, text=True
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == check.stderr and "title" in result.stderr


def test_a_host_that_is_not_known_exits_2_in_the_resolvers_words() -> None:
    plan = str(SAMPLES / "kafe-solsiden.post.toml")
    result = subprocess.run(
        [str(POSTTUI), "serve", plan, "--host", "nosuchhost.invalid", "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and result.stdout == ""
    said = result.stderr.removeprefix(
        "posttui serve: cannot listen on nosuchhost.invalid port 8000: "
    )
    assert said != result.stderr and said.strip()
    assert "Unknown error" not in said and "while attempting" not in said


def test_a_port_in_use_exits_2_with_a_message(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(POSTTUI), "serve", str(SAMPLES / "kafe-solsiden.post.toml"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"posttui serve: kan ikke lytte på 127.0.0.1 port {port}: {os.strerror(errno.EADDRINUSE)}\n"
    )  # the plan is Norwegian


# ---- who may use the server (see "Threat model" in docs/reliability.md) ----


def test_a_websocket_without_the_token_or_from_another_site_is_refused(served: Served) -> None:
    ws = f"ws://127.0.0.1:{served.port}/ws"
    token = f"token={served.token}"
    # What a page on any web site, or anyone on the network, could try:
    assert websocket_status(ws, {}) == 403
    assert websocket_status(ws, {"Origin": "http://evil.example"}) == 403
    assert websocket_status(f"{ws}?token=wrong", {}) == 403
    assert websocket_status(ws, {"Cookie": f"posttui-token-{served.port}=wrong"}) == 403
    # The token is not enough from a page of another origin (a cross-site WebSocket)...
    assert websocket_status(f"{ws}?{token}", {"Origin": "http://evil.example"}) == 403
    other_port = {"Origin": f"http://127.0.0.1:{served.port + 1}"}
    assert websocket_status(f"{ws}?{token}", other_port) == 403
    # ...nor under a name that is not this server's: DNS rebinding (evil.example
    # resolved to 127.0.0.1, so the browser sends Host and Origin of evil.example).
    rebound = {
        "Host": f"evil.example:{served.port}",
        "Origin": f"http://evil.example:{served.port}",
    }
    assert websocket_status(f"{ws}?{token}", rebound) == 403
    assert websocket_status(f"{ws}?{token}", {"Host": f"evil.example:{served.port}"}) == 403
    assert websocket_status(f"{ws}?{token}", {"Host": "127.0.0.1:1"}) == 403
    # The pages the same: / and the static files.
    assert get(f"{served.origin}/")[0] == 403
    assert get(f"{served.origin}/static/js/textual.js")[0] == 403
    assert get(f"{served.origin}/?{token}", {"Origin": "http://evil.example"})[0] == 403
    status, _, body = get(f"{served.origin}/?{token}", {"Host": f"evil.example:{served.port}"})
    assert status == 403 and "Open the URL posttui serve printed" in body
    # The server says what it refused, on one line each, the peer's text escaped.
    code, _, err = served.interrupt()
    assert code == 0
    assert "refused a request without the token from 127.0.0.1" in err
    assert "refused a request from a page of 'http://evil.example' from 127.0.0.1" in err
    assert f"refused a request for host 'evil.example:{served.port}'" in err
    assert "Traceback" not in err


def test_the_token_lets_in_and_is_kept_in_an_httponly_samesite_strict_cookie(
    served: Served,
) -> None:
    status, headers, _ = get(served.url)
    assert status == 200
    cookie = headers["Set-Cookie"]
    name = f"posttui-token-{served.port}"
    assert cookie.startswith(f"{name}={served.token};")
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/"} <= attributes
    assert headers["Referrer-Policy"] == "no-referrer"
    # The cookie alone, the page's own origin, any loopback name: the page, then an editor.
    with_cookie = {"Cookie": f"{name}={served.token}"}
    assert get(f"{served.origin}/", with_cookie)[0] == 200
    local = {**with_cookie, "Host": f"localhost:{served.port}"}
    assert get(f"http://127.0.0.1:{served.port}/", local)[0] == 200
    by_header = {"Authorization": f"token {served.token}"}
    assert get(f"{served.origin}/", by_header)[0] == 200

    async def editor() -> bytes:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
            origin = {**with_cookie, "Origin": served.origin}
            return await editor_output(session, f"ws://127.0.0.1:{served.port}/ws", origin)

    assert b"Nordlys" in asyncio.run(editor()), "the editor never drew the plan"


def test_the_page_connects_to_the_address_the_browser_used(served: Served) -> None:
    for host in (f"127.0.0.1:{served.port}", f"localhost:{served.port}"):
        _, _, page = get(served.url, {"Host": host})
        assert f'data-session-websocket-url="ws://{host}/ws"' in page


def test_the_page_loads_nothing_from_outside_this_server(served: Served) -> None:
    status, headers, page = get(served.url)
    assert status == 200
    assert not re.search(r"https?:|@import", page), "an address outside the page"
    assert set(re.findall(r"//([^/\"'\s)]+)", page)) == {f"127.0.0.1:{served.port}"}
    references = re.findall(r'(?:src|href)="([^"]*)"|url\("?([^")]*)', page)
    assert references and all((a or b).startswith("/static/") for a, b in references), references
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert f"connect-src 'self' ws://127.0.0.1:{served.port}/ws;" in policy
    # And what the page loads, textual-serve's own files, names nothing outside either.
    cookie = {"Cookie": f"posttui-token-{served.port}={served.token}"}
    css = get(f"{served.origin}/static/css/xterm.css", cookie)[2]
    assert "url(" not in css and "@import" not in css
    script = get(f"{served.origin}/static/js/textual.js", cookie)[2]
    assert not re.search(r"https?://(?!www\.w3\.org/)", script)


def test_editors_are_capped(tmp_path: Path) -> None:
    assert parser().parse_args(["serve", "p.post.toml"]).max_editors == 4
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    server = Served(plan, "--lang", "en", "--max-editors", "2")
    try:
        server.wait_until_listening()
        ws = f"ws://127.0.0.1:{server.port}/ws?token={server.token}"

        async def attack() -> list[int | bytes]:
            async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
                first = await session.ws_connect(ws)
                second = await session.ws_connect(ws)
                try:
                    await session.ws_connect(ws)
                    third: int | bytes = 101
                except aiohttp.WSServerHandshakeError as refused:
                    third = refused.status
                await first.close()
                await asyncio.sleep(3)  # the first editor ends: room for one
                again = await editor_output(session, ws, {})
                await second.close()
                return [third, again]

        third, again = asyncio.run(attack())
        assert third == 503
        assert isinstance(again, bytes) and b"Nordlys" in again
        code, _, err = server.interrupt()
        assert code == 0 and "refused an editor for 127.0.0.1: 2 are open" in err
    finally:
        server.kill()


def test_another_host_than_this_machine_says_who_can_reach_it(tmp_path: Path) -> None:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    server = Served(plan, "--lang", "en", "--host", "0.0.0.0")
    try:
        server.wait_until_listening()
        name = server.url.split("/")[2].rpartition(":")[0]
        assert name not in ("127.0.0.1", "localhost", "0.0.0.0")  # a name others can use
        assert "?token=" in server.url
        # Any address of this machine, with the token; never a name that is not its own.
        token = f"?token={server.token}"
        assert get(f"{server.origin}/{token}")[0] == 200
        host = server.url.split("/")[2]
        assert get(f"{server.origin}/{token}", {"Host": host})[0] == 200
        assert get(f"{server.origin}/{token}", {"Host": f"evil.example:{server.port}"})[0] == 403
        code, _, err = server.interrupt()
    finally:
        server.kill()
    assert code == 0
    assert (
        f"posttui serve: listening on 0.0.0.0: every machine that can reach this one on "
        f"port {server.port} can ask for an editor; it gets one only with the token"
    ) in err
    assert "unencrypted" in err


def test_a_token_from_a_file_or_the_environment(tmp_path: Path) -> None:
    plan = tmp_path / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    secret = tmp_path / "token"
    secret.write_text("from-a-file-0123456789\n", encoding="utf-8")
    for args, env, token in (
        (("--token-file", str(secret)), {"POSTTUI_TOKEN": "ignored"}, "from-a-file-0123456789"),
        ((), {"POSTTUI_TOKEN": "from-the-environment"}, "from-the-environment"),
    ):
        server = Served(plan, "--lang", "en", *args, env=env)
        try:
            server.wait_until_listening()
            assert server.token == token
            assert get(f"{server.origin}/?token={token}")[0] == 200
            assert get(f"{server.origin}/?token=ignored")[0] == 403
        finally:
            server.kill()
    empty = tmp_path / "empty"
    empty.write_text("\n", encoding="utf-8")
    for file, said in ((empty, "holds no token"), (tmp_path / "missing", "cannot read the token")):
        result = subprocess.run(
            [
                str(POSTTUI),
                "serve",
                str(plan),
                "--port",
                str(free_port()),
                "--lang",
                "en",
                "--token-file",
                str(file),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 2 and said in result.stderr and result.stdout == ""


# ---- a served editor saves only beside its plan ----


def test_a_served_editor_saves_only_a_plan_in_its_own_folder(tmp_path: Path) -> None:
    from posttui.core.confine import confined

    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "link.post.toml").symlink_to(tmp_path / "elsewhere.post.toml")
    here = folder.resolve()
    assert confined("mine.post.toml", folder) == here / "mine.post.toml"
    assert confined(str(folder / "mine.post.toml"), folder) == here / "mine.post.toml"
    site = Path(sys.prefix) / "lib" / "site-packages"
    for text in (
        str(site / "evil.pth"),  # what the attack wrote: code for the next Python to run
        str(site / "evil.post.toml"),
        "../mine.post.toml",
        "sub/mine.post.toml",
        "evil.pth",
        ".post.toml",
        "link.post.toml",  # a symlink out of the folder
        "/etc/cron.d/x.post.toml",
        "~/mine.post.toml",
    ):
        assert confined(text, folder) is None, text


async def test_save_as_in_a_served_editor_refuses_a_path_outside_the_plans_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from posttui.ui.app import PostApp
    from posttui.ui.screens.dialogs import SaveAs

    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "nordlys.post.toml"
    shutil.copy(SAMPLES / "nordlys-analytics.post.toml", plan)
    site = tmp_path / "venv" / "lib" / "python3.11" / "site-packages"
    site.mkdir(parents=True)
    monkeypatch.setenv("POSTTUI_SAVE_FOLDER", str(folder))  # as serve sets it
    app = PostApp(plan, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app._offer_save_as(None)  # "Save mine elsewhere", as the second tab offers it
        await pilot.pause()
        assert isinstance(app.screen, SaveAs)
        field = app.screen.query_one("#save-as-path")
        for attempt in (str(site / "evil.pth"), "../evil.post.toml"):
            field.value = attempt  # type: ignore[attr-defined]
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SaveAs), f"{attempt} was accepted"
        shown = [str(n.message) for n in app._notifications]
        assert any("in the browser a plan is saved only in its own folder" in m for m in shown)
        field.value = "mine.post.toml"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveAs)
    assert list(site.iterdir()) == [] and not (tmp_path / "evil.post.toml").exists()
    assert (folder / "mine.post.toml").exists()
