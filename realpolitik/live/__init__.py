"""Live work: polling feeds and pages (watch.py) and the alerts raised on new events (alerts.py)."""
