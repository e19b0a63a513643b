/// The default key bindings, defined once, for NeoMutt users and vim users alike.
///
/// Choices where the two disagree (documented in docs/config.md, "Default keys"):
/// - `g` is a prefix, as in vim: `gg` goes to the top, `gr` is NeoMutt's group reply (`g`), `gx`
///   opens a link. `G` and `<End>` go to the bottom, `<Home>` to the top.
/// - `j`/`k` move or scroll one line in every screen; in the viewer `J`/`K` show the next and
///   previous message (NeoMutt's pager `j`/`k`).
/// - `?` is help, as in NeoMutt; search backward is `<M-/>`. `n`/`N` repeat a search (vim), so
///   NeoMutt's `N` (toggle new) is `U` here.
/// - `l` is NeoMutt's limit in the list; in the sidebar `l` opens the folder.
/// - `F` forwards as an attachment and `*` flags (NeoMutt's `F`), so that `f`/`F` pair up as
///   inline and attached forwards.
enum DefaultBindings {
    /// Each context's bindings as written in a config file.
    static let written: [KeyContext: [(keys: String, command: CommandName)]] = [
        .global: [
            ("?", .help), ("<F1>", .help), (":", .commandLine), ("<C-l>", .redraw),
            ("m", .compose), ("R", .recallPostponed), ("c", .changeFolder),
            ("<C-n>", .nextFolder), ("<C-p>", .previousFolder), ("B", .toggleSidebar),
            ("{", .sidebarNarrower), ("}", .sidebarWider), ("M", .showLog),
            ("<C-w>h", .focusSidebar), ("<C-w>l", .focusList), ("<F5>", .checkMail), ("$", .syncFolder),
            ("go", .outbox),
        ],
        .sidebar: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("<PageDown>", .pageDown), ("<C-f>", .pageDown), ("<PageUp>", .pageUp), ("<C-b>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("<Enter>", .open), ("<Space>", .open), ("l", .open), ("<Right>", .focusList),
            ("<Tab>", .nextUnread), ("<S-Tab>", .previousUnread), ("q", .quit),
        ],
        .list: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("<PageDown>", .pageDown), ("<C-f>", .pageDown), ("<PageUp>", .pageUp), ("<C-b>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("<Enter>", .open), ("<Space>", .open), ("<Tab>", .nextUnread), ("<S-Tab>", .previousUnread),
            ("/", .search), ("<M-/>", .searchBackward), ("n", .searchNext), ("N", .searchPrevious), ("l", .limit),
            ("r", .reply), ("gr", .groupReply), ("L", .listReply), ("f", .forward), ("F", .forwardAsAttachment),
            ("e", .editAsNew), ("b", .bounce), ("d", .delete), ("u", .undelete), ("*", .toggleFlag), ("U", .toggleRead), ("<C-r>", .markThreadRead),
            ("s", .save), ("C", .copy), ("|", .pipe), ("v", .viewAttachments),
            ("t", .tag), ("T", .tagPattern), ("<C-t>", .untagPattern), (";", .tagPrefix),
            ("za", .toggleThread), ("<M-v>", .toggleThread), ("zM", .collapseAllThreads), ("zR", .expandAllThreads),
            ("o", .sort), ("O", .sortReverse), ("<Left>", .focusSidebar), ("q", .quit),
        ],
        .viewer: [
            ("j", .scrollDown), ("<Down>", .scrollDown), ("k", .scrollUp), ("<Up>", .scrollUp),
            ("<Space>", .pageDown), ("<PageDown>", .pageDown), ("<C-f>", .pageDown),
            ("-", .pageUp), ("<PageUp>", .pageUp), ("<C-b>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("J", .nextMessage), ("K", .previousMessage), ("<Tab>", .nextUnread), ("<S-Tab>", .previousUnread),
            ("/", .search), ("<M-/>", .searchBackward), ("n", .searchNext), ("N", .searchPrevious),
            ("r", .reply), ("gr", .groupReply), ("L", .listReply), ("f", .forward), ("F", .forwardAsAttachment),
            ("e", .editAsNew), ("b", .bounce), ("d", .delete), ("<M-u>", .undelete), ("*", .toggleFlag), ("U", .toggleRead), ("<C-r>", .markThreadRead),
            ("s", .save), ("C", .copy), ("|", .pipe), ("v", .viewAttachments), ("S", .saveAllAttachments), ("t", .tag),
            ("h", .toggleHeaders), ("T", .toggleQuoted), ("H", .toggleHTML), ("gs", .viewRaw), ("<M-r>", .viewRaw),
            ("u", .urlList), ("gx", .openURL),
            ("q", .close), ("i", .close), ("<Esc>", .close),
        ],
        .attachments: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("<PageDown>", .pageDown), ("<PageUp>", .pageUp), ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("<Enter>", .open), ("o", .open), ("s", .saveAttachment), ("S", .saveAllAttachments), ("|", .pipe),
            ("q", .close), ("<Esc>", .close),
        ],
        .urls: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("<PageDown>", .pageDown), ("<PageUp>", .pageUp), ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("<Enter>", .open), ("o", .open), ("y", .copyURL), ("q", .close), ("<Esc>", .close),
        ],
        .outbox: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("<PageDown>", .pageDown), ("<PageUp>", .pageUp), ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("r", .send), ("e", .editMessage), ("d", .delete), ("q", .close), ("<Esc>", .close),
        ],
        .composer: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("y", .send), ("e", .editMessage), ("<M-f>", .editFrom), ("t", .editTo), ("c", .editCc),
            ("b", .editBcc), ("s", .editSubject), ("r", .editReplyTo), ("a", .attachFile),
            ("D", .removeAttachment), ("<C-o>", .renameAttachment), ("<C-t>", .changeContentType),
            ("w", .toggleFlowed), ("P", .postpone), ("q", .abort),
        ],
        .prompt: [
            ("<Enter>", .accept), ("<Esc>", .cancel), ("<C-g>", .cancel), ("<C-c>", .cancel),
            ("<Left>", .cursorLeft), ("<C-b>", .cursorLeft), ("<Right>", .cursorRight), ("<C-f>", .cursorRight),
            ("<Home>", .cursorStart), ("<C-a>", .cursorStart), ("<End>", .cursorEnd), ("<C-e>", .cursorEnd),
            ("<M-b>", .wordLeft), ("<M-f>", .wordRight),
            ("<Backspace>", .deleteBackward), ("<C-h>", .deleteBackward),
            ("<Delete>", .deleteForward), ("<C-d>", .deleteForward),
            ("<C-w>", .deleteWordBackward), ("<M-Backspace>", .deleteWordBackward),
            ("<C-u>", .deleteToStart), ("<C-k>", .deleteToEnd),
            ("<Up>", .historyPrevious), ("<C-p>", .historyPrevious), ("<Down>", .historyNext), ("<C-n>", .historyNext),
            ("<Tab>", .complete),
        ],
        .help: [
            ("j", .scrollDown), ("<Down>", .scrollDown), ("k", .scrollUp), ("<Up>", .scrollUp),
            ("<Space>", .pageDown), ("<PageDown>", .pageDown), ("<C-f>", .pageDown),
            ("-", .pageUp), ("<PageUp>", .pageUp), ("<C-b>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp),
            ("gg", .first), ("<Home>", .first), ("G", .last), ("<End>", .last),
            ("/", .search), ("n", .searchNext), ("N", .searchPrevious),
            ("q", .close), ("<Esc>", .close), ("?", .close),
        ],
    ]

    /// The default bindings, parsed, per context (the context's own layer, without global).
    static let layers: [KeyContext: [KeySequence: CommandName]] = {
        var layers: [KeyContext: [KeySequence: CommandName]] = [:]
        for context in KeyContext.allCases {
            var layer: [KeySequence: CommandName] = [:]
            for (keys, command) in written[context] ?? [] {
                guard let sequence = try? KeySequence(parsing: keys) else {
                    preconditionFailure("default binding \(keys) in \(context) does not parse")
                }
                layer[sequence] = command
            }
            layers[context] = layer
        }
        return layers
    }()
}
