import Testing
@testable import TernConfig

@Test(arguments: [
    (["HOME": "/home/u"], "/home/u/.config/tern/config.toml"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg"], "/cfg/tern/config.toml"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": ""], "/home/u/.config/tern/config.toml"),
    (["HOME": "/home/u", "XDG_CONFIG_HOME": "relative/dir"], "/home/u/.config/tern/config.toml"),
    (["HOME": "/home/u/"], "/home/u/.config/tern/config.toml"),
])
func defaultConfigPath(environment: [String: String], path: String) {
    #expect(ConfigLocator.defaultPath(environment: environment) == path)
}

@Test func explicitPathsWinOverTheEnvironment() {
    let environment = ["HOME": "/home/u", "TERN_CONFIG": "~/alt.toml"]
    #expect(ConfigLocator.locate(explicitPath: "/etc/tern.toml", environment: environment)
        == .init(path: "/etc/tern.toml", origin: .flag))
    #expect(ConfigLocator.locate(explicitPath: nil, environment: environment)
        == .init(path: "/home/u/alt.toml", origin: .environment))
    #expect(ConfigLocator.locate(explicitPath: nil, environment: ["HOME": "/home/u", "TERN_CONFIG": ""])
        == .init(path: "/home/u/.config/tern/config.toml", origin: .default))
}

@Test func themeDirectoryFollowsXDG() {
    #expect(ConfigLocator.themeDirectory(environment: ["HOME": "/h"]) == "/h/.config/tern/themes")
    #expect(ConfigLocator.themeDirectory(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"]) == "/x/tern/themes")
}
