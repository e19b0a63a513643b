/// Tables: aligned columns for data, ` | ` rows when too wide, cell by cell for layout.
extension HTMLTextRenderer {
    private struct Cell {
        var node: Int
        var span: Int
        var header: Bool
        var text = ""
    }

    /// The widest table laid out in aligned columns.
    static let maxColumns = 64

    func renderTable(_ table: Int) {
        var rows: [[Cell]] = []
        var strays: [Int] = []
        var captions: [Int] = []
        var implicitRow = false
        func addRow(_ tr: Int) {
            var cells: [Cell] = []
            for child in document.children(of: tr) {
                let node = document.nodes[child]
                if node.isHidden { continue }
                if node.tag == HTMLTag.td.rawValue || node.tag == HTMLTag.th.rawValue {
                    let span = document.attribute("colspan", of: child).flatMap(Self.integer) ?? 1
                    cells.append(Cell(node: child, span: min(max(span, 1), Self.maxColumns), header: node.tag == HTMLTag.th.rawValue))
                } else {
                    strays.append(child)
                }
            }
            rows.append(cells)
        }
        func addCell(_ cell: Int) {
            if !implicitRow {
                rows.append([])
                implicitRow = true
            }
            let header = document.nodes[cell].tag == HTMLTag.th.rawValue
            let span = document.attribute("colspan", of: cell).flatMap(Self.integer) ?? 1
            rows[rows.count - 1].append(Cell(node: cell, span: min(max(span, 1), Self.maxColumns), header: header))
        }
        for child in document.children(of: table) {
            let node = document.nodes[child]
            if node.isHidden { continue }
            switch node.knownTag {
            case .tr:
                implicitRow = false
                addRow(child)
            case .thead, .tbody, .tfoot:
                implicitRow = false
                for grandchild in document.children(of: child) where !document.nodes[grandchild].isHidden {
                    switch document.nodes[grandchild].knownTag {
                    case .tr:
                        implicitRow = false
                        addRow(grandchild)
                    case .td, .th:
                        addCell(grandchild)
                    default:
                        strays.append(grandchild)
                    }
                }
                implicitRow = false
            case .td, .th:
                addCell(child)
            case .caption:
                captions.append(child)
            case .colgroup, .col:
                break
            default:
                strays.append(child)
            }
        }

        out.blockBoundary(blank: false)
        for stray in strays { block(stray) }
        for caption in captions { block(caption) }
        let columns = rows.map { $0.count }.max() ?? 0
        guard columns > 0 else { return }
        let role = document.attribute("role", of: table)?.lowercased()
        if document.nodes[table].containsTable || columns < 2 || role == "presentation" || role == "none" {
            layoutTable(rows)
            return
        }
        // Try each cell on one unwrapped line; a cell that needs several makes it a layout table.
        let linkMark = links.mark
        let saved = out
        var filled = rows
        var singleLines = true
        trial: for r in filled.indices {
            for c in filled[r].indices {
                out = TextFormatter(width: 0)
                renderChildren(filled[r][c].node)
                let lines = out.finish().filter { !$0.isEmpty }
                if lines.count > 1 {
                    singleLines = false
                    break trial
                }
                filled[r][c].text = lines.first.map { String($0.drop(while: { $0 == " " })) } ?? ""
            }
        }
        out = saved
        if singleLines {
            dataTable(filled.filter { $0.contains { !$0.text.isEmpty } })
        } else {
            links.rollback(to: linkMark)
            layoutTable(rows)
        }
    }

    private func block(_ node: Int) {
        out.blockBoundary(blank: false)
        render(node)
        out.blockBoundary(blank: false)
    }

    /// Reads a layout table cell by cell, each cell a block.
    private func layoutTable(_ rows: [[Cell]]) {
        for row in rows {
            for cell in row {
                out.blockBoundary(blank: false)
                renderChildren(cell.node)
                out.blockBoundary(blank: false)
            }
        }
    }

    /// Lays out a table whose cells are single lines: aligned columns, or ` | ` when too wide.
    private func dataTable(_ rows: [[Cell]]) {
        guard !rows.isEmpty else { return }
        let gap = 2
        let columnCount = rows.map { $0.reduce(0) { $0 + $1.span } }.max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        let textWidths: [[Int]] = rows.map { $0.map { DisplayWidth.of($0.text) } }
        for (r, row) in rows.enumerated() {
            var column = 0
            for (c, cell) in row.enumerated() {
                if cell.span == 1 { widths[column] = max(widths[column], textWidths[r][c]) }
                column += cell.span
            }
        }
        widths = spanAdjusted(rows, textWidths: textWidths, base: widths, gap: gap)
        let visible = widths.filter { $0 > 0 }
        let total = visible.reduce(0, +) + gap * max(visible.count - 1, 0)
        let available = out.availableWidth
        out.blockBoundary(blank: true)
        if available == 0 || total <= available {
            for (r, row) in rows.enumerated() {
                var parts: [String] = []
                var column = 0
                for (c, cell) in row.enumerated() {
                    let range = column..<min(column + cell.span, columnCount)
                    column += cell.span
                    let w = spanWidth(widths, range, gap: gap)
                    guard w > 0 else { continue }
                    parts.append(cell.text + String(repeating: " ", count: max(0, w - textWidths[r][c])))
                }
                out.emitVerbatim(parts.joined(separator: String(repeating: " ", count: gap)))
                if r == 0, rows.count > 1, row.allSatisfy(\.header) {
                    out.emitVerbatim(visible.map { String(repeating: "\u{2500}", count: $0) }.joined(separator: "  "))
                }
            }
        } else {
            for row in rows {
                out.addText(row.map(\.text).filter { !$0.isEmpty }.joined(separator: " | "))
                out.blockBoundary(blank: false)
            }
        }
        out.blockBoundary(blank: true)
    }

    /// Column widths widened so that every spanning cell fits the columns it spans.
    private func spanAdjusted(_ rows: [[Cell]], textWidths: [[Int]], base: [Int], gap: Int) -> [Int] {
        var widths = base
        for (r, row) in rows.enumerated() {
            var column = 0
            for (c, cell) in row.enumerated() {
                if cell.span > 1 {
                    let range = column..<min(column + cell.span, widths.count)
                    let have = spanWidth(widths, range, gap: gap)
                    if textWidths[r][c] > have, let last = range.last { widths[last] += textWidths[r][c] - have }
                }
                column += cell.span
            }
        }
        return widths
    }

    /// The width of columns `range` with the gaps between their visible columns.
    private func spanWidth(_ widths: [Int], _ range: Range<Int>, gap: Int) -> Int {
        let visible = widths[range].filter { $0 > 0 }
        return visible.reduce(0, +) + gap * max(visible.count - 1, 0)
    }
}
