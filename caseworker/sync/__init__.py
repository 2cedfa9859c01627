"""Synchronisation between the desktop client and the server (wire protocol in ``protocol``)."""
