/// The shared worker through which all the open pages of one origin listen to
/// `/.blogctl/events`: a browser allows six HTTP/1.1 connections per host, so a stream per tab
/// would leave the seventh tab of the preview unable to load. It holds one stream, tells each
/// page that connects the current state (as a `hello`) and passes every event on to every page.
enum EventsWorker {
    static let path = "/.blogctl/events-worker.js"

    static let script = """
        "use strict";
        var pages = [], state = null, source = null;
        function pass(name, data) {
          pages.forEach(function (page) { page.postMessage({ name: name, data: data }); });
        }
        function listen() {
          source = new EventSource("\(ReloadScript.eventsPath)");
          source.addEventListener("hello", function (event) {
            state = JSON.parse(event.data);
            pass("hello", state);
          });
          source.addEventListener("reload", function (event) {
            var data = JSON.parse(event.data);
            state = { root: data.root };
            pass("reload", data);
          });
          source.addEventListener("build-error", function (event) {
            var data = JSON.parse(event.data);
            state = { root: state ? state.root : "", error: data.message };
            pass("build-error", data);
          });
        }
        onconnect = function (event) {
          var page = event.ports[0];
          pages.push(page);
          page.onmessage = function (message) {
            if (message.data === "bye") { pages.splice(pages.indexOf(page), 1); }
          };
          if (state) { page.postMessage({ name: "hello", data: state }); }
          if (!source) { listen(); }
        };

        """
}
