"""The team dashboard for team leads: indicators, households behind each number, CSV export."""
