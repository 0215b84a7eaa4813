import Hummingbird

/// What an authoring preview adds to the gateway: its own routes, answered before the gateway sees the request,
/// and a snippet (its live-reload script) put into the HTML pages the gateway sends.
public struct PreviewHooks: Sendable {
    /// Requests whose path starts with this (e.g. `/.blogctl/`) go to `routes`, never to the gateway.
    public var pathPrefix: String
    /// The preview's responder, e.g. a Hummingbird `Router` with `GET /.blogctl/events` (server-sent events).
    public var routes: any HTTPResponder<BasicRequestContext>
    /// Inserted before `</body>` of every full 200 `text/html` response; such pages get their own ETag.
    public var htmlSnippet: String?

    public init<Routes: HTTPResponderBuilder>(pathPrefix: String, routes: Routes, htmlSnippet: String?)
    where Routes.Responder.Context == BasicRequestContext {
        self.pathPrefix = pathPrefix
        self.routes = routes.buildResponder()
        self.htmlSnippet = htmlSnippet
    }
}
