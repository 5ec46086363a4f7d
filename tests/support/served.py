"""A real `posttui serve` for tests: started, reached over HTTP and WebSocket, stopped."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp

POSTTUI = Path(sys.executable).parent / "posttui"


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


class Served:
    """A running `posttui serve` in a process group of its own, with the editors it starts."""

    def __init__(
        self,
        plan: Path,
        *args: str,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(POSTTUI), "serve", str(plan), "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # as in a terminal: Ctrl+C goes to the whole group
            env={**os.environ, **(env or {})},
            cwd=cwd,
        )
        self.origin = f"http://127.0.0.1:{self.port}"
        self.banner = ""
        self.url = ""
        self.token = ""

    def wait_until_listening(self, timeout: float = 20) -> None:
        """Until the port answers; then read the banner and the URL (with its token) in it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.communicate()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise AssertionError("posttui serve never listened")
        assert self.process.stdout is not None
        # The banner is printed on start; wait for it no longer than for the port.
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        assert ready, "posttui serve printed no URL"
        self.banner = self.process.stdout.readline().decode()
        found = re.search(r"http://\S+", self.banner)
        assert found, self.banner
        self.url = found.group()
        self.token = self.url.partition("?token=")[2]

    def interrupt(self, timeout: float = 20) -> tuple[int, str, str]:
        """Ctrl+C, as a terminal sends it: SIGINT to every process of the group."""
        os.killpg(self.process.pid, signal.SIGINT)
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, self.banner + out.decode(), err.decode()

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


def get(url: str, headers: Mapping[str, str] | None = None) -> tuple[int, dict[str, Any], str]:
    """GET `url` as a plain HTTP client: the status, the headers and the body."""

    async def fetch() -> tuple[int, dict[str, Any], str]:
        jar = aiohttp.DummyCookieJar()  # cookies only as the test sends them
        async with (
            aiohttp.ClientSession(cookie_jar=jar) as session,
            session.get(url, headers=dict(headers or {}), allow_redirects=False) as response,
        ):
            return response.status, dict(response.headers), await response.text()

    return asyncio.run(fetch())


async def editor_output(
    session: aiohttp.ClientSession, url: str, headers: Mapping[str, str], timeout: float = 30
) -> bytes:
    """Open a WebSocket at `url` and read what the editor draws for a while: its bytes.
    Raises aiohttp.WSServerHandshakeError (with `.status`) when the server refuses."""
    received = bytearray()

    async def read() -> None:
        async with session.ws_connect(url, headers=dict(headers)) as ws:
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            while len(received) < 2000:
                message = await ws.receive()
                if message.type == aiohttp.WSMsgType.BINARY:
                    received.extend(message.data)
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    return

    with contextlib.suppress(TimeoutError):  # what came within the time is the answer
        await asyncio.wait_for(read(), timeout)
    return bytes(received)


def websocket_status(url: str, headers: Mapping[str, str]) -> int:
    """The HTTP status the server answers a WebSocket handshake with (101: accepted)."""

    async def handshake() -> int:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as session:
            try:
                async with session.ws_connect(url, headers=dict(headers)) as ws:
                    await ws.close()
                    return 101
            except aiohttp.WSServerHandshakeError as refused:
                return refused.status

    return asyncio.run(handshake())
