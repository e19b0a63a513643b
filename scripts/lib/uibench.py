#!/usr/bin/env python3
"""The UI benchmark of `scripts/bench ui`: tern against NeoMutt and aerc on one Maildir, in tmux.

For each client, with its cache removed (cold) and then present (warm):
  first screen  time from starting the client (tmux new-window) to the first capture that shows a
                full list: at least HEIGHT-5 rows that look like messages (a date or time on them)
                and that stay the same for two polls in a row;
  synced        for a client that shows the list while it scans (tern): time until its status
                line stops saying it is syncing; keys are measured (and the client quits) after it;
  down          key-to-screen latency of <Down> in the middle of the folder (first capture that
                differs after send-keys), median of several presses;
  page down     the same for <PageDown> in the middle;
  end           the same for the key that jumps to the last message;
  open last     <Enter> on the last message until the screen shows its Subject header;
  peak RSS      VmHWM of the client's process at the end.
Keys and opening are measured in both runs: in the warm run the last message is the one the
cold run opened, so a client that keeps message bodies (tern, NeoMutt with message_cachedir) opens
it from its cache.
Cold means the client starts with no state of its own at all: each client runs with a home folder
of its own (HOME, and XDG_CACHE_HOME / XDG_DATA_HOME / XDG_STATE_HOME under it) that is removed
before its cold run (tern's header and body caches, NeoMutt's header and body caches, aerc's header
cache all live there); the configuration is written outside it. The kernel's page cache is kept
(programs and mail files are in memory, as after any earlier use of the machine); with
--drop-page-cache it is dropped before each cold run too (the same for every client, Dovecot's
files included), and a cold start then also measures reading the client's binary and libraries
from disk. aerc keeps no cache for Maildir, so its Maildir cold and warm runs differ only in the
page cache then.
With --imap, every client runs once untimed to its first screen before any measurement, so that
Dovecot's own cache (it parses a message the first time a FETCH asks for its envelope) does not
make the client measured first pay for the others (--no-prime skips it).
Polls go through one tmux control-mode client, the same way for every client.

With --imap STACKDIR the folder is the INBOX of --imap-user (default benchui) on the test Dovecot
of `scripts/mailstack` in STACKDIR (IMAP over TLS on 127.0.0.1:1993, certificate checked against
STACKDIR/ssl/ca.pem) instead of a local Maildir; the caller fills it (`scripts/bench ui --imap`
does). Every client caches what it can for IMAP in the warm run: tern its header and body caches,
NeoMutt header_cache and message_cachedir, aerc 0.14 cache-headers (it keeps no bodies).
"""
from __future__ import annotations

import argparse
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import time

WIDTH, HEIGHT = 120, 40
ROW = re.compile(r"(\d\d:\d\d|\d{4}-\d\d-\d\d|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|min ago)")


class Control:
    """A tmux control-mode client on a private server: commands and their output, no process per poll."""

    def __init__(self, socket: str):
        self.socket = socket
        subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "b", "-x", str(WIDTH),
                        "-y", str(HEIGHT), "sleep", "100000"], check=True)
        subprocess.run(["tmux", "-L", socket, "set", "-g", "default-size", "%dx%d" % (WIDTH, HEIGHT)], check=True)
        subprocess.run(["tmux", "-L", socket, "set", "-g", "remain-on-exit", "off"], check=True)
        self.proc = subprocess.Popen(["tmux", "-L", socket, "-f", "/dev/null", "-C", "attach", "-t", "b"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        self.buffer = b""
        # The attach command's own (empty) block comes first; then one block per command sent.
        while not self._line().startswith(b"%session-changed"):
            pass
        self.command("refresh-client -C %dx%d" % (WIDTH, HEIGHT))

    def _line(self) -> bytes:
        while b"\n" not in self.buffer:
            ready, _, _ = select.select([self.proc.stdout], [], [], 10)
            if not ready:
                raise TimeoutError("tmux control client is silent")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("tmux control client ended: %s" % self.proc.stderr.read().decode(errors="replace"))
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def command(self, text: str) -> list[str]:
        self.proc.stdin.write(text.encode() + b"\n")
        out: list[str] = []
        inside = False
        while True:
            line = self._line()
            if line.startswith(b"%begin"):
                inside, out = True, []
            elif line.startswith(b"%end") or line.startswith(b"%error"):
                if inside:
                    if line.startswith(b"%error"):
                        raise RuntimeError("tmux: %s failed: %s" % (text, b"\n".join(x.encode() for x in out)))
                    return out
            elif inside:
                out.append(line.decode("utf-8", "replace"))

    def capture(self, window: str, styles: bool = False) -> list[str]:
        """The pane's text; with `styles`, with its colours and attributes too (a selection that
        moves by reverse video alone, as NeoMutt's, changes no text)."""
        return self.command("capture-pane -p %s-t b:%s" % ("-e " if styles else "", window))

    def close(self):
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], stderr=subprocess.DEVNULL)


