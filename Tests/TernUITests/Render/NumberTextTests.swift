import Testing
@testable import TernUI

@Suite struct NumberTextTests {
    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1.0K"), (1500, "1.5K"), (10_188, "9.9K"), (10_240, "10K"),
                      (34_000, "33K"), (1_048_576, "1.0M"), (52_428_800, "50M"), (3_000_000_000, "2.8G")])
    func sizes(bytes: Int, expected: String) {
        #expect(NumberText.size(bytes) == expected)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (100_000, "100,000"), (1_234_567, "1,234,567"), (-3400, "-3,400")])
    func counts(value: Int, expected: String) {
        #expect(NumberText.count(value) == expected)
    }
}
