"""What machines read: OAI-PMH, JSON-LD wiring, the sitemap and the API. Reads the domain apps;
nothing imports it."""
