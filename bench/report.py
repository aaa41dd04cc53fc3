#!/usr/bin/env python3
"""Turns the measurements of scripts/bench into a table (printed) and bench/results.md.

Arguments: measure.tsv out.md scale runs enrolment_rows survey_rows machine settings parser_output load_at_start
           [first_load_rows first_load_teachers]
measure.tsv lines: name, wall seconds, peak RSS (KB), rows, bytes, loader's own seconds (may be empty).
"""
import statistics
import sys
from collections import defaultdict

(tsv, out, scale, runs, enrol_rows, survey_rows, machine, settings, parser_output, load_start) = sys.argv[1:11]
first_rows, first_teachers = (sys.argv[11:13] + ["", ""])[:2]

samples = defaultdict(list)
for line in open(tsv, encoding="utf-8"):
    name, seconds, rss, rows, size, inner = line.rstrip("\n").split("\t")
    samples[name].append({
        "s": float(seconds), "rss": int(rss) if rss else 0, "rows": int(rows), "bytes": int(size),
        "inner": float(inner) if inner else None,
    })


def stat(name, key="s"):
    values = [m[key] for m in samples.get(name, []) if m[key] is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values), len(values)


def fmt_s(v):
    return f"{v:.2f}" if v >= 1 else f"{v * 1000:.0f} ms"


def spread(st):
    median, low, high, n = st
    return f"{fmt_s(median)} ({fmt_s(low)}–{fmt_s(high)}, n={n})"


floor = {"enrolments": stat("floor_enrolments"), "survey": stat("floor_survey"),
         "first": stat("floor_first_enrolments")}
lines = []
lines.append("| measurement | median s (min–max) | rows/s | MB/s | × floor | peak RSS MB |")
lines.append("|---|---|---|---|---|---|")


def row(label, name, key="s", floor_of=None):
    st = stat(name, key)
    if st is None:
        return None
    first = samples[name][0]
    median = st[0]
    rate = first["rows"] / median if median > 0 else 0
    mbs = first["bytes"] / 1e6 / median if median > 0 and first["bytes"] else 0
    ratio = ""
    if floor_of and floor[floor_of]:
        ratio = f"{median / floor[floor_of][0]:.2f}"
    rss = stat(name, "rss")
    rss_text = f"{rss[2] / 1024:.0f}" if rss and rss[2] else ""
    lines.append(f"| {label} | {spread(st)} | {rate:,.0f} | {mbs:.1f} | {ratio} | {rss_text} |")
    return median


row("`psql \\copy` enrolments → text columns (floor)", "floor_enrolments", floor_of="enrolments")
row("`pdmon load enrolments`, empty warehouse: the load", "load_enrolments_empty", "inner", "enrolments")
row("… the whole command (+ analyze, mart refresh)", "load_enrolments_empty", "s", "enrolments")
row("`pdmon load enrolments`, reload of changed data: the load", "reload_enrolments_changed", "inner", "enrolments")
row("… the whole command", "reload_enrolments_changed", "s", "enrolments")
row("pgloader enrolments → flat typed table (peer)", "pgloader", floor_of="enrolments")
row("`psql \\copy` survey → text columns (floor)", "floor_survey", floor_of="survey")
row("`pdmon load survey`, empty: the load", "load_survey_empty", "inner", "survey")
row("… the whole command", "load_survey_empty", "s", "survey")
row("`pdmon load survey`, reload of changed data: the load", "reload_survey_changed", "inner", "survey")
row("… the whole command", "reload_survey_changed", "s", "survey")
row("`pdmon load enrolments`, file 10× smaller: the load", "load_enrolments_small", "inner")
row("… the whole command", "load_enrolments_small", "s")
row("`psql \\copy` first load (every teacher new) → text columns (floor)", "floor_first_enrolments", floor_of="first")
row("`pdmon load enrolments`, first load, every teacher new: the load", "first_load_enrolments", "inner", "first")
row("… the whole command", "first_load_enrolments", "s", "first")
load_table = "\n".join(lines)

report_lines = ["| report | pdmon median (min–max) | psql median (min–max) | pdmon ÷ psql | rows |", "|---|---|---|---|---|"]
report_ratios = {}
for name in ("trend", "compare", "indicators", "trend_csv", "compare_csv", "indicators_csv"):
    ours, theirs = stat(f"report_{name}"), stat(f"psql_{name}")
    if not ours or not theirs:
        continue
    ratio = ours[0] / theirs[0]
    label = name.replace("_csv", "") + (" --format csv` (psql `--csv`)" if name.endswith("_csv") else "` (psql aligned)")
    if not name.endswith("_csv"):
        report_ratios[name] = (ratio, ours[0])
    report_lines.append(f"| `report {label} | {spread(ours)} | {spread(theirs)} | {ratio:.2f} | {samples[f'report_{name}'][0]['rows']} |")
