"""Draw the application icon: a red rounded square with a white 审 (WenQuanYi Micro Hei).

    .venv/bin/python packaging/make_icon.py

Writes resources/icons/app.png (256 px, used by the window at run time) and
resources/icons/app.ico (16-256 px, embedded in the Windows executable). Both files are
committed, so the build needs neither Pillow's font support nor the font itself.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
RED = (200, 16, 46, 255)  # 中国红
WHITE = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 32
    pen.rounded_rectangle((margin, margin, size - margin, size - margin), radius=size // 6, fill=RED)
    font = ImageFont.truetype(FONT, int(size * 0.70))
    left, top, right, bottom = pen.textbbox((0, 0), "审", font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - (bottom - top)) / 2 - top
    pen.text((x, y), "审", font=font, fill=WHITE)
    return image


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    png = big.resize((256, 256), Image.LANCZOS)
    png.save(OUT / "app.png", optimize=True)
    big.resize((256, 256), Image.LANCZOS).save(OUT / "app.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
