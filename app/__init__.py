"""policy-checker application layer: GUI (app.ui), CLI (app.cli), services and report export."""

APP_NAME = "policy-checker"
