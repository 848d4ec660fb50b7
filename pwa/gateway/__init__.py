"""The SMS/WhatsApp gateway the office's notifications go out through (MENTARI_NOTIFY_SENDER)."""
