"""The ``workbook`` command for facilitators: ``workbook validate`` checks data/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import validate


def _validate(args: argparse.Namespace) -> int:
    problems = validate(Path(args.data) if args.data else None)
    if not problems:
        if not args.quiet:
            print("All lesson files look good.")
        return 0
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"Found {len(problems)} {noun} to fix in the lesson files:\n", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    print("\nFix these, then run the check again.", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workbook", description="Owning It Gently tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check every file in data/ and list any problems")
    v.add_argument("--data", help="the data folder to check (default: this repo's data/)")
    v.add_argument("--quiet", action="store_true", help="print nothing when all is well")
    v.set_defaults(func=_validate)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
