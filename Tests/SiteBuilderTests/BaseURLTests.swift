import Foundation
import Testing
@testable import SiteBuilder

@Test(arguments: ["https://example.com?x=1", "https://example.com/?x=1", "https://example.com/blog#top", "https://example.com/#", "https://example.com?"])
func baseURLWithAQueryOrFragmentIsRejected(_ value: String) {
    do {
        _ = try SiteConfig.parse("title: T\nbase_url: \(value)\n", file: "site.yml")
        Issue.record("accepted \(value)")
    } catch {
        #expect("\(error)" == "site.yml:2:11: base_url '\(value)' must not have a query (?…) or fragment (#…); use the site's address, such as https://example.com/blog")
    }
}
