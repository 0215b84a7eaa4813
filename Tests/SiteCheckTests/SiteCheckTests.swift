import Testing
@testable import SiteCheck
