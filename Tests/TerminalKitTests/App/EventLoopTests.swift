import Foundation
import Testing
@testable import TerminalKit

/// A tiny app: a list navigated with j/k/G, q quits.
final class CounterApp {
    var state = ListState()
    var handled: [LoopEvent<String>] = []
    var messages: [String] = []
    let count: Int
    init(count: Int) { self.count = count }

    func draw(_ frame: inout Frame) {
        let (body, status) = frame.area.splitBottom(1)
        ListView(count: count) { i, _ in Line("item \(i)") }.draw(into: &frame.buffer, area: body, state: &state)
        StatusLine(left: Line("\(state.selected.map { $0 + 1 } ?? 0)/\(count)"), right: Line(messages.last ?? ""), style: .plain)
            .draw(into: &frame.buffer, area: status)
    }

    func handle(_ event: LoopEvent<String>, _ control: inout LoopControl) {
        handled.append(event)
        switch event {
        case .input(.key(let key)):
            switch key {
            case .char("j"): state.move(by: 1, count: count)
            case .char("k"): state.move(by: -1, count: count)
            case .char("G"): state.selectLast(count: count)
            case .char("q"): control.quit()
            default: control.needsRedraw = false
            }
        case .input(.mouse(let m)):
            _ = state.handleMouse(m, area: Rect(x: 0, y: 0, width: 100, height: 100), count: count)
        case .message(let text):
            messages.append(text)
            if text == "stop" { control.quit() }
        default: break
        }
    }
}

@Suite struct EventLoopTests {
    @Test func scriptedKeysDriveTheApp() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(keys: "jjGkq")
        let app = CounterApp(count: 10)
        let loop = EventLoop<String>(screen: screen)
        try loop.run(draw: app.draw, handle: app.handle)
        #expect(app.state.selected == 8)
        expectLines(screen, ["item 7      ", "item 8      ", "item 9      ", "9/10        "])
        // One frame at the start and one after each key but the last (q quits before drawing).
        #expect(screen.frameCount == 5)
    }

    @Test func keysThatChangeNothingDoNotRedraw() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(keys: "xxxx")
        let app = CounterApp(count: 10)
        try EventLoop<String>(screen: screen).run(draw: app.draw, handle: app.handle)
        #expect(screen.frameCount == 1)
        #expect(app.handled.count == 4)
    }

    @Test func resizeRedrawsAtTheNewSize() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(keys: "G")
        screen.resize(to: Size(width: 8, height: 3))
        let app = CounterApp(count: 10)
        try EventLoop<String>(screen: screen).run(draw: app.draw, handle: app.handle)
        #expect(screen.size == Size(width: 8, height: 3))
        expectLines(screen, ["item 8  ", "item 9  ", "10/10   "])
        #expect(screen.lastChanges.count == 24)
    }

    @Test func onlyChangedCellsAreFlushed() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(keys: "j")
        let app = CounterApp(count: 10)
        try EventLoop<String>(screen: screen).run(draw: app.draw, handle: app.handle)
        // Moving the selection changes the styles of rows 0 and 1 and the counter "1" -> "2".
        #expect(Set(screen.lastChanges.map(\.point.y)) == [0, 1, 3])
        #expect(screen.lastChanges.count == 12 + 12 + 1)
    }

    @Test func mouseClickSelects() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(bytes: Array("\u{1B}[<0;3;3M".utf8))
        let app = CounterApp(count: 10)
        try EventLoop<String>(screen: screen).run(draw: app.draw, handle: app.handle)
        #expect(app.state.selected == 2)
    }

    @Test func ctrlZSuspendsAndRedraws() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        screen.feed(keys: "<C-z>")
        let app = CounterApp(count: 3)
        try EventLoop<String>(screen: screen).run(draw: app.draw, handle: app.handle)
        #expect(screen.suspendCount == 1)
        #expect(app.handled.isEmpty)
        #expect(screen.frameCount == 2)
    }

    @Test func runSuspendedGivesTheTerminalBackAndRedraws() throws {
        let screen = VirtualScreen(width: 12, height: 4)
        let loop = EventLoop<String>(screen: screen)
        let value = try loop.runSuspended { 42 }
        #expect(value == 42 && screen.suspendCount == 1 && screen.needsRedraw)
        struct EditorFailed: Error {}
        #expect(throws: EditorFailed.self) { try loop.runSuspended { throw EditorFailed() } }
        #expect(screen.suspendCount == 2)
    }

    /// Background threads post messages and invalidate; the loop wakes, handles them and redraws.
    @Test func backgroundPostsWakeTheLoop() throws {
        let screen = VirtualScreen(width: 20, height: 3)
        screen.endsWhenScriptEnds = false
        let app = CounterApp(count: 3)
        let loop = EventLoop<String>(screen: screen)
        let mailbox = loop.mailbox
        let thread = Thread {
            for i in 0..<50 { mailbox.post("msg \(i)") }
            mailbox.invalidate()
            mailbox.post("stop")
        }
        thread.start()
        try loop.run(draw: app.draw, handle: app.handle)
        #expect(app.messages.count == 51)
        #expect(app.messages.last == "stop")
        #expect(app.messages.prefix(50) == ArraySlice((0..<50).map { "msg \($0)" }))
    }

    @Test func ticksArrive() throws {
        let screen = VirtualScreen(width: 10, height: 2)
        screen.endsWhenScriptEnds = false
        var ticks = 0
        let loop = EventLoop<String>(screen: screen, tickInterval: .milliseconds(5))
        try loop.run(draw: { _ in }, handle: { event, control in
            if case .tick = event { ticks += 1 }
            if ticks == 3 { control.quit() }
        })
        #expect(ticks == 3)
    }
}
