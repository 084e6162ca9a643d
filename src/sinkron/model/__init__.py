"""Stage 2: pydantic models of targets and plans; no rule logic lives here."""
