"""The data model, one module per aggregate (DESIGN §3)."""
from forum.models.board import Board, BoardRole, Category
from forum.models.content import Post, Thread
from forum.models.unit import Unit
from forum.models.user import User

__all__ = ["Board", "BoardRole", "Category", "Post", "Thread", "Unit", "User"]
