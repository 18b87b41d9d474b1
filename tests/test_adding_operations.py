"""What a maintainer gets from adding operations to a real spec: a copy of specs/useapi.yaml with a
JSON POST, a multipart upload and a 3 MiB download added, built by scripts.build.generate as `make
generate` builds it, gives an SDK whose three new calls work on every transport (CONTRIBUTING.md,
"Adding an operation"). The copy is built in a temporary directory; specs/ is left alone.
"""

from __future__ import annotations

import importlib
import io
import json
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
import yaml

from scripts.build import generate
from scripts.core.paths import GENERATOR_DIR, ROOT
from scripts.core.targets import Target
from tests.support.raw_server import RawServer, http_answer, request_body
from tests.support.transports import TRANSPORTS, transport_options

PACKAGE = "useapi_copy_client"
DOWNLOAD = bytes(range(256)) * (3 * 1024 * 1024 // 256)
ID = {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}
NEW_PATHS: dict[str, Any] = {
    "/v2/notes": {
        "post": {
            "operationId": "createNote",
            "tags": ["account"],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
                    }
                },
            },
            "responses": {"201": {"description": "Created.", "content": {"application/json": {"schema": ID}}}},
        }
    },
    "/v2/images": {
        "post": {
            "operationId": "uploadImage",
            "tags": ["account"],
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["image"],
                            "properties": {
                                "image": {"type": "string", "format": "binary"},
                                "prompt": {"type": "string"},
                            },
                        }
                    }
                },
            },
            "responses": {"200": {"description": "Stored.", "content": {"application/json": {"schema": ID}}}},
        }
    },
    "/v2/videos/{name}": {
        "get": {
            "operationId": "downloadVideo",
            "tags": ["account"],
            "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "The video.",
                    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                }
            },
        }
    },
}


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The SDK built from the copy, importable as useapi_copy_client."""
    workdir = tmp_path_factory.mktemp("useapi-copy")
    spec = yaml.safe_load((ROOT / "specs" / "useapi.yaml").read_text(encoding="utf-8"))
    spec["paths"].update(NEW_PATHS)
    (workdir / "useapi.yaml").write_text(json.dumps(spec, indent=1), encoding="utf-8")  # JSON is YAML, alias-free
    config = yaml.safe_load((GENERATOR_DIR / "useapi.yaml").read_text(encoding="utf-8"))
    config.update(project_name_override="useapi-copy-client", package_name_override=PACKAGE)
    (workdir / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    target = Target(workdir / "useapi.yaml", workdir / "config.yaml", "useapi-copy-client", PACKAGE)
    project = generate.render(target, workdir / "out")
    sys.path.insert(0, str(project))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(project))


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    with RawServer() as raw:
        yield raw


async def call(sdk: ModuleType, server: RawServer, transport: str, operation: str, answer: bytes, **kwargs: Any) -> Any:
    server.answer = lambda request: answer
    server.requests.clear()
    module = importlib.import_module(f"{PACKAGE}.api.account.{operation}")
    client = sdk.AuthenticatedClient(base_url=server.base_url, token="REDACTED", **transport_options(transport))
    try:
        if transport == "sync":
            return module.sync(client=client, **kwargs)
        return await module.asyncio(client=client, **kwargs)
    finally:
        if transport != "sync":
            await client.get_async_httpx_client().aclose()


@pytest.mark.parametrize("transport", TRANSPORTS)
async def test_the_three_added_operations_work_on_every_transport(
    sdk: ModuleType, server: RawServer, transport: str
) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    created_json = http_answer("201 Created", b'{"id": 7}', content_type="application/json")
    note = await call(sdk, server, transport, "create_note", created_json, body=models.CreateNoteBody(text="hi"))
    assert note.id == 7
    assert json.loads(request_body(server.requests[0])) == {"text": "hi"}

    image = sdk.types.File(payload=io.BytesIO(b"PNG"), file_name="a.png", mime_type="image/png")
    body = models.UploadImageBody(image=image, prompt="a cat")
    stored = await call(
        sdk, server, transport, "upload_image", created_json.replace(b"201 Created", b"200 OK"), body=body
    )
    assert stored.id == 7
    sent = request_body(server.requests[0])
    assert b'name="image"; filename="a.png"' in sent and b"PNG" in sent and b"a cat" in sent

    video = http_answer("200 OK", DOWNLOAD, content_type="application/octet-stream")
    downloaded = await call(sdk, server, transport, "download_video", video, name="clip.mp4")
    assert downloaded.payload.read() == DOWNLOAD
    assert server.requests[0].startswith(b"GET /v2/videos/clip.mp4 ")
