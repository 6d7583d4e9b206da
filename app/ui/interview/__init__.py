"""Interview mode for a walk-in: one question at a time, the engine's most decisive first."""
