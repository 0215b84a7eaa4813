extension SiteModel {
    /// This model after `edits` (earlier and new versions of the same source files) that keep
    /// every document's kind, visibility and tags, and every page's menu place, but may move
    /// posts (a re-date): the moved posts are taken out and put back in order, and each tag's
    /// post indexes follow. Equal to building the model afresh, without sorting or regrouping
    /// 10,000 posts. Nil when an edit changes more than that.
    func applying(_ edits: [(earlier: Document, new: Document)], options: BuildOptions) -> SiteModel? {
        var moved: Set<ObjectIdentifier> = []
        var arrivals: [Document] = []
        // By the earlier version's identity: hashing a pointer, not 10,000 source paths.
        var replacements: [ObjectIdentifier: Document] = [:]
        for (earlier, new) in edits {
            let visible = Self.isVisible(new, options: options)
            guard earlier.kind == new.kind, Self.isVisible(earlier, options: options) == visible, earlier.tags.count == new.tags.count,
                zip(earlier.tags, new.tags).allSatisfy({ $0.name == $1.name && $0.slug == $1.slug })
            else { return nil }
            guard visible else { continue }
            if new.kind == .page {
                guard earlier.frontMatter.weight == new.frontMatter.weight, earlier.title == new.title else { return nil }
                replacements[ObjectIdentifier(earlier)] = new
            } else if earlier.sortSeconds == new.sortSeconds {
                replacements[ObjectIdentifier(earlier)] = new
            } else {
                moved.insert(ObjectIdentifier(earlier))
                arrivals.append(new)
            }
        }
        var found = 0
        let copy = reordered(
            posts: posts.map { post in
                guard let new = replacements[ObjectIdentifier(post)] else { return post }
                found += 1
                return new
            },
            pages: pages.map { page in
                guard let new = replacements[ObjectIdentifier(page)] else { return page }
                found += 1
                return new
            }, tags: tags)
        // An earlier version that is not in this model: the edits are not relative to it.
        guard found == replacements.count else { return nil }
        guard !arrivals.isEmpty else { return copy }
        // The posts that stay keep their relative order; `stayed[i]` is the earlier index of the i-th of them.
        var reordered: [Document] = []
        reordered.reserveCapacity(posts.count)
        var stayed: [Int] = []
        stayed.reserveCapacity(posts.count)
        var earlierIndex: [ObjectIdentifier: Int] = [:]
        for (index, post) in copy.posts.enumerated() {
            if moved.contains(ObjectIdentifier(posts[index])) {
                earlierIndex[ObjectIdentifier(post)] = index
            } else {
                reordered.append(post)
                stayed.append(index)
            }
        }
        // Each moved post goes back where the order puts it (binary search).
        var arrivalIDs: [ObjectIdentifier: Int] = [:]
        for (new, pair) in zip(arrivals, edits.filter({ moved.contains(ObjectIdentifier($0.earlier)) })) {
            var low = 0, high = reordered.count
            while low < high {
                let middle = (low + high) / 2
                if Self.newer(reordered[middle], new) { low = middle + 1 } else { high = middle }
            }
            reordered.insert(new, at: low)
            guard let earlier = earlierIndex[ObjectIdentifier(pair.earlier)] else { return nil }
            arrivalIDs[ObjectIdentifier(new)] = earlier
        }
        // Where each earlier index went.
        var newIndex = [Int](repeating: 0, count: posts.count)
        var next = 0
        for (index, post) in reordered.enumerated() {
            if let earlier = arrivalIDs[ObjectIdentifier(post)] {
                newIndex[earlier] = index
            } else {
                newIndex[stayed[next]] = index
                next += 1
            }
        }
        return copy.reordered(posts: reordered,
            tags: tags.map { TagGroup(name: $0.name, slug: $0.slug, posts: $0.posts.map { newIndex[$0] }.sorted()) })
    }
}
