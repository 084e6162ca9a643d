"""JSON Schema of the YAML formats, generated from the pydantic models, for editors and CI.

The models read values with validators (model.values) that accept more than their Python
type says: money as `"Rp 45.000.000"`, decimals as `"4,13"`, codes with patterns. A YAML
editor sees a YAML 1.2 document (`850_000_000` and `"4,13"` are strings there), so each
validator is mapped to what it accepts as the editor sees it.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from sinkron import __version__
from sinkron.i18n import Lang, Msg
from sinkron.model import plan as plan_model
from sinkron.model import targets as targets_model
from sinkron.model import values as v
from sinkron.model.build import UNWAIVABLE

# A number written as text, the Indonesian way or with YAML underscores ("Rp 45.000.000",
# "4,13", 850_000_000 which YAML 1.2 reads as a string).
NUMBER_TEXT = r"^\s*([Rr][Pp]\.?|IDR)?\s*[-+]?[0-9][0-9._ ]*(,[0-9]+)?\s*$"
COUNT_TEXT = r"^\s*[0-9][0-9._ ]*\s*$"
YEAR_TEXT = r"^\s*(20[0-9]{2}|2100)\s*$"
_NN = r"(0?[1-9]|[1-9][0-9])"  # bidang or sub bidang: 1..99, an optional leading zero
ACTIVITY_CODE = rf"^{_NN}[. ]+{_NN}[. ]+[0-9]{{1,2}}\.*$"
CODE_PATTERN = rf"^({_NN}[. ]+{_NN}[. ]+[0-9]{{1,2}}\.*|{_NN}([. ]+{_NN})?[. ]*\*)$"
VILLAGE_CODE = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$"
REGENCY_CODE = r"^[0-9]{2}\.[0-9]{2}$"
SNAKE = r"^[a-z][a-z0-9_]*$"
NOT_BLANK = r"\S"


def anycase(*words: str) -> str:
    """A pattern matching any of `words` in any letter case, with spaces around."""
    def one(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c)
                       for c in word)
    return r"^\s*(" + "|".join(one(w) for w in words) + r")\s*$"


def _number(kind: str, text: str = NUMBER_TEXT, **limits: int) -> JsonSchemaValue:
    return {"anyOf": [{"type": kind, **limits}, {"type": "string", "pattern": text}]}


TEXT: JsonSchemaValue = {"anyOf": [{"type": "string", "pattern": NOT_BLANK},
                                   {"type": ["number", "boolean"]}]}
FLAG: JsonSchemaValue = {"anyOf": [{"type": "boolean"}, {"enum": [0, 1]}, {
    "type": "string", "pattern": anycase("true", "false", "ya", "tidak", "yes", "no", "y", "n",
                                         "1", "0")}]}

# validator function -> what it accepts, as a YAML editor sees the value
BY_READER: dict[object, JsonSchemaValue] = {
    v.to_money: _number("integer"),
    v.to_decimal: _number("number"),
    v.to_whole: _number("integer"),
    v.to_year: _number("integer", YEAR_TEXT, minimum=2000, maximum=2100),
    v.to_bool: FLAG,
    v.to_text: TEXT,
    v.to_activity_code: {"type": "string", "pattern": ACTIVITY_CODE},
    v.to_code_pattern: {"type": "string", "pattern": CODE_PATTERN},
    v.to_village_code: {"type": "string", "pattern": VILLAGE_CODE},
    v.to_regency_code: {"type": "string", "pattern": REGENCY_CODE},
    v.to_snake: {"type": "string", "pattern": SNAKE},
    targets_model._direction: {"anyOf": [
        {"enum": ["decrease", "increase", "within", "turun", "naik", "rentang"]},
        {"type": "string", "pattern": anycase("decrease", "increase", "within", "turun",
                                              "naik", "rentang")}]},
    plan_model._document: {"anyOf": [
        {"enum": ["RKPDes", "RKP Desa"]},
        {"type": "string", "pattern": anycase("rkpdes", "rkp desa", "rkpdesa")}]},
}
COUNT = _number("integer", COUNT_TEXT, minimum=0)
KEYS: dict[object, JsonSchemaValue] = {v.to_year: {"pattern": r"^(20[0-9]{2}|2100)$"},
                                       v.to_snake: {"pattern": SNAKE}}


def _reader(schema: Any) -> object:
    """The validator function of a function-before/after core schema, if any."""
    function = schema.get("function", {}) if isinstance(schema, dict) else {}
    return function.get("function")


class _EditorView(GenerateJsonSchema):
    """pydantic's generator, with sinkron's value readers mapped as above."""

    def function_before_schema(
            self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        fragment = BY_READER.get(_reader(schema))
        return dict(fragment) if fragment is not None else super().function_before_schema(
            schema)

    def function_after_schema(
            self, schema: core_schema.AfterValidatorFunctionSchema) -> JsonSchemaValue:
        if _reader(schema) is v._non_negative:
            return dict(COUNT)
        return super().function_after_schema(schema)

    def dict_schema(self, schema: core_schema.DictSchema) -> JsonSchemaValue:
        values = self.generate_inner(schema["values_schema"]) if "values_schema" in schema \
            else {}
        values.pop("title", None)
        out: JsonSchemaValue = {"type": "object", "additionalProperties": values or True}
        keys = KEYS.get(_reader(schema.get("keys_schema")))
        if keys is not None:
            out["propertyNames"] = dict(keys)
        return out


class PlanFile(BaseModel):
    """A village plan file as a whole (model.build validates it piece by piece)."""

    model_config = ConfigDict(extra="forbid", title="sinkron plan")

    village: plan_model.Village
    plan: plan_model.PlanHeader
    indicators: list[plan_model.IndicatorEntry] = Field(default_factory=list)
    activities: list[plan_model.Activity] = Field(default_factory=list)


TITLES = {"plan": Msg("sinkron village plan (RKP Desa)", "Rencana desa sinkron (RKP Desa)"),
          "targets": Msg("sinkron regency targets", "Target kabupaten sinkron")}
M_GENERATED = Msg("Generated by sinkron {version} (`sinkron schema {kind}`).",
                  "Dibuat oleh sinkron {version} (`sinkron schema {kind}`).")


def rule_keys(codes: dict[str, str]) -> JsonSchemaValue:
    """What a waiver, policy.severity or policy.ignore accepts: a code or name (any case)."""
    usable = sorted(k for k, code in codes.items() if code not in UNWAIVABLE)
    return {"anyOf": [{"enum": usable}, {"type": "string", "pattern": anycase(*usable)}]}


def build(kind: str, lang: Lang = "en") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plan or targets YAML file."""
    from sinkron.rules.registry import code_names
    from sinkron.schema_text import describe

    model: type[BaseModel] = PlanFile if kind == "plan" else targets_model.Targets
    body = model.model_json_schema(schema_generator=_EditorView, mode="validation")
    defs = body.get("$defs", {})
    codes = rule_keys(code_names())
    for name in ("Village", "Activity"):
        if name in defs:
            defs[name]["properties"]["waive"]["propertyNames"] = codes
    if "Policy" in defs:
        defs["Policy"]["properties"]["severity"]["propertyNames"] = codes
        defs["Policy"]["properties"]["ignore"]["items"] = codes
        levels = ("error", "warning", "info")  # read in any case
        defs["Policy"]["properties"]["severity"]["additionalProperties"] = {
            "anyOf": [{"enum": list(levels)}, {"type": "string", "pattern": anycase(*levels)}]}
    describe(body, lang)
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": TITLES[kind]().get(lang),
            "description": M_GENERATED(version=__version__, kind=kind).get(lang)}
    body.pop("title", None)
    body.pop("description", None)
    return head | body
