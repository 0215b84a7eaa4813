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
    /// Paths resolved in these blocks, reused by later requests.
    let resolutions = ResolutionCache()

    /// A snapshot; `siteRoot` defaults to the only root when there is exactly one.
    public init(blocks: any BlockStore, roots: [CID], siteRoot: CID? = nil) {
        self.blocks = blocks
        self.roots = roots
        self.siteRoot = siteRoot ?? (roots.count == 1 ? roots.first : nil)
    }
}

extension ContentSnapshot {
    /// The form of `cid` the blocks are stored under: a subdomain can only carry a CIDv1, whose DAG may have been
    /// imported as CIDv0 (`Qm…`); both name the same dag-pb block.
    func storedForm(of cid: CID) throws -> CID {
        guard cid.version == 1, cid.codec == CID.dagPB, cid.multihash.code == Multihash.sha256Code,
              cid.multihash.digest.count == 32, try !blocks.has(cid) else { return cid }
        let v0 = CID.v0(cid.multihash)
        return try blocks.has(v0) ? v0 : cid
    }
}
