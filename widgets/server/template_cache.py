"""Compiled page templates shared between pages, so building a page costs less.

Voila makes a new exporter, and with it a new Jinja environment, for every page it
builds, and a new environment compiles the whole template chain again (the workbook's
template, Voila's lab template, nbconvert's base templates). py-spy showed most of the
server's work while used pages were rebuilt going to parsing and compiling the same
unchanged templates; with this cache the server used 7.3 s of CPU instead of 10.1-10.9 s
to start and build 35 pages (about 90 ms less per page). The server is one process
shared by every visitor, so that time is taken from people already in a lesson.

Jinja's own answer to this is a bytecode cache: compiled templates kept by name and by
a checksum of their source, so an edited template is compiled afresh. This module
keeps one in memory for the life of the server and gives it to every environment
Voila's exporter makes. The environment's settings that change the compiled code
(async rendering, extensions) are part of the key, so code compiled for one kind of
environment is never loaded into another.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class SharedBytecodeCache(BytecodeCache):
    """Jinja bytecode kept in a dict that many environments share."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        flavour = f"async={environment.is_async};ext={','.join(sorted(environment.extensions))}"
        return super().get_bucket(environment, f"{flavour}\0{name}", filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = SharedBytecodeCache()


def install() -> None:
    """Give every Jinja environment Voila's page exporter makes the shared cache."""
    from voila.exporter import VoilaExporter

    if getattr(VoilaExporter, "_shares_bytecode", False):
        return
    create = VoilaExporter._create_environment

    def _create_environment(self):
        environment = create(self)
        environment.bytecode_cache = CACHE
        return environment

    VoilaExporter._create_environment = _create_environment
    VoilaExporter._shares_bytecode = True
