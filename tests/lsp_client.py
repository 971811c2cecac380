"""A minimal Language Server Protocol client over stdio: open files, collect diagnostics.

Enough of LSP to drive the YAML language server the way an editor does (VS Code's YAML extension
runs the same server): initialize, push settings, open each document, wait for its diagnostics.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, Any, Self

Message = dict[str, Any]
_TIMEOUT = 60.0


class LspClient:
    """One server process; requests are answered in order, notifications are queued."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self._settings = settings
        self._process = subprocess.Popen(  # noqa: S603 - a fixed command from the test
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._inbox: queue.Queue[Message] = queue.Queue()
        self._next_id = 0
        assert self._process.stdout is not None
        threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True).start()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self._process.kill()
        self._process.wait()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()

    def initialize(self, root: Path) -> None:
        self.request(
            "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self._settings})

    def diagnostics(self, paths: list[Path]) -> dict[Path, list[Message]]:
        """Open every file and return the diagnostics the server publishes for each."""
        uris = {path.resolve().as_uri(): path for path in paths}
        for uri, path in uris.items():
            text = path.read_text(encoding="utf-8")
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": document})
        found: dict[Path, list[Message]] = {}
        while len(found) < len(uris):
            message = self._receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params["uri"] in uris:
                found[uris[params["uri"]]] = list(params["diagnostics"])
        return found

    def request(self, method: str, params: Message) -> Message:
        self._next_id += 1
        self._send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        while True:
            message = self._receive()
            if message.get("id") == self._next_id and "method" not in message:
                return message

    def notify(self, method: str, params: Message) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _receive(self) -> Message:
        message = self._inbox.get(timeout=_TIMEOUT)
        if "id" in message and "method" in message:  # a request from the server
            self._answer(message)
        return message

    def _answer(self, request: Message) -> None:
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            result = [self._settings.get(item.get("section", ""), {}) for item in items]
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def _send(self, message: Message) -> None:
        body = json.dumps(message).encode()
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while (line := stream.readline()) not in {b"\r\n", b""}:
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not length:
                return
            self._inbox.put(json.loads(stream.read(length)))
