"""`pip install .` (not editable) gives a package that runs on its own: the wheel carries the
configuration, templates, static files, translations and migrations, and the app starts from any
directory, far from the checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

from bench.durability import Client, ConnectionBroken, free_port

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".venv", "instance", "build", "dist", "__pycache__", ".git", ".test-services", "bench", "tests"}

SMOKE = """
import sys
from pathlib import Path
import flask_migrate
import forum
from forum import create_app

here = Path(forum.__file__).resolve()
assert str(here).startswith(sys.argv[1]), here  # the installed copy, not the checkout
app = create_app()
with app.app_context():
    flask_migrate.upgrade()  # the migrations shipped in the wheel
client = app.test_client()
page = client.get("/auth/login")
assert page.status_code == 200, page.status_code
html = page.get_data(as_text=True)
assert 'name="email"' in html and 'name="password"' in html
css = [part.split('"')[0] for part in html.split('href="')[1:] if part.split('"')[0].endswith(".css")]
assert css, "no stylesheet linked"
for href in css:
    answer = client.get(href)
    assert answer.status_code == 200 and answer.data, href
    answer.close()
print("installed app ok", app.template_folder)
"""


def _copy_source(target: Path) -> None:
    """A clean copy of the source, so that the build writes nothing into the checkout."""
    def ignore(directory, names):
        top = Path(directory) == ROOT
        return {name for name in names if name in {"__pycache__", ".git"} or (top and name in SKIP_DIRS)
                or name.endswith(".pyc") or name.endswith(".egg-info")}

    shutil.copytree(ROOT, target, ignore=ignore)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A wheel built from the source, installed (without its dependencies) into a fresh virtualenv
    that borrows the test environment's site-packages for them."""
    base = tmp_path_factory.mktemp("packaging")
    source = base / "source"
    _copy_source(source)
    wheels = base / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
                            str(source)], capture_output=True, text=True, timeout=180)
    assert build.returncode == 0, build.stderr[-3000:]
    (wheel,) = wheels.glob("konsil-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    # Dependencies come from the test environment; its editable install of the checkout is not
    # activated this way (a path line in a .pth file does not run that directory's .pth files).
    (purelib / "konsil-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                              "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=120)
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "DATABASE_URL", "TEST_DATABASE_URL", "FORUM_ENV", "SECRET_KEY",
                          "FLASK_APP", "FORUM_INSTANCE_DIR", "VIRTUAL_ENV")}
    env.update({"PYTHONUNBUFFERED": "1", "FORUM_ENV": "development"})
    return {"wheel": wheel, "venv": venv, "python": python, "purelib": purelib, "cwd": elsewhere, "env": env}


def test_the_wheel_carries_templates_static_files_and_migrations(installed):
    package = installed["purelib"] / "forum"
    assert (package / "config.py").is_file()
    assert (package / "templates" / "base.html").is_file()
    assert (package / "templates" / "auth" / "login.html").is_file()
    assert list((package / "static" / "css").glob("*.css"))
    assert (package / "migrations" / "env.py").is_file() and list((package / "migrations" / "versions").glob("*.py"))
    assert (package / "translations").is_dir()


def test_the_installed_package_migrates_and_renders_from_another_directory(installed):
    result = subprocess.run([str(installed["python"]), "-c", SMOKE, str(installed["purelib"])],
                            cwd=installed["cwd"], env=installed["env"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "installed app ok" in result.stdout and str(installed["purelib"]) in result.stdout
    # Without a checkout around it, the instance folder follows Flask's rule for installed apps.
    assert (installed["venv"] / "var" / "konsil-instance" / "konsil.sqlite3").is_file()
    assert not (installed["cwd"] / "instance").exists()


def test_gunicorn_serves_the_installed_package_from_any_directory(installed):
    port = free_port()
    env = dict(installed["env"], FORUM_INSTANCE_DIR=str(installed["cwd"] / "state"))
    migrate = subprocess.run([str(installed["python"]), "-m", "flask", "--app", "forum:create_app()", "db", "upgrade"],
                             cwd=installed["cwd"], env=env, capture_output=True, text=True, timeout=120)
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    process = subprocess.Popen([str(installed["python"]), "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                                "--workers", "1", "forum:create_app()"], cwd=installed["cwd"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        client = Client(f"http://127.0.0.1:{port}", timeout=5)
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and answer is None:
            assert process.poll() is None, process.stderr.read()[-3000:]
            try:
                answer = client.request("GET", "/auth/login")
            except ConnectionBroken:
                time.sleep(0.2)
        assert answer is not None and answer.status == 200
        assert 'name="email"' in answer.body
    finally:
        process.terminate()
        process.wait(timeout=30)
