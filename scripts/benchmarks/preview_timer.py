#!/usr/bin/env python3
"""Times a live preview server on a generated corpus (see scripts/bench-preview): start to the
first page of the site served, and saving a post to the reload message its open pages get, for
`blogctl serve` (server-sent events) and `hugo server` (livereload over a WebSocket), the anchor.

usage: preview_timer.py blogctl BLOGCTL SITE_DIR   |   preview_timer.py hugo HUGO_DIR SITE_DIR
       preview_timer.py table BLOGCTL_JSON HUGO_JSON
Measuring prints one JSON object of lists of seconds on stdout; the server's output goes to
SITE_DIR/../NAME-serve.log. `table` prints them side by side as a Markdown table."""
import base64
import http.client
import json
import os
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

TEXT_EDITS = [3649, 5000, 123, 7299, 9999, 2500, 8000, 42, 6001, 1000]
RETITLES = [3649, 4242, 9000]
NEW_POSTS = 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post_path(site, index):
    folder = os.path.join(site, "content", "posts")
    prefix = f"{index:06d}-"
    return os.path.join(folder, next(name for name in os.listdir(folder) if name.startswith(prefix)))


class Server:
    """A preview server process on a free port, and how long it took to serve the site's home page."""

    def __init__(self, command, site, log, ready_header=None):
        self.port = free_port()
        self.log = open(log, "a")
        started = time.perf_counter()
        self.process = subprocess.Popen([part.replace("PORT", str(self.port)) for part in command], cwd=site,
                                        stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        self.startup = self._wait_for_home(ready_header) - started

    def _wait_for_home(self, header):
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"preview_timer: the server exited with {self.process.returncode}; see {self.log.name}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                connection.request("GET", "/")
                response = connection.getresponse()
                response.read()
                if response.status == 200 and (header is None or response.getheader(header)):
                    return time.perf_counter()
            except OSError:
                pass
            time.sleep(0.01)
        sys.exit("preview_timer: the site was not served within 600 s")

    def peak_memory(self):
        """The process's peak resident memory so far, in bytes."""
        with open(f"/proc/{self.process.pid}/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class ReloadListener:
    """A thread reading the server's reload messages, each put in `arrivals` with its arrival time."""

    def __init__(self, port, kind):
        self.arrivals = queue.Queue()
        self.socket = socket.create_connection(("127.0.0.1", port), timeout=None)
        if kind == "blogctl":
            self.socket.sendall(f"GET /.blogctl/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
            reader = self._server_sent_events
        else:
            key = base64.b64encode(os.urandom(16)).decode()
            self.socket.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                                 f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
            reader = self._websocket
        self.stream = self.socket.makefile("rb")
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            head += self.stream.read(1)
        if kind == "hugo":
            self._send_text(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        threading.Thread(target=reader, daemon=True).start()

    def _server_sent_events(self):
        # Chunked: each event is one chunk; its size line comes first.
        name = None
        for line in self.stream:
            line = line.rstrip(b"\r\n")
            if line.startswith(b"event: "):
                name = line[7:].decode()
            elif line.startswith(b"data: ") and name == "reload":
                self.arrivals.put((time.perf_counter(), json.loads(line[6:])["root"]))

    def _websocket(self):
        while True:
            head = self.stream.read(2)
            if len(head) < 2:
                return  # the server closed the connection (hugo server stopped)
            first, second = head
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(self.stream.read(2), "big")
            elif length == 127:
                length = int.from_bytes(self.stream.read(8), "big")
            payload = self.stream.read(length)
            if first & 0x0F == 1 and json.loads(payload).get("command") == "reload":
                self.arrivals.put((time.perf_counter(), payload.decode()))

    def _send_text(self, text):
        data, mask = text.encode(), os.urandom(4)
        head = bytes([0x81, 0x80 | len(data)]) if len(data) < 126 else bytes([0x81, 0xFE]) + len(data).to_bytes(2, "big")
        self.socket.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def drain(self):
        while not self.arrivals.empty():
            self.arrivals.get()

    def time_to_reload(self, save):
        """Seconds from calling `save` (which writes a file) to the next reload message."""
        self.drain()
        started = time.perf_counter()
        save()
        try:
            arrived, _ = self.arrivals.get(timeout=120)
        except queue.Empty:
            sys.exit("preview_timer: no reload within 120 s of a save")
        time.sleep(0.5)  # let a second batch of the same save show up before the next one (drained)
        return arrived - started


def append_line(path, text):
    with open(path, "a") as file:
        file.write(f"\n{text}\n")


def retitle(path, title):
    with open(path) as file:
        source = file.read()
    with open(path, "w") as file:
        file.write(re.sub(r'^title: .*$', f'title: "{title}"', source, count=1, flags=re.MULTILINE))


def new_post(site, number):
    path = os.path.join(site, "content", "posts", f"9{number:05d}-written-during-the-benchmark.md")
    with open(path, "w") as file:
        file.write(f"---\ntitle: \"Written during the benchmark {number}\"\ndate: 2025-01-0{number}\n"
                   f"tags: [new-tag]\nsummary: \"A new post.\"\n---\n\nA new post, the newest.\n")


def measure(kind, tool, site):
    log = os.path.join(os.path.dirname(os.path.abspath(site)), f"{kind}-serve.log")
    if kind == "blogctl":
        command, header = [tool, "serve", ".", "--port", "PORT"], "X-Ipfs-Path"
    else:
        # --disableFastRender: every page is rebuilt, as blogctl does (fast render mode re-renders
        # only the pages a browser has open and the rest when they are visited).
        command = ["hugo", "server", "--source", ".", "--config", f"{tool}/hugo.toml", "--layoutDir", f"{tool}/layouts",
                   "--bind", "127.0.0.1", "--port", "PORT", "--disableFastRender"]
        header = None
    results = {}
    # Hugo keeps nothing between runs: its start is measured once, without a cache.
    for warm in (False, True) if kind == "blogctl" else (False,):
        name = "startup_warm" if warm else "startup_cold"
        results[name] = []
        for _ in range(3 if kind == "blogctl" else 2):
            if not warm:
                subprocess.run(["rm", "-rf", os.path.join(site, ".blogctl-cache")], check=True)
            server = Server(command, site, log, header)
            results[name].append(server.startup)
            server.stop()
    server = Server(command, site, log, header)
    listener = ReloadListener(server.port, kind)
    results["text_edit"] = [listener.time_to_reload(lambda: append_line(post_path(site, i), f"Edited {i}.")) for i in TEXT_EDITS]
    results["retitle"] = [listener.time_to_reload(lambda: retitle(post_path(site, i), f"Retitled {i}")) for i in RETITLES]
    results["new_post"] = [listener.time_to_reload(lambda: new_post(site, n)) for n in range(1, NEW_POSTS + 1)]
    results["peak_memory"] = [server.peak_memory()]
    server.stop()
    return results


ROWS = [
    ("startup_cold", "start to the home page served (no document cache)", None),
    ("startup_warm", "start to the home page served (document cache warm)", None),
    ("text_edit", "save to reload: a post's text", 0.150),
    ("retitle", "save to reload: a post's title", None),
    ("new_post", "save to reload: a new post (the newest)", 1.0),
]


def seconds(value):
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(blogctl, hugo):
    """A Markdown table: median (max, rounds) of each measure, side by side."""
    def cell(results, name):
        values = results.get(name)
        if not values:
            return ""
        return f"{seconds(statistics.median(values))} (max {seconds(max(values))}, {len(values)} rounds)"
    lines = ["| measure | blogctl serve | hugo server | goal |", "|---|---|---|---|"]
    for name, label, goal in ROWS:
        met = ""
        if goal is not None:
            met = f"< {seconds(goal)}: " + ("met" if max(blogctl[name]) < goal else "median met" if statistics.median(blogctl[name]) < goal else "missed")
        lines.append(f"| {label} | {cell(blogctl, name)} | {cell(hugo, name)} | {met} |")
    memory = [f"{results['peak_memory'][0] >> 20} MiB" for results in (blogctl, hugo)]
    lines.append(f"| peak memory of the server after the {len(TEXT_EDITS) + len(RETITLES) + NEW_POSTS} edits | {memory[0]} | {memory[1]} | |")
    return "\n".join(lines)


def main():
    if sys.argv[1] == "table":
        with open(sys.argv[2]) as a, open(sys.argv[3]) as b:
            print(table(json.load(a), json.load(b)))
        return
    kind, tool, site = sys.argv[1:4]
    print(json.dumps(measure(kind, tool, site)))


if __name__ == "__main__":
    main()