def full_list(lines: list[str]) -> bool:
    return sum(1 for line in lines if ROW.search(line)) >= HEIGHT - 5


def wait(control: Control, window: str, predicate, timeout: float, stable: int = 2):
    """Polls until `predicate` holds on `stable` equal captures; returns (time of the first, lines)."""
    start = time.monotonic()
    first, previous, count = None, None, 0
    while time.monotonic() - start < timeout:
        lines = control.capture(window)
        now = time.monotonic()
        if predicate(lines):
            if lines == previous:
                count += 1
            else:
                first, count = now, 1
            if count >= stable:
                return first, lines
        else:
            first, count = None, 0
        previous = lines
    raise TimeoutError("window %s: timed out; it shows:\n%s" % (window, "\n".join(control.capture(window))))


def key_latency(control: Control, window: str, key: str, timeout: float = 10) -> float:
    before = control.capture(window, styles=True)
    sent = time.monotonic()
    control.command("send-keys -t b:%s %s" % (window, key))
    while time.monotonic() - sent < timeout:
        if control.capture(window, styles=True) != before:
            return time.monotonic() - sent
    raise TimeoutError("%s: the screen did not change after %s" % (window, key))


def settle(control: Control, window: str, quiet: float = 0.3, timeout: float = 30):
    """Waits until the screen has not changed for `quiet` seconds."""
    start = time.monotonic()
    last, since = control.capture(window, styles=True), time.monotonic()
    while time.monotonic() - start < timeout:
        now = control.capture(window, styles=True)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.005)


def pane_pid(control: Control, window: str) -> int:
    return int(control.command("display -p -t b:%s '#{pane_pid}'" % window)[0])


def peak_rss_mb(pid: int) -> float:
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def drop_page_cache() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


class IMAPSource:
    """A user's INBOX on the test stack in `stack` (scripts/mailstack)."""
    host, port = "127.0.0.1", 1993

    def __init__(self, stack: str, user: str, password: str):
        self.stack, self.user, self.password = stack, user, password
        self.ca = os.path.join(stack, "ssl", "ca.pem")


