#!/bin/sh
# SPDX-License-Identifier: ISC
# The real WARC files of the development corpus (../shared/corpus/warc,
# written by other tools: a Common Crawl excerpt plain and gzip'd, ClueWeb
# quirks, a clipped file, block-sized records).  A reader of its own here
# (python3's zlib) lists each file's records; artparse must account for
# every HTML response: converted (at its offset, with its URI) or
# reported on one line; the clipped file gets one error line and status
# 1; no run ends on a signal or with a sanitizer report.
# Skipped when the folder is absent or artparse reads no WARC.
# Usage: sh tests/warc-corpus.sh path/to/artparse [corpus folder]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
corpus=${2:-../shared/corpus/warc}
if [ ! -d "$corpus" ]; then
	echo "warc-corpus: skipped: no folder $corpus"
	exit 0
fi
if ! "$bin" --help 2>/dev/null | grep -q 'warc'; then
	echo "warc-corpus: skipped: $bin reads no WARC (no 'warc' in --help)"
	exit 0
fi
command -v python3 >/dev/null || { echo "warc-corpus: skipped: no python3"; exit 0; }
exec python3 - "$bin" "$corpus" <<'EOF'
import glob, json, os, re, subprocess, sys, zlib

bin, corpus = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(cond, msg):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + msg)


def inflate(data):
    """The file's bytes as one stream, the stream offsets at which gzip
    members start (with their file offsets), and whether it is whole."""
    if data[:2] != b"\x1f\x8b":
        return data, {}, True
    out, starts, off = bytearray(), {}, 0
    while off < len(data):
        d = zlib.decompressobj(31)
        starts[len(out)] = off
        try:
            out += d.decompress(data[off:])
        except zlib.error:
            return bytes(out), starts, False
        if not d.eof:
            return bytes(out), starts, False
        off = len(data) - len(d.unused_data)
    return bytes(out), starts, True


def records(path):
    """(offset, WARC headers, block) of each whole record, and whether
    the file ended inside a record."""
    stream, starts, whole = inflate(open(path, "rb").read())
    pos, recs = 0, []
    while True:
        while stream[pos:pos + 1] in (b"\r", b"\n"):
            pos += 1
        if pos >= len(stream):
            return recs, not whole
        end = stream.find(b"\r\n\r\n", pos)
        if not stream.startswith(b"WARC/", pos) or end < 0:
            return recs, True
        head = {}
        for line in stream[pos:end].split(b"\r\n")[1:]:
            k, _, v = line.decode("utf-8", "replace").partition(":")
            head[k.strip().lower()] = v.strip()
        n = int(head.get("content-length", "0"))
        if end + 4 + n > len(stream):
            return recs, True
        recs.append((starts.get(pos, pos), head, stream[end + 4:end + 4 + n]))
        pos = end + 4 + n


def is_html(ct):
    t = ct.split(";")[0].strip().lower()
    return t in ("text/html", "application/xhtml+xml")


def convertible(head, block):
    """A response of status 200 with an HTML Content-Type, or an HTML
    resource record."""
    kind = head.get("warc-type", "")
    if kind == "resource":
        return is_html(head.get("content-type", ""))
    if kind != "response":
        return False
    m = re.match(rb"HTTP/\d\.\d (\d{3})", block)
    if not m or m.group(1) != b"200":
        return False
    httphead = re.split(rb"\r?\n\r?\n", block, 1)[0].decode("latin-1")
    cts = [l.split(":", 1)[1] for l in httphead.splitlines()[1:]
           if l.lower().startswith("content-type:")]
    return bool(cts) and is_html(cts[-1])


def run(path):
    p = subprocess.run([bin, "-q", "-f", "json", "--allow-empty", "-j", "1",
                        path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8"), \
        p.stderr.decode("utf-8", "replace")


outputs = {}
files = sorted(glob.glob(os.path.join(corpus, "*.warc")) +
               glob.glob(os.path.join(corpus, "*.warc.gz")))
check(files, "no WARC file in " + corpus)
for path in files:
    name = os.path.basename(path)
    recs, clipped = records(path)
    want = {off: h.get("warc-target-uri") for off, h, b in recs
            if convertible(h, b)}
    rc, out, err = run(path)
    lines = [json.loads(l) for l in out.splitlines()]
    errs = [l for l in err.splitlines() if l]
    outputs[name] = lines
    check(0 <= rc < 128, f"{name}: ended on a signal (status {rc})")
    check(not re.search(r"Sanitizer|runtime error|LeakSanitizer", err),
          f"{name}: sanitizer report: {err[:300]}")
    check(all(l.startswith("artparse: " + path + ": ") for l in errs),
          f"{name}: an error line does not name the file: {errs[:3]}")
    check(rc == (1 if errs else 0),
          f"{name}: status {rc} with {len(errs)} error lines: {errs[:3]}")
    as_warc = [l for l in lines if "warc" in l.get("source", {})]
    check(len(as_warc) == len(lines),
          f"{name}: {len(lines) - len(as_warc)} outputs not read as WARC "
          "records (no source.warc)")
    got = {l["source"]["warc"]["offset"]: l["source"].get("url")
           for l in as_warc}
    check(len(got) == len(as_warc), f"{name}: two outputs with one offset")
    check(all(got[o] == want.get(o) for o in got),
          f"{name}: outputs at offsets or URIs not of an HTML response: "
          f"{sorted(set(got.items()) - set(want.items()))[:3]}")
    reported = len([l for l in errs if ": record at offset " in l])
    if clipped:
        check(len(errs) == 1 and rc == 1,
              f"{name}: clipped: status {rc}, {len(errs)} error lines, "
              f"wanted 1 and 1: {errs[:3]}")
        check(len(lines) == len(want),
              f"{name}: clipped: {len(lines)} of its {len(want)} whole "
              "records converted")
    else:
        check(len(lines) + reported == len(want),
              f"{name}: {len(lines)} converted and {reported} reported "
              f"of {len(want)} HTML responses")
    print(f"warc-corpus: {name}: {len(recs)} records, {len(want)} HTML "
          f"responses, {len(lines)} converted, {len(errs)} error lines, "
          f"status {rc}")

# A file and its gzip'd copy give the same articles.
def strip(lines):
    return [dict(l, source=dict(l["source"], path=None,
                                warc=dict(l["source"].get("warc", {}),
                                          file=None, offset=None)))
            for l in lines]


for plain in [n for n in outputs if n + ".gz" in outputs]:
    check(strip(outputs[plain]) == strip(outputs[plain + ".gz"]),
          f"{plain} and {plain}.gz give different articles")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
