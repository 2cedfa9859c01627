"""The one family plan: editor section, dialogs, revision history, future plan, escalation."""
