"""The Agent Desk reference server: FastAPI over SQLAlchemy Core (SQLite or PostgreSQL)."""
