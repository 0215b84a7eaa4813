/// The links of a block by its codec: dag-pb links and dag-cbor tag-42 CIDs; raw and unknown codecs have none.
public enum BlockLinks {
    /// The CIDs `data` (the block named `cid`) links to, in order.
    public static func links(of cid: CID, data: [UInt8]) throws -> [CID] {
        switch cid.codec {
        case CID.dagPB: try PBNode(decoding: data).links.map(\.cid)
        case CID.dagCBOR: try DAGCBOR.links(in: data)
        default: []
        }
    }

    /// The data of an identity-hash CID, which is carried in the CID itself rather than in a block.
    public static func inlineData(of cid: CID) -> [UInt8]? {
        cid.multihash.code == Multihash.identityCode ? cid.multihash.digest : nil
    }
}
