"""The central sync server: FastAPI app, accounts, change feed, merge, admin CLI."""
