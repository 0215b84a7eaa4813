#!/usr/bin/env python3
"""blogctl serve SITE_DIR in a real browser (Debian's headless Chromium through Selenium).

On each URL form (the site at /, /ipfs/<cid>/, <cid>.ipfs.localhost) it follows every internal
link and fails on any failed request, console error, request off this machine or link that
leaves the form's URL prefix; it saves screenshots of the home page and a post, light and dark;
it types a query on the search page and follows the first result to its post;
then it edits a post and checks that the open page reloads by itself (following the new root
on the path and subdomain forms), and breaks a front matter to check the error overlay comes
and goes. SITE_DIR is changed: give it a copy."""
import argparse
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import Browser, is_loopback  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from serve import CheckFailed, Serve, SiteSources  # noqa: E402

MATH_PATH = "posts/content-addressing-with-a-grocery-list/"
EMBED_PATH = "posts/moving-this-blog-to-ipfs/"
POST_SOURCE = "content/posts/2025-01-19-reproducible-builds.md"
POST_PATH = "posts/reproducible-blog-builds/"
BROKEN_SOURCE = "content/posts/2024-02-11-moving-this-blog-to-ipfs.md"
SEARCH_QUERY = "Sourdou"  # typed as a reader would: a prefix, capitalised
SEARCH_TITLE = "Notes from a year of sourdough"
SEARCH_PATH = "posts/a-year-of-sourdough/"
OVERLAY = "blogctl-build-error"


def crawl(browser, serve, start, published_host):
    """Every page reachable from `start` by internal links; fails on a link leaving `start`."""
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(start))
    queue, seen, pages, links = [start], {start}, [], 0
    while queue:
        url = queue.pop(0)
        status, media_type, _ = serve.fetch(url)
        if status >= 400:
            raise CheckFailed(f"HTTP {status} for {url}")
        if not media_type.startswith("text/html"):
            continue  # feeds, images, files: fetched above, not rendered
        browser.open(url)
        pages.append(url)
        for href in browser.script("return Array.from(document.querySelectorAll('a[href]'), a => a.href)"):
            target = urllib.parse.urldefrag(href)[0]
            host = urllib.parse.urlsplit(target).hostname or ""
            # This machine's other origins and the published site's address are the site too:
            # a link there has escaped the form being checked.
            if not (target.startswith(origin + "/") or is_loopback(target) or host == published_host):
                continue  # another site
            links += 1
            if not target.startswith(start):
                raise CheckFailed(f"{url} links to {href}, outside {start}")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages, links


def latest_root(serve, since):
    line = serve.wait_for(lambda line: line.startswith("rebuilt in "), 60, "rebuild", since)
    return line.rsplit(" ", 1)[-1]


def check_search(browser, name, start, screenshot=None):
    """The search page at `start` + search/: typing a query shows results (from the index beside
    the page, nothing from another origin), and the first result's link opens the right post."""
    browser.open(start + "search/")
    field = browser.driver.find_element("id", "search-input")
    field.send_keys(SEARCH_QUERY)
    browser.wait_until(lambda: browser.script(
        "var a = document.querySelector('#search-results a'); return a !== null && a.textContent === arguments[0]",
        SEARCH_TITLE), 30, f"{name}: a search result for '{SEARCH_QUERY}'")
    shown = browser.script("return document.getElementById('search-status').textContent")
    if screenshot:
        browser.screenshot(screenshot)
    fetched = browser.script("return performance.getEntriesByType('resource').map(e => e.name)")
    if not any("/search/index.json" in url for url in fetched) or not any("/search/terms/" in url for url in fetched):
        raise CheckFailed(f"{name}: the search page did not load its index beside it: {fetched}")
    browser.driver.find_element("css selector", "#search-results a").click()
    browser.wait_until(lambda: browser.driver.current_url.endswith(SEARCH_PATH)
                       and browser.script("return document.readyState") == "complete", 30, f"{name}: the result's post opened")
    if not browser.driver.current_url.startswith(start):
        raise CheckFailed(f"{name}: the result led to {browser.driver.current_url}, outside {start}")
    heading = browser.script("return document.querySelector('h1') && document.querySelector('h1').textContent")
    if SEARCH_TITLE not in (heading or ""):
        raise CheckFailed(f"{name}: the result opened a page headed {heading!r}")
    browser.drain(context=f"{name} search")
    return shown


