"""Placeholder while being written."""
from flask import Blueprint

bp = Blueprint("meragatan", __name__)
