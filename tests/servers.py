"""Real servers for the tests: the Elasticsearch-API emulator and a SeaweedFS S3 server.

Each runs in its own process group on fresh ports in a temporary folder, and is stopped with
SIGTERM, then SIGKILL after a grace period (``weed`` can take many seconds to exit).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerExited(RuntimeError):
    """The server stopped during start-up (most often: a port was taken between pick and bind)."""


def wait_for_http(url: str, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerExited(f"server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answers, even if it wants credentials
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s: {log.read_text()[-2000:]}")


def start(command: list[str], ready_url: str, workdir: Path, timeout: float = 60) -> subprocess.Popen:
    log = workdir / "server.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=workdir, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for_http(ready_url, timeout, process, log)
    except BaseException:
        stop(process)
        raise
    return process


@contextmanager
def running(launch, workdir: Path, attempts: int = 3):
    """Start the server ``launch()`` describes as (command, ready URL, value to yield), picking
    fresh ports on each attempt; stop it afterwards."""
    for attempt in range(1, attempts + 1):
        command, ready_url, value = launch()
        try:
            process = start(command, ready_url, workdir)
            break
        except ServerExited:
            if attempt == attempts:
                raise
    try:
        yield process, value
    finally:
        stop(process)


def stop(process: subprocess.Popen, grace: float = 5) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def elasticsearch_server(workdir: Path):
    """``noida-db`` serving the Elasticsearch 8 REST API; yields its URL."""

    def launch():
        port = free_port()
        command = [
            str(BIN / "noida-db"), "start", "--only", "elasticsearch",
            "--data-dir", str(workdir / "data"), "--elasticsearch-port", str(port),
        ]  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        return command, url, url

    with running(launch, workdir) as (_process, url):
        yield url


@dataclass
class S3Server:
    endpoint_url: str
    access_key: str
    secret_key: str
    bucket: str
    process: subprocess.Popen


@contextmanager
def s3_server(workdir: Path, bucket: str = "portal-test"):
    """``weed server`` with the S3 gateway, one identity and one bucket; yields an ``S3Server``."""
    access_key, secret_key = "portal-test-key", "portal-test-secret"
    config = workdir / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "portal",
                        "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                        "actions": ["Admin", "Read", "List", "Tagging", "Write"],
                    }
                ]
            }
        )
    )

    def launch():
        ports = {name: free_port() for name in ("master", "volume", "filer", "s3")}
        grpc = {name: free_port() for name in ports}
        data = workdir / f"data-{ports['s3']}"
        data.mkdir()
        command = [
            str(BIN / "weed"), "server", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
            f"-master.port={ports['master']}", f"-master.port.grpc={grpc['master']}",
            # Each bucket is a collection that grows volumes of its own: room for the tests that add buckets.
            "-master.volumeSizeLimitMB=64", "-volume.max=64",
            f"-volume.port={ports['volume']}", f"-volume.port.grpc={grpc['volume']}",
            "-filer", f"-filer.port={ports['filer']}", f"-filer.port.grpc={grpc['filer']}",
            "-s3", f"-s3.port={ports['s3']}", f"-s3.port.grpc={grpc['s3']}", f"-s3.config={config}",
            "-s3.port.iceberg=0", "-s3.port.lance=0", "-iam=false", "-webdav=false",
            f"-filer.localSocket={data / 'filer.sock'}",
        ]  # fmt: skip
        endpoint = f"http://127.0.0.1:{ports['s3']}"
        return command, endpoint, endpoint

    with running(launch, workdir) as (process, endpoint):
        server = S3Server(endpoint, access_key, secret_key, bucket, process)
        _create_bucket(server)
        yield server


def _create_bucket(server: S3Server, attempts: int = 50) -> None:
    import boto3
    from botocore.exceptions import ClientError, EndpointConnectionError

    client = boto3.client(
        "s3",
        endpoint_url=server.endpoint_url,
        aws_access_key_id=server.access_key,
        aws_secret_access_key=server.secret_key,
        region_name="us-east-1",
    )
    for _ in range(attempts):  # the filer may still be joining the master
        try:
            client.create_bucket(Bucket=server.bucket)
            return
        except (ClientError, EndpointConnectionError):
            time.sleep(0.2)
    client.create_bucket(Bucket=server.bucket)
