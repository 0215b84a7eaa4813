"""Headless Chromium (Debian's) through Debian's chromedriver, with every request and console
message of the pages it loads collected from its logs (CDP Network events, console)."""
import base64
import json
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import JavascriptException, TimeoutException
from selenium.webdriver.chrome.service import Service

from serve import CheckFailed

LOOPBACK_HOSTS = ("127.0.0.1", "localhost")


def is_loopback(url):
    host = urllib.parse.urlsplit(url).hostname or ""
    return host in LOOPBACK_HOSTS or host.endswith(".localhost")


class Browser:
    def __init__(self, chromium, chromedriver):
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,900", "--hide-scrollbars", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-default-apps", "--disable-extensions", "--disable-features=Translate,MediaRouter"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        # chromedriver's "normal" page load also waits for the events stream, which never ends:
        # `open` waits for the load event itself.
        options.page_load_strategy = "eager"
        self.driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        self.driver.set_page_load_timeout(30)
        self.requests = 0
        self.failures = []
        self._types = {}

    def quit(self):
        self.driver.quit()

    def open(self, url):
        """Loads `url`; its failed requests and console errors are collected by `drain`."""
        try:
            self.driver.get(url)
        except TimeoutException:
            raise CheckFailed(f"{url} did not load within 30 s (after {self.requests} requests)") from None
        self.wait_until(lambda: self.script("return document.readyState") == "complete", 30, f"{url} loaded")
        self.drain(context=url)

    def drain(self, context):
        """Adds to `failures` every failed request and console error logged since the last drain."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            self._network_event(message["method"], message.get("params", {}), context)
        for entry in self.driver.get_log("browser"):
            if entry["level"] == "SEVERE":
                self.failures.append(f"console error on {context}: {entry['message']}")

    def _network_event(self, method, params, context):
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            self._types[params["requestId"]] = (params.get("type"), url)
            self.requests += 1
            if not url.startswith("data:") and not is_loopback(url):
                self.failures.append(f"request off this machine from {context}: {url}")
        elif method == "Network.responseReceived":
            response = params["response"]
            if response["status"] >= 400:
                self.failures.append(f"HTTP {response['status']} for {response['url']} (from {context})")
        elif method == "Network.loadingFailed":
            kind, url = self._types.get(params["requestId"], (params.get("type"), "?"))
            # Leaving a page cancels its events stream; that is not a failure.
            if params.get("canceled") and kind == "EventSource":
                return
            self.failures.append(f"request failed: {url} ({params.get('errorText')}) from {context}")

    def script(self, source, *arguments):
        return self.driver.execute_script(source, *arguments)

    def wait_until(self, condition, timeout, what):
        """Polls `condition()` (page scripts may be mid-navigation) until it is true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except (JavascriptException, TimeoutException):
                pass
            time.sleep(0.1)
        raise CheckFailed(f"{what}: not within {timeout} s (page {self.driver.current_url})")

    def color_scheme(self, scheme):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def screenshot(self, path):
        """The whole page, not only the window."""
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics["cssContentSize"]
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))
