#!/usr/bin/env python3
"""Writes realistic messages straight into a Maildir folder (used by `scripts/mailstack fill`).

    mailfill.py --maildir PATH --user alice@example.test --count N [--size BYTES] [--uid U --gid G]
                [--seed S] [--span-days D]

The messages vary the way a real mailbox does: about 300 senders (some with non-ASCII names in
RFC 2047 encoded words), mailing lists, threads (Re: subjects with In-Reply-To and References),
dates spread over --span-days (default 3 years) in ascending order with varied time zones,
text/plain in 7bit or quoted-printable, multipart/alternative with HTML, multipart/mixed with a
base64 attachment, and flags (most older mail \\Seen, some \\Flagged and \\Answered, the newest few
in new/). Sizes follow a log-normal distribution whose mean is --size.

Each file is written to tmp/, owned by --uid/--gid, given the message's arrival time as mtime (the
IMAP INTERNALDATE) and renamed into cur/ (or new/). File names carry S= (size) and W= (size with CRLF
line ends) so Dovecot indexes without opening the files. The same arguments and --seed produce the
same messages. Writes 100,000 messages of 4 KB in about 10 to 20 seconds.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import math
import os
import random
import sys
import time
import zlib
from email.utils import formatdate

FIRST = ("Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert "
         "Sybil Trent Victor Walter Wendy Xavier Yolanda Zoe Aaron Beatrice Cedric Daphne Elliot Fiona "
         "Gustav Hannah Igor Jasmine Konrad Leila Marcus Nadia Oscar Priya Quentin Rosa Samuel Tara "
         "Umberto Vera Wesley Ximena Yusuf Zara").split()
LAST = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker "
        "White Roberts Green Hall Wood Jackson Clarke Patel Nguyen Kim Schmidt Rossi Silva Novak "
        "Kowalski Jensen Larsen").split()
# Names that need RFC 2047 encoded words: (display name, charset, encoding)
INTL = (("José Núñez", "utf-8", "Q"), ("Zoë Ångström", "utf-8", "Q"), ("Łukasz Wiśniewski", "utf-8", "B"),
        ("Dvořák Jiří", "utf-8", "Q"), ("田中 太郎", "utf-8", "B"), ("Ελένη Παπαδοπούλου", "utf-8", "B"),
        ("Søren Kierkegård", "iso-8859-1", "Q"), ("Иван Петров", "utf-8", "B"))
DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com", "corp.example", "uni.example.edu")
LISTS = (("dev", "Development discussion"), ("announce", "Announcements"), ("users", "User questions"),
         ("security", "Security advisories"))
TOPICS = ("build", "release", "meeting", "invoice", "report", "deploy", "backup", "server", "migration",
          "schedule", "budget", "review", "patch", "outage", "design", "roadmap", "contract", "travel",
          "hiring", "newsletter", "quarterly numbers", "test failures", "database", "certificate",
          "onboarding", "holiday plans", "conference", "benchmark", "documentation", "offsite")
SUBJECT_FORMS = ("{t} update", "Question about the {t}", "{t}: next steps", "[action needed] {t}",
                 "Notes from the {t} call", "Re-scheduling the {t}", "{t} for {m}", "Draft {t} attached",
                 "Quick {t} question", "FYI: {t}", "{t} is blocked", "Thoughts on the {t}?")
INTL_SUBJECTS = ("Grüße aus München", "Réunion de l'équipe", "Café ☕ tomorrow?", "Über die Änderungen",
                 "年次報告書", "Привет из Москвы")
MONTHS = ("January February March April May June July August September October November December").split()
WORDS = ("the of and to in is that for it as with was on be by this are or at from have an not which "
         "but we they all were can there their has more if will one about up out them so what would "
         "time only new some could these two may then do first any like now my such make over our "
         "even most me state after also made many did must before back see through way where get much "
         "go well your know should down work year because come people just say each those take day "
         "good how long very still between system server message mail folder thread patch build test "
         "release deadline schedule meeting budget review report customer network deploy cluster disk "
         "memory latency queue index cache config backup restore ticket issue plan idea proposal").split()
ZONES = ("+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300", "+1000")


def encoded_word(text: str, charset: str, encoding: str) -> str:
    """An RFC 2047 encoded word for a display name or subject."""
    raw = text.encode(charset)
    if encoding == "B":
        return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="
    out = []
    for byte in raw:
        ch = chr(byte)
        if ch.isalnum() and byte < 128:
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append(f"={byte:02X}")
    return f"=?{charset}?Q?{''.join(out)}?="


class Generator:
    def __init__(self, rng: random.Random, user: str, size: int, folder_key: str) -> None:
        self.rng = rng
        self.user = user
        self.size = size
        self.folder_key = folder_key
        self.people = self._people()
        # A pool of ready-made body lines; bodies are slices of it (fast, varied enough).
        self.lines = [self._line() for _ in range(4000)]
        self.line_len = sum(len(x) + 1 for x in self.lines) / len(self.lines)
        blob = bytes(rng.getrandbits(8) for _ in range(48 * 1024))
        b64 = base64.b64encode(blob).decode()
        self.b64_lines = [b64[i:i + 76] for i in range(0, len(b64), 76)]
        self.recent: list[tuple[str, str, str]] = []  # (message-id, references, subject)

    def _people(self) -> list[str]:
        rng = self.rng
        people = []
        for _ in range(300):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            addr = f"{first.lower()}.{last.lower()}@{rng.choice(DOMAINS)}"
            people.append(f"{first} {last} <{addr}>" if rng.random() < 0.9 else addr)
        for name, charset, enc in INTL:
            local = "user" + str(rng.randrange(1000))
            people.append(f"{encoded_word(name, charset, enc)} <{local}@{rng.choice(DOMAINS)}>")
        return people

    def _line(self) -> str:
        rng = self.rng
        words, length = [], 0
        target = rng.randrange(30, 64)
        while length < target:
            w = rng.choice(WORDS)
            words.append(w)
            length += len(w) + 1
        line = " ".join(words)
        return line[0].upper() + line[1:] + ("." if rng.random() < 0.3 else "")

    def body_text(self, nbytes: int) -> str:
        n = max(2, int(nbytes / self.line_len))
        start, pool = self.rng.randrange(len(self.lines)), len(self.lines)
        if start + n <= pool:
            picked = self.lines[start:start + n]
        else:
            picked = [self.lines[(start + i) % pool] for i in range(n)]
        out, para = [], 0
        for line in picked:
            out.append(line)
            para += 1
            if para > 3 and self.rng.random() < 0.25:
                out.append("")
                para = 0
        return "\n".join(out)

    def target_size(self) -> int:
        sigma = 0.8
        value = self.size * math.exp(self.rng.gauss(-sigma * sigma / 2, sigma))
        return int(min(max(value, 300), self.size * 40))

    def subject(self) -> str:
        rng = self.rng
        if rng.random() < 0.04:
            return encoded_word(rng.choice(INTL_SUBJECTS), "utf-8", rng.choice("BQ"))
        text = rng.choice(SUBJECT_FORMS).format(t=rng.choice(TOPICS), m=rng.choice(MONTHS))
        return text[0].upper() + text[1:]

    def message(self, index: int, date: float) -> tuple[bytes, str]:
        """One message as bytes (LF line ends) and its Maildir flags."""
        rng = self.rng
        zone = rng.choice(ZONES)
        hours = int(zone[1:3]) + int(zone[3:5]) / 60
        offset = (hours if zone[0] == "+" else -hours) * 3600
        date_hdr = formatdate(date + offset)[:-5] + zone
        msgid = f"<{self.folder_key}.{index}.{rng.getrandbits(40):x}@{rng.choice(DOMAINS)}>"
        sender = rng.choice(self.people)
        to = self.user
        headers = []
        list_name = None
        if rng.random() < 0.2:
            list_name = rng.choice(LISTS)
        # Threads: a third of the messages answer a recent one.
        if self.recent and rng.random() < 0.35:
            parent_id, parent_refs, parent_subject = rng.choice(self.recent[-200:])
            subject = parent_subject if parent_subject.startswith("Re: ") else "Re: " + parent_subject
            refs = (parent_refs.split() + [parent_id])[-10:]
            headers.append(f"In-Reply-To: {parent_id}")
            headers.append("References: " + "\n ".join(refs))
            references = " ".join(refs)
        else:
            subject = self.subject()
            references = ""
        self.recent.append((msgid, references, subject))
        if len(self.recent) > 400:
            del self.recent[:200]

        head = [
            f"Return-Path: <{sender.split('<')[-1].rstrip('>')}>",
            f"Received: from mx.example.net (mx.example.net [192.0.2.{rng.randrange(1, 255)}])\n"
            f"\tby mail.example.test with ESMTPS id {rng.getrandbits(48):012X}\n\tfor <{self.user}>; {date_hdr}",
            f"Date: {date_hdr}",
            f"From: {sender}",
        ]
        if list_name:
            name, desc = list_name
            head.append(f"To: {name}@lists.example.org")
            head.append(f"List-Id: {desc} <{name}.lists.example.org>")
            head.append(f"List-Unsubscribe: <mailto:{name}-leave@lists.example.org>")
        else:
            head.append(f"To: {to}")
            if rng.random() < 0.15:
                head.append(f"Cc: {rng.choice(self.people)},\n {rng.choice(self.people)}")
        head.append(f"Subject: {subject}")
        head.append(f"Message-ID: {msgid}")
        head.extend(headers)
        if rng.random() < 0.3:
            head.append(f"X-Mailer: {rng.choice(('tern 0.1', 'Mutt/2.2.9', 'aerc 0.17', 'Thunderbird 115.6'))}")
        head.append("MIME-Version: 1.0")

        budget = max(200, self.target_size() - sum(len(h) + 1 for h in head) - 120)
        kind = rng.random()
        if kind < 0.65:
            text = self.body_text(budget)
            if rng.random() < 0.15:
                head.append("Content-Type: text/plain; charset=utf-8")
                head.append("Content-Transfer-Encoding: quoted-printable")
                text = text.replace(" the ", " thé ", 3).replace(" idea ", " idée ", 2) + "\n\nGrüße, à bientôt"
                text = binascii.b2a_qp(text.encode("utf-8")).decode("ascii")
            else:
                head.append("Content-Type: text/plain; charset=us-ascii; format=flowed")
                head.append("Content-Transfer-Encoding: 7bit")
            body = text
        elif kind < 0.85:
            boundary = f"=-alt-{rng.getrandbits(64):016x}"
            text = self.body_text(budget // 2)
            html = "<html><body>\n<p>" + text.replace("\n\n", "</p>\n<p>") + "</p>\n</body></html>"
            head.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
            body = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
                    f"{text}\n--{boundary}\nContent-Type: text/html; charset=utf-8\n"
                    f"Content-Transfer-Encoding: 7bit\n\n{html}\n--{boundary}--")
        else:
            boundary = f"=-mix-{rng.getrandbits(64):016x}"
            text = self.body_text(min(budget // 4, 2000))
            nlines = max(1, int((budget - len(text)) / 77))
            start = rng.randrange(len(self.b64_lines))
            att = "\n".join(self.b64_lines[(start + i) % len(self.b64_lines)] for i in range(nlines))
            ext, ctype = rng.choice((("pdf", "application/pdf"), ("png", "image/png"),
                                     ("zip", "application/zip"), ("ics", "application/octet-stream")))
            head.append(f'Content-Type: multipart/mixed; boundary="{boundary}"')
            body = (f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n"
                    f"{text}\n--{boundary}\nContent-Type: {ctype}; name=\"{rng.choice(TOPICS).replace(' ', '-')}.{ext}\"\n"
                    f"Content-Disposition: attachment; filename=\"attachment-{index}.{ext}\"\n"
                    f"Content-Transfer-Encoding: base64\n\n{att}\n--{boundary}--")
        if references and rng.random() < 0.5:
            body += "\n\n> " + "\n> ".join(self.lines[rng.randrange(len(self.lines) - 4):][:4])
        data = ("\n".join(head) + "\n\n" + body + "\n").encode("utf-8")

        flags = ""
        r = rng.random()
        if r < 0.05:
            flags += "F"
        if references and rng.random() < 0.3:
            flags += "R"
        return data, flags


def write_range(args: argparse.Namespace, seed: int, key: str, lo: int, hi: int) -> int:
    """Writes messages lo..<hi; runs in its own process. Returns the bytes written."""
    if args.uid >= 0 and os.getuid() == 0:
        # Create the files as the mail user directly (saves a chown per file).
        os.setgroups([])
        os.setgid(args.gid)
        os.setuid(args.uid)
    os.umask(0o077)
    rng = random.Random(seed * 1000003 + lo)
    gen = Generator(rng, args.user, args.size, key)
    now = args.now
    first = now - args.span_days * 86400
    step = (now - first) / max(args.count, 1)
    tmp, cur, new = (os.path.join(args.maildir, s) for s in ("tmp", "cur", "new"))
    prefix = f"P{os.getpid()}R{rng.getrandbits(24):06x}Q"
    unseen_from = int(args.count * 0.97)
    total = 0
    create = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for i in range(lo, hi):
        date = first + i * step + rng.uniform(0, step)
        data, flags = gen.message(i, date)
        size = len(data)
        vsize = size + data.count(b"\n")
        arrival = date + rng.uniform(1, 120)
        # time.Mmicros + P pid + Q index: unique, and sorted by arrival (Dovecot gives new files
        # UIDs in file-name order, so UIDs follow dates as in a real mailbox).
        base = f"{int(arrival)}.M{int((arrival % 1) * 1e6)}{prefix}{i}.tern-fill,S={size},W={vsize}"
        tmp_path = os.path.join(tmp, base)
        fd = os.open(tmp_path, create, 0o600)
        try:
            os.write(fd, data)
            os.utime(fd, (arrival, arrival))  # mtime = arrival = IMAP INTERNALDATE
        finally:
            os.close(fd)
        if i >= unseen_from and not flags:
            os.rename(tmp_path, os.path.join(new, base))
        else:
            if i < unseen_from or rng.random() < 0.2:
                flags += "S"
            os.rename(tmp_path, os.path.join(cur, f"{base}:2,{''.join(sorted(flags))}"))
        total += size
    return total


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--maildir", required=True, help="the folder's Maildir (has cur/ new/ tmp/)")
    p.add_argument("--user", required=True, help="the owner's address, used as To:")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--size", type=int, default=4096, help="average message size in bytes")
    p.add_argument("--uid", type=int, default=-1, help="owner of the files (root only)")
    p.add_argument("--gid", type=int, default=-1)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--span-days", type=float, default=3 * 365)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = p.parse_args()
    if args.count < 0 or args.size < 200:
        p.error("--count must be >= 0 and --size >= 200")
    for sub in ("cur", "new", "tmp"):
        if not os.path.isdir(os.path.join(args.maildir, sub)):
            print(f"mailfill: {args.maildir} is not a Maildir (no {sub}/)", file=sys.stderr)
            return 1

    key_text = f"{args.user}/{args.maildir}/{args.count}/{args.size}"
    seed = args.seed if args.seed is not None else zlib.crc32(key_text.encode())
    key = f"{zlib.crc32(key_text.encode()):08x}{seed & 0xffff:04x}"
    # Dates are relative to midnight UTC today, so a rerun today gives the same messages.
    args.now = float(int(time.time()) // 86400 * 86400)
    # Chunks of at least 5,000 messages, written in parallel; threads stay within a chunk.
    jobs = max(1, min(args.jobs, args.count // 5000))
    bounds = [args.count * j // jobs for j in range(jobs + 1)]
    if jobs == 1:
        total = write_range(args, seed, key, 0, args.count)  # may drop this process's privileges
    else:
        total = run_parallel(args, seed, key, bounds)
    if args.count:
        print(f"mailfill: wrote {args.count} messages, {total / 1e6:.1f} MB, "
              f"{total / args.count:.0f} bytes on average, seed {seed}", file=sys.stderr)
    return 0


def run_parallel(args: argparse.Namespace, seed: int, key: str, bounds: list[int]) -> int:
    """Runs write_range for each chunk in a forked child (which may drop privileges) and sums the
    bytes they report through a pipe. (A multiprocessing.Pool hangs here: a worker that dropped its
    privileges never hands its result back, and the parent waits for ever.)"""
    children = []
    for lo, hi in zip(bounds, bounds[1:]):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            code = 1
            try:
                total = write_range(args, seed, key, lo, hi)
                os.write(write_end, str(total).encode())
                code = 0
            except BaseException:
                import traceback
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        os.close(write_end)
        children.append((pid, read_end))
    total, failed = 0, 0
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            text = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not text:
            failed += 1
        else:
            total += int(text)
    if failed:
        raise SystemExit("mailfill: %d of %d writer processes failed" % (failed, len(children)))
    return total


if __name__ == "__main__":
    sys.exit(main())
