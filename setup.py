"""Ships templates/, static/, translations/ and migrations/ inside the built package.

They stay at the top of the repository (where a checkout and an editable install use them);
a built wheel carries copies under forum/, where create_app looks first."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCE_FOLDERS = ("templates", "static", "translations", "migrations")


class build_py_with_resources(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in RESOURCE_FOLDERS:
            source = ROOT / name
            if source.is_dir():
                target = Path(self.build_lib) / "forum" / name
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": build_py_with_resources})
