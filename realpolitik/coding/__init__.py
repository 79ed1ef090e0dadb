"""Event coders, registered by versioned name (rules.v1, ...)."""
