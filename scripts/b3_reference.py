#!/usr/bin/env python3
"""Builds assets/b3.tsv, the B3 (Brazil) reference list, from a public compilation of B3's
listed-companies directory.

Source: b3_companies_and_fiis_details.json in https://github.com/tsubilhaga/IRParser at commit
5b7d957fd7d245e4e3da6be8edc9d7736f8d2464 (MIT License, Copyright (c) 2025 tsubilhaga), which its
get_b3_details.ps1 gathered from B3's public "empresas listadas" pages: every trading code of
every listed company and real-estate fund, with the company's legal name and CNPJ.

Kept: shares and units whose code is a four-character root plus a class number (3 ON, 4 PN,
5-8 PNA-PND, 11 units) and real-estate fund units (11). Dropped: debentures, codes without a
class, BDRs (31-39: receipts of foreign companies already in the SEC list) and rights.

Listings of one company (same CNPJ) form an issuer. Its main listing comes first: the one the
curated aliases of src/extract/known_names.rs name (PETR4 for Petrobras), else one in its list of
bare symbols, else the unit (11),
else the lowest class number (ON before PN).

Usage: python3 scripts/b3_reference.py b3_companies_and_fiis_details.json > assets/b3.tsv
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^([A-Z][A-Z0-9]{3})(3|4|5|6|7|8|11)$")


def curated_symbols():
    """The B3 symbols of known_names.rs: those its aliases point to, then its bare-symbol list."""
    text = (ROOT / "src/extract/known_names.rs").read_text(encoding="utf-8")
    shape = r"[A-Z][A-Z0-9]{3}(?:3|4|5|6|7|8|11)"
    aliased = set(re.findall(rf'\("[^"]+", "({shape})", Case::', text))
    return aliased, set(re.findall(rf'"({shape})"', text))


def sec_symbols():
    lines = (ROOT / "assets/tickers.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith("#")}


def clean(name):
    return " ".join(name.replace("\t", " ").split())


def main(path):
    data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    (aliased, curated), sec = curated_symbols(), sec_symbols()
    issuers = {}
    for code, details in data.items():
        code = code.strip().upper()
        match = CODE.match(code)
        if not match or code in sec:
            continue
        kind = details.get("type")
        if kind == "FII" and match.group(2) != "11":
            continue
        key = details.get("cnpj") or match.group(1)
        name = clean(details.get("name") or "")
        if not name:
            continue
        issuers.setdefault(key, {"name": name, "codes": set()})["codes"].add(code)

    def order(code):
        number = int(CODE.match(code).group(2))
        return (code not in aliased, code not in curated, number != 11, number, code)

    groups = []
    for issuer in issuers.values():
        codes = sorted(issuer["codes"], key=order)
        groups.append((codes, issuer["name"]))
    # Curated (well-known) issuers first, then by main symbol.
    groups.sort(key=lambda g: (g[0][0] not in curated, g[0][0]))
    out = sys.stdout
    out.write(
        "# B3 (Brazil) listed shares, units and real-estate funds: symbol, company, issuer (its main "
        "listing); built by scripts/b3_reference.py from B3's listed-companies directory as compiled "
        "by tsubilhaga/IRParser (MIT), 2025\n"
    )
    for codes, name in groups:
        for code in codes:
            out.write(f"{code}\t{name}\t{codes[0]}\n")


if __name__ == "__main__":
    main(sys.argv[1])
