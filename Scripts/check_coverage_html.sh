#!/usr/bin/env bash
# Renders the HTML coverage report in a real headless browser (Debian's chromium) and checks it:
#
# - the morning seed page: a screenshot (1400x2000) to look at, and the DOM after the page's
#   script ran: highlighted (linked) summary sentences, linked full-text sentences, unsupported
#   sentences and unresolved mentions counted and compared with the JSON report of the same page;
#   the page's own script ran (it marks <html class="js">) and is the only script;
# - a synthetic page whose text holds <script>alert(1)</script>: it stays inert text;
# - both JSON reports against Schemas/coverage-report.schema.json, when python3 has jsonschema.
#
# Usage: Scripts/check_coverage_html.sh [DOCALIGN] [OUTDIR]
#   DOCALIGN  the docalign program (default: the debug build, built when missing)
#   OUTDIR    where the reports, DOM dumps and screenshot go (default: /tmp/docalign-coverage-check)
# Needs chromium (apt-get install chromium; fonts-wqy-microhei or another CJK font for the
# Chinese summary to show in the screenshot) and python3. Exit status 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

docalign=${1:-}
out=${2:-/tmp/docalign-coverage-check}
if [ -z "$docalign" ]; then
  swift build --product docalign >/dev/null
  docalign="$(swift build --show-bin-path)/docalign"
fi
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [ -z "$browser" ]; then
  echo "check_coverage_html: no chromium found (apt-get install chromium)" >&2
  exit 2
fi
mkdir -p "$out"
morning=Examples/un-press-releases/hrc-2016-03-07-morning.zh-summary.en-fulltext.txt
synthetic=Tests/DocAlignTests/Fixtures/coverage/escaping-and-gaps.txt

# Chromium wants a writable home and no session bus in containers; its bus errors are noise.
export HOME=${HOME:-/tmp}
run_browser() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$out/profile" "$@" 2>>"$out/chromium.log"
}

for name in morning synthetic; do
  page=${!name}
  "$docalign" coverage "$page" --format json -o "$out/$name.json"
  "$docalign" coverage "$page" --format html -o "$out/$name.html"
  run_browser --dump-dom --virtual-time-budget=2000 "file://$(realpath "$out/$name.html")" >"$out/$name.dom.html"
done
rm -f "$out/morning.png"
run_browser --screenshot="$out/morning.png" --window-size=1400,2000 "file://$(realpath "$out/morning.html")" >/dev/null

python3 - "$out" <<'PYTHON'
import json, struct, sys
from html.parser import HTMLParser

out = sys.argv[1]
failures = []

def check(condition, message):
    print(("ok    " if condition else "FAIL  ") + message)
    if not condition:
        failures.append(message)

class Census(HTMLParser):
    """Counts elements by class inside the two columns (#summary, #fulltext) of the DOM."""
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # (tag, column) of open elements
        self.counts = {}
        self.scripts = 0
        self.html_classes = []
        self.text = {"summary": [], "fulltext": []}

    def column(self):
        return self.stack[-1][1] if self.stack else None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "html":
            self.html_classes = classes
        if tag == "script":
            self.scripts += 1
        column = attrs.get("id") if attrs.get("id") in ("summary", "fulltext") else self.column()
        if column:
            for name in classes:
                key = (column, tag, name)
                self.counts[key] = self.counts.get(key, 0) + 1
            if tag == "span" and "s" in classes and "linked" in classes:
                self.counts[(column, "linked-summary")] = self.counts.get((column, "linked-summary"), 0) + 1
            if tag == "span" and "t" in classes and "linked" in classes:
                self.counts[(column, "linked-fulltext")] = self.counts.get((column, "linked-fulltext"), 0) + 1
            if tag == "span" and "s" in classes and "unsupported" in classes:
                self.counts[(column, "unsupported")] = self.counts.get((column, "unsupported"), 0) + 1
        if tag not in self.VOID:
            self.stack.append((tag, column))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        column = self.column()
        if column in self.text:
            self.text[column].append(data)

def census(name):
    parser = Census()
    with open(f"{out}/{name}.dom.html", encoding="utf-8") as f:
        parser.feed(f.read())
    return parser

# The morning page: highlighted sentences in the rendered DOM against the JSON report.
report = json.load(open(f"{out}/morning.json", encoding="utf-8"))
totals = report["totals"]
dom = census("morning")
check(dom.counts.get(("summary", "linked-summary"), 0) == totals["linkedSummarySentences"],
      f"morning: {dom.counts.get(('summary', 'linked-summary'), 0)} highlighted summary sentences in the DOM, "
      f"{totals['linkedSummarySentences']} linked in the JSON report")
check(dom.counts.get(("fulltext", "linked-fulltext"), 0) == totals["linkedFullTextSentences"],
      f"morning: {dom.counts.get(('fulltext', 'linked-fulltext'), 0)} highlighted full-text sentences, "
      f"{totals['linkedFullTextSentences']} in the JSON report")
check(dom.counts.get(("summary", "unsupported"), 0) == totals["unsupportedSentences"],
      f"morning: {dom.counts.get(('summary', 'unsupported'), 0)} flagged unsupported sentences, "
      f"{totals['unsupportedSentences']} in the JSON report")
check(dom.counts.get(("summary", "mark", "unresolved"), 0) == totals["unresolvedMentions"],
      f"morning: {dom.counts.get(('summary', 'mark', 'unresolved'), 0)} marked unresolved mentions, "
      f"{totals['unresolvedMentions']} in the JSON report")
check("Defence for Children International" in "".join(dom.text["summary"]), "morning: Defence for Children International shown")
check("js" in dom.html_classes, "morning: the page's script ran (<html class=\"js\">)")
check(dom.scripts == 1, f"morning: {dom.scripts} script element(s), expected 1")

# The screenshot: a PNG of 1400x2000.
with open(f"{out}/morning.png", "rb") as f:
    header = f.read(24)
width, height = struct.unpack(">II", header[16:24]) if header[:8] == b"\x89PNG\r\n\x1a\n" else (0, 0)
check((width, height) == (1400, 2000), f"morning: screenshot {out}/morning.png is {width}x{height}")

# The synthetic page: its <script> stays text.
dom = census("synthetic")
summary_text = "".join(dom.text["summary"])
check(dom.scripts == 1, f"synthetic: {dom.scripts} script element(s) after rendering, expected 1 (DocAlign's own)")
check("<script>alert(1)</script>" in summary_text, "synthetic: <script>alert(1)</script> is shown as text")
check("& other \"quoted\" matters" in summary_text, "synthetic: & and quotes shown as text")
raw = open(f"{out}/synthetic.html", encoding="utf-8").read()
check("<script>alert" not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw, "synthetic: the HTML file escapes the page text")

# Both JSON reports against the schema, when jsonschema is installed.
try:
    import jsonschema
except ImportError:
    print("skip  JSON Schema validation (python3 has no jsonschema)")
else:
    schema = json.load(open("Schemas/coverage-report.schema.json", encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for name in ("morning", "synthetic"):
        errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(f"{out}/{name}.json", encoding="utf-8"))))
        check(not errors, f"{name}: JSON report valid against the schema" + (f": {errors[0].message}" if errors else ""))

if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print(f"all checks passed; screenshot: {out}/morning.png")
PYTHON
