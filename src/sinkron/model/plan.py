"""One village's yearly work plan (RKP Desa)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from sinkron.model.targets import Baseline, Strict
from sinkron.model.values import ActivityCode, Count, Decimal, Money, Snake, Text, VillageCode, Year


def _document(raw: object) -> object:
    if isinstance(raw, str) and raw.strip().replace(" ", "").lower() == "rkpdesa":
        return "RKPDes"
    if isinstance(raw, str) and raw.strip().lower() == "rkpdes":
        return "RKPDes"
    return raw


class Village(Strict):
    code: VillageCode
    name: Text
    district: Text
    population: Count
    counts: dict[Snake, Count] = Field(default_factory=dict)
    waive: dict[Text, Text] = Field(default_factory=dict)


class PlanHeader(Strict):
    document: Annotated[Literal["RKPDes"], BeforeValidator(_document)]
    year: Year
    funds: dict[Text, Money]


class TargetPoint(Strict):
    year: Year
    value: Decimal


class IndicatorEntry(Strict):
    id: Snake
    baseline: Baseline | None = None
    target: TargetPoint | None = None


class Output(Strict):
    volume: Decimal | None = None
    unit: Text | None = None


class Activity(Strict):
    code: ActivityCode
    name: Text
    supports: list[Snake] = Field(default_factory=list)
    budget: Money
    fund: Text
    output: Output | None = None
    location: Text | None = None
    waive: dict[Text, Text] = Field(default_factory=dict)

