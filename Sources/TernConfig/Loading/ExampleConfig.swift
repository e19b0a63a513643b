/// A complete, commented example config.toml, printed by `tern config example`.
///
/// It is valid as it stands (a test loads it), and it shows every key with its default.
public enum ExampleConfig {
    /// The example's text.
    public static let text = #"""
# tern configuration: ~/.config/tern/config.toml (or $XDG_CONFIG_HOME/tern/config.toml).
# Another file: tern --config PATH, or TERN_CONFIG=PATH. Check it with `tern config check`.
# Every key is described in docs/config.md. Commented-out lines show the defaults.
#
# Passwords are never written here: password_command runs a command that prints the
# password (pass, gpg, secret-tool, a keychain), password_env names an environment variable.

# ---------------------------------------------------------------------------------------------
# Programs and files (top level: before any [table])
# ---------------------------------------------------------------------------------------------
# editor = "vi"                      # default: $VISUAL, then $EDITOR, then vi
# edit_headers = false               # give the editor the headers too
# opener = "xdg-open"                # opens attachments without a mailcap entry ("open" on macOS)
# download_dir = "~/Downloads"       # default: $XDG_DOWNLOAD_DIR, else ~/Downloads
# alias_files = ["~/.mutt/aliases"] # mutt alias files for address completion
# query_command = "khard email --parsable %s"   # address book lookup; %s is the search
# body_cache_mb = 256                # message body cache; 0 turns it off
# mailcap_files = ["~/.mailcap", "/etc/mailcap", "/usr/etc/mailcap", "/usr/local/etc/mailcap"]
# reply_style = "bottom"             # where you write in a reply: "bottom" (below the quote) or "top"
# signature_dashes = true            # a "-- " line above the signature
# format_flowed = false              # send text as format=flowed (RFC 3676)

# ---------------------------------------------------------------------------------------------
# Accounts: [accounts.NAME]; each has exactly one of imap, pop3 or maildir.
# ---------------------------------------------------------------------------------------------
[accounts.alice]
from = "Alice Example <alice@example.org>"
default = true                       # the account tern opens; else the first one in this file
# sync_interval = "5m"               # background check: seconds, or "90s", "5m", "1h"; 0 = only on request
# signature_file = "~/.signature"    # or: signature_command = "fortune -s"
identities = { work = "Alice Example <alice@work.example>" }   # or an array of addresses

[accounts.alice.imap]
host = "imap.example.org"
# port = 993                         # default by security: 993 tls, 143 starttls or none
# security = "tls"                   # "tls" (implicit TLS), "starttls" or "none"
# user = "alice@example.org"         # default: the from address
password_command = "pass show mail/alice"   # or: password_env = "ALICE_PASSWORD"
# auth = ["plain", "login"]          # preferred mechanisms; default: the best the server offers
# ca_file = "~/certs/ca.pem"         # an extra trust anchor for a private CA
# allow_insecure_auth = false        # needed to log in over security = "none"
# compress = true                    # COMPRESS=DEFLATE; default: when offered, unless the server is local
# header_fetch = "auto"              # or "fields", "whole": how a first sync fetches each header

[accounts.alice.smtp]                # or, in [accounts.alice]: sendmail = "/usr/sbin/sendmail -t -i"
host = "smtp.example.org"
security = "starttls"
# port = 587                         # default by security: 465 tls, 587 starttls or none
password_command = "pass show mail/alice"

[accounts.alice.folders]             # names of special folders, if discovery gets them wrong
sent = "Sent Items"
# drafts = "Drafts"
# trash = "Trash"
# junk = "Junk"
# archive = "Archive"

[accounts.bob]
from = "bob@example.net"
sendmail = "/usr/sbin/sendmail -t -i"

[accounts.bob.pop3]
host = "pop.example.net"
# port = 995                         # default by security: 995 tls, 110 starttls or none
password_env = "BOB_MAIL_PASSWORD"
# maildir = "~/.local/share/tern/bob"   # where downloaded mail goes ($XDG_DATA_HOME/tern/NAME)
keep_on_server = true                # leave mail on the server after downloading it
keep_days = 30                       # ... and delete it there after 30 days
# allow_apop = false                 # allow APOP (MD5) login

[accounts.carol]
from = "Carol <carol@example.com>"

[accounts.carol.maildir]
path = "~/Mail/carol"                # a Maildir filled by another program (mbsync, offlineimap, ...)

# ---------------------------------------------------------------------------------------------
# Looks
# ---------------------------------------------------------------------------------------------
[ui]
theme = "default"                    # default, light, solarized-dark, gruvbox, monochrome, or yours
                                     # in ~/.config/tern/themes/NAME.toml
# layout = "full"                    # "full" (list, then message) or "split" (list above message)
# sidebar_width = 24                 # 0 hides the sidebar
# sort = "date"                      # date, from, subject, size or thread; "reverse-date" etc.
# date_format = "%Y-%m-%d %H:%M"     # strftime(3)
# prefer_html = false                # show the HTML part of multipart/alternative

# ---------------------------------------------------------------------------------------------
# Keys: [keys.CONTEXT] with CONTEXT one of global, sidebar, list, viewer, composer, attachments,
# prompt, help. Key names: j, G, gg, <Enter>, <Esc>, <Tab>, <Space>, <C-d>, <M-x>, <F1>, ...
# A command name from docs/config.md, or "none" to unbind. `?` in tern lists the bindings.
# ---------------------------------------------------------------------------------------------
[keys.list]
"<C-e>" = "half-page-down"
# x = "none"
"""#
}
