/// Where and how the gateway's HTTP server listens.
public struct GatewayConfiguration: Sendable {
    /// The address to bind; loopback by default. Anything else exposes the content to the network.
    public var host: String
    /// The port; 0 picks a free one (tests), reported by `GatewayServer.run(onListening:)`.
    public var port: Int
    /// A connection that sends nothing for this long is closed: idle keep-alive connections, and requests whose
    /// head is still incomplete (a slow, half-sent request does not count as activity).
    public var idleTimeout: Duration
    /// The most bytes of request headers accepted; a request with more gets 400 and its connection is closed.
    public var maxHeaderBytes: Int
    /// The most bytes of a request target (path and query); longer ones get 414.
    public var maxTargetLength: Int
    /// Host names whose subdomains are `<cid>.ipfs.<host>`.
    public var subdomainHosts: [String]

    public init(host: String = "127.0.0.1", port: Int = 8080, idleTimeout: Duration = .seconds(30), maxHeaderBytes: Int = 16 * 1024,
                maxTargetLength: Int = 8192, subdomainHosts: [String] = ["localhost"]) {
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.maxHeaderBytes = maxHeaderBytes
        self.maxTargetLength = maxTargetLength
        self.subdomainHosts = subdomainHosts
    }

    /// Whether `host` is a loopback address, reachable from this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
