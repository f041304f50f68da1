"""Draw the app icons (the white "W" of the site's header on its brand colour) as PNG files.

    python tools/draw_icons.py

Writes static/img/icon-192.png, icon-512.png (rounded, for any use), icon-maskable-512.png
(full bleed, the mark inside the safe zone), apple-touch-icon.png (180 px), favicon.ico
(16, 32 and 48 px PNGs in one ICO file, for browsers and tools that ask for /favicon.ico)
and social-card.png (1200 x 630, the og:image shown when a page is shared). Plain Python:
a small anti-aliased rasteriser and the PNG format from zlib, so no imaging library and no
network are needed. Run it again only when the mark or the colours change.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
BRAND = (0x0B, 0x4F, 0x6C)  # --brand in site.css
WHITE = (0xFF, 0xFF, 0xFF)
# The W as one polyline in a unit box: down, up to the middle, down, up.
W = [(0.0, 0.0), (0.25, 1.0), (0.5, 0.32), (0.75, 1.0), (1.0, 0.0)]


def _segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _rounded_rect_distance(px, py, size, radius):
    """Signed distance from a point to a square of `size` with rounded corners (<0 inside)."""
    half = size / 2
    qx = abs(px - half) - (half - radius)
    qy = abs(py - half) - (half - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def draw(size: int, *, mark_share: float, corner_share: float, height: int | None = None) -> bytes:
    """RGBA rows of one icon: the mark takes `mark_share` of the width, centred. A `height`
    other than `size` makes a wide image (the social card) with the mark in its middle."""
    width, height = size, height or size
    box = min(width, height) * mark_share
    left = (width - box) / 2
    top = (height - box * 0.8) / 2
    points = [(left + x * box, top + y * box * 0.8) for x, y in W]
    segments = list(zip(points, points[1:], strict=False))
    half_stroke = box * 0.075
    radius = size * corner_share
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # PNG filter: none
        py = y + 0.5
        for x in range(width):
            px = x + 0.5
            inside = 1.0
            if radius:
                inside = max(0.0, min(1.0, 0.5 - _rounded_rect_distance(px, py, size, radius)))
            distance = min(_segment_distance(px, py, *a, *b) for a, b in segments)
            ink = max(0.0, min(1.0, half_stroke + 0.5 - distance))
            colour = [round(BRAND[i] + (WHITE[i] - BRAND[i]) * ink) for i in range(3)]
            rows.extend((*colour, round(255 * inside)))
    return bytes(rows)


def png(size: int, rgba_rows: bytes, height: int | None = None) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, height or size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rgba_rows, 9))
        + chunk(b"IEND", b"")
    )


ICONS = {
    # name: (size, share of the width the mark takes, corner radius as a share of the width)
    "icon-192.png": (192, 0.62, 0.18),
    "icon-512.png": (512, 0.62, 0.18),
    # Maskable: the platform cuts its own shape; everything important stays in the central
    # circle of 80% (the safe zone), so the mark is smaller and the colour goes to the edge.
    "icon-maskable-512.png": (512, 0.46, 0.0),
    "apple-touch-icon.png": (180, 0.56, 0.0),
}


FAVICON_SIZES = (16, 32, 48)
SOCIAL_CARD = (1200, 630)


def ico(images: list[tuple[int, bytes]]) -> bytes:
    """An ICO file holding PNG images (every browser since 2010 reads PNG inside ICO)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        # width, height (0 means 256), colours, reserved, planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def main() -> None:
    for name, (size, mark, corner) in ICONS.items():
        data = png(size, draw(size, mark_share=mark, corner_share=corner))
        (OUT / name).write_bytes(data)
        print(f"{name}: {size}x{size}, {len(data)} bytes")
    # The favicon keeps the rounded corners of favicon.svg.
    favicon = ico([(s, png(s, draw(s, mark_share=0.7, corner_share=0.18))) for s in FAVICON_SIZES])
    (OUT / "favicon.ico").write_bytes(favicon)
    print(f"favicon.ico: {', '.join(map(str, FAVICON_SIZES))} px, {len(favicon)} bytes")
    width, height = SOCIAL_CARD
    card = png(width, draw(width, mark_share=0.5, corner_share=0.0, height=height), height)
    (OUT / "social-card.png").write_bytes(card)
    print(f"social-card.png: {width}x{height}, {len(card)} bytes")


if __name__ == "__main__":
    main()
