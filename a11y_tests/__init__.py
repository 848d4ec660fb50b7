"""Browser accessibility audits (axe-core via Selenium and headless Chromium)."""
