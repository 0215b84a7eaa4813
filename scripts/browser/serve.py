"""A `blogctl serve SITE_DIR --port 0` child process: the URLs it prints, its stderr, Ctrl-C."""
import http.client
import os
import re
import signal
import subprocess
import threading
import time
import urllib.parse


class CheckFailed(Exception):
    """A check that did not hold; its message says which and why."""


class Serve:
    def __init__(self, blogctl, site):
        self.process = subprocess.Popen([blogctl, "serve", site, "--port", "0"], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_for(lambda line: "Ctrl-C stops." in line, 300, "the URLs")
        self.site = self._url("site:")
        self.path_gateway = self._url("path gateway:")
        self.subdomain = self._url("subdomain:")
        self.port = urllib.parse.urlsplit(self.site).port

    def _read(self):
        for line in self.process.stderr:
            self.lines.append(line.rstrip("\n"))

    def _url(self, label):
        for line in self.lines:
            if line.strip().startswith(label):
                return line.split()[-1]
        raise CheckFailed(f"blogctl serve printed no '{label}' URL:\n" + "\n".join(self.lines))

    def wait_for(self, matches, timeout, what, since=0):
        """The first stderr line from the `since`th on that `matches`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[since:]:
                if matches(line):
                    return line
            if self.process.poll() is not None:
                self._reader.join(5)
                break
            time.sleep(0.05)
        raise CheckFailed(f"blogctl serve: no {what} within {timeout} s; stderr:\n" + "\n".join(self.lines))

    def root(self, url):
        """The root CID in a path or subdomain gateway URL."""
        parts = urllib.parse.urlsplit(url)
        match = re.match(r"^/ipfs/([^/]+)/", parts.path) or re.match(r"^([a-z2-7]+)\.ipfs\.", parts.hostname)
        return match.group(1) if match else None

    def fetch(self, url):
        """Status, content type and body of a GET, connecting to 127.0.0.1 whatever the host name
        (glibc does not resolve *.localhost; Chromium does)."""
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=30)
        try:
            connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Host": parts.netloc})
            response = connection.getresponse()
            return response.status, response.getheader("Content-Type", ""), response.read()
        finally:
            connection.close()

    def stop(self):
        """Ctrl-C; fails unless blogctl exits 0 within 20 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise CheckFailed("blogctl serve did not stop within 20 s of Ctrl-C")
        self._reader.join(5)
        if self.process.returncode != 0:
            raise CheckFailed(f"blogctl serve exited with {self.process.returncode} after Ctrl-C:\n" + "\n".join(self.lines[-5:]))


class SiteSources:
    """The site folder being previewed, edited as an author edits it."""

    def __init__(self, folder):
        self.folder = folder

    def path(self, relative):
        return os.path.join(self.folder, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as file:
            return file.read()

    def write(self, relative, text):
        """As most editors save: a temporary file renamed over the original."""
        temporary = self.path(relative) + ".blogctl-edit"
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, self.path(relative))

    def replace(self, relative, old, new):
        text = self.read(relative)
        if old not in text:
            raise CheckFailed(f"{relative} does not hold {old!r}")
        self.write(relative, text.replace(old, new, 1))
