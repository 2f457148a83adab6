#!/usr/bin/env python3
"""Lists import loops among the files of src/ui (and among its folders); exits 1 if there is one.

Every `use` statement and every inline path that starts with `crate::ui::`, `super::` or `self::`
is resolved to the file that defines the module it names (a path to an item resolves to the file
of the module holding it). A loop is a set of files that reach one another through such edges.
`mod x;` lines are not imports. Usage: python3 scripts/ui_import_loops.py [src/ui]
"""

import re
import sys
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else "src/ui")


def module_of(path: Path) -> tuple:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return tuple(parts)


FILES = {module_of(p): p for p in ROOT.rglob("*.rs")}


def resolve(parts: tuple):
    """The module file holding the longest prefix of `parts` that is a module."""
    for n in range(len(parts), -1, -1):
        if parts[:n] in FILES:
            return parts[:n]
    return None


def expand(path: str) -> list:
    """`a::{b, c::{d, e}}` → [`a::b`, `a::c::d`, `a::c::e`]."""
    m = re.match(r"^([\w:]*?)::\{(.*)\}$", path, re.S)
    if not m:
        return [path]
    head, body = m.group(1), m.group(2)
    items, depth, cur = [], 0, ""
    for ch in body:
        if ch == "," and depth == 0:
            items.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    items.append(cur)
    out = []
    for item in (i.strip() for i in items if i.strip()):
        item = re.sub(r"\s+as\s+\w+$", "", item)
        out += expand(f"{head}::{item}")
    return out


def targets(module: tuple, text: str) -> set:
    # Unit tests (`#[cfg(test)] mod tests`, at the end of a file) import their own file.
    text = text.split("#[cfg(test)]\nmod tests")[0]
    text = re.sub(r"//[^\n]*", "", text)
    paths = []
    for stmt in re.findall(r"\buse\s+([^;]+);", text):
        paths += expand(re.sub(r"\s+", " ", stmt).strip())
    text_wo_use = re.sub(r"\buse\s+[^;]+;", "", text)
    paths += re.findall(r"\b(?:crate::ui|super|self)(?:::\w+)+", text_wo_use)
    found = set()
    for path in paths:
        segs = [s for s in path.replace(" ", "").split("::") if s and s != "self" or s == "self"]
        if segs[:2] == ["crate", "ui"]:
            parts = tuple(segs[2:])
        elif segs[0] in ("super", "self"):
            base = list(module)
            # `super` in a mod.rs names the folder's parent; in x.rs, the folder.
            while segs and segs[0] == "super":
                base = base[:-1]
                segs = segs[1:]
            if segs and segs[0] == "self":
                segs = segs[1:]
            parts = tuple(base) + tuple(s for s in segs if s != "self")
        else:
            continue
        target = resolve(parts)
        if target is not None and target != module:
            found.add(target)
    return found


def loops(graph: dict) -> list:
    """Strongly connected components with more than one member (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def name(module: tuple) -> str:
    return "/".join(module) or "mod.rs"


files = {m: targets(m, p.read_text()) for m, p in FILES.items()}
# A folder's mod.rs declares its children; imports between a folder and its own files are
# the folder's business, so the folder graph ignores them.
folders = {}
for m, ts in files.items():
    src = m[:1]
    for t in ts:
        if t[:1] != src and src and t[:1]:
            folders.setdefault(src, set()).add(t[:1])
file_loops, folder_loops = loops(files), loops(folders)
for comp in file_loops:
    print("file loop:", " → ".join(name(m) for m in comp))
for comp in folder_loops:
    print("folder loop:", " ↔ ".join(name(m) for m in comp))
print(f"{len(FILES)} files, {sum(len(t) for t in files.values())} imports between them; "
      f"{len(file_loops)} file loops, {len(folder_loops)} folder loops")
sys.exit(1 if file_loops else 0)
