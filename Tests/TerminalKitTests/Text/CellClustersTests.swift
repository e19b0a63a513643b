import Testing
@testable import TerminalKit

@Suite struct CellClustersTests {
    func clusters(_ s: String) -> [CellCluster] {
        var it = CellClusters(s)
        var out: [CellCluster] = []
        while let c = it.next() { out.append(c) }
        return out
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(clusters("e\u{301}\u{323}x") == [CellCluster(text: "e\u{301}\u{323}", width: 1), CellCluster(text: "x", width: 1)])
    }

    @Test func leadingMarkGetsASpace() {
        #expect(clusters("\u{301}a") == [CellCluster(text: " \u{301}", width: 1), CellCluster(text: "a", width: 1)])
    }

    @Test func zwjSequenceSplitsIntoItsEmoji() {
        #expect(clusters("👨‍👩").map(\.width) == [2, 2])
        #expect(clusters("👨‍👩").first?.text == "👨\u{200D}")
    }

    @Test func skinToneModifierJoinsAWideBase() {
        #expect(clusters("👍🏽") == [CellCluster(text: "👍🏽", width: 2)])
    }

    @Test func regionalIndicatorsAreOneCellEach() {
        #expect(clusters("🇩🇪").map(\.width) == [1, 1])
    }

    @Test func hangulJamoCompose() {
        #expect(clusters("\u{1100}\u{1161}\u{11A8}") == [CellCluster(text: "\u{1100}\u{1161}\u{11A8}", width: 2)])
    }

    @Test func leadingFormatCharacterIsDropped() {
        #expect(clusters("\u{200B}a") == [CellCluster(text: "a", width: 1)])
    }

    @Test func trustedSkipsTheSanitiser() {
        var it = CellClusters("\u{1B}", sanitizing: false)
        #expect(it.next()?.text == "\u{1B}")
    }
}
