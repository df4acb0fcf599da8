"""Score a zoo with the parser of the current checkout, using ../shared/tools/score.py's counting.

Per output: score.py's score_one (cells right, non-zero cells right, silent, invented, planted typo
detected / localised / fixed); plus a false 错误: a finding of severity "error" on an output whose
report carries no planted typo (every report of the zoo is consistent but for its typo).
"""
from __future__ import annotations

import importlib.util
import json
import resource
import shlex
import sys
from collections import defaultdict
from pathlib import Path

COUNTS = ("files", "no_output", "cells", "right", "nonzero", "nonzero_right", "silent", "invented",
          "typos", "detected", "localised", "fixed", "consistent", "false_error")


def load_scorer(explicit: str | None = None):
    """../shared/tools/score.py beside the checkout (CI), or beside the worktrees' parent (/work)."""
    here = Path(__file__).resolve().parent.parent
    candidates = [Path(explicit)] if explicit else []
    for root in (Path.cwd(), here):
        candidates += [root.parent / "shared/tools/score.py", root.parent.parent / "shared/tools/score.py"]
    for path in candidates:
        if path.is_file():
            spec = importlib.util.spec_from_file_location("shared_score", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    sys.exit("zoo score: the scorer ../shared/tools/score.py was not found beside the checkout "
             f"(looked at: {', '.join(str(c) for c in candidates)}); pass --scorer PATH")


def run_parser(scorer, command: str, files: list[Path], chunk: int = 150, log=print) -> dict[str, dict]:
    """The parser's output per file; logs the CPU seconds it took (stable on a shared machine)."""
    outputs: dict[str, dict] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for i in range(0, len(files), chunk):
        outputs.update(scorer.run_parser(command, files[i:i + chunk]))
        log(f"  parsed {min(i + chunk, len(files))}/{len(files)}", file=sys.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    log(f"  parser CPU time {seconds:.1f} s for {len(files)} files ({1000 * seconds / max(len(files), 1):.0f} ms a file)",
        file=sys.stderr)
    return outputs


def score_zoo(target: Path, command: str, scorer, only=()) -> list[dict]:
    """One row per output: its groups (converter, encoding, template, zeros, typo) and its counts.

    `only` limits the outputs to those of the converters named."""
    cases = []
    for report, truth_file in scorer.find_cases([str(target)]):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if not only or (truth.get("zoo") or {}).get("converter") in only:
            cases.append((report, truth))
    if not cases:
        sys.exit(f"zoo score: no outputs with truth in {target}")
    outputs = run_parser(scorer, command, [f for f, _ in cases])
    rows = []
    for report, truth in cases:
        output = outputs.get(str(report.resolve()))
        res = scorer.score_one(truth, output)
        zoo = truth.get("zoo") or {}
        injected = truth.get("injected")
        errors = [f for f in (output or {}).get("findings") or [] if f.get("severity") == "error"]
        counts = {"files": 1, "no_output": output is None, "typos": int("detected" in res),
                  "consistent": int(not injected), "false_error": int(not injected and bool(errors))}
        counts.update({k: res.get(k, 0) for k in ("cells", "right", "nonzero", "nonzero_right", "silent", "invented",
                                                  "detected", "localised", "fixed")})
        rows.append({"file": report.name,
                     "groups": {"converter": zoo.get("converter", "?"), "encoding": zoo.get("encoding", "?"),
                                "template": truth.get("template", "?"), "zeros": zoo.get("zeros", "?"),
                                "typo": (injected or {}).get("kind", "none"),
                                **({"quirks": tuple(zoo["quirks"]) or ("none",)} if "quirks" in zoo else {}),
                                **({"variant": tuple(zoo["variant"])} if "variant" in zoo else {})},
                     "counts": {k: int(v) for k, v in counts.items()}, "wrong": res["wrong"],
                     "errors": errors, "injected": injected,
                     "suggestions": [f["suggestion"] for f in (output or {}).get("findings") or [] if f.get("suggestion")]})
    return rows


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:6.2f}" if whole else "     -"


def table(rows: list[dict], group: str) -> list[str]:
    sums: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    for row in rows:
        keys = row["groups"].get(group, ())
        for key in ("ALL",) + ((keys,) if isinstance(keys, str) else keys):  # a file counts under each of its quirks
            for k, v in row["counts"].items():
                sums[key][k] += v
    head = (f"{group:22s} {'files':>5s} {'cells%':>6s} {'nonz%':>6s} {'silent':>6s} {'typos':>5s} "
            f"{'det%':>6s} {'loc%':>6s} {'fix%':>6s} {'cons':>5s} {'false错误%':>9s}")
    lines = [head, "-" * len(head)]
    for key in sorted(k for k in sums if k != "ALL") + ["ALL"]:
        s = sums[key]
        lines.append(f"{key:22s} {s['files']:5d} {_pct(s['right'], s['cells'])} {_pct(s['nonzero_right'], s['nonzero'])} "
                     f"{s['silent']:6d} {s['typos']:5d} {_pct(s['detected'], s['typos'])} {_pct(s['localised'], s['typos'])} "
                     f"{_pct(s['fixed'], s['typos'])} {s['consistent']:5d} {_pct(s['false_error'], s['consistent']):>9s}")
    return lines


def summary(rows: list[dict]) -> str:
    s = dict.fromkeys(COUNTS, 0)
    for row in rows:
        for k, v in row["counts"].items():
            s[k] += v
    return (f"zoo: {s['files']} files · cells {_pct(s['right'], s['cells']).strip()}% right · non-zero "
            f"{_pct(s['nonzero_right'], s['nonzero']).strip()}% · silent {s['silent']} · invented {s['invented']} · "
            f"typos detected {s['detected']}/{s['typos']} localised {s['localised']} fixed {s['fixed']} · "
            f"false 错误 {s['false_error']}/{s['consistent']} consistent files · no output {s['no_output']}")


def default_command() -> str:
    return f"{shlex.quote(sys.executable)} main.py extract"
