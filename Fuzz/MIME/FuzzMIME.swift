// FuzzMIME: a libFuzzer target for the MailCore parser.
//
// Built for fuzzing by scripts/fuzz-mime with `-sanitize=fuzzer -D FUZZING` (libFuzzer provides
// main). In a plain `swift build` it is a replayer: `FuzzMIME FILE...` runs each file through
// the same code, so a crash found by the fuzzer can be reproduced and debugged.
import Foundation
import MailCore

/// Everything a viewer does with a message, on arbitrary bytes. Must never crash or hang.
func exercise(_ bytes: [UInt8]) {
    let m = Message(bytes: bytes, limits: ParseLimits(maxDepth: 100, maxParts: 2_000))
    _ = MessageSummary(m).json()
    let e = m.envelope
    _ = e.subject
    for p in m.bodyParts() { _ = p.part.text() }
    for a in m.attachments() { _ = a.part.decodedBody(); _ = SafeFileName.make(a.part.filename) }
    _ = m.uuencodedFiles()
    for field in m.header.fields.prefix(50) {
        _ = field.text()
        _ = AddressList.parse(field.value())
        _ = MailDate.parse(field.value())
    }
    // The builder must accept what the parser produced (or reject it cleanly).
    if let from = e.from.first(where: \.isUsable) {
        var b = ReplyBuilder.reply(to: m, from: from, all: true)
        b.randomSeed = 1
        if let built = try? b.build() { _ = Message(bytes: built.bytes) }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
// SwiftPM links an executable's entry point as `<module>_main`; hand it to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("FuzzMIME_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            print("usage: FuzzMIME FILE... (replays inputs; build with scripts/fuzz-mime to fuzz)")
            return
        }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                continue
            }
            exercise([UInt8](data))
            print("\(path): ok")
        }
    }
}
#endif
