/// The script the preview puts into every HTML page it sends (never into the site's DAG): it
/// listens to `/.blogctl/events` while the page is shown, follows a rebuild to the new root (on
/// the path and subdomain gateway forms the root is in the URL), and shows a failed build's
/// error over the page.
enum ReloadScript {
    static let eventsPath = "/.blogctl/events"

    static let snippet = """
        <script data-blogctl-preview>
        (function () {
          "use strict";
          var overlay = null;
          function show(message) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "blogctl-build-error";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;margin:0;padding:1em 1.25em;" +
                "background:#7f1d1d;color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;" +
                "box-shadow:0 2px 8px rgba(0,0,0,.4)";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "blogctl: the build failed; this is the last good site.\\n" + message;
          }
          function follow(root) {
            var path = location.pathname, host = location.hostname, rest = location.search + location.hash;
            var onPath = path.match(/^\\/ipfs\\/([^\\/]+)(\\/.*)?$/);
            if (onPath && onPath[1] !== root) { location.replace("/ipfs/" + root + (onPath[2] || "/") + rest); return; }
            var onHost = host.match(/^([a-z2-7]+)\\.ipfs\\.(.+)$/);
            if (onHost && onHost[1] !== root) {
              location.replace(location.protocol + "//" + root + ".ipfs." + onHost[2] + (location.port ? ":" + location.port : "") + path + rest);
              return;
            }
            location.reload();
          }
          var events = null, root = null;
          function connect() {
            events = new EventSource("\(eventsPath)");
            events.addEventListener("hello", function (event) {
              var state = JSON.parse(event.data);
              // A page back from the back/forward cache, or a restarted server, may be behind.
              if (root !== null && state.root !== root) { follow(state.root); return; }
              root = state.root;
              if (state.error) { show(state.error); } else if (overlay) { overlay.remove(); overlay = null; }
            });
            events.addEventListener("reload", function (event) { follow(JSON.parse(event.data).root); });
            events.addEventListener("build-error", function (event) { show(JSON.parse(event.data).message); });
          }
          // An open stream holds one of the six connections a browser allows per host: a page
          // kept in the back/forward cache gives it back, or the seventh page would never load.
          window.addEventListener("pagehide", function () { events.close(); });
          window.addEventListener("pageshow", function (event) { if (event.persisted) { connect(); } });
          connect();
        })();
        </script>

        """
}
