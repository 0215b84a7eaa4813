/// How a UnixFS import turns bytes into a DAG: the IPIP-499 CID profiles.
public struct ImportProfile: Sendable, Hashable, CustomStringConvertible {
    /// How a directory's size is estimated when deciding whether to shard it.
    public enum DirectorySizeEstimate: Sendable, Hashable {
        /// Σ(len(name) + len(CID bytes)) over the entries (kubo's legacy estimate).
        case linksBytes
        /// The exact encoded length of the plain directory block.
        case blockBytes
    }

    /// The profile's IPIP-499 name, e.g. `unixfs-v1-2025`.
    public let name: String
    /// 0 or 1; CIDv0 implies dag-pb leaves.
    public let cidVersion: Int
    /// Leaves are raw blocks (codec 0x55) rather than dag-pb UnixFS File nodes.
    public let rawLeaves: Bool
    /// Bytes per leaf of the fixed-size chunker.
    public let chunkSize: Int
    /// At most this many links in one interior file node (balanced layout).
    public let maxLinks: Int
    /// A directory whose estimated size exceeds this becomes a HAMT shard.
    public let hamtThreshold: Int
    /// Which estimate is compared with `hamtThreshold`.
    public let directorySizeEstimate: DirectorySizeEstimate
    /// Buckets per HAMT shard node.
    public let hamtFanout: Int

    /// A custom profile; blogctl itself uses only the named ones.
    public init(name: String, cidVersion: Int, rawLeaves: Bool, chunkSize: Int, maxLinks: Int,
                hamtThreshold: Int, directorySizeEstimate: DirectorySizeEstimate, hamtFanout: Int = 256) {
        precondition(cidVersion == 1 || !rawLeaves, "CIDv0 cannot name raw leaves")
        precondition(chunkSize > 0 && maxLinks > 1 && hamtFanout == 256)
        self.name = name
        self.cidVersion = cidVersion
        self.rawLeaves = rawLeaves
        self.chunkSize = chunkSize
        self.maxLinks = maxLinks
        self.hamtThreshold = hamtThreshold
        self.directorySizeEstimate = directorySizeEstimate
        self.hamtFanout = hamtFanout
    }

    /// CIDv1, raw leaves, 1 MiB chunks, 1024 links, HAMT above 256 KiB of directory block.
    public static let unixfsV1_2025 = ImportProfile(
        name: "unixfs-v1-2025", cidVersion: 1, rawLeaves: true, chunkSize: 1 << 20, maxLinks: 1024,
        hamtThreshold: 262_144, directorySizeEstimate: .blockBytes)

    /// kubo's historical default: CIDv0, dag-pb leaves, 256 KiB chunks, 174 links, links-bytes estimate.
    public static let unixfsV0_2015 = ImportProfile(
        name: "unixfs-v0-2015", cidVersion: 0, rawLeaves: false, chunkSize: 262_144, maxLinks: 174,
        hamtThreshold: 262_144, directorySizeEstimate: .linksBytes)

    /// The profile blogctl uses unless told otherwise.
    public static let `default` = unixfsV1_2025

    /// Every named profile, default first.
    public static let all: [ImportProfile] = [unixfsV1_2025, unixfsV0_2015]

    /// The profile called `name`; the error lists the valid names.
    public init(named name: String) throws(ImportError) {
        guard let profile = ImportProfile.all.first(where: { $0.name == name }) else {
            throw .unknownProfile(name, valid: ImportProfile.all.map(\.name))
        }
        self = profile
    }

    public var description: String { name }
}
