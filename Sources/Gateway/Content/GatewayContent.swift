import ContentAddressing

/// What a gateway serves: blocks by CID and, optionally, a site served at `/` on plain hosts.
/// The gateway asks for one snapshot per request, so a request never mixes two versions of the content.
public protocol GatewayContent: Sendable {
    /// The content as it is now.
    func snapshot() -> ContentSnapshot
}

/// One consistent view of the content: every CID under `/ipfs/` resolves in `blocks`.
public struct ContentSnapshot: Sendable {
    /// Where every block comes from.
    public let blocks: any BlockStore
    /// The DAG served at `/` on hosts that are neither a subdomain gateway (`<cid>.ipfs.localhost`) nor under `/ipfs/`,
    /// as a DNSLink gateway serves a domain; nil shows `roots` as an index page there instead.
    public let siteRoot: CID?
    /// The DAGs this content is made of (a CAR's roots), listed on the index page when there is no site root.
    public let roots: [CID]

    /// A snapshot; `siteRoot` defaults to the only root when there is exactly one.
    public init(blocks: any BlockStore, roots: [CID], siteRoot: CID? = nil) {
        self.blocks = blocks
        self.roots = roots
        self.siteRoot = siteRoot ?? (roots.count == 1 ? roots.first : nil)
    }
}
