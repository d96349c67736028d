"""Wheel build hook: compiles the optional C extension ``jiaokan._speedups`` (lint/_speedups.c).

Without a working C compiler the wheel is built anyway, pure Python, with a warning: jiaokan then
runs the Python definitions in ``jiaokan.speedups`` and finds the same things, more slowly.
``JIAOKAN_NO_SPEEDUPS=1`` at build time skips the extension, and so does an editable install
(``pip install -e .`` runs the Python definitions).
"""

from __future__ import annotations

import os
import shutil
import tempfile

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class SpeedupsBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        self._tmp = None
        if self.target_name != "wheel" or version == "editable" or os.environ.get("JIAOKAN_NO_SPEEDUPS"):
            return
        self._tmp = tempfile.mkdtemp(prefix="jiaokan-build-")
        try:
            from setuptools import Distribution, Extension
            from setuptools.command.build_ext import build_ext

            ext = Extension("jiaokan._speedups", [os.path.join(self.root, "lint", "_speedups.c")])
            cmd = build_ext(Distribution({"name": "jiaokan", "ext_modules": [ext]}))
            cmd.build_lib = os.path.join(self._tmp, "lib")
            cmd.build_temp = os.path.join(self._tmp, "temp")
            cmd.ensure_finalized()
            cmd.run()
            (built,) = cmd.get_outputs()
        except Exception as exc:  # noqa: BLE001  (no compiler, no headers: a pure-Python wheel)
            self.app.display_warning(f"jiaokan: C speedups not built, pure Python instead ({exc})")
            return
        build_data["force_include"][built] = "jiaokan/" + os.path.basename(built)
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
