/// The script the preview puts into every HTML page it sends (never into the site's DAG): while
/// the page is shown it listens to `/.blogctl/events` (through `EventsWorker`, shared by the
/// pages of its origin), follows a rebuild to the new root (on the path and subdomain gateway
/// forms the root is in the URL), and shows a failed build's error over the page.
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
          var root = null, channel = null;
          function receive(name, data) {
            if (name === "hello") {
              // A page back from the back/forward cache, or a restarted server, may be behind.
              if (root !== null && data.root !== root) { follow(data.root); return; }
              root = data.root;
              if (data.error) { show(data.error); } else if (overlay) { overlay.remove(); overlay = null; }
            } else if (name === "reload") {
              follow(data.root);
            } else if (name === "build-error") {
              show(data.message);
            }
          }
          // One stream for all the pages of this origin, through a shared worker where there is one.
          function connect() {
            if (window.SharedWorker) {
              var worker = new SharedWorker("\(EventsWorker.path)");
              worker.port.onmessage = function (message) { receive(message.data.name, message.data.data); };
              worker.port.start();
              channel = { close: function () { worker.port.postMessage("bye"); worker.port.close(); } };
              return;
            }
            channel = new EventSource("\(eventsPath)");
            ["hello", "reload", "build-error"].forEach(function (name) {
              channel.addEventListener(name, function (event) { receive(name, JSON.parse(event.data)); });
            });
          }
          // A page kept in the back/forward cache lets go of the stream until it is shown again.
          window.addEventListener("pagehide", function () { channel.close(); });
          window.addEventListener("pageshow", function (event) { if (event.persisted) { connect(); } });
          connect();
        })();
        </script>

        """
}
