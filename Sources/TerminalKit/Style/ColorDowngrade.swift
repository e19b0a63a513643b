/// Maps colours down to what a terminal can show: RGB to the 256-colour palette, and 256 colours to
/// 16 or 8. Pure functions, so the mapping is tested without a terminal.
public enum ColorDowngrade {
    /// The levels of the xterm 6x6x6 colour cube (palette entries 16 to 231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette entry 0-255 under the usual xterm palette.
    public static func rgb(ofIndex index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        switch i {
        case 0..<16:
            let base: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return base[i]
        case 16..<232:
            let n = i - 16
            return (cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
        default:
            let level = 8 + (i - 232) * 10
            return (level, level, level)
        }
    }

    /// The palette entry (16-255) nearest to an RGB colour: the nearer of the cube entry and the grey.
    public static func index256(r: UInt8, g: UInt8, b: UInt8) -> UInt8 {
        func nearestLevel(_ v: Int) -> Int {
            var best = 0
            for (k, level) in cubeLevels.enumerated() where abs(level - v) < abs(cubeLevels[best] - v) { best = k }
            return best
        }
        let (ri, gi, bi) = (nearestLevel(Int(r)), nearestLevel(Int(g)), nearestLevel(Int(b)))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = 232 + greyStep
        let cubeDistance = distance((Int(r), Int(g), Int(b)), rgb(ofIndex: UInt8(cube)))
        let greyDistance = distance((Int(r), Int(g), Int(b)), rgb(ofIndex: UInt8(grey)))
        return UInt8(greyDistance < cubeDistance ? grey : cube)
    }

    /// The entry among the first `count` palette entries (8 or 16) nearest to palette entry `index`.
    public static func indexBasic(_ index: UInt8, count: Int) -> UInt8 {
        let limit = count >= 16 ? 16 : 8
        if Int(index) < limit { return index }
        if Int(index) < 16 { return index - 8 }
        let target = rgb(ofIndex: index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<limit {
            let d = distance(target, rgb(ofIndex: UInt8(candidate)))
            if d < bestDistance { best = candidate; bestDistance = d }
        }
        return UInt8(best)
    }

    /// The colour count from which a terminal takes 24-bit colours directly (ncurses `*-direct`
    /// terminfo entries report 2^24 colours).
    public static let directColorCount = 1 << 24

    /// The colour number to give curses for `color` on a terminal with `colors` colours, or nil for
    /// the terminal's default colour (also used when the terminal has no colours at all).
    ///
    /// - 8 or 16 colours: the nearest of the first 8 or 16 palette entries.
    /// - 88 to 2^24-1 colours: the palette index; RGB goes to the nearest 256-colour entry.
    /// - 2^24 colours (direct colour): RGB as `0xRRGGBB`; palette entries 8-255 as their RGB value;
    ///   0-7 as themselves (direct-colour terminfo treats numbers below 8 as the ANSI colours, so an
    ///   RGB value below 8 is nudged to 8, an invisible change).
    ///
    /// - Parameters:
    ///   - color: the colour a style asks for.
    ///   - colors: the terminal's colour count (`COLORS`): 0 or 1 for none, 8, 16, 88, 256, 2^24.
    public static func paletteIndex(for color: Color, colors: Int) -> Int? {
        guard colors >= 8 else { return nil }
        let index: UInt8
        switch color {
        case .default: return nil
        case .named(let n): return Int(n.rawValue)
        case .indexed(let i): index = i
        case .rgb(let r, let g, let b):
            if colors >= directColorCount { return max(8, Int(r) << 16 | Int(g) << 8 | Int(b)) }
            index = index256(r: r, g: g, b: b)
        }
        if colors >= directColorCount {
            if index < 8 { return Int(index) }
            let (r, g, b) = rgb(ofIndex: index)
            return max(8, r << 16 | g << 8 | b)
        }
        if colors >= 256 { return Int(index) }
        return Int(indexBasic(index, count: colors))
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
