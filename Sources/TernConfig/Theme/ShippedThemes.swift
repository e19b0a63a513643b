// Generated from themes/*.toml by Tests/TernConfigTests/Theme/ShippedThemesTests.swift:
// run `TERN_REGENERATE_THEMES=1 swift test --filter ShippedThemes` after editing a theme. Do not edit by hand.

/// The themes shipped with tern, embedded so that the binary finds them wherever it runs.
enum ShippedThemes {
    /// Each shipped theme's name and file text, sorted by name.
    static let files: [(name: String, text: String)] = [
        ("default", ##"""
# tern theme: default
# The default theme: the terminal's own colours plus the 16 basic colours, for dark or light terminals.
# Keys, colours and attributes: docs/config.md, section Themes.

description = "The default theme: the terminal's own colours plus the 16 basic colours, for dark or light terminals."

# Whole screen
normal   = { fg = "default", bg = "default", attrs = [] }
title    = { fg = "bright-white", bg = "blue", attrs = ["bold"] }
border   = { fg = "bright-black", bg = "default", attrs = [] }

# Sidebar
sidebar            = { fg = "default", bg = "default", attrs = [] }
"sidebar.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"sidebar.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"sidebar.account"  = { fg = "cyan", bg = "default", attrs = ["bold"] }
"sidebar.count"    = { fg = "bright-black", bg = "default", attrs = [] }

# Message list
list            = { fg = "default", bg = "default", attrs = [] }
"list.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"list.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"list.flagged"  = { fg = "red", bg = "default", attrs = ["bold"] }
"list.deleted"  = { fg = "bright-black", bg = "default", attrs = [] }
"list.tagged"   = { fg = "magenta", bg = "default", attrs = ["bold"] }
"list.tree"     = { fg = "blue", bg = "default", attrs = [] }
"list.date"     = { fg = "default", bg = "default", attrs = [] }
"list.from"     = { fg = "default", bg = "default", attrs = [] }
"list.subject"  = { fg = "default", bg = "default", attrs = [] }
"list.size"     = { fg = "bright-black", bg = "default", attrs = [] }
"list.flags"    = { fg = "cyan", bg = "default", attrs = [] }

# Status line, tabs and messages
status            = { fg = "bright-white", bg = "blue", attrs = [] }
"status.progress" = { fg = "black", bg = "cyan", attrs = [] }
tabs              = { fg = "white", bg = "bright-black", attrs = [] }
"tabs.selected"   = { fg = "black", bg = "white", attrs = ["bold"] }
message           = { fg = "default", bg = "default", attrs = [] }
error             = { fg = "red", bg = "default", attrs = ["bold"] }
warning           = { fg = "yellow", bg = "default", attrs = [] }

# Viewer
"header.name"    = { fg = "cyan", bg = "default", attrs = [] }
"header.value"   = { fg = "default", bg = "default", attrs = [] }
"header.subject" = { fg = "default", bg = "default", attrs = ["bold"] }
"header.from"    = { fg = "green", bg = "default", attrs = [] }
body             = { fg = "default", bg = "default", attrs = [] }
"quote.1"        = { fg = "green", bg = "default", attrs = [] }
"quote.2"        = { fg = "cyan", bg = "default", attrs = [] }
"quote.3"        = { fg = "yellow", bg = "default", attrs = [] }
"quote.4"        = { fg = "magenta", bg = "default", attrs = [] }
signature        = { fg = "bright-black", bg = "default", attrs = [] }
url              = { fg = "blue", bg = "default", attrs = ["underline"] }
attachment       = { fg = "yellow", bg = "default", attrs = [] }
"search.match"   = { fg = "black", bg = "yellow", attrs = [] }
"diff.added"     = { fg = "green", bg = "default", attrs = [] }
"diff.removed"   = { fg = "red", bg = "default", attrs = [] }
"diff.hunk"      = { fg = "cyan", bg = "default", attrs = [] }

# Attachments and composer
attachments            = { fg = "default", bg = "default", attrs = [] }
"attachments.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"composer.field"       = { fg = "cyan", bg = "default", attrs = [] }
"composer.value"       = { fg = "default", bg = "default", attrs = [] }
"composer.selected"    = { fg = "default", bg = "default", attrs = ["reverse"] }

# Prompt, pop-ups and help
prompt                       = { fg = "default", bg = "default", attrs = ["bold"] }
"prompt.input"               = { fg = "default", bg = "default", attrs = [] }
"prompt.completion"          = { fg = "default", bg = "bright-black", attrs = [] }
"prompt.completion.selected" = { fg = "black", bg = "cyan", attrs = [] }
popup                        = { fg = "default", bg = "default", attrs = [] }
"popup.border"               = { fg = "cyan", bg = "default", attrs = [] }
"popup.title"                = { fg = "cyan", bg = "default", attrs = ["bold"] }
help                         = { fg = "default", bg = "default", attrs = [] }
"help.key"                   = { fg = "yellow", bg = "default", attrs = ["bold"] }
"help.section"               = { fg = "default", bg = "default", attrs = ["bold", "underline"] }

"""##),
        ("gruvbox", ##"""
# tern theme: gruvbox
# Gruvbox dark (Pavel Pertsev's palette) in 24-bit colour.
# Keys, colours and attributes: docs/config.md, section Themes.

description = "Gruvbox dark (Pavel Pertsev's palette) in 24-bit colour."

# Whole screen
normal   = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
title    = { fg = "#ebdbb2", bg = "#504945", attrs = ["bold"] }
border   = { fg = "#928374", bg = "#282828", attrs = [] }

# Sidebar
sidebar            = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"sidebar.selected" = { fg = "#282828", bg = "#fabd2f", attrs = ["bold"] }
"sidebar.unread"   = { fg = "#ebdbb2", bg = "#282828", attrs = ["bold"] }
"sidebar.account"  = { fg = "#fe8019", bg = "#282828", attrs = ["bold"] }
"sidebar.count"    = { fg = "#928374", bg = "#282828", attrs = [] }

# Message list
list            = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"list.selected" = { fg = "#ebdbb2", bg = "#504945", attrs = [] }
"list.unread"   = { fg = "#fabd2f", bg = "#282828", attrs = ["bold"] }
"list.flagged"  = { fg = "#fb4934", bg = "#282828", attrs = ["bold"] }
"list.deleted"  = { fg = "#928374", bg = "#282828", attrs = [] }
"list.tagged"   = { fg = "#d3869b", bg = "#282828", attrs = ["bold"] }
"list.tree"     = { fg = "#83a598", bg = "#282828", attrs = [] }
"list.date"     = { fg = "#8ec07c", bg = "#282828", attrs = [] }
"list.from"     = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"list.subject"  = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"list.size"     = { fg = "#928374", bg = "#282828", attrs = [] }
"list.flags"    = { fg = "#8ec07c", bg = "#282828", attrs = [] }

# Status line, tabs and messages
status            = { fg = "#ebdbb2", bg = "#3c3836", attrs = [] }
"status.progress" = { fg = "#282828", bg = "#8ec07c", attrs = [] }
tabs              = { fg = "#928374", bg = "#3c3836", attrs = [] }
"tabs.selected"   = { fg = "#282828", bg = "#fabd2f", attrs = ["bold"] }
message           = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
error             = { fg = "#fb4934", bg = "#282828", attrs = ["bold"] }
warning           = { fg = "#fe8019", bg = "#282828", attrs = [] }

# Viewer
"header.name"    = { fg = "#83a598", bg = "#282828", attrs = [] }
"header.value"   = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"header.subject" = { fg = "#fabd2f", bg = "#282828", attrs = ["bold"] }
"header.from"    = { fg = "#b8bb26", bg = "#282828", attrs = [] }
body             = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"quote.1"        = { fg = "#8ec07c", bg = "#282828", attrs = [] }
"quote.2"        = { fg = "#83a598", bg = "#282828", attrs = [] }
"quote.3"        = { fg = "#d3869b", bg = "#282828", attrs = [] }
"quote.4"        = { fg = "#fe8019", bg = "#282828", attrs = [] }
signature        = { fg = "#928374", bg = "#282828", attrs = [] }
url              = { fg = "#83a598", bg = "#282828", attrs = ["underline"] }
attachment       = { fg = "#fe8019", bg = "#282828", attrs = [] }
"search.match"   = { fg = "#282828", bg = "#fabd2f", attrs = [] }
"diff.added"     = { fg = "#b8bb26", bg = "#282828", attrs = [] }
"diff.removed"   = { fg = "#fb4934", bg = "#282828", attrs = [] }
"diff.hunk"      = { fg = "#8ec07c", bg = "#282828", attrs = [] }

# Attachments and composer
attachments            = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"attachments.selected" = { fg = "#ebdbb2", bg = "#504945", attrs = [] }
"composer.field"       = { fg = "#83a598", bg = "#282828", attrs = [] }
"composer.value"       = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"composer.selected"    = { fg = "#ebdbb2", bg = "#504945", attrs = [] }

# Prompt, pop-ups and help
prompt                       = { fg = "#fabd2f", bg = "#282828", attrs = ["bold"] }
"prompt.input"               = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"prompt.completion"          = { fg = "#ebdbb2", bg = "#3c3836", attrs = [] }
"prompt.completion.selected" = { fg = "#282828", bg = "#83a598", attrs = [] }
popup                        = { fg = "#ebdbb2", bg = "#3c3836", attrs = [] }
"popup.border"               = { fg = "#fabd2f", bg = "#3c3836", attrs = [] }
"popup.title"                = { fg = "#fabd2f", bg = "#3c3836", attrs = ["bold"] }
help                         = { fg = "#ebdbb2", bg = "#282828", attrs = [] }
"help.key"                   = { fg = "#fabd2f", bg = "#282828", attrs = ["bold"] }
"help.section"               = { fg = "#fe8019", bg = "#282828", attrs = ["bold"] }

"""##),
        ("light", ##"""
# tern theme: light
# For terminals with a light background: dark colours, no bright ones that vanish on white.
# Keys, colours and attributes: docs/config.md, section Themes.

description = "For terminals with a light background: dark colours, no bright ones that vanish on white."

# Whole screen
normal   = { fg = "default", bg = "default", attrs = [] }
title    = { fg = "white", bg = "blue", attrs = ["bold"] }
border   = { fg = "bright-black", bg = "default", attrs = [] }

# Sidebar
sidebar            = { fg = "default", bg = "default", attrs = [] }
"sidebar.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"sidebar.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"sidebar.account"  = { fg = "blue", bg = "default", attrs = ["bold"] }
"sidebar.count"    = { fg = "bright-black", bg = "default", attrs = [] }

# Message list
list            = { fg = "default", bg = "default", attrs = [] }
"list.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"list.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"list.flagged"  = { fg = "red", bg = "default", attrs = ["bold"] }
"list.deleted"  = { fg = "bright-black", bg = "default", attrs = [] }
"list.tagged"   = { fg = "magenta", bg = "default", attrs = ["bold"] }
"list.tree"     = { fg = "blue", bg = "default", attrs = [] }
"list.date"     = { fg = "default", bg = "default", attrs = [] }
"list.from"     = { fg = "default", bg = "default", attrs = [] }
"list.subject"  = { fg = "default", bg = "default", attrs = [] }
"list.size"     = { fg = "bright-black", bg = "default", attrs = [] }
"list.flags"    = { fg = "blue", bg = "default", attrs = [] }

# Status line, tabs and messages
status            = { fg = "white", bg = "blue", attrs = [] }
"status.progress" = { fg = "white", bg = "magenta", attrs = [] }
tabs              = { fg = "black", bg = "white", attrs = [] }
"tabs.selected"   = { fg = "white", bg = "blue", attrs = ["bold"] }
message           = { fg = "default", bg = "default", attrs = [] }
error             = { fg = "red", bg = "default", attrs = ["bold"] }
warning           = { fg = "magenta", bg = "default", attrs = ["bold"] }

# Viewer
"header.name"    = { fg = "blue", bg = "default", attrs = [] }
"header.value"   = { fg = "default", bg = "default", attrs = [] }
"header.subject" = { fg = "default", bg = "default", attrs = ["bold"] }
"header.from"    = { fg = "green", bg = "default", attrs = [] }
body             = { fg = "default", bg = "default", attrs = [] }
"quote.1"        = { fg = "blue", bg = "default", attrs = [] }
"quote.2"        = { fg = "magenta", bg = "default", attrs = [] }
"quote.3"        = { fg = "green", bg = "default", attrs = [] }
"quote.4"        = { fg = "red", bg = "default", attrs = [] }
signature        = { fg = "bright-black", bg = "default", attrs = [] }
url              = { fg = "blue", bg = "default", attrs = ["underline"] }
attachment       = { fg = "magenta", bg = "default", attrs = [] }
"search.match"   = { fg = "black", bg = "yellow", attrs = [] }
"diff.added"     = { fg = "green", bg = "default", attrs = [] }
"diff.removed"   = { fg = "red", bg = "default", attrs = [] }
"diff.hunk"      = { fg = "blue", bg = "default", attrs = [] }

# Attachments and composer
attachments            = { fg = "default", bg = "default", attrs = [] }
"attachments.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"composer.field"       = { fg = "blue", bg = "default", attrs = [] }
"composer.value"       = { fg = "default", bg = "default", attrs = [] }
"composer.selected"    = { fg = "default", bg = "default", attrs = ["reverse"] }

# Prompt, pop-ups and help
prompt                       = { fg = "default", bg = "default", attrs = ["bold"] }
"prompt.input"               = { fg = "default", bg = "default", attrs = [] }
"prompt.completion"          = { fg = "black", bg = "white", attrs = [] }
"prompt.completion.selected" = { fg = "white", bg = "blue", attrs = [] }
popup                        = { fg = "default", bg = "default", attrs = [] }
"popup.border"               = { fg = "blue", bg = "default", attrs = [] }
"popup.title"                = { fg = "blue", bg = "default", attrs = ["bold"] }
help                         = { fg = "default", bg = "default", attrs = [] }
"help.key"                   = { fg = "blue", bg = "default", attrs = ["bold"] }
"help.section"               = { fg = "default", bg = "default", attrs = ["bold", "underline"] }

"""##),
        ("monochrome", ##"""
# tern theme: monochrome
# No colours at all: bold, dim, italic, underline and reverse only.
# Keys, colours and attributes: docs/config.md, section Themes.

description = "No colours at all: bold, dim, italic, underline and reverse only."

# Whole screen
normal   = { fg = "default", bg = "default", attrs = [] }
title    = { fg = "default", bg = "default", attrs = ["reverse"] }
border   = { fg = "default", bg = "default", attrs = ["dim"] }

# Sidebar
sidebar            = { fg = "default", bg = "default", attrs = [] }
"sidebar.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"sidebar.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"sidebar.account"  = { fg = "default", bg = "default", attrs = ["bold"] }
"sidebar.count"    = { fg = "default", bg = "default", attrs = ["dim"] }

# Message list
list            = { fg = "default", bg = "default", attrs = [] }
"list.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"list.unread"   = { fg = "default", bg = "default", attrs = ["bold"] }
"list.flagged"  = { fg = "default", bg = "default", attrs = ["bold"] }
"list.deleted"  = { fg = "default", bg = "default", attrs = ["dim"] }
"list.tagged"   = { fg = "default", bg = "default", attrs = ["bold", "underline"] }
"list.tree"     = { fg = "default", bg = "default", attrs = ["dim"] }
"list.date"     = { fg = "default", bg = "default", attrs = [] }
"list.from"     = { fg = "default", bg = "default", attrs = [] }
"list.subject"  = { fg = "default", bg = "default", attrs = [] }
"list.size"     = { fg = "default", bg = "default", attrs = ["dim"] }
"list.flags"    = { fg = "default", bg = "default", attrs = [] }

# Status line, tabs and messages
status            = { fg = "default", bg = "default", attrs = ["reverse"] }
"status.progress" = { fg = "default", bg = "default", attrs = ["reverse"] }
tabs              = { fg = "default", bg = "default", attrs = ["reverse"] }
"tabs.selected"   = { fg = "default", bg = "default", attrs = ["bold"] }
message           = { fg = "default", bg = "default", attrs = [] }
error             = { fg = "default", bg = "default", attrs = ["bold"] }
warning           = { fg = "default", bg = "default", attrs = ["bold"] }

# Viewer
"header.name"    = { fg = "default", bg = "default", attrs = ["italic"] }
"header.value"   = { fg = "default", bg = "default", attrs = [] }
"header.subject" = { fg = "default", bg = "default", attrs = ["bold"] }
"header.from"    = { fg = "default", bg = "default", attrs = [] }
body             = { fg = "default", bg = "default", attrs = [] }
"quote.1"        = { fg = "default", bg = "default", attrs = ["italic"] }
"quote.2"        = { fg = "default", bg = "default", attrs = ["dim"] }
"quote.3"        = { fg = "default", bg = "default", attrs = ["italic"] }
"quote.4"        = { fg = "default", bg = "default", attrs = ["dim"] }
signature        = { fg = "default", bg = "default", attrs = ["dim"] }
url              = { fg = "default", bg = "default", attrs = ["underline"] }
attachment       = { fg = "default", bg = "default", attrs = [] }
"search.match"   = { fg = "default", bg = "default", attrs = ["reverse"] }
"diff.added"     = { fg = "default", bg = "default", attrs = ["bold"] }
"diff.removed"   = { fg = "default", bg = "default", attrs = ["dim"] }
"diff.hunk"      = { fg = "default", bg = "default", attrs = ["underline"] }

# Attachments and composer
attachments            = { fg = "default", bg = "default", attrs = [] }
"attachments.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
"composer.field"       = { fg = "default", bg = "default", attrs = ["italic"] }
"composer.value"       = { fg = "default", bg = "default", attrs = [] }
"composer.selected"    = { fg = "default", bg = "default", attrs = ["reverse"] }

# Prompt, pop-ups and help
prompt                       = { fg = "default", bg = "default", attrs = ["bold"] }
"prompt.input"               = { fg = "default", bg = "default", attrs = [] }
"prompt.completion"          = { fg = "default", bg = "default", attrs = ["dim"] }
"prompt.completion.selected" = { fg = "default", bg = "default", attrs = ["reverse"] }
popup                        = { fg = "default", bg = "default", attrs = [] }
"popup.border"               = { fg = "default", bg = "default", attrs = ["dim"] }
"popup.title"                = { fg = "default", bg = "default", attrs = ["bold"] }
help                         = { fg = "default", bg = "default", attrs = [] }
"help.key"                   = { fg = "default", bg = "default", attrs = ["bold"] }
"help.section"               = { fg = "default", bg = "default", attrs = ["bold", "underline"] }

"""##),
        ("solarized-dark", ##"""
# tern theme: solarized-dark
# Solarized dark (Ethan Schoonover's palette) in 24-bit colour.
# Keys, colours and attributes: docs/config.md, section Themes.

description = "Solarized dark (Ethan Schoonover's palette) in 24-bit colour."

# Whole screen
normal   = { fg = "#839496", bg = "#002b36", attrs = [] }
title    = { fg = "#93a1a1", bg = "#073642", attrs = ["bold"] }
border   = { fg = "#586e75", bg = "#002b36", attrs = [] }

# Sidebar
sidebar            = { fg = "#839496", bg = "#002b36", attrs = [] }
"sidebar.selected" = { fg = "#fdf6e3", bg = "#073642", attrs = ["bold"] }
"sidebar.unread"   = { fg = "#93a1a1", bg = "#002b36", attrs = ["bold"] }
"sidebar.account"  = { fg = "#268bd2", bg = "#002b36", attrs = ["bold"] }
"sidebar.count"    = { fg = "#586e75", bg = "#002b36", attrs = [] }

# Message list
list            = { fg = "#839496", bg = "#002b36", attrs = [] }
"list.selected" = { fg = "#fdf6e3", bg = "#073642", attrs = [] }
"list.unread"   = { fg = "#93a1a1", bg = "#002b36", attrs = ["bold"] }
"list.flagged"  = { fg = "#dc322f", bg = "#002b36", attrs = ["bold"] }
"list.deleted"  = { fg = "#586e75", bg = "#002b36", attrs = [] }
"list.tagged"   = { fg = "#d33682", bg = "#002b36", attrs = ["bold"] }
"list.tree"     = { fg = "#6c71c4", bg = "#002b36", attrs = [] }
"list.date"     = { fg = "#657b83", bg = "#002b36", attrs = [] }
"list.from"     = { fg = "#839496", bg = "#002b36", attrs = [] }
"list.subject"  = { fg = "#839496", bg = "#002b36", attrs = [] }
"list.size"     = { fg = "#586e75", bg = "#002b36", attrs = [] }
"list.flags"    = { fg = "#2aa198", bg = "#002b36", attrs = [] }

# Status line, tabs and messages
status            = { fg = "#93a1a1", bg = "#073642", attrs = [] }
"status.progress" = { fg = "#002b36", bg = "#2aa198", attrs = [] }
tabs              = { fg = "#657b83", bg = "#073642", attrs = [] }
"tabs.selected"   = { fg = "#fdf6e3", bg = "#002b36", attrs = ["bold"] }
message           = { fg = "#839496", bg = "#002b36", attrs = [] }
error             = { fg = "#dc322f", bg = "#002b36", attrs = ["bold"] }
warning           = { fg = "#b58900", bg = "#002b36", attrs = [] }

# Viewer
"header.name"    = { fg = "#268bd2", bg = "#002b36", attrs = [] }
"header.value"   = { fg = "#839496", bg = "#002b36", attrs = [] }
"header.subject" = { fg = "#93a1a1", bg = "#002b36", attrs = ["bold"] }
"header.from"    = { fg = "#859900", bg = "#002b36", attrs = [] }
body             = { fg = "#839496", bg = "#002b36", attrs = [] }
"quote.1"        = { fg = "#2aa198", bg = "#002b36", attrs = [] }
"quote.2"        = { fg = "#859900", bg = "#002b36", attrs = [] }
"quote.3"        = { fg = "#b58900", bg = "#002b36", attrs = [] }
"quote.4"        = { fg = "#6c71c4", bg = "#002b36", attrs = [] }
signature        = { fg = "#586e75", bg = "#002b36", attrs = [] }
url              = { fg = "#268bd2", bg = "#002b36", attrs = ["underline"] }
attachment       = { fg = "#cb4b16", bg = "#002b36", attrs = [] }
"search.match"   = { fg = "#002b36", bg = "#b58900", attrs = [] }
"diff.added"     = { fg = "#859900", bg = "#002b36", attrs = [] }
"diff.removed"   = { fg = "#dc322f", bg = "#002b36", attrs = [] }
"diff.hunk"      = { fg = "#6c71c4", bg = "#002b36", attrs = [] }

# Attachments and composer
attachments            = { fg = "#839496", bg = "#002b36", attrs = [] }
"attachments.selected" = { fg = "#fdf6e3", bg = "#073642", attrs = [] }
"composer.field"       = { fg = "#268bd2", bg = "#002b36", attrs = [] }
"composer.value"       = { fg = "#839496", bg = "#002b36", attrs = [] }
"composer.selected"    = { fg = "#fdf6e3", bg = "#073642", attrs = [] }

# Prompt, pop-ups and help
prompt                       = { fg = "#93a1a1", bg = "#002b36", attrs = ["bold"] }
"prompt.input"               = { fg = "#93a1a1", bg = "#002b36", attrs = [] }
"prompt.completion"          = { fg = "#839496", bg = "#073642", attrs = [] }
"prompt.completion.selected" = { fg = "#002b36", bg = "#268bd2", attrs = [] }
popup                        = { fg = "#839496", bg = "#073642", attrs = [] }
"popup.border"               = { fg = "#2aa198", bg = "#073642", attrs = [] }
"popup.title"                = { fg = "#93a1a1", bg = "#073642", attrs = ["bold"] }
help                         = { fg = "#839496", bg = "#002b36", attrs = [] }
"help.key"                   = { fg = "#b58900", bg = "#002b36", attrs = ["bold"] }
"help.section"               = { fg = "#93a1a1", bg = "#002b36", attrs = ["bold", "underline"] }

"""##),
    ]
}
