"""Stage 3: rules. Each module registers one rule (or a small family); this list is all."""

from sinkron.rules import (  # noqa: F401
    reading,
    sk101_unknown_indicator,
    sk102_village_not_in_regency,
    sk103_duplicate_plan,
    sk104_year_outside_period,
    sk105_unknown_activity_code,
    sk106_duplicate_activity,
    sk107_village_name_mismatch,
)
