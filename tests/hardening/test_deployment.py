"""The production path as shipped: deploy/gunicorn.conf.py, scripts/serve.sh (`make serve`) with an
env file, the systemd unit, the nginx site in front of the app, and .env.example."""
from __future__ import annotations

import http.client
import json
import os
import re
import runpy
import shutil
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.durability import Client, ConnectionBroken, free_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def gunicorn_settings(**env) -> dict:
    saved = dict(os.environ)
    try:
        for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS", "KONSIL_BIND"):
            os.environ.pop(name, None)
        os.environ.update(env)
        return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_gunicorn_settings_come_from_the_environment():
    default = gunicorn_settings()
    assert default["bind"] == ["127.0.0.1:8000"] and default["worker_class"] == "sync" and default["workers"] >= 2
    assert default["forwarded_allow_ips"] == "" and default["secure_scheme_headers"] == {}
    assert default["accesslog"] is None and default["preload_app"] is False
    assert default["timeout"] > 15  # longer than SQLite's busy timeout
    tuned = gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_THREADS="4", KONSIL_BIND="0.0.0.0:9000")
    assert (tuned["workers"], tuned["threads"], tuned["worker_class"], tuned["bind"]) == (3, 4, "gthread",
                                                                                         ["0.0.0.0:9000"])


def production_env(tmp_path: Path, **extra) -> dict:
    env = {key: value for key, value in os.environ.items()
           if key not in ("TEST_DATABASE_URL", "DATABASE_URL", "SECRET_KEY", "FORUM_ENV", "ENV_FILE")}
    env.update({"FORUM_INSTANCE_DIR": str(tmp_path / "instance"), "PYTHONUNBUFFERED": "1",
                "RATELIMIT_STORAGE_URI": f"konsil+sqlite:///{tmp_path / 'ratelimits.sqlite3'}"})
    env.update(extra)
    return env


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, capture_output=True, text=True,
                            env=production_env(tmp_path, FORUM_ENV="production"))
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_refuses_insecure_cookies_except_on_loopback(tmp_path):
    insecure = production_env(tmp_path, FORUM_ENV="production", SECRET_KEY="x" * 64, SESSION_COOKIE_SECURE="false",
                              FORUM_BASE_URL="https://konsil.example.org")
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, capture_output=True, text=True,
                            env=insecure)
    assert result.returncode != 0 and "SESSION_COOKIE_SECURE=false" in result.stderr
    loopback = dict(insecure, FORUM_BASE_URL="http://127.0.0.1:8000")
    assert subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=loopback).returncode == 0


def test_gunicorn_check_config_loads_the_production_app(tmp_path):
    result = subprocess.run([str(Path(sys.executable).with_name("gunicorn")), "--check-config", "-c",
                             str(DEPLOY / "gunicorn.conf.py"), "wsgi:app"], cwd=ROOT, capture_output=True, text=True,
                            env=production_env(tmp_path, FORUM_ENV="production", SECRET_KEY="x" * 64), timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def wait_healthy(base_url: str, process: subprocess.Popen, seconds: float = 90) -> dict:
    client = Client(base_url, timeout=5)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            answer = client.request("GET", "/healthz")
            if answer.status == 200:
                return json.loads(answer.body)
        except ConnectionBroken:
            pass
        time.sleep(0.2)
    raise AssertionError("no answer from /healthz")


def test_make_serve_reads_an_env_file_migrates_and_serves_with_several_workers(tmp_path):
    port = free_port()
    env_file = tmp_path / "konsil.env"
    env_file.write_text(
        "# a comment\n"
        "FORUM_ENV=production\n"
        f"SECRET_KEY='{'s' * 64}'\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'serve.sqlite3'}\n"
        f"KONSIL_BIND=127.0.0.1:{port}\n"
        "WEB_CONCURRENCY=2\n"
        "LOG_CLIENT_ADDRESS=none\n"
        "SITE_TAGLINE=$(touch /tmp/konsil-serve-must-not-run-this)\n"
    )
    log = tmp_path / "serve.log"
    with open(log, "w") as output:
        process = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, stdout=output,
                                   stderr=subprocess.STDOUT, env=production_env(tmp_path, ENV_FILE=str(env_file)))
    try:
        health = wait_healthy(f"http://127.0.0.1:{port}", process)
        assert health == {"status": "ok", "checks": {"database": "ok", "rate_limit_storage": "ok"}}
        login = Client(f"http://127.0.0.1:{port}").request("GET", "/auth/login")
        assert login.status == 200 and "strict-transport-security" not in login.headers
        workers = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        assert len(workers) == 2
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    assert process.returncode == 0
    assert not Path("/tmp/konsil-serve-must-not-run-this").exists(), "serve.sh expanded a value from the env file"
    text = log.read_text()
    assert "Running upgrade" in text  # the schema was migrated before serving
    lines = [line for line in text.splitlines() if line.startswith("{")]
    requests = [json.loads(line) for line in lines if '"event": "request"' in line]
    assert requests and all(entry["endpoint"] in ("ops.healthz", "auth.login") for entry in requests)
    assert any(json.loads(line)["logger"] == "gunicorn.error" for line in lines)  # gunicorn's own lines are JSON


