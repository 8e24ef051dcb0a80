"""Small pure helpers shared by every app (no Django imports)."""
