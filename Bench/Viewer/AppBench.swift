// The viewer inside the app: the same keys through AppState (keymap, commands, the screen stack)
// and AppRenderer, as `tern` runs them, on a VirtualScreen.
import Foundation
import MailCore
import TerminalKit
import TernConfig
import TernUI

/// Opens `bytes` in the app's viewer: parse, first layout, draw. Returns the state, the seconds and
/// the background layout the runtime would start.
func appFirstScreen(_ bytes: [UInt8], screen: VirtualScreen) -> (AppState, Double, LayoutJob?) {
    let config = UIConfiguration(accounts: [.init(name: "bench")], theme: .standard)
    var state = AppState(config: config, size: screen.size)
    let reference = MessageReference(folder: FolderKey(account: "bench", path: .inbox), uid: UID(1))
    state.push(.reader(ReaderScreen(reference: reference, title: "bench")))
    let start = now()
    let message = Message(bytes: bytes)  // done off the UI thread in tern, measured here all the same
    let effects = state.applyViewer(.loaded(reference, .success(message)))
    var frame = Frame(size: screen.size)
    AppRenderer.render(&state, into: &frame)
    try? screen.show(frame)
    let elapsed = now() - start
    let job = effects.lazy.compactMap { effect -> LayoutJob? in
        if case .viewer(.layOut(let job)) = effect { return job }
        return nil
    }.first
    return (state, elapsed, job)
}

/// Presses each key (config notation) and draws; the seconds per key.
func appKeys(_ state: inout AppState, screen: VirtualScreen, keys: [String]) -> [Double] {
    var times: [Double] = []
    for notation in keys {
        guard let sequence = TerminalKit.Key.parseSequence(notation) else { fail("bad key \(notation)") }
        let start = now()
        for key in sequence { _ = state.handle(.key(key)) }
        var frame = Frame(size: screen.size)
        AppRenderer.render(&state, into: &frame)
        try? screen.show(frame)
        times.append(now() - start)
    }
    return times
}

/// Applies a message as the runtime does and draws; the seconds.
func appApply(_ state: inout AppState, _ message: AppMessage, screen: VirtualScreen) -> [Double] {
    let start = now()
    _ = state.apply(message)
    var frame = Frame(size: screen.size)
    AppRenderer.render(&state, into: &frame)
    try? screen.show(frame)
    return [now() - start]
}

/// The in-app measurements of one message.
func runApp(_ bytes: [UInt8], width: Int, height: Int) {
    var firsts: [Double] = []
    var opened: (AppState, LayoutJob?)?
    for _ in 0..<7 {
        let (state, t, job) = appFirstScreen(bytes, screen: VirtualScreen(width: width, height: height))
        firsts.append(t)
        opened = (state, job)
    }
    report("app: open to first screen (<200 ms)", firsts)
    guard let opened else { return }
    var state = opened.0
    let job = opened.1
    let screen = VirtualScreen(width: width, height: height)
    // Right after opening, before the background layout is done: neither key lays the message out.
    var fresh = state
    report("app: /café<Enter> right after open", appKeys(&fresh, screen: screen, keys: ["/café<Enter>"]))
    report("app: G right after open (waits)", appKeys(&fresh, screen: screen, keys: ["G"]))
    if let pending = job {
        // What the runtime does off the UI thread, then the answer taken on it.
        let start = now()
        var finished = pending
        finished.document.layOutAll()
        let background = now() - start
        report("background layout (off the UI thread)", [background])
        report("app: taking the background layout", appApply(&fresh, .viewer(.laidOut(finished)), screen: screen))
        report("app: G after the background layout", appKeys(&fresh, screen: screen, keys: ["gg", "G"]))
        _ = state.apply(.viewer(.laidOut(finished)))
    }
    report("app: j (<16 ms)", appKeys(&state, screen: screen, keys: Array(repeating: "j", count: 500)))
    report("app: <Space> page down", appKeys(&state, screen: screen, keys: Array(repeating: "<Space>", count: 100)))
    report("app: G", appKeys(&state, screen: screen, keys: ["G"]))
    report("app: j after G", appKeys(&state, screen: screen, keys: Array(repeating: "k", count: 200)))
    report("app: /café<Enter> then n", appKeys(&state, screen: screen, keys: ["/café<Enter>"] + Array(repeating: "n", count: 50)))
    report("app: h (all headers, relayout)", appKeys(&state, screen: screen, keys: ["h", "h"]))
    report("app: v attachments, q", appKeys(&state, screen: screen, keys: ["v", "q"]))
}
