"""pyproject.toml (pip) and environment.yml (conda, Binder) must list the same things."""

from __future__ import annotations

import re

import tomllib
import yaml

from widgets.paths import REPO_DIR

# pip name -> conda-forge name, where they differ.
CONDA_NAME: dict[str, str] = {}


def _split(requirement: str) -> tuple[str, str]:
    requirement = requirement.split(";")[0].strip()
    match = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, match.group(2).replace(" ", "")


def pip_requirements() -> dict[str, str]:
    project = tomllib.loads((REPO_DIR / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return dict(_split(r) for r in reqs)


def conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((REPO_DIR / "environment.yml").read_text())
    found = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            name, spec = _split(dep)
            if name not in {"python", "pip", "nodejs"}:
                found[name] = spec
    return found


def test_same_packages_and_bounds():
    pip = {CONDA_NAME.get(k, k): v for k, v in pip_requirements().items()}
    conda = conda_requirements()
    assert pip == conda


def test_environment_installs_the_workbook_itself():
    env = yaml.safe_load((REPO_DIR / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_every_dependency_has_a_lower_bound():
    for name, spec in pip_requirements().items():
        assert ">=" in spec, f"{name} needs a lower bound"
