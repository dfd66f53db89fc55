"""Compiled page templates are shared between the pages Voila builds, and only while
their source and the environment's kind stay the same."""

from __future__ import annotations

import jinja2
import pytest

from bench.voila_client import run
from widgets.paths import REPO_DIR
from widgets.server import template_cache
from widgets.server.template_cache import SharedBytecodeCache


@pytest.fixture
def compiles(monkeypatch):
    """How many templates Jinja compiled from source."""
    count = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        if not raw:
            count.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return count


def env(cache, sources, **options):
    return jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache, **options)


def test_a_second_environment_loads_the_compiled_template(compiles):
    cache = SharedBytecodeCache()
    sources = {"page.html": "Hello {{ name }}"}
    first = env(cache, sources).get_template("page.html").render(name="Ana")
    second = env(cache, sources).get_template("page.html").render(name="Ana")
    assert first == second == "Hello Ana"
    assert compiles == ["page.html"]


def test_an_edited_template_is_compiled_again(compiles):
    cache = SharedBytecodeCache()
    env(cache, {"page.html": "old {{ name }}"}).get_template("page.html")
    edited = env(cache, {"page.html": "new {{ name }}"}).get_template("page.html")
    assert edited.render(name="text") == "new text"
    assert compiles == ["page.html", "page.html"]


def test_code_is_never_shared_between_kinds_of_environment(compiles):
    cache = SharedBytecodeCache()
    sources = {"page.html": "{% do items.append(1) %}{{ items | length }}"}
    env(cache, sources, extensions=["jinja2.ext.do"]).get_template("page.html")
    async_env = env(cache, sources, extensions=["jinja2.ext.do"], enable_async=True)
    template = async_env.get_template("page.html")
    assert compiles == ["page.html", "page.html"]
    assert run(template.render_async(items=[])) == "1"  # async code, on its own loop


def test_voila_page_exporters_share_one_cache(compiles, monkeypatch):
    from voila.exporter import VoilaExporter
    from voila.paths import collect_template_paths

    monkeypatch.setenv("JUPYTER_PATH", str(REPO_DIR / "share" / "jupyter"))
    template_cache.install()
    template_cache.install()  # a second call changes nothing
    paths = collect_template_paths(["voila", "nbconvert"], "gentle", prune=True)
    assert any(path.endswith("templates/gentle") for path in paths)
    first = VoilaExporter(template_paths=paths, template_name="gentle")
    assert first.environment.bytecode_cache is template_cache.CACHE
    first.template  # noqa: B018 - loading it is the point
    compiled = len(compiles)
    second = VoilaExporter(template_paths=paths, template_name="gentle")
    second.template  # noqa: B018
    assert compiled > 0
    assert len(compiles) == compiled, "the second page compiled its template again"
    assert second.environment is not first.environment
