"""Placeholder while being written."""
from flask import Blueprint

bp = Blueprint("gallery", __name__)