class Client:
    name = ""
    # close_keys leave an open message; quit_keys then end the client.
    down, page_down, end, open_key, close_keys, quit_keys = "Down", "NPage", "End", "Enter", ["q"], ["q"]
    # Text the client shows while it scans the folder in the background (None: it shows no list
    # before its scan is over).
    busy_marker = None

    def __init__(self, args, maildir: str, work: str, imap: IMAPSource | None = None):
        self.args, self.maildir, self.work, self.imap = args, maildir, work, imap

    def command(self) -> str:
        raise NotImplementedError

    @property
    def home(self) -> str:
        """The client's own home: every file it keeps between runs lives under it."""
        return os.path.join(self.work, "%s-home" % self.name)

    def environment(self) -> str:
        home = self.home
        os.makedirs(home, exist_ok=True)
        return "HOME=%s XDG_CACHE_HOME=%s/.cache XDG_DATA_HOME=%s/.local/share XDG_STATE_HOME=%s/.local/state LANG=C.UTF-8" % (
            home, home, home, home)

    def clear_cache(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def goto(self, control: Control, window: str, line: int):
        raise NotImplementedError


class Tern(Client):
    name = "tern"
    end = "G"
    busy_marker = "syncing "

    def command(self):
        config = os.path.join(self.work, "tern.toml")
        with open(config, "w") as f:
            if self.imap:
                f.write('[accounts.bench]\nfrom = "Bench <%s@example.test>"\n[accounts.bench.imap]\nhost = "%s"\n'
                        'port = %d\nsecurity = "tls"\nuser = "%s"\npassword_env = "BENCH_PASSWORD"\nca_file = "%s"\n'
                        % (self.imap.user, self.imap.host, self.imap.port, self.imap.user, self.imap.ca))
            else:
                f.write('[accounts.bench]\nfrom = "Bench <bench@example.test>"\n[accounts.bench.maildir]\npath = "%s"\n' % self.maildir)
        secret = "BENCH_PASSWORD=%s " % self.imap.password if self.imap else ""
        return "env %s%s %s --config %s" % (secret, self.environment(), self.args.tern, config)

    def goto(self, control, window, line):
        control.command("send-keys -t b:%s : %d Enter" % (window, line))


class NeoMutt(Client):
    name = "neomutt"

    def command(self):
        rc = os.path.join(self.work, "neomuttrc")
        with open(rc, "w") as f:
            if self.imap:
                url = "imaps://%s@%s:%d/" % (self.imap.user, self.imap.host, self.imap.port)
                f.write("set folder=%s\nset spoolfile=%sINBOX\nset imap_pass=%s\nset ssl_ca_certificates_file=%s\n"
                        "set imap_check_subscribed=no\nset imap_passive=yes\nset ssl_force_tls=yes\n"
                        "set message_cachedir=%s/.cache/neomutt-bodies/\n"
                        % (url, url, self.imap.password, self.imap.ca, self.home))
            else:
                f.write("set mbox_type=Maildir\nset folder=%s\nset spoolfile=%s\n" % (self.maildir, self.maildir))
            f.write("set header_cache=%s/.cache/neomutt-hcache/\n"
                    "set sort=date\nset mail_check=600\nset timeout=600\nset quit=yes\nset delete=no\nset move=no\n"
                    "set mark_old=no\nset sidebar_visible=no\nset help=yes\n" % self.home)
        environment = self.environment()
        for sub in ("neomutt-hcache", "neomutt-bodies"):
            os.makedirs(os.path.join(self.home, ".cache", sub), exist_ok=True)
        return "env %s neomutt -n -F %s" % (environment, rc)

    def goto(self, control, window, line):
        control.command("send-keys -t b:%s %s Enter" % (window, " ".join(str(line))))


class Aerc(Client):
    name = "aerc"
    end = "G"

    def command(self):
        config = os.path.join(self.work, "aerc-config", "aerc")
        os.makedirs(config, exist_ok=True)
        accounts = os.path.join(config, "accounts.conf")
        with open(accounts, "w") as f:
            if self.imap:
                f.write("[bench]\nsource = imaps://%s:%s@%s:%d\nfrom = Bench <%s@example.test>\ndefault = INBOX\n"
                        "cache-headers = true\n" % (self.imap.user, self.imap.password, self.imap.host, self.imap.port,
                                                     self.imap.user))
            else:
                f.write("[bench]\nsource = maildirpp://%s\nfrom = Bench <bench@example.test>\ndefault = INBOX\n" % self.maildir)
        os.chmod(accounts, 0o600)
        with open(os.path.join(config, "aerc.conf"), "w") as f:
            f.write("[general]\nunsafe-accounts-conf = true\n[ui]\nsort = date\n")
        shutil.copy("/usr/share/aerc/binds.conf", os.path.join(config, "binds.conf"))
        # Go reads extra trusted CAs from SSL_CERT_FILE; aerc's header cache lives under XDG_CACHE_HOME.
        trust = "SSL_CERT_FILE=%s " % self.imap.ca if self.imap else ""
        return "env %s%s XDG_CONFIG_HOME=%s/aerc-config aerc" % (trust, self.environment(), self.work)

    def goto(self, control, window, line):
        control.command("send-keys -t b:%s ':select %d' Enter" % (window, line - 1))


def prime(control: Control, client: Client):
    """Runs the client once, untimed, to its first full screen: the server's own caches (Dovecot
    parses a message and keeps what a FETCH asked for the first time it is asked) then hold what
    this client asks for, so the client measured first does not pay for the others."""
    window = "%s_prime" % client.name
    client.clear_cache()
    control.command("new-window -d -n %s %s" % (window, shlex_quote(client.command())))
    try:
        wait(control, window, full_list, timeout=client.args.timeout)
    except TimeoutError as error:
        print("%s: %s" % (window, str(error).splitlines()[0]), file=sys.stderr)
    if window in windows(control):
        control.command("kill-window -t b:%s" % window)
    time.sleep(0.5)


def run_client(control: Control, client: Client, cold: bool, count: int, measure_keys: bool) -> dict:
    window = "%s_%s" % (client.name, "cold" if cold else "warm")
    dropped = False
    if cold:
        client.clear_cache()
        dropped = client.args.drop_page_cache and drop_page_cache()
    command = client.command()
    started = time.monotonic()
    control.command("new-window -d -n %s %s" % (window, shlex_quote(command)))
    result = {"page cache dropped": dropped}
    try:
        measure(control, client, window, started, count, measure_keys, result)
    except (TimeoutError, RuntimeError) as error:
        # Keep what was measured; the client is ended either way so it does not load the next run.
        result["error"] = str(error).splitlines()[0]
        print("%s: %s" % (window, error), file=sys.stderr)
        try:
            result["peak RSS MB"] = peak_rss_mb(pane_pid(control, window))
        except (OSError, ValueError, IndexError, RuntimeError):
            pass
    if window in windows(control):
        control.command("kill-window -t b:%s" % window)
    return result


def wait_idle(control: Control, window: str, marker: str, quiet: float = 1.0, timeout: float = 900) -> float:
    """Waits until no line shows `marker` (a scan in progress) for `quiet` seconds; returns when it went."""
    start = time.monotonic()
    gone = None
    while time.monotonic() - start < timeout:
        busy = any(marker in line for line in control.capture(window))
        now = time.monotonic()
        if busy:
            gone = None
        elif gone is None:
            gone = now
        elif now - gone >= quiet:
            return gone
        time.sleep(0.05)
    raise TimeoutError("window %s: still shows %r after %ds" % (window, marker, timeout))


def measure(control: Control, client: Client, window: str, started: float, count: int, measure_keys: bool, result: dict):
    first, _ = wait(control, window, full_list, timeout=client.args.timeout)
    result["first screen"] = first - started
    if client.busy_marker:
        # Keys are measured, and the client quits, once its first scan is over: a scan killed
        # halfway would leave the next (warm) run a cold scan to finish.
        result["synced"] = wait_idle(control, window, client.busy_marker) - started
    settle(control, window, quiet=1.0, timeout=900)
    if measure_keys:
        client.goto(control, window, count // 2)
        settle(control, window, quiet=0.5)
        downs = []
        for _ in range(15):
            downs.append(key_latency(control, window, client.down))
            settle(control, window, quiet=0.1)
        result["down"] = statistics.median(downs)
        pages = []
        for _ in range(7):
            pages.append(key_latency(control, window, client.page_down))
            settle(control, window, quiet=0.1)
        result["page down"] = statistics.median(pages)
        result["end"] = key_latency(control, window, client.end)
        settle(control, window, quiet=0.3)
        sent = time.monotonic()
        control.command("send-keys -t b:%s %s" % (window, client.open_key))
        opened, _ = wait(control, window, lambda lines: any("Subject:" in l for l in lines), timeout=60, stable=1)
        result["open last"] = opened - sent
        settle(control, window, quiet=0.3)
    try:
        result["peak RSS MB"] = peak_rss_mb(pane_pid(control, window))
    except (OSError, ValueError, IndexError):
        result["peak RSS MB"] = float("nan")
    for key in (client.close_keys if measure_keys else []) + client.quit_keys:
        control.command("send-keys -t b:%s %s" % (window, key))
        time.sleep(0.2)


def windows(control: Control) -> list[str]:
    return control.command("list-windows -F '#{window_name}'")


def shlex_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def ensure_maildir(path: str, count: int, size: int):
    marker = os.path.join(path, ".bench-count")
    if os.path.exists(marker) and open(marker).read().strip() == "%d %d" % (count, size):
        return
    shutil.rmtree(path, ignore_errors=True)
    for leaf in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, leaf))
    print("writing %d messages into %s ..." % (count, path), file=sys.stderr)
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "mailfill.py"), "--maildir", path, "--user", "bench@example.test",
                    "--count", str(count), "--size", str(size), "--uid", str(os.getuid()), "--gid", str(os.getgid())],
                   check=True)
    for sub in ("Sent", "Drafts", "Archive", "Trash"):
        for leaf in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(path, "." + sub, leaf), exist_ok=True)
    with open(marker, "w") as f:
        f.write("%d %d\n" % (count, size))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tern", required=True, help="the tern binary (release build)")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--dir", default="/tmp/tern-bench-ui", help="work folder; the Maildir is kept here between runs")
    parser.add_argument("--clients", default="tern,neomutt,aerc")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a client's first full screen")
    parser.add_argument("--imap", metavar="STACKDIR",
                        help="measure a user's INBOX on the running test stack in STACKDIR (already filled) over IMAPS")
    parser.add_argument("--imap-user", default="benchui", help="the Dovecot user whose INBOX is measured (without @example.test)")
    parser.add_argument("--imap-password", default="pw-benchui")
    parser.add_argument("--drop-page-cache", action="store_true",
                        help="drop the kernel's page cache before each cold run (binaries, libraries and Dovecot's files"
                             " are then read from disk too)")
    parser.add_argument("--no-prime", dest="prime", action="store_false",
                        help="with --imap, skip the untimed first run of each client that fills Dovecot's own caches")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    maildir = os.path.join(args.dir, "Maildir")
    imap = IMAPSource(args.imap, args.imap_user, args.imap_password) if args.imap else None
    if imap is None:
        ensure_maildir(maildir, args.count, args.size)
    classes = {"tern": Tern, "neomutt": NeoMutt, "aerc": Aerc}
    clients = []
    for name in args.clients.split(","):
        if name != "tern" and shutil.which(name) is None:
            print("%s is not installed (apt-get install %s): skipped" % (name, name), file=sys.stderr)
            continue
        clients.append(classes[name](args, maildir, args.dir, imap))
    control = Control("tern-bench-%d" % os.getpid())
    results = {}
    load_before = load_average()
    try:
        if imap and args.prime:
            for client in clients:
                print("priming Dovecot's caches with %s ..." % client.name, file=sys.stderr)
                prime(control, client)
        for client in clients:
            for cold in (True, False):
                label = "%s %s" % (client.name, "cold" if cold else "warm")
                print("measuring %s ..." % label, file=sys.stderr)
                results[label] = run_client(control, client, cold, args.count, measure_keys=True)
    finally:
        control.close()
    load_after = load_average()
    where = ("IMAPS INBOX of %s on the test Dovecot" % imap.user) if imap else "local Maildir"
    print("\n%d messages (%s), %dx%d pane, %s, %d CPUs, load average %s before, %s after" % (
        args.count, where, WIDTH, HEIGHT, time.strftime("%Y-%m-%d %H:%M"), os.cpu_count() or 0, load_before, load_after))
    columns = ["first screen", "synced", "down", "page down", "end", "open last", "peak RSS MB"]
    print("%-14s" % "" + "".join("%14s" % c for c in columns))
    for label, result in results.items():
        if "first screen" not in result:
            print("%-14s %s" % (label, result.get("error", "no result")))
            continue
        cells = []
        for c in columns:
            value = result.get(c)
            if value is None:
                cells.append("%14s" % "-")
            elif c == "peak RSS MB":
                cells.append("%14.1f" % value)
            else:
                cells.append("%12.1fms" % (value * 1000))
        print("%-14s" % label + "".join(cells) + ("   (then: %s)" % result["error"] if "error" in result else ""))
    dropped = any(r.get("page cache dropped") for r in results.values())
    cache_note = "dropped" if dropped else ("kept (as after any earlier use of the machine; --drop-page-cache drops it)"
                                            if not args.drop_page_cache else "NOT dropped: not allowed here")
    if imap:
        cache_note += "; Dovecot's caches %s" % ("primed by one untimed run of every client first" if args.prime else "not primed")
    print("(cold: each client's own home, with every cache it keeps, removed; page cache %s. warm: the same client"
          " again with what its cold run left. first screen: start to the first of two equal captures with %d rows"
          " of messages; synced: until tern's status line stops saying syncing; down / page down: median of 15 / 7"
          " presses in the middle of the folder; end: one press; open last: <Enter> on the last message until its"
          " Subject: header shows (warm: opened before in the cold run); peak RSS: VmHWM at the end)"
          % (cache_note, HEIGHT - 5))
    print_comparison(results)


