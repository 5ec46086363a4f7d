"""`posttui serve`: the editor in a browser, as a user starts, opens and stops it."""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Route, sync_playwright

from browser import chromium, colours, pixels
from posttui.cli import parser
from posttui.cli.serve import editor_command

SAMPLES = Path(__file__).parent.parent / "sample_plans"
POSTTUI = Path(sys.executable).parent / "posttui"
TITLE = "Nordlys Analytics \u2013 social media plan 2027"


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


class Served:
    """A running `posttui serve` in a process group of its own, with the editors it starts."""

    def __init__(self, plan: Path, *args: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(POSTTUI), "serve", str(plan), "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # as in a terminal: Ctrl+C goes to the whole group
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_until_listening(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.communicate()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("posttui serve never listened")

    def interrupt(self, timeout: float = 20) -> tuple[int, str, str]:
        """Ctrl+C, as a terminal sends it: SIGINT to every process of the group."""
        os.killpg(self.process.pid, signal.SIGINT)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out.decode(), err.decode()

    def group_alive(self) -> bool:
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def kill(self) -> None:
        """The server and every editor it started, whatever state the test left them in."""
        if self.group_alive():
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


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


def local_only(route: Route) -> None:
    """The page asks for a web font from the internet: the test stays offline."""
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def test_the_browser_shows_the_plan_and_ctrl_c_stops_everything(served: Served) -> None:
    received: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.route("**/*", local_only)
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
            for text in (TITLE, "Findings (10)"):
                deadline = time.monotonic() + 30
                while text not in "".join(received) and time.monotonic() < deadline:
                    page.wait_for_timeout(100)
                assert text in "".join(received), f"the editor never drew {text!r}"
            page.wait_for_timeout(500)
            shot = page.screenshot()
            code, out, err = served.interrupt()  # with the editor open in the page
        finally:
            browser.close()
    width, height, _ = pixels(shot)
    bright = sum(n for (r, g, b), n in colours(shot).items() if r + g + b > 400)
    assert bright > width * height // 100, "the terminal in the page is (nearly) empty"
    assert code == 0, err
    assert (
        out.splitlines()[0]
        == f"posttui serve: {served.process.args[2]} at {served.url} (Ctrl+C stops)"
    )
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
    assert words == [sys.executable, "-m", "posttui", "edit", str(plan), "--lang", "nb"]
    assert shlex.split(editor_command(plan, None))[-1] == str(plan)


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
