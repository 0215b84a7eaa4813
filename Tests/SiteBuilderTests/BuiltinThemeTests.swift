import Testing
import BuiltinTheme

@Test func themeIsEmbedded() {
    #expect(!BuiltinTheme.files.isEmpty)
}
