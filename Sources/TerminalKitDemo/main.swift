// TerminalKitDemo: a small program that exercises NcursesScreen for manual checks and for the tmux
// tests in Tests/TerminalKitTests/Backend/NcursesScreenTmuxTests.swift.
//
// Keys: j/k/arrows move, G/g end/start, PgUp/PgDn, / opens a prompt, ? a popup, e runs `$DEMO_EDITOR`
// (default `true`) with the UI suspended, q quits, <C-z> suspends. The mouse selects and scrolls.
// Environment: TKIT_DEMO_PIDFILE=path writes the process id there once the UI is up;
// TKIT_DEMO_ALLOW_CRASH=1 makes `!` crash (to test that the terminal is restored on a crash).
import Foundation
import TerminalKit

enum DemoMessage: Sendable { case tick(Int) }

final class Demo {
    let count = 1000
    var list = ListState()
    var prompt: TextFieldState?
    var lastAnswer = ""
    var showPopup = false
    var lastEvent = ""
    var ticks = 0

    func subject(_ i: Int) -> Line {
        let samples = ["Hello world", "会議の議事録", "e\u{301}te\u{301} café", "😀 emoji \u{1B}[31m", "\u{202E}evil", "Ünïcödé"]
        return Line([Span(String(format: "%4d ", i), style: Style(foreground: .yellow)),
                     Span(samples[i % samples.count], style: Style(foreground: .rgb(120, 200, 255)))])
    }

    func draw(_ frame: inout Frame) {
        let (top, rest) = frame.area.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        Tabs(titles: ["List", "Other"], selected: 0).draw(into: &frame.buffer, area: top)
        ListView(count: count, selectedStyle: Style(background: .blue, attributes: .bold)) { [self] i, _ in subject(i) }
            .draw(into: &frame.buffer, area: body, state: &list)
        if var p = prompt {
            Prompt(label: "Search: ").draw(into: &frame.buffer, area: bottom, state: &p)
            frame.cursor = p.cursorPosition
            prompt = p
        } else {
            let position = "\((list.selected ?? -1) + 1)/\(count) \(frame.area.width)x\(frame.area.height)"
            StatusLine(left: Line("TerminalKitDemo \(lastAnswer) \(lastEvent)"), right: Line(position))
                .draw(into: &frame.buffer, area: bottom)
        }
        if showPopup {
            Popup(title: "Help", lines: ["j/k move, / search", "q quit, ? close"]).draw(into: &frame.buffer, area: body)
        }
    }

    func handle(_ event: LoopEvent<DemoMessage>, _ control: inout LoopControl, loop: EventLoop<DemoMessage>) throws {
        if case .input(let input) = event, var p = prompt {
            switch p.handle(input) {
            case .submitted: lastAnswer = p.text; prompt = nil
            case .cancelled: prompt = nil
            default: prompt = p
            }
            return
        }
        switch event {
        case .input(.key(let key)):
            lastEvent = key.name
            switch key {
            case .char("q"): control.quit()
            case .char("j"), .down: list.move(by: 1, count: count)
            case .char("k"), .up: list.move(by: -1, count: count)
            case .char("G"), .end: list.selectLast(count: count)
            case .char("g"), .home: list.selectFirst(count: count)
            case .pageDown: list.pageDown(count: count)
            case .pageUp: list.pageUp(count: count)
            case .char("/"): prompt = TextFieldState()
            case .char("?"): showPopup.toggle()
            case .char("!") where ProcessInfo.processInfo.environment["TKIT_DEMO_ALLOW_CRASH"] == "1":
                fatalError("TerminalKitDemo: crash requested")
            case .char("e"):
                let command = ProcessInfo.processInfo.environment["DEMO_EDITOR"] ?? "true"
                let status = try loop.runSuspended { () -> Int32 in
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", command]
                    try process.run()
                    process.waitUntilExit()
                    return process.terminationStatus
                }
                lastEvent = "editor=\(status)"
            default: break
            }
        case .input(.paste(let text)): lastEvent = "paste \(text.count)"
        case .input(.mouse(let m)):
            lastEvent = "mouse"
            _ = list.handleMouse(m, area: Rect(x: 0, y: 1, width: 10_000, height: max(0, loop.screen.size.height - 2)), count: count)
        case .input(.resize(let size)): lastEvent = "resize \(size)"
        case .message(.tick(let n)): ticks = n
        case .tick: break
        }
    }
}

let screen: NcursesScreen
do {
    screen = try NcursesScreen()
} catch {
    FileHandle.standardError.write(Data("TerminalKitDemo: \(error)\n".utf8))
    exit(1)
}
if let path = ProcessInfo.processInfo.environment["TKIT_DEMO_PIDFILE"] {
    try? "\(getpid())\n".write(toFile: path, atomically: true, encoding: .utf8)
}
let demo = Demo()
let loop = EventLoop<DemoMessage>(screen: screen)
do {
    try loop.run(draw: demo.draw, handle: { event, control in try demo.handle(event, &control, loop: loop) })
    screen.shutdown()
    print("TerminalKitDemo: bye (\(loop.frameCount) frames)")
} catch {
    screen.shutdown()
    FileHandle.standardError.write(Data("TerminalKitDemo: \(error)\n".utf8))
    exit(1)
}