# Issue 7's targets for tern: (metric, run) -> (limit in seconds or MB, also at least this many times faster than the best peer).
TARGETS = {
    ("first screen", "cold"): (0.3, 5.0),
    ("first screen", "warm"): (0.15, 5.0),
    ("down", "cold"): (0.016, None), ("down", "warm"): (0.016, None),
    ("page down", "cold"): (0.016, None), ("page down", "warm"): (0.016, None),
    ("end", "cold"): (0.016, None), ("end", "warm"): (0.016, None),
    ("open last", "cold"): (None, None), ("open last", "warm"): (0.05, None),
    ("peak RSS MB", "cold"): (60, None), ("peak RSS MB", "warm"): (60, None),
}


def print_comparison(results: dict):
    """tern against the best peer of the same run, metric by metric, with the target."""
    print("\ntern against the best peer in this run (ratio: best peer / tern, above 1 means tern is faster or smaller)")
    print("%-22s%12s%22s%10s   %s" % ("", "tern", "best peer", "ratio", "target"))
    for (metric, run), (limit, factor) in TARGETS.items():
        mine = results.get("tern %s" % run, {}).get(metric)
        peers = [(r[metric], label.split()[0]) for label, r in results.items()
                 if not label.startswith("tern ") and label.endswith(run) and r.get(metric) is not None]
        best = min(peers) if peers else None
        unit = (lambda v: "%.1f MB" % v) if metric == "peak RSS MB" else (lambda v: "%.1f ms" % (v * 1000))
        name = metric.replace(" MB", "") + " " + run
        cells = "%-22s%12s" % (name, unit(mine) if mine is not None else "-")
        cells += "%22s" % (("%s (%s)" % (unit(best[0]), best[1])) if best else "-")
        ratio = best[0] / mine if best and mine else None
        cells += "%10s" % ("%.1fx" % ratio if ratio else "-")
        wanted = []
        met = mine is not None
        if limit is not None:
            wanted.append("< %s" % unit(limit))
            met = met and mine < limit
        if factor is not None:
            wanted.append(">= %.0fx" % factor)
            met = met and ratio is not None and ratio >= factor
        if wanted:
            cells += "   %s: %s" % (" and ".join(wanted), "met" if met else "MISSED")
        print(cells)


def load_average() -> str:
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