report_table = "\n".join(report_lines)

# Targets.
targets = []


def verdict(ok):
    return "met" if ok else "**missed**"


for kind in ("enrolments", "survey"):
    load = stat(f"load_{kind}_empty", "inner")
    whole = stat(f"load_{kind}_empty")
    if load and floor[kind]:
        r, rw = load[0] / floor[kind][0], whole[0] / floor[kind][0]
        targets.append(f"- {kind}: validated load into the star schema within 1.5× the `\\copy` floor: "
                       f"{r:.2f}× (whole command {rw:.2f}×) — {verdict(r <= 1.5)}")
first, first_whole = stat("first_load_enrolments", "inner"), stat("first_load_enrolments")
if first and first_whole and floor["first"]:
    r, rw = first[0] / floor["first"][0], first_whole[0] / floor["first"][0]
    targets.append(f"- first load ({first_rows} rows of {first_teachers} new teachers): the load within 1.5× its `\\copy` floor: "
                   f"{r:.2f}× — {verdict(r <= 1.5)}; the whole command within 2.0×: {rw:.2f}× — {verdict(rw <= 2.0)}")
big, small = stat("load_enrolments_empty", "rss"), stat("load_enrolments_small", "rss")
if big and small:
    r = big[2] / small[2]
    targets.append(f"- peak memory independent of size: {big[2] / 1024:.0f} MB for {enrol_rows} rows vs "
                   f"{small[2] / 1024:.0f} MB for a tenth: {r:.2f}× (≤ 1.2×) — {verdict(r <= 1.2)}; "
                   f"under 150 MB — {verdict(big[2] / 1024 < 150)}")
bigt, smallt = stat("load_enrolments_empty", "inner"), stat("load_enrolments_small", "inner")
if bigt and smallt:
    r = bigt[0] / smallt[0]
    targets.append(f"- linear growth: 10× rows took {r:.1f}× the time (≤ 11×) — {verdict(r <= 11)}")
for name, (ratio, ours) in report_ratios.items():
    targets.append(f"- `report {name}` (default table output) within 1.2× psql ({ratio:.2f}×) — {verdict(ratio <= 1.2)}; "
                   f"under 300 ms ({ours * 1000:.0f} ms) — {verdict(ours < 0.3)}")
    csv = (stat(f"report_{name}_csv"), stat(f"psql_{name}_csv"))
    if csv[0] and csv[1]:
        targets.append(f"  - as CSV: {csv[0][0] / csv[1][0]:.2f}× psql `--csv`, {csv[0][0] * 1000:.0f} ms")

text = f"""# Benchmark results

Written by `scripts/bench --scale {scale} --runs {runs}`: {enrol_rows} enrolment rows, {survey_rows} census rows
in one file each (the five yearly files under one header); the first load: {first_rows or "(not run)"} enrolment rows
of {first_teachers or "?"} teachers, one year, into a warehouse with no teacher yet. Each figure is the median of the runs with min and
max; compared commands alternate within a run. Times are wall-clock times of the whole process; "the load" is
the loader's own time for the file (parse, validate, COPY, key check, merge, commit), "the whole command" adds
the `analyze` and the mart refresh that `pdmon load` runs after loading. Peak RSS is the largest of the runs
(`/usr/bin/time`).

## Machine

{machine}
- load average at the start: {load_start}

Server settings:

```
{settings}
```

## Loads

{load_table}

## Reports

{report_table}

## Parser alone (no database)

```
{parser_output.strip() or "(not run)"}
```

## Targets

{chr(10).join(targets)}
"""
# Sections other scripts keep in the same file (scripts/bench-files: file formats and the cost
# of the file checks) survive a rewrite: everything from the first "<!-- section:" marker on.
try:
    with open(out, encoding="utf-8") as handle:
        previous = handle.read()
    marker = previous.find("<!-- section:")
    if marker >= 0:
        text += "\n" + previous[marker:]
except FileNotFoundError:
    pass
with open(out, "w", encoding="utf-8") as handle:
    handle.write(text)
print(load_table)
print()
print(report_table)
print()
if parser_output.strip():
    print(parser_output.strip())
    print()
print("\n".join(targets))
