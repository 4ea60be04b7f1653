"""Where the bundled data lives: the repository's own folders."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATUTES = ROOT / "statutes"
STANDARDS = ROOT / "standards"
TEMPLATES = ROOT / "reports"
DEFAULT_OUT = ROOT / "out"