def check_reload(browser, serve, sources, name, post_url, round_number, through_history=False):
    """The open post reloads by itself after its source is saved, showing the new text; with
    `through_history`, a post the browser went back to (from its back/forward cache)."""
    browser.open(post_url)
    browser.script("window.blogctlNotReloaded = true")
    if through_history:
        browser.open(post_url.removesuffix(POST_PATH))
        browser.driver.back()
        browser.wait_until(lambda: browser.script("return document.readyState") == "complete", 30, "back to the post")
        if not browser.script("return window.blogctlNotReloaded === true"):
            raise CheckFailed(f"{name}: going back loaded the post again instead of taking it from the back/forward cache")
    text = f"Edited while the page was open ({round_number})."
    since = len(serve.lines)
    sources.write(POST_SOURCE, sources.read(POST_SOURCE) + f"\n{text}\n")
    root = latest_root(serve, since)
    browser.wait_until(lambda: browser.script(
        "return !window.blogctlNotReloaded && document.readyState === 'complete' && document.body.innerText.includes(arguments[0])",
        text), 30, f"{name}: the open post reloaded with the new text")
    current = browser.driver.current_url
    if serve.root(post_url) is not None and serve.root(current) != root:
        raise CheckFailed(f"{name}: the page stayed at {current}, not the new root {root}")
    if not current.endswith(POST_PATH):
        raise CheckFailed(f"{name}: the reload left the post for {current}")
    browser.drain(context=current)
    return root, current


def check_tabs(browser, serve, sources, count):
    """`count` tabs open on one origin, more than the six connections a browser allows a host:
    each loads, and one save reloads every one of them."""
    first = browser.driver.current_window_handle
    tabs = []
    for number in range(count):
        if number:
            browser.driver.switch_to.new_window("tab")
        browser.open(serve.site + (POST_PATH if number % 2 else ""))
        browser.script("window.blogctlNotReloaded = true")
        tabs.append(browser.driver.current_window_handle)
    since = len(serve.lines)
    sources.write(POST_SOURCE, sources.read(POST_SOURCE) + "\nSeen in every tab.\n")
    latest_root(serve, since)
    for number, tab in enumerate(tabs, start=1):
        browser.driver.switch_to.window(tab)
        browser.wait_until(lambda: browser.script("return !window.blogctlNotReloaded && document.readyState === 'complete'"),
                           30, f"tab {number} of {count} reloaded")
        browser.drain(context=f"tab {number}")
        if tab != first:
            browser.driver.close()
    browser.driver.switch_to.window(first)


def check_overlay(browser, serve, sources, post_url, screenshot):
    """A broken front matter shows the error over the open page (saved to `screenshot`); fixing it takes it away."""
    browser.open(post_url)
    browser.script("window.blogctlNotReloaded = true")
    good = sources.read(BROKEN_SOURCE)
    since = len(serve.lines)
    sources.replace(BROKEN_SOURCE, "title: Moving this blog to IPFS", "title: [Moving this blog to IPFS")
    serve.wait_for(lambda line: "(the last good site is still served)" in line, 60, "error line", since)
    browser.wait_until(lambda: browser.script(f"return document.getElementById('{OVERLAY}') !== null"), 30, "the error overlay")
    shown = browser.script(f"return document.getElementById('{OVERLAY}').textContent")
    if not re.search(re.escape(BROKEN_SOURCE) + r":\d+:\d+: ", shown):
        raise CheckFailed(f"the overlay does not name {BROKEN_SOURCE}:line:col: {shown!r}")
    browser.screenshot(screenshot)
    sources.write(BROKEN_SOURCE, good)
    browser.wait_until(lambda: browser.script(
        f"return !window.blogctlNotReloaded && document.readyState === 'complete' && document.getElementById('{OVERLAY}') === null"),
        30, "the overlay gone after the fix")
    browser.drain(context=browser.driver.current_url)
    return shown.splitlines()[-1]


def screenshots(browser, home, post, folder):
    os.makedirs(folder, exist_ok=True)
    saved = []
    for scheme in ("light", "dark"):
        browser.color_scheme(scheme)
        for name, url in (("home", home), ("post", post)):
            browser.open(url)
            path = os.path.join(folder, f"{name}-{scheme}.png")
            browser.screenshot(path)
            saved.append(path)
    browser.color_scheme("light")
    return saved


