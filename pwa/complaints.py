"""Placeholder while being written."""
from flask import Blueprint

bp = Blueprint("complaints", __name__)
