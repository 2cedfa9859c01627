"""Request bodies that a route validates itself, from the raw bytes in one pydantic-core
pass, with the same 422 answers and OpenAPI schema as FastAPI's own body parameters."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

from caseworker.sync import protocol as p


def is_json(content_type: str | None) -> bool:
    """Whether a request's Content-Type is JSON (none counts as JSON, as in FastAPI)."""
    if content_type is None:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def push_batch(request: Request) -> p.PushBatch:
    """The push body, validated from its raw bytes in one pydantic-core pass
    (``model_validate_json``) instead of ``json.loads`` plus validation of the objects.
    Errors are answered as FastAPI's own body validation answers them (422, ``body`` first
    in each location); the schema is the route's ``openapi_extra`` (:func:`json_body`)."""
    body = await request.body()
    if not is_json(request.headers.get("content-type")):
        raise RequestValidationError(
            [{"type": "model_attributes_type", "loc": ("body",), "msg": "expected a JSON object"}]
        )
    try:
        return p.PushBatch.model_validate_json(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]
        ) from None


def json_body(model: type[BaseModel]) -> dict[str, Any]:
    """``openapi_extra`` of a route that validates its body itself: the same required JSON
    request body as a ``body: model`` parameter gives (the model's schema is added to the
    components by :func:`add_body_schemas`)."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"content": {"application/json": {"schema": ref}}, "required": True}}


def add_body_schemas(app: FastAPI, models: tuple[type[BaseModel], ...]) -> None:
    """Add the schemas of bodies validated by the routes themselves to ``/openapi.json``."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        done = app.openapi_schema is not None
        schema = generate()  # cached in app.openapi_schema
        if not done:
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                own = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schemas.update(own.pop("$defs", {}))
                schemas[model.__name__] = own
            schema["components"]["schemas"] = dict(sorted(schemas.items()))
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
