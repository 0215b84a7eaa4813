import ContentAddressing
import Testing

@Suite struct ImportProfileTests {
    @Test func namesParse() throws {
        #expect(try ImportProfile(named: "unixfs-v1-2025") == .unixfsV1_2025)
        #expect(try ImportProfile(named: "unixfs-v0-2015") == .unixfsV0_2015)
        #expect(ImportProfile.default == .unixfsV1_2025)
    }

    @Test func profilesCarryIPIP499Parameters() {
        let v1 = ImportProfile.unixfsV1_2025, v0 = ImportProfile.unixfsV0_2015
        #expect((v1.cidVersion, v1.rawLeaves, v1.chunkSize, v1.maxLinks, v1.directorySizeEstimate) == (1, true, 1_048_576, 1024, .blockBytes))
        #expect((v0.cidVersion, v0.rawLeaves, v0.chunkSize, v0.maxLinks, v0.directorySizeEstimate) == (0, false, 262_144, 174, .linksBytes))
        #expect(v1.hamtThreshold == 262_144 && v0.hamtThreshold == 262_144)
    }

    @Test func unknownNameListsValidOnes() {
        #expect(throws: ImportError.unknownProfile("unixfs-v2", valid: ["unixfs-v1-2025", "unixfs-v0-2015"])) {
            try ImportProfile(named: "unixfs-v2")
        }
        let message = ImportError.unknownProfile("x", valid: ImportProfile.all.map(\.name)).description
        #expect(message == "unknown import profile 'x' (valid: unixfs-v1-2025, unixfs-v0-2015)")
    }
}