def check_writing(browser, site, folder):
    """The post with code is coloured by the highlight style sheet, and every formula of the post
    with math is typeset by KaTeX (no KaTeX error, its fonts loaded); screenshots of both."""
    browser.open(site + POST_PATH)
    colours = browser.script(
        "return Array.from(document.querySelectorAll('.chroma span[class]'), e => getComputedStyle(e).color)")
    plain = browser.script("return getComputedStyle(document.querySelector('.chroma')).color")
    if len(set(colours) - {plain}) < 2:
        raise CheckFailed(f"{POST_PATH}: code is not coloured ({len(colours)} tokens, colours {sorted(set(colours))})")
    browser.screenshot(os.path.join(folder, "post-code.png"))
    browser.open(site + MATH_PATH)
    browser.wait_until(lambda: browser.script(
        "return document.querySelectorAll('span.math').length > 0 && "
        "document.querySelectorAll('span.math').length === document.querySelectorAll('span.math > .katex, span.math .katex-display').length"),
        30, "KaTeX typeset every formula")
    counts = browser.script(
        "return [document.querySelectorAll('span.math').length, document.querySelectorAll('span.math-display .katex-display').length,"
        " document.querySelectorAll('.katex-error').length]")
    if counts[1] < 1 or counts[2]:
        raise CheckFailed(f"{MATH_PATH}: {counts[1]} display formulas, {counts[2]} KaTeX errors")
    browser.wait_until(lambda: browser.script("return document.fonts.check('16px KaTeX_Main')"), 30, "KaTeX's fonts loaded")
    browser.screenshot(os.path.join(folder, "post-math.png"))

    # A video embed is a card until clicked (the crawl saw no request leave this machine); a click
    # puts the player in its place. Its source is pointed at this server first, to stay on loopback.
    browser.open(site + EMBED_PATH)
    if browser.script("return document.querySelectorAll('.embed-video a').length") != 1 or browser.script("return document.querySelectorAll('iframe').length"):
        raise CheckFailed(f"{EMBED_PATH}: expected one video card and no player before a click")
    browser.screenshot(os.path.join(folder, "post-embed.png"))
    browser.script("const e = document.querySelector('.embed-video'); e.dataset.embedSrc = arguments[0]; e.querySelector('a').click()", site)
    browser.wait_until(lambda: browser.script("const f = document.querySelector('.embed-video iframe'); return f !== null && f.src === arguments[0]", site),
                       30, "the player replaced the card after a click")
    return counts[0], len(colours)


def published_host(site):
    match = re.search(r"^base_url:\s*(\S+)", SiteSources(site).read("site.yml"), re.MULTILINE)
    return urllib.parse.urlsplit(match.group(1)).hostname if match else None


def run(arguments):
    sources = SiteSources(arguments.site)
    serve = Serve(arguments.blogctl, arguments.site)
    browser = None
    try:
        browser = Browser(arguments.chromium, arguments.chromedriver)
        print(f"browser-test: blogctl serve {arguments.site} on port {serve.port}; {browser.driver.capabilities['browserVersion']}")
        forms = [("site", serve.site), ("path gateway", serve.path_gateway), ("subdomain", serve.subdomain)]
        host = published_host(arguments.site)
        for name, start in forms:
            pages, links = crawl(browser, serve, start, host)
            print(f"  {name}: {len(pages)} pages from {start}, {links} internal links followed, none outside it")
        for path in screenshots(browser, serve.site, serve.site + POST_PATH, arguments.screenshots):
            print(f"  screenshot: {path}")
        formulas, tokens = check_writing(browser, serve.site, arguments.screenshots)
        print(f"  writing: {tokens} coloured code tokens on {POST_PATH}, {formulas} formulas typeset by KaTeX on {MATH_PATH}, "
              f"a video card on {EMBED_PATH} that became a player only when clicked")
        for name, start in forms:
            shot = os.path.join(arguments.screenshots, "search.png") if name == "site" else None
            shown = check_search(browser, name, start, shot)
            print(f"  {name}: typing '{SEARCH_QUERY}' on the search page showed '{shown}'; the first result opened {SEARCH_PATH}"
                  + (f" (screenshot: {shot})" if shot else ""))
        root = serve.root(serve.path_gateway)
        for number, (name, _) in enumerate(forms, start=1):
            start = {"site": serve.site, "path gateway": f"http://127.0.0.1:{serve.port}/ipfs/{root}/",
                     "subdomain": f"http://{root}.ipfs.localhost:{serve.port}/"}[name]
            root, landed = check_reload(browser, serve, sources, name, start + POST_PATH, number)
            print(f"  {name}: an edit of {POST_SOURCE} reloaded the open post by itself, now {landed}")
        check_reload(browser, serve, sources, "site", serve.site + POST_PATH, len(forms) + 1, through_history=True)
        print("  site: so did an edit after going back to the post (from the back/forward cache)")
        check_tabs(browser, serve, sources, 8)
        print("  site: 8 tabs open at once all loaded, and one edit reloaded each of them")
        overlay = os.path.join(arguments.screenshots, "post-build-error.png")
        shown = check_overlay(browser, serve, sources, serve.site + POST_PATH, overlay)
        print(f"  the error overlay showed '{shown}' ({overlay}) and went away once fixed")
        browser.drain(context="the end")
        if browser.failures:
            raise CheckFailed(f"{len(browser.failures)} failures:\n  " + "\n  ".join(browser.failures[:40]))
        print(f"  {browser.requests} requests made by the pages, none failed, no console errors")
    finally:
        if browser:
            browser.quit()
        serve.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blogctl", required=True)
    parser.add_argument("--site", required=True, help="a copy of SampleSite (it is edited)")
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    try:
        run(parser.parse_args())
    except CheckFailed as failure:
        print(f"browser-test: FAILED: {failure}", file=sys.stderr)
        return 1
    except WebDriverException as failure:
        print(f"browser-test: FAILED: the browser: {failure.msg}", file=sys.stderr)
        return 1
    print("browser-test: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
