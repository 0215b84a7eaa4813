/// A block store that keeps nothing: for computing CIDs without storing the DAG.
public struct DiscardingBlockStore: BlockStore {
    public init() {}
    public func put(_ block: Block) {}
    public func get(_ cid: CID) -> [UInt8]? { nil }
    public func has(_ cid: CID) -> Bool { false }
}
