"""Create/edit dialogs (one module each); they save through the services."""
