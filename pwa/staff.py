"""Placeholder while being written."""
from flask import Blueprint

bp = Blueprint("staff", __name__)
