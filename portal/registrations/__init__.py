"""Registrations for pages with seats (events, and later centre classes): personal data kept short."""
