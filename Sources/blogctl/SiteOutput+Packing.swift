import ContentAddressing
import Foundation
import SiteBuilder

extension SiteOutput {
    /// The built files as a tree to pack, sharing the pages' bytes; gives the same CID as packing
    /// the written folder, without reading it back.
    func packingTree() throws -> InMemoryTree {
        var tree = InMemoryTree()
        for (path, content) in files { tree.set(path, .data(try content.data())) }
        return tree
    }
}