def test_the_systemd_unit_is_valid(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed here; the unit was not checked")
    unit = (DEPLOY / "konsil.service").read_text()
    assert "ExecStart=/opt/konsil/scripts/serve.sh" in unit and "EnvironmentFile=/etc/konsil/konsil.env" in unit
    (tmp_path / "konsil.env").write_text("")
    local = unit.replace("/opt/konsil", str(ROOT)).replace("/etc/konsil/konsil.env", str(tmp_path / "konsil.env"))
    (tmp_path / "konsil.service").write_text(local)
    result = subprocess.run([analyze, "verify", str(tmp_path / "konsil.service")], capture_output=True, text=True,
                            timeout=60)
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if "konsil.service" in line]
    assert result.returncode == 0 and complaints == []


def test_env_example_names_only_real_settings():
    known = set(re.findall(r'(?:environ\.get|_bool|_int|_list)\(\s*"([A-Z][A-Z0-9_]+)"',
                           (ROOT / "forum" / "config.py").read_text() + (DEPLOY / "gunicorn.conf.py").read_text()))
    known |= set(re.findall(r"\$\{?([A-Z][A-Z0-9_]+)", (ROOT / "scripts" / "serve.sh").read_text()))
    example = (ROOT / ".env.example").read_text()
    names = set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert {"SECRET_KEY", "DATABASE_URL", "RATELIMIT_STORAGE_URI", "TRUSTED_PROXY_COUNT", "FORUM_ENV"} <= names
    assert names - known == set()
    assert re.search(r"^SECRET_KEY=$", example, re.MULTILINE), "the example must not ship a usable secret"


# --------------------------------------------------------------------------- nginx in front of the app

@pytest.fixture
def nginx_in_front(tmp_path, app_config, request):
    """The shipped site file, on free ports with a throw-away certificate, in front of the app served
    over HTTP with TRUSTED_PROXY_COUNT=1 and a small login limit."""
    nginx, openssl = shutil.which("nginx") or "/usr/sbin/nginx", shutil.which("openssl")
    if not (os.path.exists(nginx) and openssl):
        pytest.skip("nginx or openssl is not installed here; the nginx site was not tried")
    from tests.browser_support import LiveServer

    app_config.update(TRUSTED_PROXY_COUNT=1, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://",
                      RATELIMIT_LOGIN_PER_ADDRESS="3 per 5 seconds")
    app = request.getfixturevalue("app")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
                   check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    with LiveServer(app) as server:
        site = (DEPLOY / "nginx-konsil.conf").read_text()
        site = (site.replace("listen 80;", f"listen 127.0.0.1:{http_port};").replace("listen [::]:80;", "")
                .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
                .replace("listen [::]:443 ssl http2;", "")
                .replace("/etc/letsencrypt/live/konsil.example.org/fullchain.pem", str(tmp_path / "cert.pem"))
                .replace("/etc/letsencrypt/live/konsil.example.org/privkey.pem", str(tmp_path / "key.pem"))
                .replace("/var/log/nginx/konsil.access.log", str(tmp_path / "access.log"))
                .replace("/opt/konsil/static/", f"{ROOT}/static/")
                .replace("server 127.0.0.1:8000", f"server 127.0.0.1:{server.server.server_port}"))
        (tmp_path / "site.conf").write_text(site)
        (tmp_path / "nginx.conf").write_text(
            f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\ndaemon off;\nevents {{}}\n"
            f"http {{\n  client_body_temp_path {tmp_path}/body;\n  proxy_temp_path {tmp_path}/proxy;\n"
            f"  fastcgi_temp_path {tmp_path}/fastcgi;\n  uwsgi_temp_path {tmp_path}/uwsgi;\n"
            f"  scgi_temp_path {tmp_path}/scgi;\n  include {tmp_path}/site.conf;\n}}\n")
        check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        process = subprocess.Popen([nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                probe = http.client.HTTPConnection("127.0.0.1", http_port, timeout=2)
                try:
                    probe.request("GET", "/")
                    probe.getresponse().read()
                    break
                except OSError:
                    time.sleep(0.1)
                finally:
                    probe.close()
            yield {"http": http_port, "https": https_port, "access_log": tmp_path / "access.log"}
        finally:
            process.terminate()
            process.wait(timeout=20)


def via_nginx(port: int, method: str, path: str, headers: dict | None = None, body: str | None = None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=20, context=context)
    all_headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_behind_the_shipped_nginx_site_forged_headers_change_nothing(nginx_in_front):
    ports = nginx_in_front
    plain = http.client.HTTPConnection("127.0.0.1", ports["http"], timeout=10)
    plain.request("GET", "/auth/login")
    redirect = plain.getresponse()
    plain.close()
    assert redirect.status == 301 and redirect.getheader("Location").startswith("https://")
    page = via_nginx(ports["https"], "GET", "/auth/login")
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security")  # the app saw https, from nginx
    assert re.fullmatch(r"[0-9a-f]{32}", page.getheader("X-Request-ID"))  # nginx's $request_id, adopted
    assert page.getheader("Content-Security-Policy") and page.getheader("Server") == "nginx"
    statuses = [via_nginx(ports["https"], "POST", "/auth/login", {"X-Forwarded-For": f"203.0.113.{n}",
                                                                    "X-Real-IP": f"203.0.113.{n}"},
                          f"email=nobody{n}%40example.org&password=wrong").status for n in range(4)]
    assert statuses == [200, 200, 200, 429]  # the client's own X-Forwarded-For was thrown away
    static = via_nginx(ports["https"], "GET", "/static/css/app.css")
    assert static.status == 200 and static.getheader("X-Content-Type-Options") == "nosniff"
    log = ports["access_log"].read_text()
    assert "/auth/login" not in log and "127.0.0.1" not in log and '"status":429' in log
