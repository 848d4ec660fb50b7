"""Placeholder while being written."""
from flask import Blueprint

bp = Blueprint("rating", __name__)
