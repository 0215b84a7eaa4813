import Foundation

extension Duration {
    /// The duration in seconds, for progress lines on stderr.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
