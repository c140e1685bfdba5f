"""Re-maps the replay cases a generator just wrote to the published MCP-38 and OWASP MCP ids (scripts/remap-taxonomy.py).

The generators keep writing the project's first category ids, which their cases were written with; this turns every
file they write into the ids the committed corpus carries, so `python3 scripts/remap-taxonomy.py --check` stays clean
after regenerating.
"""
import importlib.util
import pathlib

_spec = importlib.util.spec_from_file_location("remap_taxonomy", pathlib.Path(__file__).resolve().parent / "remap-taxonomy.py")
_remap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_remap)


def remap_file(path):
    """Rewrites one JSON Lines file in place (idempotent: re-mapped cases are left alone)."""
    path = pathlib.Path(path)
    after = _remap.remap_jsonl(path)
    if after != path.read_text(encoding="utf-8"):
        path.write_text(after, encoding="utf-8")


def remap_folder(folder, names=None):
    """Rewrites every *.jsonl in folder (or only `names`)."""
    for path in sorted(pathlib.Path(folder).glob("*.jsonl")):
        if names is None or path.name in names:
            remap_file(path)
