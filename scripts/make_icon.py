#!/usr/bin/env python3
"""Draws assets/icon.png: a research page with a rising figure on a slate tile.

Pure Python (zlib + struct), no image library: each pixel is shaded from signed distances to a
few shapes, supersampled 4x4 for smooth edges. Run from the repository root:

    python3 scripts/make_icon.py [SIZE] [OUT]
"""

import math
import struct
import sys
import zlib

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 256
OUT = sys.argv[2] if len(sys.argv) > 2 else "assets/icon.png"
SS = 4  # supersampling per axis


def rounded_rect(px, py, cx, cy, hw, hh, r):
    """Signed distance to a rounded rectangle centred at (cx, cy) with half sizes hw, hh."""
    qx = abs(px - cx) - hw + r
    qy = abs(py - cy) - hh + r
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    inside = min(max(qx, qy), 0.0)
    return outside + inside - r


def segment(px, py, ax, ay, bx, by, r):
    """Signed distance to a capsule from a to b with radius r."""
    pax, pay = px - ax, py - ay
    bax, bay = bx - ax, by - ay
    h = max(0.0, min(1.0, (pax * bax + pay * bay) / (bax * bax + bay * bay)))
    return math.hypot(pax - bax * h, pay - bay * h) - r


def mix(a, b, t):
    return tuple(a[i] + (b[i] - a[i]) * t for i in range(len(a)))


TILE_TOP = (44, 58, 74)
TILE_BOTTOM = (26, 34, 46)
PAGE = (236, 239, 242)
FOLD = (200, 206, 213)
RULE = (196, 202, 210)
LINE = (38, 158, 104)

# The figure's points, in a 0..1 box on the page.
POINTS = [(0.30, 0.70), (0.45, 0.56), (0.56, 0.63), (0.72, 0.40)]


def shade(x, y):
    """Colour (r, g, b, a) at point (x, y) in 0..1 coordinates."""
    if rounded_rect(x, y, 0.5, 0.5, 0.46, 0.46, 0.11) > 0:
        return (0, 0, 0, 0)
    colour = mix(TILE_TOP, TILE_BOTTOM, y)
    # The page (x 0.23..0.77, y 0.19..0.85) with its top-right corner folded down.
    fold, right, top = 0.11, 0.77, 0.19
    in_page = rounded_rect(x, y, 0.5, 0.52, 0.27, 0.33, 0.03) < 0
    near_corner = x > right - fold and y < top + fold
    cut = near_corner and (y - top) < (x - (right - fold))
    if in_page and not cut:
        colour = PAGE
        for rule_y, rule_end in ((0.31, 0.58), (0.79, 0.70)):
            if abs(y - rule_y) < 0.009 and 0.30 < x < rule_end:
                colour = RULE
        d_line = min(segment(x, y, *POINTS[i], *POINTS[i + 1], 0.024) for i in range(len(POINTS) - 1))
        if d_line < 0 or math.hypot(x - POINTS[-1][0], y - POINTS[-1][1]) < 0.045:
            colour = LINE
        if near_corner:
            colour = FOLD
    return (*colour, 255)


def render(size):
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter type 0
        for i in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sj in range(SS):
                for si in range(SS):
                    x = (i + (si + 0.5) / SS) / size
                    y = (j + (sj + 0.5) / SS) / size
                    r, g, b, a = shade(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3] > 0:
                rgb = [acc[k] / acc[3] for k in range(3)]
            else:
                rgb = [0, 0, 0]
            row += bytes([round(rgb[0]), round(rgb[1]), round(rgb[2]), round(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    with open(OUT, "wb") as f:
        f.write(png(SIZE, render(SIZE)))
    print(f"wrote {OUT} ({SIZE}x{SIZE})")
